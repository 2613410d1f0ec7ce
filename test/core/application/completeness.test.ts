import { completenessProblems, type FileState } from '../../../src/core/application/completeness';
import type { ChecklistItem } from '../../../src/core/eligibility/assessment';

const source = { file: 'aksu-water-2024.txt', clause: '四(一)3' };
const item = (code: string, patch: Partial<ChecklistItem> = {}): ChecklistItem => ({
  code,
  name: code,
  need: 'required',
  stage: 'online',
  form: 'upload',
  formats: ['jpg'],
  mask: ['own_name'],
  note: null,
  source,
  ...patch,
});
const context = { ownName: '王建新', unitName: '阿克苏地区水利水电勘测设计院', unitReplacement: 'xxx' };
const photo = (category: string, patch: Partial<FileState> = {}): FileState => ({ category, contentType: 'image/jpeg', needsMasking: 'no', hasBlindCopy: true, ...patch });

describe('completenessProblems', () => {
  const materials = [item('education'), item('awards', { need: 'if_any' }), item('work_history', { form: 'field' }), item('paper_roster', { stage: 'paper' })];

  it('has nothing to say when every required item is there, answered and clean', () => {
    expect(completenessProblems(materials, [photo('education')], { work_history: '2010年7月至今在xxx从事水利设计' }, context, true)).toEqual([]);
  });

  it.each<[string, FileState[], Record<string, string>, string]>([
    ['a required upload missing', [], { work_history: '无' }, 'education:还没有上传。'],
    ['an image without its 是/否 answer', [photo('education', { needsMasking: null })], { work_history: '无' }, 'education:第 1 张还没有回答是否需要遮挡。'],
    ['an image to mask with no masks drawn', [photo('education', { needsMasking: 'yes', hasBlindCopy: false })], { work_history: '无' }, 'education:第 1 张选了需要遮挡，还没有画遮挡框。'],
    ['an empty required text', [photo('education')], {}, 'work_history:work_history是空的：没有内容请填“无”。'],
    ['the own name in a text', [photo('education')], { work_history: '王建新在xxx工作' }, 'work_history:work_history写了您的姓名“王建新”，盲评时要写成“本人”。'],
  ])('blocks %s', (_name, files, texts, expected) => {
    const problems = completenessProblems(materials, files, texts, context, true);
    expect(problems.map((p) => `${p.category}:${p.message}`)).toEqual([expected]);
  });

  it('does not ask for 如有 items or paper copies, nor for masks where the round has no blind review', () => {
    expect(completenessProblems(materials, [photo('education', { needsMasking: null })], { work_history: '无' }, context, false)).toEqual([]);
  });

  it('lists every problem at once, with the one-tap fix for a text', () => {
    const problems = completenessProblems(materials, [], { work_history: '' }, context, true);
    expect(problems).toHaveLength(2);
    expect(problems[1]?.lint?.fix.to).toBe('无');
  });
});
