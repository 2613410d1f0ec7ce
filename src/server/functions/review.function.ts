import { lintContextOfRecord } from '../../core/application/text-lint';
import { people } from '../people.repo';
import { publicityTexts, recordPublicity, regionalHolidayNote, standardOpinion } from '../../core/review/unit-publicity';
import { documentsFor } from '../../core/exports/documents';
import { applications, loadFor, type Loaded } from '../applications/applications.repo';
import { ApplicationRecord, type AttachedFile, type UnitSnapshot } from '../../core/application/application.schema';
import { UNIT_DOCUMENT_TEXT, unitDocumentWaits } from '../../core/application/unit-documents';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import { findCheckedUpload } from '../uploads/checked-uploads';
import type { BatchView, QueueItem, QueueTab, ReviewView, UnitDocumentView } from '../../core/contracts/api';
import { appError, type AppError } from '../../core/errors';
import { Person, type Unit } from '../../core/people/person';
import { countPublicityDays } from '../../core/review/publicity';
import { statusText, type ReviewStatus } from '../../core/review/review.machine';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { inReviewScope } from '../../core/review/scope';
import { err, ok, type Result } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { applicantViewOf, lintContextOf, offerOf, viewFrom, viewOf } from '../applications/application.view';
import { nationalCalendar, regionalCalendar } from '../../core/config/calendar';
import { reviewContract } from '../../core/contracts/functions/review.contract';
import { defineFunction, type WorkContext } from '../function';
import type { Store } from '../ports/store.port';
import { moveApplication } from '../review/move';
import { blockedBy, can, moveFacts } from '../../core/review/decide';
import { feeDeadline } from '../../core/eligibility/fees';
import { deliverOutbox, TIMER_DELIVERY_BUDGET } from '../outbox';
import { findRounds } from '../rounds.repo';
import { QUEUE_TABS, queueQueries, routeOf, type QueueUnit } from '../review/queue';
import { QUEUE_TEXT } from '../../core/review/queue';
import { unknownPointsRefusal } from '../../core/review/review-points';
import { declaredFacts } from '../../core/review/declared-facts';
import { beijingDate } from '../../core/time/beijing';
import { ACTOR_TEXT } from '../../core/review/timeline-text';
import type { Actor } from '../../core/review/review.machine';
import { Level } from '../../core/round/round.vocabulary';
import { units } from '../people.repo';
import { deadlineTimer } from '../review/deadlines.timer';
import { replayOf } from '../../core/review/request-replay';
import type { ReturnReason } from '../../core/review/return-reasons';

