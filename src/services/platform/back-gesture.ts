/**
 * The back gesture inside a page, per platform: Taro's builds resolve `./back-gesture` to
 * `back-gesture.weapp.ts` (a `page-container` that takes the gesture) or `back-gesture.h5.ts`
 * (a history entry of the page's own). This file is what TypeScript, ESLint and jest see.
 */
import type * as Weapp from './back-gesture.weapp';
import type * as H5 from './back-gesture.h5';

export * from './back-gesture.h5';

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: SameShape<typeof Weapp, typeof H5> = true;
void sameShape;
