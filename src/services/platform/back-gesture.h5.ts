import type { ReactElement } from 'react';

/**
 * H5 (the local demo and the e2e build): the browser's back leaves the page, as Taro's router
 * decides. Keeping an extra history entry of the page's own was tried: Taro's router reloads the
 * page when that entry is popped, losing the screen, so the H5 side does nothing and the step back
 * inside a page is the WeChat build's (`back-gesture.weapp.ts`).
 */
export function useBackGesture(_active: boolean, _onBack: () => void): ReactElement | null {
  return null;
}