const REVIEWERS = ['unit_admin', 'county_hr', 'prefecture_hr', 'county_agency', 'prefecture_agency'] as const;

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
      async handle(payload, { caller, store }) {
        const unit = await queueUnitOf(store, caller, payload.unitId);
        if (!unit.ok) return err(unit.error);
        const rounds = await findRounds(store, { orderBy: [{ field: 'year', direction: 'desc' }], limit: 100 });
        const roundIds = rounds.map((r) => r.id);
        // Counts and the page come from the store's indexes, not from reading every application.
        const counts: Record<QueueTab, number> = { pending: 0, returned: 0, done: 0 };
        for (const tab of QUEUE_TABS) for (const where of queueQueries(caller, { ...payload, tab }, unit.value, roundIds)) counts[tab] += await applications.count(store, where);
        const upTo = (payload.page + 1) * PAGE;
        const found = (
          await Promise.all(queueQueries(caller, payload, unit.value, roundIds).map((where) => applications.find(store, { where, orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: upTo + 1 })))
        )
          .flat()
          .sort((a, b) => (a.record.createdAt < b.record.createdAt ? 1 : a.record.createdAt > b.record.createdAt ? -1 : a.id < b.id ? -1 : 1));
        const titles = new Map(rounds.map((r) => [r.id, r.title]));
        const items: QueueItem[] = found
          .slice(payload.page * PAGE, upTo)
          .filter(({ record }) => inReviewScope(caller, record.unit))
          .map(({ id, record }) => ({
            id,
            applicantName: record.applicantName,
            unitName: record.unit?.name ?? '',
            label: labelOf(record),
            roundTitle: titles.get(record.roundId) ?? '',
            statusText: statusText(record.status, record.unit?.route ?? 'hr'),
            submittedAt: [...record.events].reverse().find((e) => e.kind === 'submit')?.at ?? null,
            returnDeadline: record.status === 'returned' ? record.returnDeadline : null,
            everReturned: record.everReturned,
          }));
        const units = caller.role === 'unit_admin' ? null : await unitsInScope(store, caller);
        return ok({
          counts,
          items,
          more: found.length > upTo,
          options: { rounds: rounds.map((r) => ({ id: r.id, title: r.title })), levels: Level.options.map((level) => ({ level, label: LEVEL_LABELS[level] })), units },
        });
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
      async handle({ applicationId: id, requestId, opinion, checked }, ctx) {
        return act(ctx, id, requestId, 'approve', opinionOf(opinion, ctx.caller), approving(ctx, id, requestId, opinion, checked));
      },
    },
    approveMany: {
      roles: REVIEWERS,
      async handle({ items, opinion, checked }, ctx) {
        const results: BatchView['results'][number][] = [];
        const seen = new Set<string>();
        for (const { applicationId: id, requestId } of items) {
          // The same application named twice is one act.
          if (seen.has(id)) continue;
          seen.add(id);
          // Each application its own act, committed with its event and message before the next.
          const stepped = await ctx.step((own) => actOn(own, id, requestId, 'approve', opinionOf(opinion, own.caller), approving(own, id, requestId, opinion, checked)));
          const done = stepped.ok ? stepped.value : err({ error: stepped.error, record: null });
          const record = done.ok ? done.value.record : done.error.record;
          results.push({
            applicationId: id,
            applicantName: record?.applicantName ?? '',
            ok: done.ok,
            statusText: record ? statusText(record.status, record.unit?.route ?? 'hr') : '',
            refusal: done.ok ? null : refusalText(done.error.error),
          });
        }
        return ok({ results });
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
    attachUnitDocument: {
      roles: ['unit_admin'],
      async handle({ applicationId: id, category, ref, sha256 }, ctx) {
        const target = await unitDocumentTarget(ctx, id, category);
        if (!target.ok) return err(target.error);
        const { loaded } = target.value;
        // A photo this unit admin uploaded and the applications function checked by its bytes.
        const checked = await findCheckedUpload(ctx.store, ctx.caller._id, { ref, sha256 });
        if (!checked.ok) return err(checked.error);
        // The same scan again (a retry whose answer was lost): already there.
        if (loaded.record.files.some((f) => f.category === category && f.sha256 === sha256)) return ok(await reviewView(ctx.store, ctx.caller, id, loaded.record, loaded.round, ctx.now));
        const { width, height, bytes } = checked.value;
        // A check recorded before its size was kept is checked again (the page checks, then attaches).
        if (bytes === null) return err(appError('FILE.NOT_CHECKED'));
        const file: AttachedFile = { sha256, uploadSha256: checked.value.uploadSha256, category, ref, contentType: 'image/jpeg', bytes, width, height, attachedAt: ctx.now.toISOString(), needsMasking: 'no', masks: [], blindRef: null, stillVisible: [], checkedBlindRef: null };
        const files = [...loaded.record.files, file];
        applications.update(ctx.writes, loaded, { files });
        return ok(await reviewView(ctx.store, ctx.caller, id, { ...loaded.record, files }, loaded.round, ctx.now));
      },
    },
    detachUnitDocument: {
      roles: ['unit_admin'],
      async handle({ applicationId: id, category, sha256 }, ctx) {
        const target = await unitDocumentTarget(ctx, id, category);
        if (!target.ok) return err(target.error);
        const { loaded } = target.value;
        const files = loaded.record.files.filter((f) => !(f.category === category && f.sha256 === sha256));
        // Removed twice is removed.
        if (files.length !== loaded.record.files.length) applications.update(ctx.writes, loaded, { files });
        return ok(await reviewView(ctx.store, ctx.caller, id, { ...loaded.record, files }, loaded.round, ctx.now));
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
      run: (_ctx, deps) => deliverOutbox(deps, undefined, TIMER_DELIVERY_BUDGET),
    },
    /** Deadlines (a return's, the fee's) as the review table's delayed transitions, ticked. */
    deadlines: deadlineTimer,
  },
);


type LoadedApplication = Extract<Loaded, { ok: true }>;
type Said = (loaded: LoadedApplication) => { readonly opinion?: string; readonly reasons?: readonly ReturnReason[] };
type MoveOf = (loaded: LoadedApplication, view: ReturnType<typeof viewOf>) => Result<ApplicationRecord, AppError>;

/** What an approval says: the opinion typed, else the round's standard text for the caller's step. */
const opinionOf = (opinion: string, caller: Person): Said => (loaded) => ({ opinion: opinion || standardOpinion(loaded.round, caller.role) });

/** The approval of one application at the caller's step, as the machine decides it. */
function approving(ctx: WorkContext & { readonly caller: Person }, id: string, requestId: string, opinion: string, checked: readonly string[]): MoveOf {
  return (loaded, view) => {
    const unknown = unknownPointsRefusal(loaded.round, checked);
    if (unknown) return err(appError('REQUEST.INVALID_PAYLOAD', [unknown]));
    return moveApplication(
      { id, rev: loaded.rev, record: loaded.record, round: loaded.round, view, command: 'approve', actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId, opinion: opinionOf(opinion, ctx.caller)(loaded).opinion, checked, defenseRequired: false },
      ctx,
    );
  };
}

/**
 * One reviewer act: idempotent by request id (the same act again is answered as done; the id of
 * another act is refused), judged by the machine; answered with the record after it, or why not
 * with the record as it stands (null when the caller may not see it).
 */
async function actOn(
  ctx: WorkContext & { readonly caller: Person },
  id: string,
  requestId: string,
  command: 'approve' | 'return',
  /** What the act says (its opinion, its reasons): the same id with other words is refused. */
  said: Said,
  move: MoveOf,
): Promise<Result<{ readonly record: ApplicationRecord; readonly round: Round }, { readonly error: AppError; readonly record: ApplicationRecord | null }>> {
  const loaded = await loadFor(ctx.store, ctx.caller, id, 'review');
  if (!loaded.ok) return err({ error: loaded.error, record: null });
  // The same request again (a double tap, a retry): the act already done, answered as it stands.
  const replay = replayOf(loaded.record.events, requestId, command, said(loaded));
  if (replay === 'reused') return err({ error: appError('REQUEST.ID_REUSED'), record: loaded.record });
  if (replay === 'repeat') return ok({ record: loaded.record, round: loaded.round });
  const view = await applicantViewOf(ctx.store, id, loaded.record, loaded.round, ctx.now);
  if (!view) return err({ error: appError('APPLICATION.NOT_FOUND'), record: null });
  const moved = move(loaded, view);
  if (!moved.ok) return err({ error: moved.error, record: loaded.record });
  return ok({ record: moved.value, round: loaded.round });
}

/** One reviewer act on the application page, answered with the page's view after it. */
async function act(ctx: WorkContext & { readonly caller: Person }, id: string, requestId: string, command: 'approve' | 'return', said: Said, move: MoveOf): Promise<Result<ReviewView, AppError>> {
  const done = await actOn(ctx, id, requestId, command, said, move);
  if (!done.ok) return err(done.error.error);
  return ok(await reviewView(ctx.store, ctx.caller, id, done.value.record, done.value.round, ctx.now));
}

/** A refusal in one line for a batch's answer: what was wrong, with its details. */
function refusalText(error: AppError): string {
  return error.details && error.details.length > 0 ? `${error.message}：${error.details.join('；')}` : error.message;
}

async function reviewView(store: Pick<Store, 'get'>, caller: Person, id: string, record: ApplicationRecord, round: Round, now: Date): Promise<ReviewView> {
  const applicant = await personOf(store, record.personId);
  const context = applicant ? await lintContextOf(store, applicant, round) : lintContextOfRecord(record);
  // One assessment for the view and for the verdict's reasons.
  const offer = offerOf(id, record, round, now);
  const application = viewFrom(id, record, round, offer, context, now);
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
    reviewPoints: round.reviewPoints ?? null,
    pointsChecked: record.events.filter((e) => e.kind === 'approve' && e.checked.length > 0).map((e) => ({ who: ACTOR_TEXT(e.role as Actor), at: e.at, points: e.checked })),
    declared: declaredFacts(record, application.materials.map((m) => m.code), beijingDate(now)),
    eligibility: { verdict: offer.verdict, reasons: offer.reasons },
    publicityTexts: caller.role === 'unit_admin' && record.publicity ? publicityTexts(round, record, record.publicity) : [],
    standardOpinion: standardOpinion(round, caller.role),
    unitDocuments: unitDocumentsOf(caller, record, round, application.materials, now),
  };
}

