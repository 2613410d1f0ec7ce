/**
 * What an applicant is told when an edit of their application is refused: what happened and what
 * to do, in plain Chinese. The handlers name the case; the words live here, beside the rules.
 */
export const APPLICATION_REFUSAL = {
  notTyped: '这一项不是网上填写的内容，请返回申报页重新选择',
  notUploaded: '这一项不是网上上传的材料，请返回申报页重新选择',
  notListed: '这一项没有要逐条填写的内容，请返回申报页重新选择',
  chooseFrom: (name: string, options: readonly string[]) => `${name}请从这几项中选择：${options.join('、')}`,
  entry: (index: number, message: string) => `第${index + 1}条：${message}`,
  noSuchDeclaration: '本批次没有这条需要确认的要求，请刷新申报页',
  onlyReturnedConfirm: '只有被退回的申报才需要逐项确认。',
  notReturnedItem: '退回意见里没有这一项，请刷新申报页',
  windowNotStarted: { detail: '网上申报还没有开始，请到开始时间后再提交。', message: '现在不在网上申报时间内，没有提交。' },
  windowClosed: '网上申报已经截止，没有提交。',
  noSuchOffer: '本批次没有这个申报项目，请返回自测结果重新选择',
  /** A reason the engine gives, with the notice's clause. */
  reason: (message: string, clause: string) => `${message}（第${clause}条）`,
  jpegOnly: '这一项只收 JPG 图片，请拍照或选择图片上传。',
  incompleteUpload: '上传的内容不完整，请重新上传',
  incompletePhoto: '照片没有传完整，请重新拍照',
  pdfNotMaskedHere: 'PDF 文件不在这里遮挡，请上传前处理好',
  drawAMask: '选了“需要遮挡”，请至少画一个遮挡框；不需要遮挡请选“否”',
} as const;
