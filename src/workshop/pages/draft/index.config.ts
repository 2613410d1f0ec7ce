export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '编制批次',
});
