// app.json is made at build time, so this is the build's one platform test; the app's code
// differs by platform only in src/services/platform.
const isWeapp = process.env.TARO_ENV === 'weapp';

// The dev login exists only in the H5 build served by the local runtime; in WeChat the platform
// identifies the caller.
const devPages = isWeapp ? [] : ['pages/login/index'];

// `npm run bench` builds once without the self-check to measure its share of the main package.
const selfCheckPages = process.env.BENCH_WITHOUT_SELF_CHECK === '1' ? [] : ['pages/self-check/index', 'pages/self-check/result'];

export default defineAppConfig({
  // What an applicant meets first stays in the main package, which WeChat downloads before anything shows.
  pages: ['pages/index/index', 'pages/round/index', ...selfCheckPages, 'pages/unit/index', ...devPages],
  // WeChat loads a subpackage when one of its pages is first opened. The applicant's own pages
  // (我的申报, the application, masking, the defense) are requested as soon as the home page or the
  // self-check's result shows (preloadRule), so the first tap on 开始申报 or 我的申报 does not wait; reviewers' and the
  // committee's pages only when opened, applicants never download them.
  subPackages: [
    { root: 'apply', pages: ['pages/applications/index', 'pages/application/index', 'pages/mask/index', 'pages/defense/index'] },
    { root: 'review', pages: ['pages/queue/index', 'pages/application/index', 'pages/units/index'] },
    { root: 'committee', pages: ['pages/queue/index', 'pages/defense/index', 'pages/meetings/index', 'pages/meeting/index', 'pages/evaluate/index'] },
    // The issuing offices' round workshop (评审批次编制): only they ever download it.
    { root: 'workshop', pages: ['pages/index/index', 'pages/draft/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['apply'] },
    // Reached without the home page too (a shared round): its 开始申报 opens the application.
    'pages/self-check/result': { network: 'all', packages: ['apply'] },
  },
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
