// app.json is made at build time, so this is the build's one platform test; the app's code
// differs by platform only in src/services/platform.
const isWeapp = process.env.TARO_ENV === 'weapp';

// The dev login exists only in the H5 build served by the local runtime; in WeChat the platform
// identifies the caller.
const devPages = isWeapp ? [] : ['pages/login/index'];

// `npm run bench` builds once without the self-check to measure its share of the main package.
const selfCheckPages = process.env.BENCH_WITHOUT_SELF_CHECK === '1' ? [] : ['pages/self-check/index', 'pages/self-check/result'];

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/round/index', ...selfCheckPages, 'pages/applications/index', 'pages/application/index', 'pages/mask/index', 'pages/defense/index', 'pages/unit/index', ...devPages],
  // Reviewer and committee pages: applicants never download them (WeChat loads a subpackage when it is opened).
  subPackages: [
    { root: 'review', pages: ['pages/queue/index', 'pages/application/index', 'pages/units/index'] },
    { root: 'committee', pages: ['pages/queue/index', 'pages/defense/index', 'pages/meetings/index', 'pages/meeting/index', 'pages/evaluate/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '职称评审通',
    navigationBarTextStyle: 'black',
  },
  style: 'v2',
  // H5 only (app.json has no such key): no sliding page transition. It briefly doubles the page
  // width, which shifts the layout for anyone zoomed in and makes screenshots taken mid-slide wrong.
  ...(isWeapp ? {} : { animation: false }),
  lazyCodeLoading: 'requiredComponents',
  // WeChat asks the app (onNeedPrivacyAuthorization) before photos are collected; see PrivacyPrompt.
  ...(isWeapp ? { __usePrivacyCheck__: true } : {}),
});
