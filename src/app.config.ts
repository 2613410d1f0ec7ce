// The dev login exists only in the H5 build served by the local runtime; in WeChat the platform
// identifies the caller.
const devPages = process.env.TARO_ENV === 'weapp' ? [] : ['pages/login/index'];

export default defineAppConfig({
  pages: ['pages/index/index', ...devPages],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '职称评审通',
    navigationBarTextStyle: 'black',
  },
  style: 'v2',
  lazyCodeLoading: 'requiredComponents',
});
