/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 18 characters, the last a check character
 * computed from the first 17 (ISO 7064 MOD 11-2), the birth date in characters 7–14. An ID number
 * is asked only where a feature needs it, and checked before it is kept: a mistyped digit is
 * caught here, not by a reviewer weeks later.
 */

export type IdNumberCheck =
  | { readonly ok: true; readonly value: string; readonly birthDate: string }
  | { readonly ok: false; readonly message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character (0–9 or X) for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Full-width digits and a lower-case or full-width x, as phone keyboards type them, read as ASCII. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X');
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Checks an ID number; `today` (YYYY-MM-DD, Beijing) bounds the birth date. */
export function checkIdNumber(text: string, today: string): IdNumberCheck {
  const value = normalise(text);
  if (value === '') return { ok: false, message: '请填写身份证号码。' };
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, message: `身份证号码应为18位（最后一位可以是X），您填了${value.length}位，请核对。` };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || birthDate > today) {
    return { ok: false, message: '身份证号码中的出生日期不正确，请核对第7到14位。' };
  }
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, message: '身份证号码的校验位不对，可能有一位输错了，请对照身份证核对。' };
  }
  return { ok: true, value, birthDate };
}
