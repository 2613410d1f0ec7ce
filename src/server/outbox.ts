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
 * Sends in flight at once. WeChat documents no per-second limit for `subscribeMessage.send` that we
 * have on file (TOOLCHAIN.md), only one credit per accepted prompt; the bound keeps a cloud function's
 * outbound calls modest while hundreds of messages (a prefecture's defense plan, a meeting's results)
 * go out in seconds rather than minutes. Raise it only with WeChat's own figure.
 */
export const DELIVERY_CONCURRENCY = 20;
/** Entries of one person's credit for one template claimed, and the credit used, in one commit. */
const CLAIM_BATCH = 20;
/** Entries read per pass. */
const PASS_SIZE = 200;

/** How long one delivery may go on starting new sends (a cloud function must end before its timeout). */
export interface DeliveryBudget {
  /** Milliseconds from the call; sends already started are finished, none is started after it. */
  readonly ms: number;
}

/**
 * The outbox timer's run: it runs on the review function, whose timeout is 30 s
 * (cloudfunctions/review/config.json), so it starts no send after 20 s; the next run continues.
 */
export const TIMER_DELIVERY_BUDGET: DeliveryBudget = { ms: 20_000 };
/**
 * Delivery right after a commit is part of the caller's request: a few seconds at most (publishing a
 * meeting's results to hundreds), the timer delivers the rest within a minute.
 */
export const AFTER_COMMIT_DELIVERY_BUDGET: DeliveryBudget = { ms: 3_000 };

/**
 * Delivers pending entries (those named, or the oldest pending and unconfirmed ones, pass after pass
 * while there are and the budget lasts). Entries for the same person's credit are claimed together
 * (the credit used once for all of them, in one commit), then sent with bounded concurrency; what the
 * budget leaves is still pending, for the next run. Answers how many this run ended (sent, skipped or
 * failed).
 */
export async function deliverOutbox(deps: DeliveryDeps, ids?: readonly string[], budget?: DeliveryBudget): Promise<number> {
  const started = performance.now();
  const inTime = () => !budget || performance.now() - started < budget.ms;
  let delivered = 0;
  for (let pass = 0; pass < 1000 && inTime(); pass += 1) {
    const docs = ids
      ? (await Promise.all(ids.map((id) => deps.store.get(collections.outbox.name, id)))).filter((d) => d !== null)
      : await deps.store.find(collections.outbox.name, { where: [{ field: 'status', op: 'in', values: ['pending', 'sending'] }], orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: PASS_SIZE });
    const progress = await deliverPass(deps, docs, inTime);
    delivered += progress.ended;
    // The named ones are this call's only; a pass that moved nothing leaves the rest to a later run.
    if (ids || progress.moved === 0) break;
  }
  return delivered;
}

/** One entry read, and what delivering it needs. */
type Planned =
  | { readonly kind: 'end'; readonly doc: Doc<JsonObject>; readonly entry: OutboxEntry; readonly status: 'skipped' | 'failed'; readonly outcome: string }
  | { readonly kind: 'send'; readonly doc: Doc<JsonObject>; readonly entry: OutboxEntry; readonly openid: string; readonly templateId: string };

