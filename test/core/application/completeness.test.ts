import { completenessProblems, type ApplicationContent, type FileState } from '../../../src/core/application/completeness';
import { essayLength } from '../../../src/core/application/essay';
import type { Entry } from '../../../src/core/application/entry-forms';
import type { ChecklistItem } from '../../../src/core/eligibility/assessment';
import type { MaterialRule } from '../../../src/core/round/round.schema';

const source = { file: 'aksu-water-2024.txt', clause: '四(一)3' };
const item = (code: string, patch: Partial<ChecklistItem> = {}): ChecklistItem => ({
  code,
  name: code,
  need: 'required',
  stage: 'online',
  form: 'upload',
  record: null,
  textLength: null,
  choices: null,
  formats: ['jpg'],
  mask: ['own_name'],
  note: null,
  providedBy: 'applicant',
  expertsSee: 'blind',
  source,
  ...patch,
});
const context = { ownName: '王建新', unitName: '阿克苏地区水利水电勘测设计院', unitReplacement: 'xxx' };
const photo = (category: string, patch: Partial<FileState> = {}): FileState => ({ category, contentType: 'image/jpeg', needsMasking: 'no', hasBlindCopy: true, ...patch });
const round = { rules: [] as MaterialRule[], blindReview: true };
const NOW = '2024-09';
const content = (patch: Partial<ApplicationContent> = {}): ApplicationContent => ({
  files: [photo('education')],
  texts: { sub_specialty: '水工结构' },
  entries: {},
  declarations: [],
  idNumber: '11010519491231002X',
  ...patch,
});
const messages = (c: ApplicationContent, materials: ChecklistItem[], r = round) =>
  completenessProblems(materials, c, r, context, NOW).map((p) => `${p.severity}:${p.path}:${p.message}`);

describe('completenessProblems: uploads and texts', () => {
  const materials = [item('education'), item('awards', { need: 'if_any' }), item('sub_specialty', { form: 'field' }), item('paper_roster', { stage: 'paper' })];

  it('has nothing to say when every required item is there, answered and clean', () => {
    expect(messages(content(), materials)).toEqual([]);
  });

  it.each<[string, Partial<ApplicationContent>, string]>([
    ['a required upload missing', { files: [] }, 'block:education:还没有上传。'],
    ['an image without its 是/否 answer', { files: [photo('education', { needsMasking: null })] }, 'block:education:第 1 张还没有回答是否需要遮挡。'],
    ['an image to mask with no masks drawn', { files: [photo('education', { needsMasking: 'yes', hasBlindCopy: false })] }, 'block:education:第 1 张选了需要遮挡，还没有画遮挡框。'],
    ['an empty required text', { texts: {} }, 'block:sub_specialty:sub_specialty是空的：没有内容请填“无”。'],
    ['the own name in a text', { texts: { sub_specialty: '王建新负责水工' } }, 'block:sub_specialty:sub_specialty写了您的姓名“王建新”，盲评时要写成“本人”。'],
    ['no ID number', { idNumber: null }, 'block:identity:还没有填写身份证号。'],
  ])('blocks %s', (_name, patch, expected) => {
    expect(messages(content(patch), materials)).toEqual([expected]);
  });

  it('does not ask for 如有 items or paper copies, nor for masks where the round has no blind review', () => {
    expect(messages(content({ files: [photo('education', { needsMasking: null })] }), materials, { ...round, blindReview: false })).toEqual([]);
  });

  it('asks no 是否遮挡 of a document experts never see (the ID card, a signed statement)', () => {
    const withCommitment = [...materials, item('personal_commitment', { expertsSee: 'never', mask: [] })];
    const files = [photo('education'), photo('personal_commitment', { needsMasking: null, hasBlindCopy: false })];
    expect(messages(content({ files }), withCommitment)).toEqual([]);
    expect(messages(content({ files: [photo('education')] }), withCommitment)).toEqual(['block:personal_commitment:还没有上传。']);
  });

  it('lists every problem at once, with the one-tap fix for a text', () => {
    const problems = completenessProblems(materials, content({ files: [], texts: { sub_specialty: '' } }), round, context, NOW);
    expect(problems).toHaveLength(2);
    expect(problems[1]?.lint?.fix.to).toBe('无');
  });
});

describe('completenessProblems: the work summary and its length (bazhou-ecoenv-2024 五(一)11: 2000—3000字)', () => {
  const summary = item('work_summary', { record: 'essay', textLength: { minChars: 2000, maxChars: 3000 } });
  const text = (n: number) => '本人任现职以来负责水利工程设计'.repeat(Math.ceil(n / 15)).slice(0, n);

  it.each<[number, string[]]>([
    [1999, ['block:work_summary:现在 1999 字，通知要求2000—3000字，还差 1 字。']],
    [2000, []],
    [3000, []],
    [3001, ['block:work_summary:现在 3001 字，通知要求2000—3000字，要删去 1 字。']],
  ])('%i characters', (n, expected) => {
    expect(messages(content({ files: [photo('work_summary')], texts: { work_summary: text(n) } }), [summary])).toEqual(expected);
  });

  it('still asks for the upload of a summary that is typed too', () => {
    expect(messages(content({ files: [], texts: { work_summary: text(2500) } }), [summary])).toEqual(['block:work_summary:还没有上传。']);
  });

  it('counts as word processors do: white space nothing, a Latin word one, each Chinese character and mark one', () => {
    expect(essayLength('本人 负责\nGIS 系统，2019 年。')).toBe(11);
  });
});

