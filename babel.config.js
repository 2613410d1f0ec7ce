// babel-preset-taro is what Taro's webpack runner compiles the app with.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
