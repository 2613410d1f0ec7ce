import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import webpack from 'webpack';
import devConfig from './dev';
import prodConfig from './prod';
import { ModuleSizes } from './module-sizes';
import { frameworkFor } from './framework';

/**
 * Taro build configuration. weapp and h5 write to separate folders (dist/weapp, dist/h5) so the
 * two builds never overwrite each other; project.config.json points WeChat DevTools at dist/weapp.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'h5';
  const runtimePort = Number(process.env.RUNTIME_PORT ?? 8787);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhicheng-pingshen-tong',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Nesting levels base.wxml spells out as templates (Taro's default 16, each ~2.7 KB of the main
    // package); a deeper tree goes on through Taro's recursive `comp` component. 12 keeps every
    // page's usual depth in templates (test/weapp/render draws every page with WeChat's compiler).
    baseLevel: 12,
    outputRoot: `dist/${platform}`,
    plugins: [],
    copy: { patterns: [], options: {} },
    // WeChat: Preact (through preact/compat; the code imports 'react'), so the main package WeChat
    // downloads before anything shows is ~90 KB smaller than with React's reconciler (issue 21);
    // 10.21 is the newest Taro 4.2.1's mini-program DOM runs (later ones call Node.contains). The
    // H5 build (local runtime, e2e) stays on React: Taro's H5 component wrappers do not update a
    // changed attribute under Preact (aria-disabled stayed "true" on 开始申报). Shared by
    // babel.config.js through frameworkFor().
    framework: frameworkFor(platform),
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      webpackChain(chain) {
        // `WEAPP_STATS=<file>`: which modules each chunk holds, for weighing the packages' size.
        if (process.env.WEAPP_STATS) {
          chain.plugin('module-sizes').use(ModuleSizes, [process.env.WEAPP_STATS]);
          chain.optimization.concatenateModules(false);
        }
      },
      postcss: {
        // rem, not rpx: every page sets `page-meta root-font-size="system"` (src/components/
        // system-font), so 1rem is the phone's font size and the whole page follows a large font
        // setting, as the H5 build does. 32 design px = 1rem = 16 CSS px at the default size.
        pxtransform: { enable: true, config: { targetUnit: 'rem', baseFontSize: 16 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // One bundle, so every page works offline once the app has loaded (the self-check promises
      // it); in WeChat the whole package is on the phone anyway.
      webpackChain(chain) {
        chain.plugin('single-chunk').use(webpack.optimize.LimitChunkCountPlugin, [{ maxChunks: 1 }]);
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        port: 10086,
        host: '127.0.0.1',
        open: false,
        // The H5 app calls the local cloud runtime on the same origin; in dev the dev server forwards.
        // changeOrigin: the runtime answers only requests addressed to its own loopback host and port.
        proxy: [{ context: ['/api', '/dev', '/files', '/upload'], target: `http://127.0.0.1:${runtimePort}`, changeOrigin: true }],
      },
    },
  };
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
