export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '审核申报',
});
