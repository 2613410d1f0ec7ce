import { isInviteCode, normaliseInviteCode } from './person';

/**
 * The invite code inside a mini-program code's `scene` (at most 32 characters): `c=AB12CD34EF`. The
 * server writes it when making a unit's code; the 我的单位 page reads it back when WeChat opens it
 * from a scan (WeChat hands the page `scene` URL-encoded).
 */
export const INVITE_PAGE = 'pages/unit/index';

export function inviteScene(inviteCode: string): string {
  return `c=${inviteCode}`;
}

/** The invite code a scanned `scene` carries, or null when it carries none that could be one. */
export function inviteCodeFromScene(raw: string | undefined): string | null {
  if (!raw) return null;
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const pair = scene.split('&').find((p) => p.startsWith('c='));
  if (!pair) return null;
  const code = normaliseInviteCode(pair.slice(2));
  return isInviteCode(code) ? code : null;
}
