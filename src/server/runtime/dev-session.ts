import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Dev-login tokens of the local runtime (dev mode only): they stand in for what
 * `cloud.getWXContext()` gives a real cloud function; the production build has no such tokens.
 * A token is `<base64url of {openid, expires, nonce}>.<64 lower-case hex HMAC-SHA256>`: it
 * expires, and two logins of the same person get different tokens.
 */
export const SESSION_TTL_SECONDS = 12 * 3600;

const TOKEN = /^([A-Za-z0-9_-]{1,600})\.([0-9a-f]{64})$/;

interface SessionBody {
  readonly openid: string;
  /** Unix seconds. */
  readonly expires: number;
  readonly nonce: string;
}

export function signSession(openid: string, secret: Buffer, now: Date, ttlSeconds = SESSION_TTL_SECONDS): string {
  const body: SessionBody = {
    openid,
    expires: Math.floor(now.getTime() / 1000) + ttlSeconds,
    nonce: randomBytes(12).toString('base64url'),
  };
  const encoded = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${encoded}.${mac(encoded, secret)}`;
}

/** The OPENID a token names, or null when it is missing, malformed, forged or expired. */
export function verifySession(token: string | undefined, secret: Buffer, now: Date): string | null {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return null;
  const [, encoded = '', signature = ''] = match;
  const expected = Buffer.from(mac(encoded, secret), 'hex');
  if (!timingSafeEqual(Buffer.from(signature, 'hex'), expected)) return null;
  let body: Partial<SessionBody>;
  try {
    body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<SessionBody>;
  } catch {
    return null;
  }
  if (typeof body.openid !== 'string' || body.openid.length === 0 || typeof body.expires !== 'number') return null;
  return now.getTime() / 1000 < body.expires ? body.openid : null;
}

function mac(encoded: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`session:${encoded}`).digest('hex');
}
