export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '评审批次编制',
});
