import type { UnitSnapshot } from '../application/application.schema';
import type { Person } from '../people/person';
import type { ReviewRoute } from './route';

/**
 * Whether a reviewer's scope holds an application, by the unit it was submitted through: a unit
 * admin their own unit; a county reviewer the county units of their county; a prefecture reviewer
 * every unit of their prefecture — the HR bureaus' reviewers on the HR route, the public
 * employment-service agencies' on theirs (the private-enterprise channel). Nobody else reviews
 * (the committee comes after formal review).
 */
export function inReviewScope(reviewer: Pick<Person, 'role' | 'unitId' | 'prefecture' | 'county'>, unit: UnitSnapshot | null): boolean {
  if (!unit) return false;
  switch (reviewer.role) {
    case 'unit_admin':
      return reviewer.unitId !== null && reviewer.unitId === unit.unitId;
    case 'county_hr':
    case 'county_agency':
      return unit.route === ROUTE_OF[reviewer.role] && reviewer.county !== null && unit.prefecture === reviewer.prefecture && unit.county === reviewer.county && (unit.level === 'county' || unit.level === 'township');
    case 'prefecture_hr':
    case 'prefecture_agency':
      return unit.route === ROUTE_OF[reviewer.role] && unit.prefecture === reviewer.prefecture;
    default:
      return false;
  }
}

const ROUTE_OF = { county_hr: 'hr', prefecture_hr: 'hr', county_agency: 'employment_service', prefecture_agency: 'employment_service' } as const satisfies Record<string, ReviewRoute>;

/** Whether a committee's secretary or expert serves the round's committee (another round is not theirs to see). */
export function servesRound(person: Pick<Person, 'rounds'>, roundId: string): boolean {
  return person.rounds?.includes(roundId) ?? false;
}
