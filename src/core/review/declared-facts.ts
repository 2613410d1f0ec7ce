import type { ApplicationRecord } from '../application/application.schema';
import { monthText } from '../application/entry-forms';
import { completedYears } from '../eligibility/seniority';
import { APPRAISAL_LABELS, CHANNEL_LABELS, EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS, LEVEL_LABELS, UNIT_LEVEL_LABELS } from '../eligibility/labels';

/**
 * What the applicant declared, as the reviewer checks it against the materials: each fact in
 * words, with the codes of the materials that prove it (those this application's checklist has).
 * The reviewer reads the facts first and finds each beside its material.
 */
export interface DeclaredFact {
  readonly label: string;
  readonly value: string;
  /** Codes of the checklist's materials that prove it, in the checklist's order. */
  readonly materials: readonly string[];
}

/** Which materials prove which fact: the material codes the rounds share (`config/rounds`). */
const PROVEN_BY = {
  channel: [],
  unit: ['unit_affiliation', 'social_insurance', 'employment_contract_institution', 'employment_contract_enterprise'],
  education: ['education', 'education_verification'],
  currentTitle: ['current_title'],
  work: ['work_history', 'probation_work'],
  appraisals: ['appraisal_forms'],
  continuingEducation: ['continuing_education', 'ce_exemption_form'],
  socialInsurance: ['social_insurance'],
  mandarin: ['mandarin_certificate'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The facts of an application as declared in the self-check it started from, in the order a
 * reviewer checks them; `today` is the Beijing date the years are counted to. A fact not answered
 * says so (未填写); one that does not apply is left out.
 */
export function declaredFacts(record: Pick<ApplicationRecord, 'profile' | 'channel' | 'unit'>, materialCodes: readonly string[], today: string): DeclaredFact[] {
  const p = record.profile;
  const proven = (codes: readonly string[]) => codes.filter((c) => materialCodes.includes(c));
  const facts: DeclaredFact[] = [];
  const add = (label: string, value: string, codes: readonly string[]) => facts.push({ label, value, materials: proven(codes) });

  add('申报渠道', CHANNEL_LABELS[record.channel] || '普通渠道', PROVEN_BY.channel);
  const unit = [record.unit?.name, p.employmentKind ? EMPLOYMENT_KIND_LABELS[p.employmentKind] : null, p.unitLevel ? UNIT_LEVEL_LABELS[p.unitLevel] : null].filter(Boolean).join('，');
  add('单位', unit || '未填写', PROVEN_BY.unit);
  const educations = (p.educations ?? []).map((e) => `${EDUCATION_LABELS[e.education]}${e.fullTime === false ? '（非全日制）' : ''}${e.graduatedOn ? `，${monthText(e.graduatedOn)}毕业` : ''}`);
  add('学历', educations.length > 0 ? educations.join('；') : '未填写', PROVEN_BY.education);
  if (p.currentTitle === null) add('现任职称', '无', PROVEN_BY.currentTitle);
  else if (p.currentTitle) add('现任职称', `${LEVEL_LABELS[p.currentTitle.level]}${p.currentTitle.obtainedOn ? `，${monthText(p.currentTitle.obtainedOn)}取得，已满 ${completedYears(p.currentTitle.obtainedOn, today)} 年` : ''}`, PROVEN_BY.currentTitle);
  add('参加专业技术工作', p.professionalWorkSince ? `${monthText(p.professionalWorkSince)}起，已满 ${completedYears(p.professionalWorkSince, today)} 年` : '未填写', PROVEN_BY.work);
  if (p.appraisals && p.appraisals.length > 0) {
    add('年度考核', [...p.appraisals].sort((a, b) => b.year - a.year).map((a) => `${a.year}年${APPRAISAL_LABELS[a.result]}`).join('，'), PROVEN_BY.appraisals);
  }
  if (p.continuingEducation && p.continuingEducation.length > 0) {
    const hours = [...p.continuingEducation].sort((a, b) => b.year - a.year).map((c) => `${c.year}年公需 ${c.publicHours ?? '—'} 学时、专业 ${c.professionalHours ?? '—'} 学时`);
    add('继续教育', hours.join('；'), PROVEN_BY.continuingEducation);
  }
  if (p.socialInsuranceMonths !== undefined) add('本单位社保', `连续缴纳 ${p.socialInsuranceMonths} 个月`, PROVEN_BY.socialInsurance);
  if (p.mandarinGrade) add('普通话', p.mandarinGrade, PROVEN_BY.mandarin);
  return facts;
}
