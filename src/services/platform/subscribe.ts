/**
 * The subscribe prompt per platform: Taro's builds resolve `./subscribe` to `subscribe.weapp.ts` or
 * `subscribe.h5.ts`. This file is what TypeScript, ESLint and jest see.
 */
import type * as Weapp from './subscribe.weapp';
import type * as H5 from './subscribe.h5';

export * from './subscribe.h5';

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: SameShape<typeof Weapp, typeof H5> = true;
void sameShape;
