import { findIdentity, spanRect, type OcrLine } from '../../../src/core/masking/identity-finder';

const who = { name: '王建新', idNumber: '11010519491231002X', unitName: '阿克苏地区水利水电勘测设计院' };
/** A line across most of the page at height `y`. */
const line = (text: string, y = 0.3, x = 0.1, w = 0.8): OcrLine => ({ text, box: { x, y, w, h: 0.04 } });

describe('findIdentity', () => {
  it('finds the name, and only the matched part of its line', () => {
    const [found, ...rest] = findIdentity([line('姓名：王建新　性别：男')], who);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ kind: 'name', reason: '识别到您的姓名' });
    // 3 of the line's 10 characters, after 3: a narrow box inside the line's.
    expect(found!.rect.x).toBeGreaterThan(0.1 + 0.8 * 0.25);
    expect(found!.rect.w).toBeLessThan(0.8 * 0.45);
  });

  it.each([
    ['split by spaces', '王 建 新'],
    ['with full-width spaces', '王　建　新'],
  ])('finds the name %s', (_what, text) => {
    expect(findIdentity([line(text)], who).map((f) => f.kind)).toEqual(['name']);
  });

  it('finds the parts of a name joined by ·', () => {
    const kinds = findIdentity([line('持证人：吐尔洪·买买提'), line('吐尔洪 同志')], { name: '吐尔洪·买买提', idNumber: null, unitName: null });
    // The whole name once on the first line (not its parts again), its first part on the second.
    expect(kinds.map((f) => f.kind)).toEqual(['name', 'name']);
  });

  it.each([
    ['half-width', '身份证号：11010519491231002X'],
    ['full-width digits', '身份证号：１１０１０５１９４９１２３１００２Ｘ'],
    ['spaced in groups', '110105 19491231 002x'],
    ['cut off at the edge (15 of 18)', '证件号码 110105194912310'],
  ])('finds the ID number %s', (_what, text) => {
    expect(findIdentity([line(text)], who).map((f) => f.kind)).toEqual(['id_number']);
  });

  it('finds the unit whole, in its short form, and across a line break', () => {
    expect(findIdentity([line('工作单位：阿克苏地区水利水电勘测设计院')], who).map((f) => f.kind)).toEqual(['unit']);
    expect(findIdentity([line('在水利水电勘测设计院工作')], who).map((f) => f.kind)).toEqual(['unit']);
    const broken = findIdentity([line('兹证明阿克苏地区水利水电', 0.3), line('勘测设计院职工王五', 0.35)], who);
    expect(broken.map((f) => f.kind)).toEqual(['unit', 'unit']);
    expect(broken[0]!.rect.y).toBeLessThan(broken[1]!.rect.y);
  });

  it('never suggests another person’s name or ID number', () => {
    expect(findIdentity([line('审核人：李娜'), line('650102199001011234'), line('王建')], who)).toEqual([]);
  });
});

describe('spanRect', () => {
  it('counts digits narrower than Chinese characters', () => {
    const l = line('号12345678', 0, 0, 1);
    const digits = spanRect(l, 1, 9);
    const han = spanRect(l, 0, 1);
    expect(digits.w).toBeGreaterThan(han.w * 3);
    expect(digits.x).toBeGreaterThan(han.x);
  });
});
