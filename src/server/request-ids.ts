import { createHash } from 'node:crypto';
import { collections } from './collections';
import type { Store, Write } from './ports/store.port';

/**
 * Request ids name one act each (issue 22, item 8). Every action whose payload carries a
 * `requestId` has the act it named recorded with it, in the same commit (`_id` =
 * `<person>:<requestId>`: one person's ids never meet another's): which action, and a fingerprint
 * of everything else the payload said. The same id again with the same action and words is a
 * retry, and the action answers it as done (each one is idempotent on its own state); the same id
 * with another action or other words is 409 REQUEST.ID_REUSED before the action runs, never a
 * silent success that did nothing.
 */
export interface RequestRecord {
  readonly personId: string;
  readonly action: string;
  readonly fingerprint: string;
  readonly at: string;
}

/** The request id a parsed payload carries, if any. */
export function requestIdOf(payload: unknown): string | null {
  const id = payload && typeof payload === 'object' ? (payload as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** JSON with its keys in order, so the same words fingerprint the same however they were sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a payload says besides its request id, as a SHA-256. */
export function fingerprintOf(payload: unknown): string {
  const { requestId: _ignored, ...rest } = payload as Record<string, unknown>;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

const recordId = (personId: string, requestId: string) => `${personId}:${requestId}`;

export type RequestCheck = { readonly kind: 'new'; readonly record: Write } | { readonly kind: 'seen' } | { readonly kind: 'reused' };

/** Whether this request id is new for the caller, the same act again, or used for another act. */
export async function checkRequestId(store: Pick<Store, 'get'>, personId: string, action: string, payload: unknown, requestId: string, now: Date): Promise<RequestCheck> {
  const fingerprint = fingerprintOf(payload);
  const doc = await store.get(collections.requests.name, recordId(personId, requestId));
  if (!doc) {
    const record: RequestRecord = { personId, action, fingerprint, at: now.toISOString() };
    return { kind: 'new', record: { kind: 'insert', collection: collections.requests.name, doc: { _id: recordId(personId, requestId), ...record } } };
  }
  return doc.action === action && doc.fingerprint === fingerprint ? { kind: 'seen' } : { kind: 'reused' };
}
