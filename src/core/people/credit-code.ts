/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and the capitals without I, O, S, V, Z;
 * the last is a check character over the first 17 (weights 3^i mod 31, GB/T 17710's MOD 31-3):
 * 31 − (Σ value × weight mod 31), 31 written as 0.
 */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character the first 17 characters call for. */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, c, i) => total + CREDIT_CODE_CHARS.indexOf(c) * WEIGHTS[i]!, 0);
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** The code as people type it: spaces dropped, letters capitalised (full-width ones too). */
export function normaliseCreditCode(typed: string): string {
  return typed.replace(/[\s\u3000-]/g, '').replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();
}

/** What is wrong with a code, in words for the person typing it; null when it is a valid code. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码是 18 位，现在是 ${code.length} 位，请对照营业执照或登记证书核对。`;
  const bad = [...code].find((c) => !CREDIT_CODE_CHARS.includes(c));
  if (bad) return `统一社会信用代码里不会有“${bad}”（只用数字和除 I、O、S、V、Z 外的大写字母），请核对。`;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码的最后一位（校验码）对不上，可能有一位输错了，请对照营业执照或登记证书核对。';
  return null;
}
