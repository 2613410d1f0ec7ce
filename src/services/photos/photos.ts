/**
 * Photos from the phone, per platform: Taro's builds resolve `./photos` to `photos.weapp.ts`
 * (chooseMedia + compressImage) or `photos.h5.ts` (file picker + canvas). This file is what
 * TypeScript, ESLint and jest see.
 */
import type * as Weapp from './photos.weapp';
import type * as H5 from './photos.h5';

export * from './photos.h5';

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: SameShape<typeof Weapp, typeof H5> = true;
void sameShape;
