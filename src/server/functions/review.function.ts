import { lintContextOfRecord } from '../../core/application/text-lint';
import { people } from '../people.repo';
import { publicityTexts, recordPublicity, regionalHolidayNote, standardOpinion } from '../../core/review/unit-publicity';
import { documentsFor } from '../../core/exports/documents';
import { applications, loadFor, type Loaded } from '../applications/applications.repo';
import { ApplicationRecord } from '../../core/application/application.schema';
import type { QueueItem, QueueTab, ReviewView } from '../../core/contracts/api';
import { appError, type AppError } from '../../core/errors';
import { Person } from '../../core/people/person';
import { countPublicityDays } from '../../core/review/publicity';
import { statusText, type ReviewStatus } from '../../core/review/review.machine';
import { heldBy, PAST_FORMAL_REVIEW } from '../../core/review/table-reads';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { inReviewScope } from '../../core/review/scope';
import { err, ok, type Result } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { applicantViewOf, lintContextOf, viewOf } from '../applications/application.view';
import { nationalCalendar, regionalCalendar } from '../../core/config/calendar';
import { reviewContract } from '../../core/contracts/functions/review.contract';
import { defineFunction, type WorkContext } from '../function';
import type { Condition, Store } from '../ports/store.port';
import { moveApplication } from '../review/move';
import { blockedBy, can, moveFacts } from '../../core/review/decide';
import { feeDeadline } from '../../core/eligibility/fees';
import { deliverOutbox } from '../outbox';
import { roundsOnce } from '../rounds.repo';
import { deadlineTimer } from '../review/deadlines.timer';
import { replayOf } from '../../core/review/request-replay';
import type { ReturnReason } from '../../core/review/return-reasons';

const REVIEWERS = ['unit_admin', 'county_hr', 'prefecture_hr', 'county_agency', 'prefecture_agency'] as const;
const ENDED: readonly ReviewStatus[] = ['abandoned', 'rejected', 'withdrawn'];

/**
 * `review`: unit admins, county and prefecture HR reviewers (and, for the private-enterprise
 * channel, the public employment-service agencies' reviewers) do their part of the review chain on
 * their phones, each only inside their scope (the unit the application was submitted through):
 * the queue, the application with its original materials, approve, return with reasons, the unit's
 * publicity. The order and who may do what are the core machine's; this applies it.
 */
