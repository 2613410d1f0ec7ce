/**
 * What an applicant is told after WeChat's subscription prompt: the prompt did not open (WeChat's
 * error code; 20004: the mini-program's notices are switched off), or a reminder they did not get
 * (refused, stopped by WeChat, filtered as a duplicate title). Where such a notice goes instead:
 * the in-app list under 我的申报.
 */
export function promptAnswerTexts(errCode: number | null, answers: readonly { readonly title: string; readonly answer: string }[]): string[] {
  const texts: string[] = [];
  if (errCode === 20004) texts.push('您在微信里关闭了本小程序的消息通知，收不到提醒。请在微信“我 → 设置 → 消息通知”或本小程序右上角“…→ 设置”中打开后再试。');
  else if (errCode !== null) texts.push(`微信没有弹出提醒授权（错误码 ${errCode}），请稍后再试；通知仍会显示在“我的申报”里。`);
  for (const { title, answer } of answers) {
    if (answer === 'reject') texts.push(`您没有允许“${title}”，这类通知只显示在“我的申报”里。需要时可再点“接收微信提醒”。`);
    if (answer === 'ban') texts.push(`“${title}”已被微信停用，这类通知只显示在“我的申报”里。`);
    if (answer === 'filter') texts.push(`“${title}”与其他提醒的标题相同，被微信过滤了，这类通知只显示在“我的申报”里。`);
  }
  return texts;
}
