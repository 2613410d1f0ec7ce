/**
 * Values shortened and cleaned to fit WeChat's keyword rules, so a long unit name, a place with a
 * line break or a name in another script never makes a message WeChat refuses (47003). Lengths are
 * counted in characters (code points), as WeChat counts them.
 */

// Pictographs, and what joins or modifies them (variation selector, zero-width joiner, keycap, skin tones).
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}|[\u{1F3FB}-\u{1F3FF}]/gu;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const HAN = /\p{Script=Han}/u;

const chars = (text: string) => [...text];

/** Line breaks and control characters as spaces, emoji dropped, runs of spaces as one, trimmed. */
export function clean(text: string): string {
  return text.replace(EMOJI, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A `thing` (≤ 20 characters by default): cut with an ellipsis when longer; `fallback` when nothing is left. */
export function fitThing(text: string, fallback: string, max = 20): string {
  const value = clean(text);
  if (value === '') return fallback;
  const list = chars(value);
  return list.length <= max ? value : `${list.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * A `name`: 10 characters when it has Chinese characters, 20 letters otherwise; no digits. A long
 * 阿卜杜热合曼·买买提艾力 keeps its given name (before the ·) when that fits, else its first characters.
 */
export function fitName(text: string): string {
  const letters = clean(text).replace(/[\p{N}]/gu, '').replace(/[・.]/g, '·');
  // A Chinese name is Chinese characters (and the · of a transliterated one) only; another is letters and spaces.
  const value = HAN.test(letters)
    ? letters.replace(/[^\p{Script=Han}·]/gu, '').replace(/·+/g, '·').replace(/^·|·$/g, '')
    : letters.replace(/[^\p{L}\p{M}·\s-]/gu, '').replace(/\s+/g, ' ').trim();
  if (value === '' || value === '·') return '申报人';
  const max = HAN.test(value) ? 10 : 20;
  if (chars(value).length <= max) return value;
  const given = value.split('·')[0]!.trim();
  if (given !== '' && chars(given).length <= max) return given;
  return chars(value).slice(0, max).join('').trim();
}
