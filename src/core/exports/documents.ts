import type { Round } from '../round/round.schema';

/**
 * Which of a round's templates (附件) the product fills, from which Word template, and for whom:
 * the applicant's own (承诺书, 保证书, 免学申请表) and the unit's (公示, 公示结果, 推荐意见). Only a
 * template the round lists is offered, under the round's own name for it.
 */
const DOCX_OF: Readonly<Record<string, { readonly docx: string; readonly audience: 'applicant' | 'unit' }>> = {
  unit_publicity: { docx: 'unit_publicity', audience: 'unit' },
  unit_publicity_result: { docx: 'unit_publicity_result', audience: 'unit' },
  unit_recommendation: { docx: 'unit_recommendation', audience: 'unit' },
  personal_commitment: { docx: 'personal_commitment', audience: 'applicant' },
  authenticity_guarantee: { docx: 'authenticity_guarantee', audience: 'applicant' },
  ce_exemption_form: { docx: 'ce_exemption_form', audience: 'applicant' },
  ce_exemption_form_trainee: { docx: 'ce_exemption_form', audience: 'applicant' },
  ce_exemption_form_fanghuiju: { docx: 'ce_exemption_form', audience: 'applicant' },
};

export interface OfferedDocument {
  readonly code: string;
  readonly docx: string;
  /** 个人承诺书 (the round's name, without 模板). */
  readonly name: string;
  readonly attachment: string;
  /** The materials that ask for it (it is uploaded under them); empty when none does. */
  readonly materials: readonly string[];
}

/**
 * The documents the product fills for this audience. With `listed` (the material codes on one
 * person's checklist), only those a listed material asks for: a template that is a material's
 * (its `template`) or an exemption's approved form (the material whose `evidenceOf` names it) is
 * offered when that material is listed; one tied to no material always is.
 */
export function documentsFor(round: Pick<Round, 'templates' | 'materials' | 'continuingEducation'>, audience: 'applicant' | 'unit', listed?: ReadonlySet<string>): OfferedDocument[] {
  return round.templates.flatMap((t) => {
    const known = DOCX_OF[t.code];
    if (!known || known.audience !== audience) return [];
    const askers = askersOf(round, t.code);
    if (listed && askers.length > 0 && !askers.some((code) => listed.has(code))) return [];
    return [{ code: t.code, docx: known.docx, name: t.name.replace(/（模板）|\(模板\)/g, ''), attachment: t.attachment, materials: askers }];
  });
}

/** The material categories that ask for a template: as their own, or as the approved form of an exemption they prove. */
function askersOf(round: Pick<Round, 'materials' | 'continuingEducation'>, template: string): string[] {
  const exemptions = round.continuingEducation.exemptions.filter((e) => e.evidence?.template === template).map((e) => e.id);
  return round.materials.categories.filter((c) => c.template === template || (c.evidenceOf ?? []).some((id) => exemptions.includes(id))).map((c) => c.code);
}
