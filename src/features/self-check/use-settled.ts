import { useEffect, useRef, useState } from 'react';

/** Long enough to swallow the second tap of a double tap, short enough not to be noticed. */
const SETTLE_MS = 350;
/** After a tap that moves on, in case the screen does not change (the result opens on top). */
const HOLD_MS = 900;

/**
 * A screen that ignores taps while it changes: for a moment after a new screen appears, and after
 * a tap that moves on (`hold`), taps are dropped, so a double tap on 事业单位 never also answers the
 * next question and a double tap on 下一题 never skips one. `settled` is false meanwhile: render it
 * as aria-disabled, so the screen says it is not ready (and tests wait for it, as a person would).
 */
export function useSettled(screenKey: string) {
  const [settled, setSettled] = useState(false);
  const busy = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const pause = (ms: number) => {
    busy.current = true;
    setSettled(false);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      busy.current = false;
      setSettled(true);
    }, ms);
  };

  useEffect(() => {
    pause(SETTLE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [screenKey]);

  /** Wraps a tap handler: dropped while the screen is not settled. */
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (busy.current) return;
      fn(...args);
    };

  return { settled, guard, hold: () => pause(HOLD_MS) };
}
