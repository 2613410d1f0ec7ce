import type { UnitLevel } from '../round/round.vocabulary';
import type { ReviewRoute } from './route';
import { ReviewStatus, TRANSITIONS, type Actor, type Guard, type TransitionContext } from './review.machine';

/**
 * What pages and queues ask of the review table, read from it rather than restated: who holds an
 * application now, where applications wait for each reviewer, which statuses the applicant edits
 * in, and what follows formal review.
 */
/** Guards that say which way the chain goes for this unit (its level, its route), not whether a step may be taken. */
function onThisWay(guard: Guard, unitLevel: TransitionContext['unitLevel'], route: ReviewRoute): boolean {
  switch (guard) {
    case 'county_unit':
      return unitLevel === 'county' || unitLevel === 'township';
    case 'prefecture_unit':
      return unitLevel === 'prefecture';
    case 'hr_route':
      return route === 'hr';
    case 'employment_service_route':
      return route === 'employment_service';
    default:
      return true;
  }
}

/** The rows that move an application on from a status: not the applicant's withdrawal, not a timer, not a late step. */
const onward = (status: ReviewStatus) => TRANSITIONS.filter((r) => r.from.includes(status) && r.command !== 'withdraw' && !r.late && !r.actors.includes('system'));

/** Who holds the application now: whose move it is, read from the table for this unit's way. */
export function holderOf(status: ReviewStatus, unitLevel: TransitionContext['unitLevel'], route: ReviewRoute): Actor | null {
  return onward(status).find((r) => r.guards.every((g) => onThisWay(g, unitLevel, route)))?.actors[0] ?? null;
}

/** The unit levels a unit-level guard lets through (an autonomous-region unit goes the prefecture's way); null: any. */
const LEVELS_OF: Partial<Record<Guard, readonly UnitLevel[]>> = { county_unit: ['county', 'township'], prefecture_unit: ['prefecture', 'autonomous_region'] };

/**
 * Where applications wait for this actor: each status they hold it in, and the unit levels for which
 * (null: any unit): a reviewer's 待审核, read from the table.
 */
export function heldBy(actor: Actor): { readonly status: ReviewStatus; readonly unitLevels: readonly UnitLevel[] | null }[] {
  return ReviewStatus.options.flatMap((status) => {
    const rows = onward(status).filter((r) => r.actors.includes(actor));
    if (rows.length === 0) return [];
    const levels = rows.map((r) => r.guards.flatMap((g) => LEVELS_OF[g] ?? []));
    return [{ status, unitLevels: levels.some((l) => l.length === 0) ? null : [...new Set(levels.flat())] }];
  });
}

/** The statuses the applicant edits in: those the applicant's submission starts from. */
export const EDITABLE: readonly ReviewStatus[] = [...new Set(TRANSITIONS.filter((r) => r.command === 'submit').flatMap((r) => r.from))];

/** Every status an application can reach from this one by the table's rows, itself included. */
export function reachableFrom(status: ReviewStatus): ReviewStatus[] {
  const seen = new Set<ReviewStatus>([status]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of TRANSITIONS) {
      if (row.command === 'withdraw' || seen.has(row.to) || !row.from.some((f) => seen.has(f))) continue;
      seen.add(row.to);
      grew = true;
    }
  }
  return ReviewStatus.options.filter((s) => seen.has(s));
}

/** 通过形式审核 and every status after it: the committee's applications. */
export const PAST_FORMAL_REVIEW: readonly ReviewStatus[] = reachableFrom('formal_review_passed');

/** The statuses an application is evaluated from (the fee paid with no defense, or defended): read from the evaluation rows. */
export const EVALUATED_FROM: readonly ReviewStatus[] = [...new Set(TRANSITIONS.filter((r) => r.command === 'evaluate_pass' || r.command === 'evaluate_fail').flatMap((r) => r.from))];
