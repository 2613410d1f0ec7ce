import * as z from 'zod';
import { calendarDay } from '../time/calendar-day';

/** The fields many actions' payloads share, each with the Chinese message a bad value gets. */
export const Empty = z.strictObject({});
export const RoundId = z.string().trim().min(1, '请选择评审批次').max(80, '评审批次编号过长');
export const OfferKey = z.string().trim().min(1, '请选择申报的级别').max(120, '申报项目编号过长');
export const ApplicationId = z.string().trim().min(1, '请选择一份申报').max(300, '申报编号过长');
export const CategoryCode = z.string().trim().min(1, '请选择材料类别').max(80, '材料类别编号过长');
export const FileRef = z.string().trim().min(1, '文件还没有上传').max(500, '文件编号过长');
export const RequestId = z.string().trim().min(8, '请求编号不正确').max(64, '请求编号不正确');
export const MeetingId = z.string().trim().min(1, '请选择一次评审会').max(120, '评审会编号过长');
/** A calendar date (Beijing), real: 2024-02-30 is refused. */
export const BeijingDate = calendarDay('请选择一个真实的日期');
export const ItemCode = z.number({ message: '请选择一份申报' }).int('编号不正确').min(1, '编号不正确').max(10000, '编号不正确');
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件校验值不正确，请重新上传');

/** Characters a name must not hide: controls (NUL, BEL, CR, LF …), bidi overrides and isolates, zero-width ones, a BOM. */
const HIDDEN = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/**
 * Whether a string holds a UTF-16 surrogate without its pair (not a character at all). A loop, not
 * a lookbehind regex or isWellFormed(): the phones' engines (iOS 12 on) have neither.
 */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

/**
 * A name people read (a person's, a unit's), as it is kept and printed on rosters and documents:
 * Unicode NFC, trimmed, its length counted after both; refused when it carries a control,
 * direction-changing or invisible character, or a broken one, with `hidden` saying so in Chinese.
 */
export function readableName(limits: { readonly min: number; readonly max: number; readonly tooShort: string; readonly tooLong: string; readonly hidden: string }) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(limits.min, limits.tooShort)
    .max(limits.max, limits.tooLong)
    .refine((value) => !HIDDEN.test(value) && !hasLoneSurrogate(value), limits.hidden);
}