export const reviewFunction = defineFunction('review', reviewContract,
  {
    queue: {
      roles: REVIEWERS,
      async handle({ tab, search }, { caller, store }) {
        // Counts and the page come from the store's indexes, not from reading every application.
        const counts: Record<QueueTab, number> = { pending: 0, returned: 0, done: 0 };
        for (const t of QueueTabs) for (const where of tabQueries(caller, t)) counts[t] += await applications.count(store, where);
        const named = search === '' ? [] : ([{ field: 'applicantName', op: 'gte', value: search }, { field: 'applicantName', op: 'lt', value: `${search}\uffff` }] as const);
        const found = (
          await Promise.all(tabQueries(caller, tab).map((where) => applications.find(store, { where: [...where, ...named], orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: PAGE })))
        )
          .flat()
          .sort((a, b) => (a.record.createdAt < b.record.createdAt ? 1 : -1))
          .slice(0, PAGE);
        const roundOf = roundsOnce(store);
        const items: QueueItem[] = [];
        for (const { id, record } of found) {
          if (!inReviewScope(caller, record.unit)) continue;
          const round = await roundOf(record.roundId);
          if (!round) continue;
          items.push({
            id,
            applicantName: record.applicantName,
            unitName: record.unit?.name ?? '',
            label: labelOf(record),
            roundTitle: round.title,
            statusText: statusText(record.status, record.unit?.route ?? 'hr'),
            submittedAt: [...record.events].reverse().find((e) => e.kind === 'submit')?.at ?? null,
            returnDeadline: record.status === 'returned' ? record.returnDeadline : null,
          });
        }
        return ok({ counts, items });
      },
    },
    get: {
      roles: REVIEWERS,
      async handle({ applicationId: id }, { caller, store, now }) {
        const loaded = await loadFor(store, caller, id, 'review');
        if (!loaded.ok) return err(loaded.error);
        return ok(await reviewView(store, caller, id, loaded.record, loaded.round, now));
      },
    },
    approve: {
      roles: REVIEWERS,
      async handle({ applicationId: id, requestId, opinion }, ctx) {
        const said = (loaded: Extract<Loaded, { ok: true }>) => ({ opinion: opinion || standardOpinion(loaded.round, ctx.caller.role) });
        return act(ctx, id, requestId, 'approve', said, (loaded, view) =>
          moveApplication(
            {
              id,
              rev: loaded.rev,
              record: loaded.record,
              round: loaded.round,
              view,
              command: 'approve',
              actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name },
              requestId,
              opinion: said(loaded).opinion,
              defenseRequired: false,
            },
            ctx,
          ),
        );
      },
    },
    return: {
      roles: REVIEWERS,
      async handle({ applicationId: id, requestId, reasons }, ctx) {
        return act(ctx, id, requestId, 'return', () => ({ reasons }), (loaded, view) =>
          moveApplication(
            { id, rev: loaded.rev, record: loaded.record, round: loaded.round, view, command: 'return', actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId, reasons, defenseRequired: false },
            ctx,
          ),
        );
      },
    },
    recordPublicity: {
      roles: ['unit_admin'],
      async handle({ applicationId: id, from, to }, ctx) {
        const { caller, store, now, writes } = ctx;
        const loaded = await loadFor(store, caller, id, 'review');
        if (!loaded.ok) return err(loaded.error);
        const recorded = recordPublicity(loaded.record, loaded.round, { from, to }, { national: nationalCalendar(), regional: regionalCalendar() });
        if (!recorded.ok) return err(recorded.error.kind === 'wrong_status' ? appError('REVIEW.WRONG_STATUS', [recorded.error.message]) : appError('REQUEST.INVALID_PAYLOAD', [recorded.error.message], recorded.error.message));
        const publicity = recorded.value;
        applications.update(writes, loaded, { publicity });
        return ok(await reviewView(store, caller, id, { ...loaded.record, publicity }, loaded.round, now));
      },
    },
  },
  {
    /** Messages whose delivery after their commit did not finish (the outbox keeps them until it does). */
    deliverOutbox: {
      cron: '0 * * * * * *',
      everyMs: 30_000,
      // Delivery commits entry by entry itself; nothing is staged here.
      run: (_ctx, deps) => deliverOutbox(deps),
    },
    /** Deadlines (a return's, the fee's) as the review table's delayed transitions, ticked. */
    deadlines: deadlineTimer,
  },
);


/**
 * One reviewer act: idempotent by request id (the same act again is answered as done; the id of
 * another act is refused), judged by the machine, answered with the view after it.
 */
async function act(
  ctx: WorkContext & { readonly caller: Person },
  id: string,
  requestId: string,
  command: 'approve' | 'return',
  /** What the act says (its opinion, its reasons): the same id with other words is refused. */
  said: (loaded: Extract<Loaded, { ok: true }>) => { readonly opinion?: string; readonly reasons?: readonly ReturnReason[] },
  move: (loaded: Extract<Loaded, { ok: true }>, view: ReturnType<typeof viewOf>) => Result<ApplicationRecord, AppError>,
): Promise<Result<ReviewView, AppError>> {
  const loaded = await loadFor(ctx.store, ctx.caller, id, 'review');
  if (!loaded.ok) return err(loaded.error);
  // The same request again (a double tap, a retry): the act already done, answered as it stands.
  const replay = replayOf(loaded.record.events, requestId, command, said(loaded));
  if (replay === 'reused') return err(appError('REQUEST.ID_REUSED'));
  if (replay === 'repeat') return ok(await reviewView(ctx.store, ctx.caller, id, loaded.record, loaded.round, ctx.now));
  const view = await applicantViewOf(ctx.store, id, loaded.record, loaded.round, ctx.now);
  if (!view) return err(appError('APPLICATION.NOT_FOUND'));
  const moved = move(loaded, view);
  if (!moved.ok) return err(moved.error);
  return ok(await reviewView(ctx.store, ctx.caller, id, moved.value, loaded.round, ctx.now));
}

