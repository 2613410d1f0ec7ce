import { useDidShow } from './lifecycle';
import { useRef } from 'react';

/**
 * Runs `again` each time the page shows after its first showing: back from another page, from
 * WeChat's notice, from the photo picker; the page then reads what may have changed meanwhile.
 */
export function useShownAgain(again: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) again();
    shown.current = true;
  });
}
