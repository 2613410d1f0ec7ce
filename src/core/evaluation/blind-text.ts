/**
 * Blind review (盲审): what an expert reads has the applicant's name, ID number and unit replaced,
 * the way the notices ask applicants to write it themselves (本人, xxx / 本单位). The texts are
 * blinded on the server before they leave it, so an expert's phone never receives them.
 */
export interface Identity {
  readonly name: string;
  readonly idNumber: string | null;
  /** The unit's full name; its short forms are matched too (尉犁县农业技术推广中心 → 农业技术推广中心). */
  readonly unitName: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names of a unit a text may use: the full name and the name without its county or prefecture, longest first. */
export function unitForms(unitName: string): string[] {
  const forms = new Set([unitName]);
  const stripped = unitName.replace(/^.*?(?:地区|自治州|州|市|县)(?=.{4,})/, '');
  if (stripped !== unitName && stripped.length >= 4) forms.add(stripped);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The text with the name as 本人, the ID number as 身份证号已隐去 and the unit as xxx. */
export function blindText(text: string, who: Identity): string {
  let out = text;
  if (who.idNumber) out = out.replace(new RegExp(escape(who.idNumber), 'gi'), '（身份证号已隐去）');
  // Any 18-digit ID-shaped number is hidden too: a colleague's or a typo of one's own.
  out = out.replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, '（身份证号已隐去）');
  if (who.unitName) for (const form of unitForms(who.unitName)) out = out.replace(new RegExp(escape(form), 'g'), 'xxx');
  if (who.name.trim().length >= 2) out = out.replace(new RegExp(escape(who.name.trim()), 'g'), '本人');
  return out;
}

/** True when nothing identifying is left: the check the server makes before answering an expert. */
export function isBlind(text: string, who: Identity): boolean {
  return blindText(text, who) === text;
}
