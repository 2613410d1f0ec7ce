import type { Role } from '../people/person';

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
