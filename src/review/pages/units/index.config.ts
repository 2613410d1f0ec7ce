export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '单位登记审核',
});
