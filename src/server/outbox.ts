import { z } from 'zod';
import type { NoticeKind } from '../core/review/review.machine';
import { collections } from './collections';
import { parseFields } from './docs';
import type { Deps } from './function';
import type { Doc, JsonObject, Write } from './ports/store.port';

/**
 * The outbox: every message a state change causes is written in the same atomic commit as the
 * change, with its dedupe key as its id (so it exists once however often the change is retried),
 * then delivered: at least once (after the commit, and by the outbox timer for whatever is left),
 * never twice (the in-app notice it becomes has the same id). Each entry ends as `sent`, `failed`
 * (with the platform's errcode) or `skipped` (no subscription credit: an in-app notice instead).
 * Subscription credits come with the defense issue; until then every entry becomes an in-app notice.
 */
export interface OutboxDraft {
  readonly dedupeKey: string;
  readonly personId: string;
  readonly applicationId: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly body: string;
  readonly page: string;
}

export const OutboxEntry = z.strictObject({
  personId: z.string(),
  applicationId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  /** Why it ended as it did: `no_credit`, or the platform's errcode and errmsg. */
  outcome: z.string().nullable(),
  attempts: z.number().int(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The insert that puts a message in the outbox (staged with the state change). */
export function outboxInsert(draft: OutboxDraft, now: Date): Write {
  const entry: OutboxEntry = {
    personId: draft.personId,
    applicationId: draft.applicationId,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    page: draft.page,
    createdAt: now.toISOString(),
    status: 'pending',
    outcome: null,
    attempts: 0,
  };
  return { kind: 'insert', collection: collections.outbox.name, doc: { _id: draft.dedupeKey, ...(entry as unknown as JsonObject) } };
}

/**
 * Delivers pending entries (those named, or the oldest pending ones): each becomes an in-app
 * notice and ends `skipped` (no credit) in one commit. An entry another run delivered first fails
 * that commit and is left as that run ended it. Answers how many this run delivered.
 */
export async function deliverOutbox(deps: Pick<Deps, 'store' | 'clock' | 'log'>, ids?: readonly string[]): Promise<number> {
  const docs = ids
    ? (await Promise.all(ids.map((id) => deps.store.get(collections.outbox.name, id)))).filter((d) => d !== null)
    : await deps.store.find(collections.outbox.name, { where: [{ field: 'status', op: 'eq', value: 'pending' }], orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 100 });
  let delivered = 0;
  // A few at a time: each delivery is its own commit, and the cloud answers each after a while.
  for (let i = 0; i < docs.length; i += DELIVERY_CONCURRENCY) {
    const batch = docs.slice(i, i + DELIVERY_CONCURRENCY);
    const done = await Promise.all(batch.map((doc) => deliverOne(deps, doc)));
    delivered += done.filter(Boolean).length;
  }
  return delivered;
}

const DELIVERY_CONCURRENCY = 10;

/** One entry: its in-app notice and its end state in one commit. A failure leaves it pending for the next run. */
async function deliverOne(deps: Pick<Deps, 'store' | 'clock' | 'log'>, doc: Doc<JsonObject>): Promise<boolean> {
  const entry = parseFields(OutboxEntry, doc);
  if (entry.status !== 'pending') return false;
  const now = deps.clock.now().toISOString();
  try {
    const committed = await deps.store.commit([
      {
        kind: 'insert',
        collection: collections.inbox.name,
        doc: { _id: doc._id, personId: entry.personId, applicationId: entry.applicationId, kind: entry.kind, title: entry.title, body: entry.body, page: entry.page, at: now, readAt: null },
      },
      { kind: 'update', collection: collections.outbox.name, id: doc._id, rev: doc._rev, set: { status: 'skipped', outcome: 'no_credit', attempts: entry.attempts + 1 } },
    ]);
    if (committed.ok) return true;
    // Another run delivered it first: its notice exists once, and the entry ended there.
    if (committed.error.code !== 'STORE.CONFLICT' && committed.error.code !== 'STORE.DUPLICATE_ID') deps.log.warn(`outbox ${doc._id} not delivered: ${committed.error.code}`);
    return false;
  } catch (cause) {
    deps.log.warn(`outbox ${doc._id} not delivered this time; the timer retries`, cause);
    return false;
  }
}
