/**
 * The UI framework per platform, read by Taro's config (config/index.ts) and Babel's preset
 * (babel.config.js), which must agree: Preact for WeChat (a smaller main package), React for H5.
 * @param {string | undefined} platform TARO_ENV
 * @returns {'preact' | 'react'}
 */
function frameworkFor(platform) {
  return platform === 'weapp' ? 'preact' : 'react';
}

module.exports = { frameworkFor };
