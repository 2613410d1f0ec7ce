import { accountContract } from '../../../src/core/contracts/functions/account.contract';
import { unitsContract } from '../../../src/core/contracts/functions/units.contract';

/**
 * Names are normalised at the boundary (issue 22, item 6): NFC, trimmed, counted after both; a
 * control, direction-changing, invisible or broken character is refused with a message saying so.
 */
const register = (name: string) => accountContract.register.payload.safeParse({ name, prefecture: '巴音郭楞蒙古自治州', county: null });
const registerUnit = (name: string) => unitsContract.register.payload.safeParse({ name, level: 'county', kind: 'institution', county: '尉犁县', creditCode: '91350100M000100Y43', contactName: '张伟', contactPhone: '13912345678' });

describe('a readable name', () => {
  it.each([
    ['NUL', '李\u0000娜'],
    ['BEL', '李娜\u0007'],
    ['CR LF', '李\r\n娜'],
    ['a right-to-left override', '\u202E娜李'],
    ['only zero-width spaces', '\u200B\u200B\u200B'],
    ['a zero-width joiner inside', '李\u200D娜'],
    ['a lone surrogate', '李\uD800娜'],
    ['a BOM inside', '李\uFEFF娜'],
  ])('refuses %s, saying why', (_what, name) => {
    const parsed = register(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain('姓名里有看不见的字符或控制字符，请删掉后重新输入（与身份证一致）');
  });

  it('keeps a real name, the · of a Uyghur or Kazakh name, and a name outside the BMP whole', () => {
    expect(register('  李娜 ').data?.name).toBe('李娜');
    expect(register('艾合买提·热合曼').data?.name).toBe('艾合买提·热合曼');
    expect(register('𠀋子').success).toBe(true);
  });

  it('stores the composed form and counts length after it', () => {
    const decomposed = 'e\u0301e\u0301'; // é é in two code points each
    expect(register(decomposed).data?.name).toBe('\u00e9\u00e9');
  });

  it('applies to unit names too', () => {
    expect(registerUnit('尉犁县\u202E农业中心').success).toBe(false);
    expect(registerUnit('尉犁县农业技术推广中心').success).toBe(true);
  });
});