/** The unit's papers in the checklist's order, with what each waits for, its template and its scans. */
function unitDocumentsOf(caller: Person, record: ApplicationRecord, round: Round, materials: readonly ChecklistItem[], now: Date): UnitDocumentView[] {
  const templates = documentsFor(round, 'unit');
  const unitsTurn = caller.role === 'unit_admin' && UNIT_DOCUMENTS_WHILE.includes(record.status);
  return materials
    .filter((m) => m.providedBy === 'unit' && m.stage === 'online')
    .map((m) => {
      const waits = unitDocumentWaits(m, record.publicity, now);
      const template = templates.find((t) => t.materials.includes(m.code));
      return {
        code: m.code,
        name: m.name,
        required: m.need === 'required',
        template: template && caller.role === 'unit_admin' && !waits ? { code: template.code, attachment: template.attachment } : null,
        waits: caller.role === 'unit_admin' ? waits : null,
        mayUpload: unitsTurn && !waits,
        files: record.files.filter((f) => f.category === m.code).map((f) => ({ sha256: f.sha256 })),
      };
    });
}

/** The unit uploads and removes its papers while the application waits for the unit's approval. */
const UNIT_DOCUMENTS_WHILE: readonly ReviewStatus[] = ['submitted'];

/**
 * One of the unit's papers for an application the unit admin may act on now, and the material it
 * is; or why not (not the unit's step, not a paper of the unit's, not yet in the notice's order).
 */
