import * as z from 'zod';
import { creditId } from './subscriptions/credits.repo';
import { people } from './people.repo';
import { toDoc } from './docs';
import type { NoticeDraft } from '../core/messages/notice-draft';
import { TemplateKey } from '../core/messages/templates';
import { collections } from './collections';
import { parseFields } from './docs';
import type { Deps } from './function';
import type { Doc, JsonObject, Store, Write } from './ports/store.port';

/**
 * The outbox: every message a state change causes is written in the same atomic commit as the
 * change, with its dedupe key as its id (so it exists once however often the change is retried),
 * then delivered: after the commit, and by the outbox timer for whatever is left.
 *
 * Delivery of one entry: where it has a WeChat subscription message, the template is set up here
 * and the person has a credit (or the account has long-term subscriptions), the send is claimed and
 * the credit used in one commit, then sent; otherwise it is not sent. Either way it ends as an
 * in-app notice with the same id (never two), and the entry as `sent`, `skipped` (no credit, not set
 * up: the in-app notice is the message) or `failed` (the platform's errcode and errmsg). Busy (-1)
 * and timeouts are retried with backoff (the credit given back meanwhile); 43101 sets the credit to
 * zero; 47003, 40003, 40037 and 41030 are not retried and are logged. A send claimed by a process
 * that then stopped is never sent again (WeChat has no idempotency key): after a while it ends
 * `failed` (`unconfirmed`) with its in-app notice, so it is not lost either.
 */
export type OutboxDraft = NoticeDraft;

const Subscription = z.strictObject({ template: TemplateKey, page: z.string(), data: z.record(z.string(), z.string()) });

