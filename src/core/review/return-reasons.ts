import * as z from 'zod';
import { typedText } from '../text/text-input';

/**
 * Why a reviewer returns an application, per material category, structured so the applicant knows
 * what to fix where, and the audit trail ("谁审查谁负责") says what was asked.
 */
export const ReturnReasonKind = z.enum(['incomplete', 'wrong_format', 'unclear_photo', 'wrong_information', 'missing_attachment', 'masking', 'other']);
export type ReturnReasonKind = z.infer<typeof ReturnReasonKind>;

export const RETURN_REASON_TEXT: Readonly<Record<ReturnReasonKind, string>> = {
  incomplete: '材料不全',
  wrong_format: '格式不对',
  unclear_photo: '照片不清晰',
  wrong_information: '信息有误',
  missing_attachment: '缺少附件',
  masking: '遮挡不对',
  other: '其他',
};

export const ReturnReason = z
  .strictObject({
    /** The material category, or `identity` / `general` for the application as a whole. */
    category: z.string().trim().min(1, '请选择材料类别').max(80, '材料类别编号过长'),
    kind: ReturnReasonKind,
    text: typedText({ max: 200, tooLong: '说明最多 200 字' }).default(''),
  })
  .refine((r) => r.kind !== 'other' || r.text !== '', { message: '选“其他”时请写明原因', path: ['text'] });
export type ReturnReason = z.infer<typeof ReturnReason>;
