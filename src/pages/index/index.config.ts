export default definePageConfig({
  navigationBarTitleText: '职称评审通',
  enablePullDownRefresh: true,
});
