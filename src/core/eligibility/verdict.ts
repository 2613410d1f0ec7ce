import type { Reason, Verdict } from './assessment';

/** Worst first; a verdict is "better" when it comes later in this list. */
export const VERDICT_ORDER: readonly Verdict[] = ['ineligible', 'not_yet', 'eligible_if', 'eligible'];

export interface Combined {
  readonly verdict: Verdict;
  readonly earliestDate: string | null;
  readonly missing: readonly string[];
  /** The reasons worth showing: unknowns are dropped once a failure time will not cure decides. */
  readonly reasons: readonly Reason[];
}

/**
 * Combines every reason of one offer:
 * - any `fail` → `ineligible`;
 * - else any `later` → `not_yet`, from the latest of their dates (every one must hold);
 * - else any `unknown` / `cannot_judge` → `eligible_if`, listing what is missing;
 * - else `eligible`.
 */
export function combineReasons(reasons: readonly Reason[]): Combined {
  if (reasons.some((r) => r.outcome === 'fail')) {
    // No answer can change an ineligible verdict, so open questions would only be noise.
    const shown = reasons.filter((r) => r.outcome !== 'unknown');
    return { verdict: 'ineligible', earliestDate: null, missing: [], reasons: shown };
  }
  const missing = missingOf(reasons);
  const later = reasons.filter((r) => r.outcome === 'later');
  if (later.length > 0) {
    const dates = later.flatMap((r) => (r.earliestDate ? [r.earliestDate] : []));
    const earliestDate = dates.length > 0 ? dates.reduce((a, b) => (a >= b ? a : b)) : null;
    return { verdict: 'not_yet', earliestDate, missing, reasons };
  }
  if (missing.length > 0 || reasons.some((r) => r.outcome === 'unknown' || r.outcome === 'cannot_judge')) {
    return { verdict: 'eligible_if', earliestDate: null, missing, reasons };
  }
  return { verdict: 'eligible', earliestDate: null, missing: [], reasons };
}

function missingOf(reasons: readonly Reason[]): string[] {
  const items = reasons
    .filter((r) => r.outcome === 'unknown' || r.outcome === 'cannot_judge')
    .map((r) => r.missing ?? r.message);
  return [...new Set(items)];
}

/** True when `a` is at least as good as `b`. */
export function atLeastAsGood(a: Verdict, b: Verdict): boolean {
  return VERDICT_ORDER.indexOf(a) >= VERDICT_ORDER.indexOf(b);
}
