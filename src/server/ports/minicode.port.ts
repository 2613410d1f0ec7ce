import type { Result } from '../../core/result';

/**
 * Mini-program codes (小程序码) that open a page with a `scene`, as WeChat's
 * `wxacode.getUnlimited` makes them: a unit's invite code as a code its staff scan with WeChat.
 * Locally: a standard QR code of the H5 app's address with the same `scene`.
 */
export interface MiniCodeRequest {
  /** Up to 32 visible characters: letters, digits and !#$&'()*+,/:;=?@-._~ (getUnlimited's rule). */
  readonly scene: string;
  /** The page it opens, without a leading slash and without a query: `pages/unit/index`. */
  readonly page: string;
}

export interface MiniCodeImage {
  readonly bytes: Uint8Array;
  readonly contentType: 'image/png' | 'image/jpeg';
}

export type MiniCodeError = {
  readonly code: 'MINICODE.INVALID_REQUEST' | 'MINICODE.FAILED';
  /** What was wrong, or what the platform said, for the log. */
  readonly cause: string;
};

export interface MiniCodes {
  unlimited(request: MiniCodeRequest): Promise<Result<MiniCodeImage, MiniCodeError>>;
}

const SCENE = /^[A-Za-z0-9!#$&'()*+,/:;=?@._~-]{1,32}$/;
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** What every adapter refuses before making a code, so local runs fail where WeChat would. */
export function miniCodeRefusal(request: MiniCodeRequest): { ok: false; error: MiniCodeError } | null {
  if (!SCENE.test(request.scene)) return { ok: false, error: { code: 'MINICODE.INVALID_REQUEST', cause: `scene ${JSON.stringify(request.scene)}: 1–32 of letters, digits and !#$&'()*+,/:;=?@-._~` } };
  if (!PAGE.test(request.page)) return { ok: false, error: { code: 'MINICODE.INVALID_REQUEST', cause: `page ${JSON.stringify(request.page)}: a path without a leading slash or a query` } };
  return null;
}
