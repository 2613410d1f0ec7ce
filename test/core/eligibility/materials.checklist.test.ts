import { assess } from '../../../src/core/eligibility/assess';
import type { ChecklistItem } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { DURING, offerOf, round, type RoundId } from './rounds.fixture';

describe('materials checklist for this person', () => {
  it.each<[string, RoundId, string, Partial<Profile>, string, ChecklistItem['need'] | null]>([
    ['asks institution staff for the Mandarin certificate (aksu-water-2024 四(一)17)', 'aksu-water-2024', 'directed_evaluation:intermediate', { employmentKind: 'institution' }, 'mandarin_certificate', 'required'],
    ['does not ask enterprise staff for it', 'aksu-water-2024', 'directed_evaluation:intermediate', { employmentKind: 'state_enterprise' }, 'mandarin_certificate', null],
    ['asks for the current title when there is one', 'aksu-water-2024', 'directed_evaluation:intermediate', { currentTitle: { level: 'junior_assistant' } }, 'current_title', 'required'],
    ['does not ask for a title nobody has yet', 'aksu-water-2024', 'directed_evaluation:intermediate', { currentTitle: null }, 'current_title', null],
    ['lists awards as 如有', 'aksu-water-2024', 'directed_evaluation:intermediate', {}, 'awards', 'if_any'],
    ['lists achievements as per the series conditions', 'aksu-water-2024', 'directed_evaluation:intermediate', {}, 'achievements', 'per_conditions'],
    ['asks enterprise staff for social-insurance proof (bazhou-ecoenv-2024 五(一)2)', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { employmentKind: 'private_enterprise' }, 'social_insurance', 'required'],
    ['asks a transferred cadre for the transfer proof (bazhou-ecoenv-2024 五(一)4)', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { facts: { transferred_from_agency: true } }, 'agency_transfer_proof', 'required'],
    ['asks tacheng institution staff for the employment contract', 'tacheng-all-series-2023', 'local_specialties:intermediate', { employmentKind: 'institution' }, 'employment_contract_institution', 'required'],
    ['asks yuli applicants for the probation summary', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', {}, 'probation_summary', 'required'],
  ])('%s', (_name, id, key, patch, code, need) => {
    const item = offerOf(assess({ employmentKind: 'institution', ...patch }, round(id), DURING[id]), key).materials.find((m) => m.code === code);
    expect(item?.need ?? null).toBe(need);
  });

  it('keeps an item whose need is still open, saying what it depends on', () => {
    const item = offerOf(assess({}, round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate').materials.find((m) => m.code === 'mandarin_certificate');
    expect(item?.need).toBe('required');
    expect(item?.condition).toContain('单位性质');
  });

  it.each<[RoundId, string, readonly string[]]>([
    ['aksu-water-2024', 'directed_evaluation:intermediate', ['own_name', 'unit_seal']],
    ['aksu-forestry-2024', 'directed_evaluation:intermediate', ['own_name', 'own_photo', 'work_unit']],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate', ['own_name', 'work_unit', 'unit_seal', 'own_photo_eyes']],
    ['tacheng-all-series-2023', 'local_specialties:intermediate', ['own_name', 'id_number', 'own_photo_eyes', 'id_card_photo_eyes', 'work_unit']],
  ])('%s: every uploaded image experts see lists what to mask for blind review; what they never see (ID card, photo, signed statements, the unit’s papers) nothing', (id, key, mask) => {
    const materials = offerOf(assess({}, round(id), DURING[id]), key).materials;
    const portrait = mask.filter((m) => m === 'own_photo' || m === 'own_photo_eyes');
    for (const m of materials) {
      const upload = round(id).materials.categories.find((c) => c.code === m.code)!;
      const expected =
        upload.stage !== 'online' || upload.form !== 'upload' || upload.experts === 'never'
          ? []
          : m.code === 'photo'
            ? portrait
            : m.code === 'id_card'
              ? mask
              : mask.filter((item) => item !== 'id_card_photo_eyes');
      expect(m.mask).toEqual(expected);
    }
  });

  it('masks nothing where the round has no blind review (yuli)', () => {
    const materials = offerOf(assess({}, round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), 'initial_junior:junior_assistant').materials;
    expect(materials.every((m) => m.mask.length === 0)).toBe(true);
  });

  it('takes formats from the category or the round’s image rule (bazhou-ecoenv-2024 八(一): jpg; 知识产权: pdf)', () => {
    const materials = offerOf(assess({}, round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate').materials;
    expect(materials.find((m) => m.code === 'intellectual_property')?.formats).toEqual(['pdf']);
    expect(materials.find((m) => m.code === 'id_card')?.formats).toEqual(['jpg']);
    expect(materials.find((m) => m.code === 'paper_review_form')?.formats).toEqual([]);
  });

  it('shows both title-document rules while it is unknown where the title was obtained (bazhou: two of three / all three)', () => {
    const item = offerOf(assess({ currentTitle: { level: 'junior_assistant' } }, round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate').materials.find((m) => m.code === 'current_title')!;
    expect(item.note).toContain('如果现有职称是在新疆取得的');
    expect(item.note).toContain('如果现有职称是在疆外取得的');
  });

  it('shows only the applicable rule once it is known', () => {
    const profile: Profile = { currentTitle: { level: 'junior_assistant' }, facts: { current_title_obtained_outside_xinjiang: true } };
    const item = offerOf(assess(profile, round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate').materials.find((m) => m.code === 'current_title')!;
    expect(item.note).toContain('都要');
    expect(item.note).not.toContain('任选2项');
  });
});