export const OutboxEntry = z.strictObject({
  personId: z.string(),
  applicationId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string(),
  subscription: Subscription.nullable().default(null),
  createdAt: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
  /** Why it ended as it did: `no_credit`, `not_set_up`, `in_app`, `unconfirmed`, or the platform's errcode and errmsg. */
  outcome: z.string().nullable(),
  attempts: z.number().int(),
  /** Not tried again before this instant (backoff after WeChat was busy). */
  notBefore: z.string().nullable().default(null),
  /** When the send was claimed (a `sending` entry older than `STALE_SENDING_MS` was never confirmed). */
  claimedAt: z.string().nullable().default(null),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** How often a send is tried when WeChat is busy, and how long to wait before each next try. */
export const MAX_SEND_ATTEMPTS = 5;
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 30 * 60_000);
const STALE_SENDING_MS = 10 * 60_000;

/** The insert that puts a message in the outbox (staged with the state change). */
export function outboxInsert(draft: OutboxDraft, now: Date): Write {
  const entry: OutboxEntry = {
    personId: draft.personId,
    applicationId: draft.applicationId,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    page: draft.page,
    subscription: draft.subscription ? { template: draft.subscription.template, page: draft.subscription.page, data: { ...draft.subscription.data } } : null,
    createdAt: now.toISOString(),
    status: 'pending',
    outcome: null,
    attempts: 0,
    notBefore: null,
    claimedAt: null,
  };
  return { kind: 'insert', collection: collections.outbox.name, doc: { _id: draft.dedupeKey, ...toDoc(entry) } };
}

/** Whether the outbox holds a message under this key already (told once: a second cause of the same message writes none). */
export async function outboxHolds(store: Pick<Store, 'get'>, dedupeKey: string): Promise<boolean> {
  return (await store.get(collections.outbox.name, dedupeKey)) !== null;
}

/** A person's in-app notices, the newest first. */
export async function inboxOf(store: Pick<Store, 'find'>, personId: string, limit: number): Promise<{ id: string; title: string; body: string; page: string; at: string }[]> {
  const docs = await store.find(collections.inbox.name, { where: [{ field: 'personId', op: 'eq', value: personId }], orderBy: [{ field: 'at', direction: 'desc' }], limit });
  return docs.map((d) => ({ id: d._id, title: String(d.title), body: String(d.body), page: String(d.page), at: String(d.at) }));
}

type DeliveryDeps = Pick<Deps, 'store' | 'clock' | 'log' | 'messenger' | 'subscriptions'>;

/**
 * Delivers pending entries (those named, or the oldest pending and unconfirmed ones). Answers how
 * many this run ended (sent, skipped or failed).
 */
export async function deliverOutbox(deps: DeliveryDeps, ids?: readonly string[]): Promise<number> {
  const docs = ids
    ? (await Promise.all(ids.map((id) => deps.store.get(collections.outbox.name, id)))).filter((d) => d !== null)
    : await deps.store.find(collections.outbox.name, { where: [{ field: 'status', op: 'in', values: ['pending', 'sending'] }], orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 100 });
  let delivered = 0;
  // A few at a time: each delivery is its own commits, and the cloud answers each after a while.
  for (let i = 0; i < docs.length; i += DELIVERY_CONCURRENCY) {
    const batch = docs.slice(i, i + DELIVERY_CONCURRENCY);
    const done = await Promise.all(batch.map((doc) => deliverOne(deps, doc).catch((cause: unknown) => (deps.log.warn(`outbox ${doc._id} not delivered this time; the timer retries`, cause), false))));
    delivered += done.filter(Boolean).length;
  }
  return delivered;
}

const DELIVERY_CONCURRENCY = 10;

async function deliverOne(deps: DeliveryDeps, doc: Doc<JsonObject>): Promise<boolean> {
  const entry = parseFields(OutboxEntry, doc);
  const now = deps.clock.now();
  if (entry.status === 'sending') {
    // Claimed by a run that stopped before it knew how the send went: never sent again, not lost.
    if (!entry.claimedAt || now.getTime() - Date.parse(entry.claimedAt) < STALE_SENDING_MS) return false;
    return end(deps, doc, entry, 'failed', 'unconfirmed');
  }
  if (entry.status !== 'pending') return false;
  if (entry.notBefore && Date.parse(entry.notBefore) > now.getTime()) return false;

  const message = entry.subscription;
  if (!message) return end(deps, doc, entry, 'skipped', 'in_app');
  const templateId = deps.subscriptions.ids[message.template];
  if (!templateId) return end(deps, doc, entry, 'skipped', 'not_set_up');
  const openid = (await people.get(deps.store, entry.personId))?.record.openid ?? null;
  if (!openid) return end(deps, doc, entry, 'skipped', 'no_person');
  const creditKey = creditId(entry.personId, message.template);
  const credit = deps.subscriptions.longTerm ? null : await deps.store.get(collections.subscriptionCredits.name, creditKey);
  if (!deps.subscriptions.longTerm && (!credit || Number(credit.count) <= 0)) return end(deps, doc, entry, 'skipped', 'no_credit');

  // Claim the send and use the credit in one commit: two runs cannot both send, and a credit is used once.
  const claim: Write[] = [{ kind: 'update', collection: collections.outbox.name, id: doc._id, rev: doc._rev, set: { status: 'sending', claimedAt: now.toISOString(), attempts: entry.attempts + 1 } }];
  if (credit) claim.push({ kind: 'update', collection: collections.subscriptionCredits.name, id: credit._id, rev: credit._rev, set: { count: Number(credit.count) - 1, updatedAt: now.toISOString() } });
  const claimed = await deps.store.commit(claim);
  if (!claimed.ok) return false; // another run has it, or the credit just changed: the next run looks again
  const sending = { ...doc, _rev: doc._rev + 1 };

  const sent = await deps.messenger.send({ toOpenid: openid, templateId, page: message.page, data: message.data });
  if (sent.ok) return end(deps, sending, entry, 'sent', null);
  const { code, cause } = sent.error;
  if (code === 'MESSAGE.NO_CONSENT') {
    // WeChat says no credit is left (or the person unsubscribed): ours is zero too, and it is not retried.
    await setCredit(deps.store, entry.personId, message.template, () => 0, now);
    return end(deps, sending, entry, 'skipped', cause);
  }
  // Not sent: the credit is the person's again.
  if (credit) await setCredit(deps.store, entry.personId, message.template, (count) => count + 1, now);
  if (code === 'MESSAGE.BUSY' && entry.attempts + 1 < MAX_SEND_ATTEMPTS) {
    const again = await deps.store.commit([
      { kind: 'update', collection: collections.outbox.name, id: doc._id, rev: sending._rev, set: { status: 'pending', claimedAt: null, notBefore: new Date(now.getTime() + backoffMs(entry.attempts + 1)).toISOString(), outcome: cause } },
    ]);
    if (!again.ok) deps.log.warn(`outbox ${doc._id}: the retry could not be scheduled (${again.error.code}); it stays claimed and ends unconfirmed`);
    return false;
  }
  deps.log.error(`subscription message ${doc._id} (${message.template}) refused: ${cause}`);
  return end(deps, sending, entry, 'failed', cause);
}

/** The entry's end and its in-app notice (same id as the entry: one notice, however often this runs), in one commit. */
async function end(deps: DeliveryDeps, doc: Doc<JsonObject>, entry: OutboxEntry, status: 'sent' | 'skipped' | 'failed', outcome: string | null): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  const committed = await deps.store.commit([
    {
      kind: 'insert',
      collection: collections.inbox.name,
      doc: { _id: doc._id, personId: entry.personId, applicationId: entry.applicationId, kind: entry.kind, title: entry.title, body: entry.body, page: entry.page, at, readAt: null },
    },
    { kind: 'update', collection: collections.outbox.name, id: doc._id, rev: doc._rev, set: { status, outcome, attempts: entry.status === 'sending' ? entry.attempts : entry.attempts + 1 } },
  ]);
  if (committed.ok) return true;
  // Another run ended it first: its notice exists once, and the entry ended there.
  if (committed.error.code !== 'STORE.CONFLICT' && committed.error.code !== 'STORE.DUPLICATE_ID') deps.log.warn(`outbox ${doc._id} not delivered: ${committed.error.code}`);
  return false;
}

/** Changes a credit by its current value, retrying a concurrent change a few times. */
export async function setCredit(store: Pick<Store, 'get' | 'commit'>, personId: string, template: TemplateKey, next: (count: number) => number, now: Date): Promise<void> {
  const id = creditId(personId, template);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const doc = await store.get(collections.subscriptionCredits.name, id);
    const write: Write = doc
      ? { kind: 'update', collection: collections.subscriptionCredits.name, id, rev: doc._rev, set: { count: Math.max(0, next(Number(doc.count))), updatedAt: now.toISOString() } }
      : { kind: 'insert', collection: collections.subscriptionCredits.name, doc: { _id: id, personId, template, count: Math.max(0, next(0)), updatedAt: now.toISOString() } };
    const committed = await store.commit([write]);
    if (committed.ok) return;
  }
  throw new Error(`credit ${id}: too many concurrent changes`);
}
