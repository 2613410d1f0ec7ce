import { formSections, sectionOf, sectionsOpenAtFirst } from '../../../src/core/application/form-sections';
import type { ChecklistItem } from '../../../src/core/eligibility/assessment';
import { allParsedRounds } from '../eligibility/rounds.fixture';

type Item = Pick<ChecklistItem, 'code' | 'form' | 'record' | 'providedBy' | 'need' | 'stage'>;
const item = (code: string, patch: Partial<Item> = {}): Item => ({ code, form: 'upload', record: null, providedBy: 'applicant', need: 'required', stage: 'online', ...patch });

describe('the application form in sections', () => {
  const materials: Item[] = [
    item('id_card'),
    item('sub_specialty', { form: 'field' }),
    item('education'),
    item('work_history', { form: 'field', record: 'work_periods' }),
    item('awards', { need: 'if_any' }),
    item('continuing_education'),
    item('personal_commitment'),
    item('unit_publicity', { providedBy: 'unit' }),
    item('paper_roster', { stage: 'paper' }),
    item('something_new'),
  ];

  it('puts each online material in its section, in order; paper copies are not on the form', () => {
    const sections = formSections(materials, []);
    expect(sections.map((s) => [s.id, s.codes])).toEqual([
      ['profile', ['identity', 'sub_specialty']],
      ['certificates', ['id_card', 'education']],
      ['work', ['work_history', 'awards']],
      ['appraisal', ['continuing_education']],
      ['statements', ['personal_commitment']],
      ['unit', ['unit_publicity']],
      ['other', ['something_new']],
    ]);
  });

  it('counts what is done: a required item with no blocking problem; 如有 items are not counted but can still hold a section open', () => {
    const problems = [
      { category: 'identity', severity: 'block' as const },
      { category: 'education', severity: 'block' as const },
      { category: 'id_card', severity: 'warn' as const },
      { category: 'awards', severity: 'block' as const }, // a photo of an award still to answer 是否遮挡
    ];
    const byId = Object.fromEntries(formSections(materials, problems).map((s) => [s.id, s]));
    expect(byId.profile).toMatchObject({ required: 2, done: 1, complete: false });
    expect(byId.certificates).toMatchObject({ required: 2, done: 1, complete: false });
    expect(byId.work).toMatchObject({ required: 1, done: 1, complete: false });
    expect(byId.appraisal).toMatchObject({ required: 1, done: 1, complete: true });
  });

  it('opens the first section not complete, and every section holding a returned item', () => {
    const sections = formSections(materials, [{ category: 'education', severity: 'block' }]);
    expect(sectionsOpenAtFirst(sections, [])).toEqual(['certificates']);
    expect(sectionsOpenAtFirst(sections, ['personal_commitment'])).toEqual(['certificates', 'statements']);
    expect(sectionsOpenAtFirst(formSections(materials, []), [])).toEqual([]);
  });

  it('places a code it does not know by its kind', () => {
    expect(sectionOf(item('new_choice', { form: 'field' }))).toBe('profile');
    expect(sectionOf(item('new_list', { form: 'upload', record: 'projects' }))).toBe('work');
    expect(sectionOf(item('new_upload'))).toBe('other');
    expect(sectionOf(item('id_card', { providedBy: 'unit' }))).toBe('unit');
  });

  it('has a section for every online material of the rounds we hold (none falls to 其他材料)', () => {
    const strays = allParsedRounds.flatMap((r) =>
      r.materials.categories
        .filter((c) => c.stage === 'online' && sectionOf({ code: c.code, form: c.form, record: c.record ?? null, providedBy: c.providedBy ?? 'applicant' }) === 'other')
        .map((c) => `${r.id}:${c.code}`),
    );
    expect(strays).toEqual([]);
  });
});
