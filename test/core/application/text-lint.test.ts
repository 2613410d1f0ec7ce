import { applyFix, lintTexts, type LintField } from '../../../src/core/application/text-lint';

const context = { ownName: '王建新', unitName: '阿克苏地区水利水电勘测设计院', unitReplacement: 'xxx' };
const field = (text: string, path = 'summary'): LintField => ({ path, label: '工作总结', text });

describe('lintTexts', () => {
  it.each<[string, string, string, string]>([
    ['the own name', '王建新同志主持设计了灌区工程。', 'own_name', '本人同志主持设计了灌区工程。'],
    ['the own name with spaces between its characters', '负责人：王 建　新', 'own_name', '负责人：本人'],
    ['the unit name', '在阿克苏地区水利水电勘测设计院从事设计。', 'unit_name', '在xxx从事设计。'],
    ['an empty field', '   ', 'empty', '无'],
  ])('finds %s and fixes it in one tap', (_name, text, kind, fixed) => {
    const findings = lintTexts([field(text)], context);
    const finding = findings.find((f) => f.kind === kind);
    expect(finding).toBeDefined();
    expect(applyFix(text, finding!)).toBe(fixed);
  });

  it('never touches another person’s name', () => {
    expect(lintTexts([field('与李娜共同完成，由赵磊审核。')], context)).toEqual([]);
  });

  it('reports every finding of every field, with where it is', () => {
    const findings = lintTexts([field('王建新在阿克苏地区水利水电勘测设计院工作', 'history.0.unit'), field('', 'awards')], context);
    expect(findings.map((f) => `${f.path}:${f.kind}`)).toEqual(['history.0.unit:unit_name', 'history.0.unit:own_name', 'awards:empty']);
  });

  it('leaves 无 and text without findings alone', () => {
    expect(lintTexts([field('无'), field('本人主持设计了xxx的灌区工程。')], context)).toEqual([]);
  });
});
