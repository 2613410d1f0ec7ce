import fc from 'fast-check';
import { blindText, isBlind } from '../../../src/core/evaluation/blind-text';

const who = { name: '王建新', idNumber: '11010519491231002X', unitName: '阿克苏地区水利水电勘测设计院' };

describe('blindText', () => {
  it.each([
    ['王建新同志于2018年主持渠道改造', '本人同志于2018年主持渠道改造'],
    ['在阿克苏地区水利水电勘测设计院工作', '在xxx工作'],
    ['在水利水电勘测设计院任技术员', '在xxx任技术员'],
    ['身份证 11010519491231002X', '身份证 （身份证号已隐去）'],
    ['同事身份证 11010519491231002x 也写进来了', '同事身份证 （身份证号已隐去） 也写进来了'],
    ['另一个号码 650102199001011234', '另一个号码 （身份证号已隐去）'],
    ['电话 13899990000 不是身份证号', '电话 13899990000 不是身份证号'],
  ])('blinds %s', (text, blinded) => {
    expect(blindText(text, who)).toBe(blinded);
  });

  it('leaves no name, ID number or unit in any text, and is idempotent', () => {
    const parts = fc.constantFrom(who.name, who.idNumber, who.unitName, '水利水电勘测设计院', '本人', '负责', '渠道', '2019年', ' ');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 12 }), (chunks) => {
        const out = blindText(chunks.join(''), who);
        expect(out).not.toContain(who.name);
        expect(out).not.toContain(who.idNumber);
        expect(out).not.toContain('水利水电勘测设计院');
        expect(isBlind(out, who)).toBe(true);
      }),
    );
  });
});
