import type { UnitSnapshot } from '../../core/application/application.schema';
import type { QueueTab } from '../../core/contracts/api';
import type { Person } from '../../core/people/person';
import { ReviewStatus } from '../../core/review/review.machine';
import type { ReviewRoute } from '../../core/review/route';
import { heldBy, PAST_FORMAL_REVIEW } from '../../core/review/table-reads';
import { Level, UnitLevel } from '../../core/round/round.vocabulary';
import type { Condition } from '../ports/store.port';

/**
 * How a reviewer's queue becomes store queries, each served by one declared index
 * (`database.indexes.ts`): the scope's fields, the tab's statuses, then the round, the level and
 * whether it was ever returned — each either chosen (`eq`) or every value (`in`), so that one index
 * serves every combination of filters — then the search, sorted newest first.
 */
export interface QueueFilter {
  readonly tab: QueueTab;
  readonly roundId: string | null;
  readonly level: Level | null;
  readonly returned: boolean | null;
  readonly search: string;
}

/** The unit a queue is narrowed to: the unit admin's own, or the one an HR reviewer chose. */
export type QueueUnit = Pick<UnitSnapshot, 'unitId'> & { readonly level: UnitLevel | null };

/** One part of a tab: statuses held for some unit levels (null: any). */
interface Part {
  readonly statuses: readonly ReviewStatus[];
  readonly unitLevels: readonly UnitLevel[] | null;
}

const ENDED: readonly ReviewStatus[] = ['abandoned', 'rejected', 'withdrawn'];
const ROUTES: readonly ReviewRoute[] = ['hr', 'employment_service'];
const COUNTY_LEVELS: readonly UnitLevel[] = ['county', 'township'];

export const QUEUE_TABS: readonly QueueTab[] = ['pending', 'returned', 'done'];

/** An ID number's last 4 to 6 characters, as typed to find it; anything else is a name. */
const ID_DIGITS = /^\d{3,5}[\dXx]$/;

/** The route a reviewer's role reviews on. */
export function routeOf(role: Person['role']): ReviewRoute {
  return role === 'county_agency' || role === 'prefecture_agency' ? 'employment_service' : 'hr';
}

/**
 * The store queries that find one tab (several queries are one tab's parts, never overlapping):
 * 待审核 is where the review table has applications wait for this role (`heldBy`), 已退回 the
 * returned ones, 已办理 those past the role's step (or ended, for the unit).
 */
export function queueQueries(caller: Person, filter: QueueFilter, unit: QueueUnit | null, roundIds: readonly string[]): Condition[][] {
  const narrowing: Condition[] = [
    filter.roundId ? { field: 'roundId', op: 'eq', value: filter.roundId } : { field: 'roundId', op: 'in', values: [...roundIds] },
    filter.level ? { field: 'level', op: 'eq', value: filter.level } : { field: 'level', op: 'in', values: [...Level.options] },
    filter.returned === null ? { field: 'everReturned', op: 'in', values: [false, true] } : { field: 'everReturned', op: 'eq', value: filter.returned },
    ...searchConditions(filter.search),
  ];
  return partsOf(caller.role, filter.tab).flatMap((part) => {
    const scope = scopeConditions(caller, part, unit);
    return scope ? [[...scope, ...narrowing]] : [];
  });
}

/** The search: the ID number's last digits when it is those, else the start of a name. */
function searchConditions(search: string): Condition[] {
  if (search === '') return [];
  const field = ID_DIGITS.test(search) ? 'idTail' : 'applicantName';
  const value = field === 'idTail' ? [...search.toUpperCase()].reverse().join('') : search;
  return [
    { field, op: 'gte', value },
    { field, op: 'lt', value: `${value}\uffff` },
  ];
}

function partsOf(role: Person['role'], tab: QueueTab): Part[] {
  if (tab === 'returned') return [{ statuses: ['returned'], unitLevels: null }];
  if (tab === 'pending') {
    // Statuses held for the same unit levels are one query.
    const parts = new Map<string, { statuses: ReviewStatus[]; unitLevels: readonly UnitLevel[] | null }>();
    for (const { status, unitLevels } of heldBy(role as Parameters<typeof heldBy>[0])) {
      const key = JSON.stringify(unitLevels);
      const part = parts.get(key) ?? { statuses: [], unitLevels };
      part.statuses.push(status);
      parts.set(key, part);
    }
    return [...parts.values()];
  }
  if (role === 'unit_admin') return [{ statuses: ['unit_approved', 'county_approved', ...PAST_FORMAL_REVIEW, ...ENDED], unitLevels: null }];
  if (role === 'county_hr' || role === 'county_agency') return [{ statuses: ['county_approved', ...PAST_FORMAL_REVIEW], unitLevels: null }];
  return [{ statuses: [...PAST_FORMAL_REVIEW], unitLevels: null }];
}

/** The scope's conditions for one part, in its index's order; null when the part holds nothing here. */
function scopeConditions(caller: Person, part: Part, unit: QueueUnit | null): Condition[] | null {
  const status: Condition = { field: 'status', op: 'in', values: [...part.statuses] };
  if (unit) {
    if (part.unitLevels && unit.level && !part.unitLevels.includes(unit.level)) return null;
    const routes = caller.role === 'unit_admin' ? ROUTES : [routeOf(caller.role)];
    return [{ field: 'unit.unitId', op: 'eq', value: unit.unitId }, { field: 'unit.route', op: 'in', values: [...routes] }, status];
  }
  const route: Condition = { field: 'unit.route', op: 'eq', value: routeOf(caller.role) };
  const levels = part.unitLevels ?? UnitLevel.options;
  if (caller.role === 'county_hr' || caller.role === 'county_agency') {
    const county = levels.filter((l) => COUNTY_LEVELS.includes(l));
    if (county.length === 0) return null;
    return [{ field: 'unit.prefecture', op: 'eq', value: caller.prefecture }, { field: 'unit.county', op: 'eq', value: caller.county ?? '' }, { field: 'unit.level', op: 'in', values: county }, route, status];
  }
  return [{ field: 'unit.prefecture', op: 'eq', value: caller.prefecture }, route, status, { field: 'unit.level', op: 'in', values: [...levels] }];
}
