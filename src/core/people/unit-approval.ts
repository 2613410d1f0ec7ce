import type { Person, Unit } from './person';

/** Who approves a unit's registration: county HR its county's units; prefecture HR the prefecture's own (地直) units. */
export function approvesUnit(reviewer: Pick<Person, 'role' | 'prefecture' | 'county'>, unit: Pick<Unit, 'prefecture' | 'level' | 'county'>): boolean {
  if (unit.prefecture !== reviewer.prefecture) return false;
  if (reviewer.role === 'county_hr') return unit.level !== 'prefecture' && unit.county === reviewer.county;
  return reviewer.role === 'prefecture_hr' && unit.level === 'prefecture';
}
