/**
 * The one place the app differs by platform. Taro's builds resolve `./platform` to
 * `platform.weapp.ts` or `platform.h5.ts` (its MultiPlatformPlugin), so each build carries only its
 * own side; this file is what TypeScript, ESLint and jest see, and it is the H5 side.
 */
import type * as Weapp from './platform.weapp';
import type * as H5 from './platform.h5';

export * from './platform.h5';

// Both sides must export the same shape, or the build that picks the other file breaks.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: SameShape<typeof Weapp, typeof H5> = true;
void sameShape;
