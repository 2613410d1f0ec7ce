import type { Role } from '../people/person';
import type { Round } from '../round/round.schema';

/**
 * Who may read which copy of an applicant's file, decided per file on the server: the original
 * only by the applicant, their unit admin and the HR reviewers whose scope the application is in;
 * the blind copy also by the committee; experts only ever the blind copy. Out of scope: nothing.
 */
export type FileCopy = 'original' | 'blind';

/** How the caller stands to the application: its applicant, a reviewer whose scope holds it, or neither. */
export type Relation = 'owner' | 'in_scope' | 'out_of_scope';

const READS: Readonly<Record<Role, Readonly<Record<Exclude<Relation, 'out_of_scope'>, readonly FileCopy[]>>>> = {
  applicant: { owner: ['original', 'blind'], in_scope: [] },
  unit_admin: { owner: [], in_scope: ['original', 'blind'] },
  county_hr: { owner: [], in_scope: ['original', 'blind'] },
  prefecture_hr: { owner: [], in_scope: ['original', 'blind'] },
  county_agency: { owner: [], in_scope: ['original', 'blind'] },
  prefecture_agency: { owner: [], in_scope: ['original', 'blind'] },
  committee_secretary: { owner: [], in_scope: ['blind'] },
  expert: { owner: [], in_scope: ['blind'] },
};

export function mayRead(role: Role, relation: Relation, copy: FileCopy): boolean {
  if (relation === 'out_of_scope') return false;
  return READS[role][relation].includes(copy);
}

/**
 * What the committee's experts may see of one material category of a round: its blind copy, or
 * nothing — a category the round marks `experts: "never"` (a document that exists to carry
 * identity), or one the round does not list at all.
 */
export function expertsSee(round: Pick<Round, 'materials'>, category: string): 'blind' | 'never' {
  const listed = round.materials.categories.find((c) => c.code === category);
  return listed ? (listed.experts ?? 'blind') : 'never';
}

/**
 * Whether the round marks the category as never shown to experts. Typed texts and entries are shown
 * blinded (names, ID number and unit replaced) unless their category is so marked.
 */
export function markedNever(round: Pick<Round, 'materials'>, category: string): boolean {
  return round.materials.categories.find((c) => c.code === category)?.experts === 'never';
}

/** Whether an expert may read this copy of a file of this category: the blind copy of what the round lets experts see, nothing else. */
export function expertMayRead(round: Pick<Round, 'materials'>, category: string, copy: FileCopy): boolean {
  return mayRead('expert', 'in_scope', copy) && expertsSee(round, category) === 'blind';
}
