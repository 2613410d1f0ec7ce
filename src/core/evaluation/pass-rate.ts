import { LEVEL_LABELS } from '../eligibility/labels';
import type { Level, PassRate, Round, Source } from '../round/round.schema';

/** One level's count against its cap: how many were evaluated, pass, may pass, and by how many too many. */
export interface CapCheck {
  readonly level: Level;
  readonly evaluated: number;
  readonly passes: number;
  /** The most that may pass, or null where the round sets no cap for the level. */
  readonly allowed: number | null;
  readonly percent: number | null;
  /** Passes above the cap (0 within it). */
  readonly excess: number;
  readonly source: Source | null;
}

/** The round's cap on a level, or null (none stated, or the notice says none: 中、初级职称评审不设置通过率). */
export function capOf(round: Pick<Round, 'passRates'>, level: Level): (PassRate & { cap: { kind: 'max_percent' } }) | null {
  const rule = round.passRates.find((r) => r.levels.includes(level));
  return rule && rule.cap.kind === 'max_percent' ? (rule as PassRate & { cap: { kind: 'max_percent' } }) : null;
}

/**
 * The most that may pass of `evaluated` at `percent`: 通过率不高于 N% means passes / evaluated ≤ N/100,
 * so the floor (4 副高 at 75 % → 3; 5 正高 at 60 % → 3; 1 副高 → 0). Integer arithmetic, no rounding
 * error at the boundary.
 */
export function mostPassing(evaluated: number, percent: number): number {
  return Math.floor((evaluated * percent) / 100);
}

/**
 * Checks recorded results against the round's caps, per level (aksu-forestry-2024 四(七): 正高级、副高级通过率分别不高于
 * 60%、75%). Every result counts as evaluated; a level without a cap is listed with `allowed: null`.
 */
export function checkCaps(round: Pick<Round, 'passRates'>, results: readonly { readonly level: Level; readonly pass: boolean }[]): CapCheck[] {
  const levels = [...new Set(results.map((r) => r.level))];
  return levels.map((level) => {
    const mine = results.filter((r) => r.level === level);
    const passes = mine.filter((r) => r.pass).length;
    const rule = capOf(round, level);
    if (!rule) return { level, evaluated: mine.length, passes, allowed: null, percent: null, excess: 0, source: null };
    const allowed = mostPassing(mine.length, rule.cap.percent);
    return { level, evaluated: mine.length, passes, allowed, percent: rule.cap.percent, excess: Math.max(0, passes - allowed), source: rule.source };
  });
}

/** Why publishing is refused, one sentence per level over its cap, or none. */
export function capRefusals(checks: readonly CapCheck[]): string[] {
  return checks
    .filter((c) => c.excess > 0)
    .map((c) => `${LEVEL_LABELS[c.level]}评审了 ${c.evaluated} 人，通过率不得高于 ${c.percent}%，最多通过 ${c.allowed} 人；现在记为通过 ${c.passes} 人，多了 ${c.excess} 人（${c.source!.clause}）。`);
}
