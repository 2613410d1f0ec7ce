import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Dev-login tokens of the local runtime: the OPENID of a seeded person, signed with the runtime's
 * secret. They stand in for what `cloud.getWXContext()` gives a real cloud function; the
 * production build has no such tokens.
 */
export function signSession(openid: string, secret: Buffer): string {
  const body = Buffer.from(openid, 'utf8').toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The OPENID a token names, or null when it is missing, malformed or forged. */
export function verifySession(token: string | undefined, secret: Buffer): string | null {
  if (!token) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(body, 'base64url').toString('utf8');
}

function mac(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`session:${body}`).digest('hex');
}