async function unitDocumentTarget(ctx: WorkContext & { readonly caller: Person }, id: string, category: string) {
  const loaded = await loadFor(ctx.store, ctx.caller, id, 'review');
  if (!loaded.ok) return loaded;
  if (!UNIT_DOCUMENTS_WHILE.includes(loaded.record.status)) return err(appError('REVIEW.WRONG_STATUS', [statusText(loaded.record.status, loaded.record.unit?.route ?? 'hr')]));
  const view = await applicantViewOf(ctx.store, id, loaded.record, loaded.round, ctx.now);
  const material = view?.materials.find((m) => m.code === category);
  if (!material || material.providedBy !== 'unit') return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_DOCUMENT_TEXT.notTheUnits]));
  const waits = unitDocumentWaits(material, loaded.record.publicity, ctx.now);
  if (waits) return err(appError('REVIEW.REFUSED', [waits]));
  return ok({ loaded, material });
}

const PAGE = 50;

/**
 * The unit a queue is narrowed to: the unit admin's own; for an HR reviewer, the one chosen, if it
 * is in their scope (another is answered as not found); else none.
 */
async function queueUnitOf(store: Pick<Store, 'get'>, caller: Person, unitId: string | null): Promise<Result<QueueUnit | null, AppError>> {
  if (caller.role === 'unit_admin') return ok({ unitId: caller.unitId ?? '', level: null });
  if (unitId === null) return ok(null);
  const unit = await units.get(store, unitId);
  if (!unit || !inReviewScope(caller, reviewedAs(unitId, unit.record, caller))) return err(appError('REQUEST.INVALID_PAYLOAD', [QUEUE_TEXT.unitNotInScope]));
  return ok({ unitId, level: unit.record.level });
}

/** A unit as an application submitted through it would name it, on the reviewer's route: what their scope is judged by. */
function reviewedAs(unitId: string, unit: Unit, caller: Person): UnitSnapshot {
  return { unitId, name: unit.name, level: unit.level, prefecture: unit.prefecture, county: unit.county, route: routeOf(caller.role) };
}

/** The approved units an HR reviewer's queue can be narrowed to: those in their scope, by name. */
async function unitsInScope(store: Pick<Store, 'find'>, caller: Person): Promise<{ id: string; name: string }[]> {
  const found = await units.findAll(store, { where: [{ field: 'status', op: 'eq', value: 'approved' }, { field: 'prefecture', op: 'eq', value: caller.prefecture }] });
  return found
    .filter(({ id, record }) => inReviewScope(caller, reviewedAs(id, record, caller)))
    .map(({ id, record }) => ({ id, name: record.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

async function personOf(store: Pick<Store, 'get'>, id: string): Promise<Person | null> {
  return (await people.get(store, id))?.record ?? null;
}

const labelOf = (record: ApplicationRecord) => LEVEL_LABELS[record.level];
