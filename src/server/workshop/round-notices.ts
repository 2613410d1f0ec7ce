import * as z from 'zod';
import type { Round } from '../../core/round/round.schema';
import { versionFor } from '../../core/round/round.version';
import { roundChangedNotice } from '../../core/workshop/round-changed';
import { collections } from '../collections';
import { parseFields, toDoc } from '../docs';
import type { OutboxDraft } from '../outbox';
import { outboxInsert } from '../outbox';
import type { Deps, TimerDef } from '../function';
import type { Store, Write } from '../ports/store.port';
import { repository, type Stored } from '../repository';
import { loadRound } from '../rounds.repo';

/**
 * A correction's in-app notices to everyone with an application in the round, a page at a time:
 * publishing stages the first page with the new version (one commit), the rounds timer the rest,
 * each page in one commit with the job's cursor moved past it — so a notice is never written twice
 * (the cursor and the notices move together) nor lost (the job stays until the last page). A
 * cloud transaction never holds more than a page.
 */
export const RoundNoticeJob = z.strictObject({
  roundId: z.string().min(1),
  version: z.number().int().positive(),
  changeNote: z.string(),
  /** Whether this version's change applies to every application (as published). */
  appliesToAll: z.boolean(),
  /** The application ids are told in order: the last one told, null before the first. */
  after: z.string().nullable(),
  told: z.number().int().min(0),
  done: z.boolean(),
  createdAt: z.string(),
});
export type RoundNoticeJob = z.infer<typeof RoundNoticeJob>;

export const roundNoticeJobs = repository<RoundNoticeJob>(collections.roundNotices, (doc) => parseFields(RoundNoticeJob, doc));

/** Applications told per commit. */
export const NOTICE_PAGE = 100;
/** Pages one run of the timer commits per job (1,000 notices every run). */
const PAGES_PER_RUN = 10;

export const roundNoticeJobId = (roundId: string, version: number) => `${roundId}@${version}`;

/** The next page of the round's applications after `after`, and the notice each is told. */
export async function nextPage(store: Pick<Store, 'find'>, job: Pick<RoundNoticeJob, 'roundId' | 'version' | 'changeNote' | 'appliesToAll' | 'after'>, round: Round): Promise<{ readonly notices: OutboxDraft[]; readonly last: string | null; readonly more: boolean }> {
  const page = await store.find(collections.applications.name, {
    where: [{ field: 'roundId', op: 'eq', value: job.roundId }, ...(job.after ? [{ field: '_id', op: 'gt' as const, value: job.after }] : [])],
    orderBy: [{ field: '_id', direction: 'asc' }],
    limit: NOTICE_PAGE,
  });
  const notices = page.map((app) =>
    roundChangedNotice({
      roundId: job.roundId,
      title: round.title,
      version: job.version,
      changeNote: job.changeNote,
      appliesToAll: job.appliesToAll,
      applicationId: app._id,
      personId: String(app.personId),
      keeps: versionFor(typeof app.roundVersion === 'number' ? app.roundVersion : undefined, round),
    }),
  );
  return { notices, last: page.at(-1)?._id ?? job.after, more: page.length === NOTICE_PAGE };
}

/** The rest of every correction's notices, a page a commit (see above); answers how many were told. */
export const roundNoticeTimer: TimerDef = {
  cron: '0 */5 * * * * *',
  everyMs: 60_000,
  async run(ctx, deps: Deps) {
    const open = await roundNoticeJobs.find(ctx.store, { where: [{ field: 'done', op: 'eq', value: false }], orderBy: [{ field: '_id', direction: 'asc' }], limit: 20 });
    let told = 0;
    for (const found of open) {
      told += await continueJob(deps, found, ctx.now);
    }
    return told;
  },
};

async function continueJob(deps: Deps, found: Stored<RoundNoticeJob>, now: Date): Promise<number> {
  let { rev, record: job } = found;
  // The round as it is now: a later version published meanwhile, each notice says which version the application reads.
  const round = await loadRound(deps.store, job.roundId);
  if (!round) return 0;
  let told = 0;
  for (let page = 0; page < PAGES_PER_RUN && !job.done; page++) {
    const next = await nextPage(deps.store, job, round);
    const changes: Partial<RoundNoticeJob> = { after: next.last, told: job.told + next.notices.length, done: !next.more };
    const writes: Write[] = [...next.notices.map((n) => outboxInsert(n, now)), { kind: 'update', collection: collections.roundNotices.name, id: found.id, rev, set: toDoc(changes) }];
    const committed = await deps.store.commit(writes);
    // Another run moved the cursor first: it tells these, not this one.
    if (!committed.ok) return told;
    rev += 1;
    job = { ...job, ...changes };
    told += next.notices.length;
  }
  return told;
}
