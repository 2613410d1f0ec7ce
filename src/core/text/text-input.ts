import * as z from 'zod';

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

/** What typed text loses at the boundary: controls (but a line's end and a tab), bidi controls, zero-width characters, a BOM. */
const UNSEEN = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const withoutUnseen = (value: string) => value.replace(UNSEEN, (c) => (c === '\n' || c === '\t' ? c : ''));

/**
 * Text a person types (an essay, a reason, an opinion, a place, a row of a form), as it is kept:
 * Unicode NFC; line ends kept as LF where the text has lines (`lines: true`), otherwise read as a
 * space; controls, direction overrides and zero-width characters removed rather than refused (they
 * arrive with pasted text and nobody sees them); trimmed; the length counted after all that. A
 * broken character (half of a surrogate pair) cannot be repaired: refused, saying so.
 */
export function typedText(limits: { readonly max: number; readonly tooLong: string; readonly min?: number; readonly tooShort?: string; readonly lines?: boolean }) {
  return z
    .string()
    .refine((value) => !hasLoneSurrogate(value), '内容里有无法识别的字符（可能是复制时断开的表情或生僻字），请删掉后重新输入')
    .transform((value) => {
      const ends = value.normalize('NFC').replace(/\r\n?/g, '\n');
      return withoutUnseen(limits.lines ? ends : ends.replace(/[\n\t]+/g, ' ')).trim();
    })
    .pipe(z.string().min(limits.min ?? 0, limits.tooShort ?? '请填写内容').max(limits.max, limits.tooLong));
}
