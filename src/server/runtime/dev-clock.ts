import type { Round } from '../../core/round/round.schema';
import type { Clock } from '../ports/clock.port';

/**
 * The local runtime's clock in dev mode: real time moved by an offset the dev console sets, so a
 * demo can stand inside a round's apply window, or just past its deadline. It moves on like a
 * real clock from wherever it was set. Production functions use the system clock only.
 */
export interface DevClock extends Clock {
  /** Moves the clock so that it reads `at` now; null goes back to real time. */
  set(at: Date | null): void;
  /** How far the clock is from real time, in milliseconds (0 when not moved). */
  offsetMs(): number;
}

export function devClock(base: Clock, startAt: Date | null = null): DevClock {
  let offset = startAt ? startAt.getTime() - base.now().getTime() : 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    set(at) {
      offset = at ? at.getTime() - base.now().getTime() : 0;
    },
    offsetMs: () => offset,
  };
}

const HOUR = 3600_000;

/**
 * An instant inside as many of the rounds' apply windows as possible (the demo's starting time),
 * at 10:00 Beijing time on the day the most windows are open, when that is still inside them; null
 * when no round announces its window. The most windows overlap at some window's start, so only
 * starts are tried.
 */
export function busiestApplyMoment(rounds: readonly Round[]): Date | null {
  const windows = rounds
    .flatMap((round) => round.windows)
    .filter((w) => w.kind === 'apply')
    .flatMap((w) => (w.start.kind === 'at' && w.end.kind === 'at' ? [{ start: Date.parse(w.start.at), end: Date.parse(w.end.at) }] : []));
  const openAt = (t: number) => windows.filter((w) => w.start <= t && t <= w.end).length;
  let best: number | null = null;
  for (const { start } of windows) {
    if (best === null || openAt(start) > openAt(best) || (openAt(start) === openAt(best) && start < best)) best = start;
  }
  if (best === null) return null;
  // 10:00 in Beijing (UTC+8, no daylight saving) on the same Beijing day.
  const beijingMidnight = Math.floor((best + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
  const morning = beijingMidnight + 10 * HOUR;
  return new Date(morning >= best && openAt(morning) === openAt(best) ? morning : best);
}
