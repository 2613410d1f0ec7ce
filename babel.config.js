// babel-preset-taro is what Taro's webpack runner compiles the app with; the framework follows the
// platform being built (config/framework.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Babel reads its config as CommonJS
const { frameworkFor } = require('./config/framework');

module.exports = {
  presets: [['taro', { framework: frameworkFor(process.env.TARO_ENV), ts: true, compiler: 'webpack5' }]],
};
