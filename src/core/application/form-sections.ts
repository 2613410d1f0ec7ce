import type { ChecklistItem } from '../eligibility/assessment';
import { IDENTITY_CATEGORY } from './completeness';
import { isListRecord } from './entry-forms';

/**
 * The application form in sections, as a long paper form is: the applicant's particulars, the
 * certificates, the work and its evidence, appraisals and continuing education, the signed
 * statements, and what the unit issues. Each says how much of it is done, so a section can fold
 * away once done. Which section a material is in is the product's arrangement of the shared
 * material codes (`unit_publicity` …), not something a notice says; a code it does not know goes
 * by its kind (typed in: particulars; entries: work), else to 其他材料.
 */
export type SectionId = 'profile' | 'certificates' | 'work' | 'appraisal' | 'statements' | 'unit' | 'other';

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  profile: '基本信息',
  certificates: '证件与学历',
  work: '工作经历与业绩',
  appraisal: '考核与继续教育',
  statements: '总结与承诺',
  unit: '单位出具的材料',
  other: '其他材料',
};

const ORDER: readonly SectionId[] = ['profile', 'certificates', 'work', 'appraisal', 'statements', 'unit', 'other'];

const BY_CODE: Readonly<Record<string, SectionId>> = {
  id_card: 'certificates',
  photo: 'certificates',
  education: 'certificates',
  education_verification: 'certificates',
  current_title: 'certificates',
  mandarin_certificate: 'certificates',
  teacher_qualification: 'certificates',
  social_insurance: 'certificates',
  agency_transfer_proof: 'certificates',
  employment_contract_institution: 'certificates',
  employment_contract_enterprise: 'certificates',
  work_history: 'work',
  research_ability: 'work',
  practice_ability: 'work',
  achievements: 'work',
  awards: 'work',
  intellectual_property: 'work',
  books: 'work',
  papers: 'work',
  probation_work: 'work',
  appraisal_forms: 'appraisal',
  continuing_education: 'appraisal',
  ce_exemption_form: 'appraisal',
  work_summary: 'statements',
  personal_commitment: 'statements',
  authenticity_guarantee: 'statements',
  integrity_certificate: 'statements',
  probation_summary: 'statements',
};

export function sectionOf(item: Pick<ChecklistItem, 'code' | 'form' | 'record' | 'providedBy'>): SectionId {
  if (item.providedBy === 'unit') return 'unit';
  const known = BY_CODE[item.code];
  if (known) return known;
  if (isListRecord(item.record)) return 'work';
  if (item.form === 'field') return 'profile';
  return 'other';
}

export interface FormSection {
  readonly id: SectionId;
  readonly title: string;
  /** Its materials' codes in the round's order; the particulars also hold `identity` (the ID number). */
  readonly codes: readonly string[];
  /** Required items (必传、必填) and how many of them have nothing blocking left. */
  readonly required: number;
  readonly done: number;
  /** Nothing in it blocks submitting (optional items included: a photo still to answer 是否遮挡). */
  readonly complete: boolean;
}

/**
 * The online materials by section, in order, with what is done: an item is done when no blocking
 * problem is left on it. Sections with nothing in them are left out.
 */
export function formSections(
  materials: readonly Pick<ChecklistItem, 'code' | 'form' | 'record' | 'providedBy' | 'need' | 'stage'>[],
  problems: readonly { readonly category: string; readonly severity: 'block' | 'warn' }[],
): FormSection[] {
  const blocked = new Set(problems.filter((p) => p.severity === 'block').map((p) => p.category));
  const online = materials.filter((m) => m.stage === 'online');
  return ORDER.flatMap((id) => {
    const items = online.filter((m) => sectionOf(m) === id);
    const required = items.filter((m) => m.need === 'required').map((m) => m.code);
    // The ID number is always asked, first among the particulars.
    const codes = id === 'profile' ? [IDENTITY_CATEGORY, ...items.map((m) => m.code)] : items.map((m) => m.code);
    if (codes.length === 0) return [];
    const counted = id === 'profile' ? [IDENTITY_CATEGORY, ...required] : required;
    return [
      {
        id,
        title: SECTION_TITLES[id],
        codes,
        required: counted.length,
        done: counted.filter((code) => !blocked.has(code)).length,
        complete: codes.every((code) => !blocked.has(code)),
      },
    ];
  });
}

/** The sections to show open when the page opens: the first not yet complete, and any holding a returned item. */
export function sectionsOpenAtFirst(sections: readonly FormSection[], returnedCategories: readonly string[]): SectionId[] {
  const first = sections.find((s) => !s.complete);
  return sections.filter((s) => s === first || s.codes.some((code) => returnedCategories.includes(code))).map((s) => s.id);
}