async function reviewView(store: Pick<Store, 'get'>, caller: Person, id: string, record: ApplicationRecord, round: Round, now: Date): Promise<ReviewView> {
  const applicant = await personOf(store, record.personId);
  const context = applicant ? await lintContextOf(store, applicant, round) : lintContextOfRecord(record);
  const application = viewOf(id, record, round, now, context);
  const facts = moveFacts({ record, round, now, view: application, defenseRequired: application.defense.status === 'required', feeDeadline: feeDeadline(round) });
  const mine = can(record, caller.role, facts);
  const counted = record.publicity ? countPublicityDays(nationalCalendar(), regionalCalendar(), record.publicity.from, record.publicity.to) : null;
  const note = regionalHolidayNote(counted?.ok ? counted.value.regionalMissing : []);
  return {
    application,
    applicantName: record.applicantName,
    mayApprove: mine.includes('approve'),
    mayReturn: mine.includes('return'),
    approveBlockedBy: blockedBy(record, 'approve', caller.role, facts),
    publicity: record.publicity ? { ...record.publicity, note } : null,
    publicityRequiredDays: round.unitPublicity.workingDays,
    reviewPoints: caller.role === 'unit_admin' && round.reviewPoints ? round.reviewPoints : null,
    publicityTexts: caller.role === 'unit_admin' && record.publicity ? publicityTexts(round, record, record.publicity) : [],
    standardOpinion: standardOpinion(round, caller.role),
    documents: caller.role === 'unit_admin' ? documentsFor(round, 'unit').map(({ code, name, attachment }) => ({ code, name, attachment })) : [],
  };
}

const PAGE = 50;
const QueueTabs: readonly QueueTab[] = ['pending', 'returned', 'done'];

/**
 * The store queries that find one tab of a reviewer's queue (their scope by the unit snapshot;
 * several queries are one tab's parts, never overlapping): 待审核 is their move (`heldBy`, from the review table),
 * 已退回 the returned ones, 已办理 those past their step (or ended, for the unit).
 */
function tabQueries(caller: Person, tab: QueueTab): Condition[][] {
  const status = (values: readonly ReviewStatus[]): Condition => ({ field: 'status', op: 'in', values });
  const countyLevels: Condition = { field: 'unit.level', op: 'in', values: ['county', 'township'] };
  // 待审核: where the review table has applications wait for this role, each with the unit levels it holds them for.
  const pending = (scope: readonly Condition[]): Condition[][] =>
    heldBy(caller.role).map(({ status: held, unitLevels }) => [...scope, status([held]), ...(unitLevels ? [{ field: 'unit.level', op: 'in' as const, values: [...unitLevels] }] : [])]);
  if (caller.role === 'unit_admin') {
    const scope: Condition = { field: 'unit.unitId', op: 'eq', value: caller.unitId ?? '' };
    if (tab === 'pending') return pending([scope]);
    if (tab === 'returned') return [[scope, status(['returned'])]];
    return [[scope, status(['unit_approved', 'county_approved', ...PAST_FORMAL_REVIEW, ...ENDED])]];
  }
  const route: Condition = { field: 'unit.route', op: 'eq', value: caller.role === 'county_agency' || caller.role === 'prefecture_agency' ? 'employment_service' : 'hr' };
  if (caller.role === 'county_hr' || caller.role === 'county_agency') {
    const scope: Condition[] = [{ field: 'unit.prefecture', op: 'eq', value: caller.prefecture }, { field: 'unit.county', op: 'eq', value: caller.county ?? '' }, countyLevels, route];
    if (tab === 'pending') return pending(scope);
    if (tab === 'returned') return [[...scope, status(['returned'])]];
    return [[...scope, status(['county_approved', ...PAST_FORMAL_REVIEW])]];
  }
  const scope: Condition[] = [{ field: 'unit.prefecture', op: 'eq', value: caller.prefecture }, route];
  if (tab === 'pending') return pending(scope);
  if (tab === 'returned') return [[...scope, status(['returned'])]];
  return [[...scope, status(PAST_FORMAL_REVIEW)]];
}

async function personOf(store: Pick<Store, 'get'>, id: string): Promise<Person | null> {
  return (await people.get(store, id))?.record ?? null;
}

const labelOf = (record: ApplicationRecord) => LEVEL_LABELS[record.level];
