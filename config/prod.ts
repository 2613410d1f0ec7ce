import type { UserConfigExport } from '@tarojs/cli';
import { buildConstants } from './constants';

export default {
  defineConstants: buildConstants('production'),
  // Taro's defaults for mini-programs minify timidly (most compress passes off, ES5 output, every
  // Chinese character written as a \u escape: 6 bytes instead of UTF-8's 3). WeChat reads UTF-8
  // scripts and runs ES2017 on the phones package.json's browserslist names, so the main package
  // is minified fully (issue 21: main package ≤ 512 KB).
  terser: {
    enable: true,
    config: {
      compress: {
        ecma: 2017,
        arrows: true,
        collapse_vars: true,
        comparisons: true,
        computed_props: true,
        hoist_props: true,
        inline: true,
        loops: true,
        properties: true,
        reduce_funcs: true,
        reduce_vars: true,
        switches: true,
        typeofs: true,
        passes: 2,
      },
      output: { ecma: 2017, comments: false, ascii_only: false },
    },
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
