/**
 * Every error code both sides share, with the plain-Chinese message a user reads.
 * Codes are dotted: AREA.REASON. A message says what happened and what to do next.
 */
export const errorMessages = {
  'REQUEST.MALFORMED': '请求格式不正确。请刷新页面后重试。',
  'REQUEST.UNKNOWN_FUNCTION': '请求的服务不存在。请更新小程序后重试。',
  'REQUEST.UNKNOWN_ACTION': '请求的操作不存在。请更新小程序后重试。',
  'REQUEST.TOO_LARGE': '提交的内容过大。请减少内容后重试。',
  'REQUEST.METHOD_NOT_ALLOWED': '请求方式不正确。请更新小程序后重试。',
  'REQUEST.INVALID_PAYLOAD': '提交的内容不符合要求。请按提示修改后重新提交。',
  'REQUEST.ID_REUSED': '这个操作编号已用于另一项操作，这次没有执行。请刷新页面后重新操作。',
  'REQUEST.BAD_HOST': '请求的地址不正确。请用本机地址（127.0.0.1）打开本地应用。',
  'AUTH.NOT_SIGNED_IN': '您还没有登录。请先登录后再操作。',
  'AUTH.UNKNOWN_PERSON': '没有找到您的账号信息。请联系所在单位的管理员为您登记。',
  'AUTH.FORBIDDEN': '您没有权限进行此操作。如有疑问，请联系所在单位的管理员。',
  'STORE.CONFLICT': '数据已被他人修改。请刷新后再试，您的修改尚未保存。',
  'STORE.DUPLICATE_ID': '该记录已经存在，无需重复提交。',
  'STORE.NOT_FOUND': '没有找到要修改的记录，它可能已被删除。请刷新后再试。',
  'NOT_FOUND': '没有找到相关内容。请返回上一页刷新后再试。',
  'ROUND.NOT_FOUND': '没有找到这个评审批次。请返回首页重新选择。',
  'WORKSHOP.NOT_ISSUER': '只有发布这个批次的人社局或评审委员会可以编制、发布它。',
  'APPLICATION.NOT_FOUND': '没有找到这份申报。请返回“我的申报”刷新后再试。',
  'APPLICATION.NO_ANSWERS': '还没有这个批次的自测答案。请先用这个批次做一次资格自测，再开始申报。',
  'APPLICATION.INELIGIBLE': '按您的自测答案，这一项现在不能申报。原因见下方；如答案有误，请修改回答后再试。',
  'APPLICATION.WINDOW_CLOSED': '这一项的网上申报已经截止，不能再新建申报。',
  'APPLICATION.NOT_DRAFT': '这份申报已经提交，正在审核或已经办结，现在不能改材料；被退回后才能修改。',
  'APPLICATION.INCOMPLETE': '还有没完成的材料，没有提交。请按下面列出的逐项补齐后再提交。',
  'APPLICATION.SUBMISSION_LIMIT': '提交次数已经用完，按通知规定不能再提交。',
  'APPLICATION.FILE_NOT_YOURS': '这个文件不是您上传的，不能加入您的申报。请重新上传。',
  'APPLICATION.MASKS_REFUSED': '遮挡框不符合要求，没有保存。请按提示修改后再保存。',
  'APPLICATION.RETURN_OVERDUE': '退回后的修改期限已过，按通知视为放弃申报，不能再提交。',
  'REVIEW.WRONG_STATUS': '这份申报已经不在这一步了，可能别人刚刚办理过。请刷新后再看。',
  'REVIEW.REFUSED': '这一步现在不能办理，原因见下方。',
  'REVIEW.OUT_OF_SCOPE': '这份申报不在您的审核范围内。',
  'APPLICATION.OTHER_CHANNEL': '同一年度同一系列（专业）、同一级别只能选择一种方式申报，您今年已经用另一种方式建了申报。',
  'MEETING.NOT_FOUND': '没有找到这次评审会。请返回评审会列表刷新后再试。',
  'MEETING.NOTHING_READY': '这个批次还没有可以评审的申报：要已缴费，需要答辩的还要已答辩。',
  'MEETING.NO_EXPERTS': '这个批次还没有登记评审专家。请先联系管理员登记评审专家，再安排评审会。',
  'MEETING.CLOSED': '这次评审会的结果已经发布，不能再投票或修改结果。',
  'MEETING.REFUSED': '这一步现在不能办理，原因见下方。',
  'EXPORT.NO_TEMPLATE': '这份文书的模板还没有放到服务器上。请联系管理员补上模板后再试。',
  'OCR.UNAVAILABLE': '这次没能识别照片上的文字。请自己仔细检查，画框盖住姓名、身份证号、单位名称和公章。',
  'FILE.NOT_FOUND': '文件不存在或已被删除。请重新上传。',
  'FILE.TOO_LARGE': '文件太大。请压缩到 10MB 以内后重新上传。',
  'FILE.BAD_TYPE': '文件格式不支持。请上传 JPG 图片或 PDF 文件。',
  'FILE.CONTENT_MISMATCH': '文件内容与它的格式不符，可能已损坏或不是图片。请重新拍照或选择原文件上传。',
  'FILE.TOO_MANY_PIXELS': '图片像素太多，可能不是正常的照片或扫描件。请用手机重新拍照，扫描件请用不高于 600dpi 的分辨率。',
  'FILE.QUOTA_PENDING': '已上传、还没有添加到材料里的文件太多了。请先把已上传的照片添加到材料里；没有用上的文件一天后会自动清除。',
  'FILE.QUOTA_FULL': '材料文件已到上限。请删去重复或不需要的照片后再上传。',
  'FILE.NOT_RESERVED': '这个文件上传前没有登记。请回到页面重新选择文件上传。',
  'FILE.NOT_CHECKED': '这张照片还没有通过检查。请重新拍照上传。',
  'FILE.URL_EXPIRED': '文件链接已过期。请返回后重新打开。',
  'MESSAGE.NO_CONSENT': '对方尚未订阅此类消息，消息未发送。',
  'MESSAGE.INVALID_VALUE': '消息内容不符合微信的格式要求，消息未发送。',
  'MESSAGE.BAD_OPENID': '接收人的微信身份无效，消息未发送。',
  'MESSAGE.BAD_TEMPLATE': '消息模板无效，消息未发送。请联系管理员。',
  'MESSAGE.BAD_PAGE': '消息要打开的页面无效，消息未发送。请联系管理员。',
  'MESSAGE.BUSY': '微信繁忙，消息稍后重发。',
  'MESSAGE.FAILED': '消息发送失败，请稍后重试。',
  'NETWORK.UNREACHABLE': '网络连接失败。请检查网络后重试。',
  'NETWORK.TIMEOUT': '服务器响应超时。请稍后重试。',
  'SYSTEM.BUSY': '系统繁忙，请稍后重试。您的操作没有生效。',
  'UNIT.TOO_MANY_TRIES': '邀请码试错的次数太多了，请稍后再试，或先向单位管理员核对邀请码。',
  'UNIT.CODE_IMAGE_FAILED': '邀请二维码暂时没有生成出来。请稍后再试；也可以先复制邀请码发给同事。',
  'INTERNAL.ERROR': '服务器出了点问题，您的操作没有生效。请稍后重试，如仍失败请联系管理员。',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** An expected failure as a value, ready to show to a user. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level details in Chinese, e.g. which payload field was wrong. */
  readonly details?: readonly string[];
}

export function appError(code: ErrorCode, details?: readonly string[], message?: string): AppError {
  return details && details.length > 0
    ? { code, message: message ?? errorMessages[code], details }
    : { code, message: message ?? errorMessages[code] };
}

/**
 * What kind of failure a code is, which decides what the screen says and offers: the network
 * (check it, retry), a busy server (retry soon), a server fault (nothing was done, retry later),
 * or a refusal (the server said no; its message says why and what to do instead).
 */
export type ErrorKind = 'network' | 'busy' | 'fault' | 'refused';

export function errorKind(code: ErrorCode): ErrorKind {
  if (code.startsWith('NETWORK.')) return 'network';
  if (code === 'SYSTEM.BUSY') return 'busy';
  if (code === 'INTERNAL.ERROR') return 'fault';
  return 'refused';
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, value);
}
