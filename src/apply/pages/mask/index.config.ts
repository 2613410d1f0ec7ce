export default definePageConfig({
  // page-meta sets the root font to the phone's (src/components/system-font).
  enablePageMeta: true,
  navigationBarTitleText: '遮挡',
});
