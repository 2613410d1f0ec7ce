/**
 * The privacy prompt per platform: Taro's builds resolve `./privacy` to `privacy.weapp.ts` or
 * `privacy.h5.ts`. This file is what TypeScript, ESLint and jest see.
 */
import type * as Weapp from './privacy.weapp';
import type * as H5 from './privacy.h5';

export * from './privacy.h5';

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: SameShape<typeof Weapp, typeof H5> = true;
void sameShape;