async function deliverPass(deps: DeliveryDeps, docs: readonly Doc<JsonObject>[], inTime: () => boolean): Promise<{ ended: number; moved: number }> {
  const now = deps.clock.now();
  const planned: Planned[] = [];
  for (const doc of docs) {
    const p = await plan(deps, doc, now);
    if (p) planned.push(p);
  }
  const guarded = (doc: Doc<JsonObject>, work: () => Promise<boolean>) =>
    work().catch((cause: unknown) => (deps.log.warn(`outbox ${doc._id} not delivered this time; the timer retries`, cause), false));
  // What ends without a send (no message, not set up, a send that was never confirmed).
  const ending = await pool(
    planned.filter((p) => p.kind === 'end'),
    (p) => guarded(p.doc, () => end(deps, p.doc, p.entry, p.status, p.outcome)),
  );
  // The rest by credit: each person's entries for one template claimed together (the credit used in
  // one commit), then sent; groups side by side, never more than DELIVERY_CONCURRENCY sends at once.
  const groups = new Map<string, Extract<Planned, { kind: 'send' }>[]>();
  for (const p of planned) {
    if (p.kind !== 'send') continue;
    const key = creditId(p.entry.personId, p.entry.subscription!.template);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  let ended = ending.filter(Boolean).length;
  let claimedCount = 0;
  const sends = semaphore(DELIVERY_CONCURRENCY);
  await pool([...groups.values()], async (group) => {
    for (let i = 0; i < group.length; i += CLAIM_BATCH) {
      // Past the budget nothing more is claimed: what is claimed is sent, the rest waits for the next run.
      if (!inTime()) return;
      const batch = await claimBatch(deps, group.slice(i, i + CLAIM_BATCH), now).catch((cause: unknown) => (deps.log.warn('outbox: a claim failed; the timer retries', cause), null));
      if (!batch) return;
      ended += batch.ended;
      claimedCount += batch.claimed.length;
      const results = await Promise.all(batch.claimed.map((c) => sends(() => guarded(c.doc, () => sendClaimed(deps, c, now)))));
      ended += results.filter(Boolean).length;
      // Another run changed one of them, or the credit: the next run looks again.
      if (batch.conflict) return;
    }
  });
  return { ended, moved: ended + claimedCount };
}

/** What an entry needs now: to end, to be sent, or nothing this run (another run's send, a backoff). */
async function plan(deps: DeliveryDeps, doc: Doc<JsonObject>, now: Date): Promise<Planned | null> {
  const entry = parseFields(OutboxEntry, doc);
  if (entry.status === 'sending') {
    // Claimed by a run that stopped before it knew how the send went: never sent again, not lost.
    if (!entry.claimedAt || now.getTime() - Date.parse(entry.claimedAt) < STALE_SENDING_MS) return null;
    return { kind: 'end', doc, entry, status: 'failed', outcome: 'unconfirmed' };
  }
  if (entry.status !== 'pending') return null;
  if (entry.notBefore && Date.parse(entry.notBefore) > now.getTime()) return null;
  const message = entry.subscription;
  if (!message) return { kind: 'end', doc, entry, status: 'skipped', outcome: 'in_app' };
  const templateId = deps.subscriptions.ids[message.template];
  if (!templateId) return { kind: 'end', doc, entry, status: 'skipped', outcome: 'not_set_up' };
  const openid = (await people.get(deps.store, entry.personId))?.record.openid ?? null;
  if (!openid) return { kind: 'end', doc, entry, status: 'skipped', outcome: 'no_person' };
  return { kind: 'send', doc, entry, openid, templateId };
}

/** An entry whose send this run claimed (its credit used), at the revision the claim wrote. */
interface Claimed {
  readonly doc: Doc<JsonObject>;
  readonly entry: OutboxEntry;
  readonly openid: string;
  readonly templateId: string;
  /** Whether a credit was used for it (none with long-term subscriptions). */
  readonly credited: boolean;
}

/**
 * Claims the sends of up to `CLAIM_BATCH` of one person's entries for one template and uses as many
 * credits, in one commit (the entries and the credit at the revisions read: two runs cannot both
 * claim an entry, nor use a credit twice). Entries beyond the credits end as in-app notices
 * (`no_credit`). A claim that meets another run's change claims nothing (`conflict`).
 */
async function claimBatch(deps: DeliveryDeps, batch: readonly Extract<Planned, { kind: 'send' }>[], now: Date): Promise<{ claimed: Claimed[]; ended: number; conflict: boolean }> {
  const first = batch[0]!.entry;
  const credit = deps.subscriptions.longTerm ? null : await deps.store.get(collections.subscriptionCredits.name, creditId(first.personId, first.subscription!.template));
  const available = deps.subscriptions.longTerm ? batch.length : Math.max(0, Number(credit?.count ?? 0));
  const sending = batch.slice(0, available);
  let ended = 0;
  // No credit left for these: the in-app notice is the message.
  for (const p of batch.slice(available)) if (await end(deps, p.doc, p.entry, 'skipped', 'no_credit')) ended += 1;
  if (sending.length === 0) return { claimed: [], ended, conflict: false };
  const claim: Write[] = sending.map((p) => ({ kind: 'update', collection: collections.outbox.name, id: p.doc._id, rev: p.doc._rev, set: { status: 'sending', claimedAt: now.toISOString(), attempts: p.entry.attempts + 1 } }));
  if (credit) claim.push({ kind: 'update', collection: collections.subscriptionCredits.name, id: credit._id, rev: credit._rev, set: { count: Number(credit.count) - sending.length, updatedAt: now.toISOString() } });
  const committed = await deps.store.commit(claim);
  if (!committed.ok) return { claimed: [], ended, conflict: true };
  return { claimed: sending.map((p) => ({ doc: { ...p.doc, _rev: p.doc._rev + 1 }, entry: p.entry, openid: p.openid, templateId: p.templateId, credited: credit !== null })), ended, conflict: false };
}

/** Sends one claimed entry and ends it, or schedules its retry (a busy WeChat), or gives its credit back as the answer says. */
async function sendClaimed(deps: DeliveryDeps, c: Claimed, now: Date): Promise<boolean> {
  const { doc: sending, entry, openid, templateId } = c;
  const message = entry.subscription!;
  const sent = await deps.messenger.send({ toOpenid: openid, templateId, page: message.page, data: message.data });
  if (sent.ok) return end(deps, sending, { ...entry, status: 'sending', attempts: entry.attempts + 1 }, 'sent', null);
  const { code, cause } = sent.error;
  if (code === 'MESSAGE.NO_CONSENT') {
    // WeChat says no credit is left (or the person unsubscribed): ours is zero too, and it is not retried.
    await setCredit(deps.store, entry.personId, message.template, () => 0, now);
    return end(deps, sending, { ...entry, status: 'sending', attempts: entry.attempts + 1 }, 'skipped', cause);
  }
  // Not sent: the credit is the person's again.
  if (c.credited) await setCredit(deps.store, entry.personId, message.template, (count) => count + 1, now);
  if (code === 'MESSAGE.BUSY' && entry.attempts + 1 < MAX_SEND_ATTEMPTS) {
    const again = await deps.store.commit([
      { kind: 'update', collection: collections.outbox.name, id: sending._id, rev: sending._rev, set: { status: 'pending', claimedAt: null, notBefore: new Date(now.getTime() + backoffMs(entry.attempts + 1)).toISOString(), outcome: cause } },
    ]);
    if (!again.ok) deps.log.warn(`outbox ${sending._id}: the retry could not be scheduled (${again.error.code}); it stays claimed and ends unconfirmed`);
    return false;
  }
  deps.log.error(`subscription message ${sending._id} (${message.template}) refused: ${cause}`);
  return end(deps, sending, { ...entry, status: 'sending', attempts: entry.attempts + 1 }, 'failed', cause);
}

/** At most `limit` of the works given to it run at once; the others wait for a free slot. */
function semaphore(limit: number): <R>(work: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    // A freed slot is handed to the next waiting work, never left for a newcomer to take as well.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/** Runs `work` over the items with at most `DELIVERY_CONCURRENCY` at a time (a pool: a slow one holds one slot, not a batch). */
async function pool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, items.length) }, worker));
  return results;
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
