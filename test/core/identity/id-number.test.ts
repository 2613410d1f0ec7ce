import { checkIdNumber, idCheckCharacter } from '../../../src/core/identity/id-number';

const TODAY = '2024-08-30';

/** A valid number for a birth date: the first 17 digits and their check character. */
function valid(birth: string, region = '652801', sequence = '123'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

describe('idCheckCharacter (GB 11643, ISO 7064 MOD 11-2)', () => {
  it.each([
    // The example of GB 11643-1999 appendix A.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckCharacter(first17)).toBe(check);
  });
});

describe('checkIdNumber', () => {
  it('accepts a valid number and gives the birth date', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('reads full-width digits, spaces and a lower-case x as typed on a phone', () => {
    expect(checkIdNumber(' １１０１０５ 19491231002x ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it.each<[string, string, RegExp]>([
    ['an empty field', '', /请填写/],
    ['17 digits', '11010519491231002', /应为18位.*填了17位/],
    ['a letter inside', '1101051949A231002X', /应为18位/],
    ['one digit mistyped', '11010519491231003X', /校验位不对/],
    ['two digits swapped', '11010591491231002X', /出生日期不正确|校验位不对/],
    ['30 February', valid('1990-02-30'), /出生日期不正确/],
    ['a birth date after today', valid('2025-01-01'), /出生日期不正确/],
  ])('refuses %s with a reason', (_name, text, message) => {
    const result = checkIdNumber(text, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkIdNumber(valid('1988-02-29'), TODAY).ok).toBe(true);
  });
});
