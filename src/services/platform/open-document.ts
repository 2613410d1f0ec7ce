/**
 * Opening an exported document per platform: Taro's builds resolve `./open-document` to
 * `open-document.weapp.ts` or `open-document.h5.ts`. This file is what TypeScript, ESLint and jest see.
 */
import type * as Weapp from './open-document.weapp';
import type * as H5 from './open-document.h5';

export * from './open-document.h5';

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: SameShape<typeof Weapp, typeof H5> = true;
void sameShape;