describe('completenessProblems: entries', () => {
  const history = item('work_history', { form: 'field', record: 'work_periods' });
  const practice = item('practice_ability', { record: 'projects', need: 'per_conditions' });
  const achievements = item('achievements', { record: 'projects', need: 'per_conditions' });
  const period = (from: string, to: string | null, unit = 'xxx', post = '水利设计'): Entry => ({ from, to, unit, post });
  const project = (title: string, patch: Partial<Record<string, string | null>> = {}): Entry => ({
    from: '2020-03',
    to: '2021-10',
    title,
    role: '技术负责人',
    workload: '完成初步设计和施工图',
    description: '',
    ...patch,
  });

  it('asks for the work history, and says of an empty 按条件 entry list only a warning', () => {
    expect(messages(content({ files: [] }), [history, practice])).toEqual([
      'block:work_history:还没有填写，请添加一段经历。',
      'warn:practice_ability:还没有填写。评审条件通常要求填写这一项；确实没有可以不填。',
    ]);
  });

  it('flags a gap between periods at the period after it, and an overlap', () => {
    const gap = content({ files: [], entries: { work_history: [period('2010-07', '2015-06'), period('2016-01', null)] } });
    expect(messages(gap, [history])).toEqual(['block:work_history.1:2015年6月到2016年1月之间有6个月没有填写，请补上这段经历（如待业、学习），经历要连续。']);
    const overlap = content({ files: [], entries: { work_history: [period('2010-07', '2015-06'), period('2015-03', null)] } });
    expect(messages(overlap, [history])).toEqual(['block:work_history.1:第2段从2015年3月开始，与上一段（到2015年6月）重叠，请核对。']);
  });

  it('names the fields an entry still lacks, and an end before its start', () => {
    const entries = { practice_ability: [project('某水库除险加固', { role: '', to: '' }), project('某灌区改造', { from: '2022-05', to: '2021-01' })] };
    expect(messages(content({ files: [], entries }), [practice])).toEqual([
      'block:practice_ability.0:第1项（2020年3月—？ · 某水库除险加固）还没有填写：本人承担的角色、结束时间。',
      'block:practice_ability.1:第2项的结束时间早于开始时间，请核对。',
    ]);
  });

  it('finds the own name in an entry field and points at that field', () => {
    const problems = completenessProblems([practice], content({ files: [], entries: { practice_ability: [project('某灌区改造', { workload: '王建新完成全部设计' })] } }), round, context, NOW);
    expect(problems.map((p) => [p.path, p.lint?.kind])).toEqual([['practice_ability.0.workload', 'own_name']]);
  });

  it('warns (does not block) when the same achievement is under both 实践能力 and 业绩成果', () => {
    const rules: MaterialRule[] = [{ code: 'exclusive', kind: 'exclusive_use', text: '同一业绩不能在实践能力和业绩成果中同时使用。', categories: ['practice_ability', 'achievements'], source }];
    const entries = {
      practice_ability: [project('某水库除险加固工程设计'), project('防汛值班')],
      achievements: [project('其他课题', { workload: '编写报告' }), project('某水库除险加固工程的设计')],
    };
    const problems = completenessProblems([practice, achievements], content({ files: [], entries }), { ...round, rules }, context, NOW);
    expect(problems.map((p) => `${p.severity}:${p.path}`)).toEqual(['warn:achievements.1']);
    expect(problems[0]?.message).toMatch(/^第2项与practice_ability第1项内容很像（相似度 \d+%）/);
  });

  it('asks to confirm "no work or meeting photos" once something is uploaded there, and not after', () => {
    const rules: MaterialRule[] = [{ code: 'no_photos_in_practice', kind: 'no_work_or_meeting_photos', text: '实践能力不得上传工作、会议照片。', categories: ['practice_ability'], source }];
    const entries = { practice_ability: [project('某灌区改造')] };
    const uploaded = content({ files: [photo('practice_ability')], entries });
    expect(messages(uploaded, [practice], { ...round, rules })).toEqual(['block:declaration.no_photos_in_practice:请确认：实践能力不得上传工作、会议照片。']);
    expect(messages({ ...uploaded, declarations: ['no_photos_in_practice'] }, [practice], { ...round, rules })).toEqual([]);
    expect(messages(content({ files: [], entries }), [practice], { ...round, rules })).toEqual([]);
  });
});
