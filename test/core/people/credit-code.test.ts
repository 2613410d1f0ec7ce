import { creditCodeCheckChar, creditCodeProblem, normaliseCreditCode } from '../../../src/core/people/credit-code';

/**
 * GB 32100-2015's check character. Valid codes: the example the standard is usually quoted with
 * (91350100M000100Y43) and published codes of well-known companies; invalid: each changed in one
 * place, and codes using a letter the standard leaves out.
 */
describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000802100433B', '91440300708461136T'])('accepts %s and computes its check character', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('refuses a wrong check character, a changed character, a wrong length and letters the standard leaves out', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('统一社会信用代码的最后一位（校验码）对不上，可能有一位输错了，请对照营业执照或登记证书核对。');
    expect(creditCodeProblem('91350100M000101Y43')).toMatch(/校验码/);
    expect(creditCodeProblem('91350100M000100Y4')).toBe('统一社会信用代码是 18 位，现在是 17 位，请对照营业执照或登记证书核对。');
    expect(creditCodeProblem('91350100M000100I43')).toBe('统一社会信用代码里不会有“I”（只用数字和除 I、O、S、V、Z 外的大写字母），请核对。');
    expect(creditCodeProblem('9135010OM000100Y43')).toMatch(/“O”/);
  });

  it('takes the code as typed: spaces, lower case and full-width characters', () => {
    expect(normaliseCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });

  it('writes a remainder of 0 as the check character 0, not as 31', () => {
    // 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + F(15)·28 = 620 = 20 × 31.
    expect(creditCodeCheckChar('9135010000000000F')).toBe('0');
    expect(creditCodeProblem('9135010000000000F0')).toBeNull();
  });
});
