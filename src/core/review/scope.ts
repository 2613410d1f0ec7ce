import type { UnitSnapshot } from '../application/application.schema';
import type { Person } from '../people/person';

/**
 * Whether a reviewer's scope holds an application, by the unit it was submitted through: a unit
 * admin their own unit; a county reviewer the county units of their county; a prefecture reviewer
 * every unit of their prefecture. Nobody else reviews (the committee comes after formal review).
 */
export function inReviewScope(reviewer: Pick<Person, 'role' | 'unitId' | 'prefecture' | 'county'>, unit: UnitSnapshot | null): boolean {
  if (!unit) return false;
  switch (reviewer.role) {
    case 'unit_admin':
      return reviewer.unitId !== null && reviewer.unitId === unit.unitId;
    case 'county_hr':
      return reviewer.county !== null && unit.prefecture === reviewer.prefecture && unit.county === reviewer.county && (unit.level === 'county' || unit.level === 'township');
    case 'prefecture_hr':
      return unit.prefecture === reviewer.prefecture;
    default:
      return false;
  }
}
