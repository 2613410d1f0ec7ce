import { outsideRoundYear } from '../../core/time/calendar-day';
import { applicationSpecialtyName } from '../../core/eligibility/selector.match';
import { randomInt, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { ApplicationRecord } from '../../core/application/application.schema';
import type { DefensePlanView, DefenseSlotView, MyDefenseView } from '../../core/contracts/api';
import { remindersDue, REMINDER_HORIZON_MS } from '../../core/defense/reminders';
import { assignSlots, DefenseSession, moveSlot, panelSlots, swapSlots, type Candidate, type Slot } from '../../core/defense/schedule';
import { assess } from '../../core/eligibility/assess';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { appError, type AppError } from '../../core/errors';
import { defenseChanged, defenseReminder, defenseScheduled, type DefenseSlotFacts } from '../../core/messages/subscription';
import { err, ok, type Result } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { beijingDate } from '../../core/time/beijing';
import { formatBeijingDate, formatBeijingDateTime } from '../../core/time/format';
import { applicantViewOf, lintContextOf, viewOf } from '../applications/application.view';
import { collections } from '../collections';
import { servesRound } from '../committee/scope';
import { parseFields } from '../docs';
import { defenseContract } from '../../core/contracts/functions/defense.contract';
import { defineFunction, type ActionContext, type WorkContext } from '../function';
import type { Doc, JsonObject } from '../ports/store.port';
import { moveApplication } from '../review/move';
import { roundFromDoc } from '../round.docs';
import { templateRegistry } from '../../core/config/message-templates';
import { PAGES } from '../../core/pages';

/**
 * `defense`: the 10-minute defenses of senior applicants (aksu-water-2024 四(一)20). The committee secretary
 * sets up sessions, assigns every applicant who defends (fee paid, not exempt) a slot, adjusts,
 * publishes; each applicant is told their slot (WeChat where allowed, and 我的申报), reminded the day
 * before and shortly before by the timer, told of any change, and on the day told when they are next.
 */
const SlotDoc = z.strictObject({
  roundId: z.string(),
  personId: z.string(),
  applicantName: z.string(),
  title: z.string(),
  specialty: z.string(),
  sessionId: z.string(),
  panelId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  published: z.boolean(),
  confirmedAt: z.string().nullable(),
  attendance: z.enum(['present', 'absent', 'done']).nullable(),
  /** Bumped on each move after publishing: one change message per move. */
  changes: z.number().int(),
  /** How many of this applicant's slots were cancelled before this one: its messages are its own. */
  generation: z.number().int().default(0),
});
type SlotDoc = z.infer<typeof SlotDoc>;

const ScheduleDoc = z.strictObject({
  order: z.enum(['submission', 'draw']),
  seed: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** Per application, how many of its published slots were cancelled. */
  cancelled: z.record(z.string(), z.number().int()).default({}),
});

export const defenseFunction = defineFunction('defense', defenseContract,
  {
    plan: {
      roles: ['committee_secretary'],
      async handle({ roundId }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        return ok(viewOfPlan(await loadPlan(ctx, round.value)));
      },
    },
    addSession: {
      roles: ['committee_secretary'],
      async handle({ roundId, session }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const outside = outsideRoundYear(session.date, round.value.year, '答辩日期');
        if (outside) return err(refused(outside));
        const minutes = round.value.defense.slotMinutes?.minutes;
        if (minutes !== undefined && session.slotMinutes !== minutes) return err(refused(`通知规定每人答辩 ${minutes} 分钟（${round.value.defense.slotMinutes!.source.clause}），请按 ${minutes} 分钟设置。`));
        const id = `session-${randomUUID()}`;
        ctx.writes.insert(collections.defenseSessions.name, { _id: id, roundId, ...(session as unknown as JsonObject) });
        const state = await loadPlan(ctx, round.value);
        return ok(viewOfPlan({ ...state, sessions: sortSessions([...state.sessions, { ...session, id }]) }));
      },
    },
    removeSession: {
      roles: ['committee_secretary'],
      async handle({ roundId, sessionId }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const doc = await ctx.store.get(collections.defenseSessions.name, sessionId);
        if (!doc || doc.roundId !== roundId) return err(appError('NOT_FOUND', ['没有这个答辩场次。']));
        const state = await loadPlan(ctx, round.value);
        if (state.slots.some((s) => s.slot.sessionId === sessionId)) return err(refused('这个场次已经排了人，请先把他们调到别的场次再删除。'));
        ctx.writes.remove(collections.defenseSessions.name, sessionId, doc._rev);
        return ok(viewOfPlan({ ...state, sessions: state.sessions.filter((s) => s.id !== sessionId) }));
      },
    },
    assign: {
      roles: ['committee_secretary'],
      async handle({ roundId, order }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        // Published: only those without a slot are filled in (by submission time), around the slots
        // already announced; before publishing, the whole schedule is made again.
        const published = state.schedule?.doc.publishedAt != null;
        const kept = published ? state.slots : [];
        const candidates: (Candidate & { record: ApplicationRecord; title: string })[] = state.defenders
          .filter(({ id }) => !kept.some((k) => k.id === id))
          .map(({ id, record, title }) => ({
            applicationId: id,
            specialty: record.specialty ?? 'general',
            submittedAt: [...record.events].reverse().find((e) => e.kind === 'submit')?.at ?? record.createdAt,
            record,
            title,
          }));
        if (candidates.length === 0) return err(refused(published ? '需要答辩的申报人都已经有时段了。' : '还没有需要答辩的申报人：缴费后、需要答辩的申报才排答辩。'));
        // A draw's seed is recorded with the schedule, so the same draw can be shown to be the same.
        const seed = order === 'draw' && !published ? randomInt(2 ** 31 - 1) : null;
        const nameOf = (code: string) => round.value.specialties.find((s) => s.code === code)?.name ?? code;
        const keptSlots = kept.map(({ id, slot }) => ({ applicationId: id, sessionId: slot.sessionId, panelId: slot.panelId, startsAt: slot.startsAt, endsAt: slot.endsAt }));
        const assigned = assignSlots(state.sessions, candidates, seed === null ? { kind: 'submission' } : { kind: 'draw', seed }, nameOf, keptSlots);
        if (!assigned.ok) return err(refused(assigned.error.message));
        if (!published) for (const old of state.slots) ctx.writes.remove(collections.defenseSlots.name, old.id, old.rev);
        const cancelled = state.schedule?.doc.cancelled ?? {};
        const added = assigned.value.map((slot) => {
          const { record, specialty, title } = candidates.find((c) => c.applicationId === slot.applicationId)!;
          const doc: SlotDoc = {
            roundId,
            personId: record.personId,
            applicantName: record.applicantName,
            title,
            specialty,
            sessionId: slot.sessionId,
            panelId: slot.panelId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            published: false,
            confirmedAt: null,
            attendance: null,
            changes: 0,
            generation: cancelled[slot.applicationId] ?? 0,
          };
          ctx.writes.insert(collections.defenseSlots.name, { _id: slot.applicationId, ...(doc as unknown as JsonObject) });
          return { id: slot.applicationId, rev: 0, slot: doc };
        });
        if (published) return ok(viewOfPlan({ ...state, slots: [...kept, ...added] }));
        const scheduleDoc = { order, seed, publishedAt: null, cancelled };
        if (state.schedule) ctx.writes.update(collections.defenseSchedules.name, roundId, state.schedule.rev, scheduleDoc);
        else ctx.writes.insert(collections.defenseSchedules.name, { _id: roundId, ...scheduleDoc });
        return ok(viewOfPlan({ ...state, schedule: { rev: 0, doc: scheduleDoc }, slots: added }));
      },
    },
    move: {
      roles: ['committee_secretary'],
      async handle({ roundId, applicationId, to }, ctx) {
        return adjust(ctx, roundId, (sessions, slots, specialtyOf) => moveSlot(sessions, slots, specialtyOf, applicationId, { ...to, startsAt: new Date(to.startsAt).toISOString() }));
      },
    },
    swap: {
      roles: ['committee_secretary'],
      async handle({ roundId, a, b }, ctx) {
        return adjust(ctx, roundId, (sessions, slots, specialtyOf) => swapSlots(sessions, slots, specialtyOf, a, b));
      },
    },
    publish: {
      roles: ['committee_secretary'],
      async handle({ roundId }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        const { schedule, slots, sessions } = state;
        if (!schedule || slots.length === 0) return err(refused('还没有排答辩时段，请先自动排。'));
        const unscheduled = state.defenders.filter((d) => !slots.some((s) => s.id === d.id));
        if (unscheduled.length > 0) return err(refused(`还有 ${unscheduled.length} 位需要答辩的申报人没有时段（${unscheduled.map((d) => d.record.applicantName).join('、')}），请先排好再发布。`));
        // Each slot is announced once: publishing again (or after filling in) tells only the new ones.
        const fresh = slots.filter((s) => !s.slot.published);
        if (fresh.length === 0) return ok(viewOfPlan(state));
        for (const { id, rev, slot } of fresh) {
          ctx.writes.update(collections.defenseSlots.name, id, rev, { published: true });
          const session = sessions.find((s) => s.id === slot.sessionId)!;
          ctx.notify({
            dedupeKey: messageKey(id, slot.generation, 'scheduled'),
            personId: slot.personId,
            applicationId: id,
            kind: 'progress',
            title: '答辩安排',
            body: `您的答辩：${formatBeijingDateTime(new Date(slot.startsAt))}（北京时间），${placeText(session)}，${panelName(session, slot.panelId)}，每人 ${session.slotMinutes} 分钟。请携带${session.bring || '身份证原件'}，提前到场。`,
            page: defensePage(id),
            subscription: defenseScheduled(factsOf(id, slot, session), session.bring ? `请携带${session.bring}` : ''),
          });
        }
        const publishedAt = schedule.doc.publishedAt ?? ctx.now.toISOString();
        if (!schedule.doc.publishedAt) ctx.writes.update(collections.defenseSchedules.name, roundId, schedule.rev, { publishedAt });
        return ok(
          viewOfPlan({
            ...state,
            schedule: { ...schedule, doc: { ...schedule.doc, publishedAt } },
            slots: slots.map((s) => ({ ...s, slot: { ...s.slot, published: true } })),
          }),
        );
      },
    },
    cancel: {
      roles: ['committee_secretary'],
      async handle({ roundId, applicationId, reason }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        const mine = state.slots.find((s) => s.id === applicationId);
        if (!mine || !state.schedule) return err(appError('NOT_FOUND', ['这位申报人没有答辩时段。']));
        if (mine.slot.attendance !== null) return err(refused(`${mine.slot.applicantName}已经开始或结束答辩，不能取消。`));
        ctx.writes.remove(collections.defenseSlots.name, mine.id, mine.rev);
        let schedule = state.schedule;
        if (mine.slot.published) {
          const generation = mine.slot.generation + 1;
          const cancelled = { ...schedule.doc.cancelled, [applicationId]: generation };
          ctx.writes.update(collections.defenseSchedules.name, roundId, schedule.rev, { cancelled });
          schedule = { ...schedule, doc: { ...schedule.doc, cancelled } };
          const session = state.sessions.find((s) => s.id === mine.slot.sessionId)!;
          ctx.notify({
            dedupeKey: messageKey(applicationId, mine.slot.generation, 'cancelled'),
            personId: mine.slot.personId,
            applicationId,
            kind: 'progress',
            title: '答辩时间取消',
            body: `您原定 ${formatBeijingDateTime(new Date(mine.slot.startsAt))}（北京时间）的答辩已取消：${reason}。新的答辩时间确定后会再通知您。`,
            page: defensePage(applicationId),
            subscription: defenseChanged(factsOf(applicationId, mine.slot, session), 'cancelled', reason),
          });
        }
        return ok(viewOfPlan({ ...state, schedule, slots: state.slots.filter((s) => s.id !== applicationId) }));
      },
    },
    mark: {
      roles: ['committee_secretary'],
      async handle({ roundId, applicationId, attendance }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        const { slots } = state;
        const mine = slots.find((s) => s.id === applicationId);
        if (!mine || !mine.slot.published) return err(appError('NOT_FOUND', ['这位申报人没有已发布的答辩时段。']));
        if (beijingDate(ctx.now) < beijingDate(new Date(mine.slot.startsAt))) return err(refused(`答辩当天（${formatBeijingDate(new Date(mine.slot.startsAt))}）才能登记到场和答辩情况。`));
        if (mine.slot.attendance === attendance) return ok(viewOfPlan(state));
        if (mine.slot.attendance === 'done') return err(refused('已经记为答辩完成，不能再改。'));
        ctx.writes.update(collections.defenseSlots.name, applicationId, mine.rev, { attendance });
        if (attendance === 'done') {
          const moved = await recordDefended(ctx, applicationId);
          if (!moved.ok) return err(moved.error);
        }
        if (attendance !== 'present') {
          // 下一位: the next of this panel in this session who has not been called yet.
          const next = slots
            .filter((s) => s.slot.sessionId === mine.slot.sessionId && s.slot.panelId === mine.slot.panelId && s.slot.startsAt > mine.slot.startsAt && s.slot.attendance === null)
            .sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt))[0];
          if (next && !(await ctx.store.get(collections.outbox.name, `${next.id}#defense-next`))) {
            const session = state.sessions.find((s) => s.id === next.slot.sessionId)!;
            ctx.notify({
              dedupeKey: `${next.id}#defense-next`,
              personId: next.slot.personId,
              applicationId: next.id,
              kind: 'progress',
              title: '下一位答辩',
              body: `下一位是您：请到${placeText(session)}的候场区准备（${panelName(session, next.slot.panelId)}）。`,
              page: defensePage(next.id),
              subscription: defenseReminder(factsOf(next.id, next.slot, session), 'next', 0),
            });
          }
        }
        return ok(viewOfPlan({ ...state, slots: slots.map((s) => (s.id === applicationId ? { ...s, slot: { ...s.slot, attendance } } : s)) }));
      },
    },
    mine: {
      roles: ['applicant'],
      async handle({ applicationId }, ctx) {
        return myDefense(ctx, applicationId, false);
      },
    },
    confirm: {
      roles: ['applicant'],
      async handle({ applicationId }, ctx) {
        return myDefense(ctx, applicationId, true);
      },
    },
  },
  {
    /**
     * Reminders of published slots: the day before and shortly before (config/messages, timed by
     * the core's `remindersDue`), each once
     * (its outbox key), only while the person has reminders left (the outbox uses a credit per send;
     * without one the reminder is an in-app notice).
     */
    remindDefenses: {
      cron: '0 */5 * * * * *',
      everyMs: 60_000,
      async run(ctx) {
        const policy = templateRegistry().defenseReminders;
        const soon = await ctx.store.find(collections.defenseSlots.name, {
          where: [
            { field: 'published', op: 'eq', value: true },
            { field: 'startsAt', op: 'gt', value: ctx.now.toISOString() },
            { field: 'startsAt', op: 'lte', value: new Date(ctx.now.getTime() + REMINDER_HORIZON_MS).toISOString() },
          ],
          limit: 1000,
        });
        let queued = 0;
        const sessions = new Map<string, DefenseSession | null>();
        for (const doc of soon) {
          const slot = parseFields(SlotDoc, doc);
          if (slot.attendance !== null) continue;
          const due = remindersDue(new Date(slot.startsAt), ctx.now, policy).map((when) => ({ when, key: messageKey(doc._id, slot.generation, `${when === 'day_before' ? 'day-before' : 'soon'}-${slot.changes}`) }));
          for (const { key, when } of due) {
            if (await ctx.store.get(collections.outbox.name, key)) continue;
            if (!sessions.has(slot.sessionId)) {
              const s = await ctx.store.get(collections.defenseSessions.name, slot.sessionId);
              sessions.set(slot.sessionId, s ? sessionFromDoc(s) : null);
            }
            const session = sessions.get(slot.sessionId);
            if (!session) continue;
            ctx.notify({
              dedupeKey: key,
              personId: slot.personId,
              applicationId: doc._id,
              kind: 'progress',
              title: when === 'day_before' ? '明天答辩' : '答辩即将开始',
              body: `${when === 'day_before' ? '明天' : `${policy.minutesBefore} 分钟内`}答辩：${formatBeijingDateTime(new Date(slot.startsAt))}（北京时间），${placeText(session)}，${panelName(session, slot.panelId)}。`,
              page: defensePage(doc._id),
              subscription: defenseReminder(factsOf(doc._id, slot, session), when, policy.minutesBefore),
            });
            queued += 1;
          }
        }
        return queued;
      },
    },
  },
);

/**
 * A defense message's outbox key: `…#defense-scheduled`, `…#defense-day-before-1` (after one move).
 * A slot given again after a cancellation has its own (`-g1`), so nothing of it is taken for sent.
 */
export const messageKey = (applicationId: string, generation: number, what: string) => `${applicationId}#defense-${what}${generation > 0 ? `-g${generation}` : ''}`;
const defensePage = PAGES.defense;
const refused = (message: string): AppError => appError('REVIEW.REFUSED', [message], message);

function placeText(session: DefenseSession): string {
  return session.place.kind === 'room' ? session.place.name : `线上视频答辩（${session.place.name}，链接见答辩页面）`;
}

function panelName(session: DefenseSession | undefined, panelId: string): string {
  return session?.panels.find((p) => p.id === panelId)?.name ?? '';
}

function factsOf(applicationId: string, slot: Pick<SlotDoc, 'title' | 'applicantName' | 'startsAt'>, session: DefenseSession): DefenseSlotFacts {
  return { applicationId, label: slot.title, applicantName: slot.applicantName, startsAt: new Date(slot.startsAt), place: session.place.kind === 'room' ? session.place.name : '线上视频答辩' };
}

async function roundFor(ctx: ActionContext, roundId: string): Promise<Result<Round, AppError>> {
  if (!servesRound(ctx.caller, roundId)) return err(appError('ROUND.NOT_FOUND'));
  const doc = await ctx.store.get(collections.rounds.name, roundId);
  return doc ? ok(roundFromDoc(doc)) : err(appError('ROUND.NOT_FOUND'));
}

function sessionFromDoc(doc: Doc<JsonObject>): DefenseSession {
  const { _id, _rev, roundId, ...fields } = doc as Doc<JsonObject> & { roundId: string };
  void _rev;
  void roundId;
  return DefenseSession.parse({ ...fields, id: _id });
}

function sortSessions(sessions: DefenseSession[]): DefenseSession[] {
  return sessions.sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
}

async function sessionsOf(ctx: Pick<WorkContext, 'store'>, roundId: string): Promise<DefenseSession[]> {
  const docs = await ctx.store.find(collections.defenseSessions.name, { where: [{ field: 'roundId', op: 'eq', value: roundId }], limit: 100 });
  return sortSessions(docs.map(sessionFromDoc));
}

interface SlotEntry {
  readonly id: string;
  readonly rev: number;
  readonly slot: SlotDoc;
}

async function slotsOf(ctx: Pick<WorkContext, 'store'>, roundId: string): Promise<SlotEntry[]> {
  const docs = await ctx.store.find(collections.defenseSlots.name, { where: [{ field: 'roundId', op: 'eq', value: roundId }], orderBy: [{ field: 'startsAt', direction: 'asc' }], limit: 1000 });
  return docs.map((d) => ({ id: d._id, rev: d._rev, slot: parseFields(SlotDoc, d) }));
}

async function scheduleOf(ctx: Pick<WorkContext, 'store'>, roundId: string): Promise<{ rev: number; doc: z.infer<typeof ScheduleDoc> } | null> {
  const doc = await ctx.store.get(collections.defenseSchedules.name, roundId);
  return doc ? { rev: doc._rev, doc: parseFields(ScheduleDoc, doc) } : null;
}

const capacityOf = (session: DefenseSession) => session.panels.length * panelSlots(session).length;

/**
 * A round's defense plan as read from the store: who defends, who does not and why, the sessions,
 * the schedule and its slots. An action that changes the plan stages its writes and answers with
 * the plan changed the same way in memory (the writes commit after the handler returns).
 */
interface PlanState {
  readonly round: Round;
  /** With the title they defend for (高级工程师: the engine's first title name, else the level in words). */
  readonly defenders: readonly { readonly id: string; readonly record: ApplicationRecord; readonly title: string }[];
  readonly others: DefensePlanView['others'];
  readonly sessions: readonly DefenseSession[];
  readonly schedule: { readonly rev: number; readonly doc: z.infer<typeof ScheduleDoc> } | null;
  readonly slots: readonly SlotEntry[];
}

/** Who defends in this round (fee paid, the engine says required), who does not and why, the sessions and the schedule. */
async function loadPlan(ctx: ActionContext, round: Round): Promise<PlanState> {
  const docs = await ctx.store.find(collections.applications.name, {
    where: [
      { field: 'roundId', op: 'eq', value: round.id },
      { field: 'status', op: 'in', values: ['formal_review_passed', 'materials_received', 'fee_paid', 'defended'] },
    ],
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
    limit: 1000,
  });
  const defenders: { id: string; record: ApplicationRecord; title: string }[] = [];
  const others: DefensePlanView['others'][number][] = [];
  for (const doc of docs) {
    const record = parseFields(ApplicationRecord, doc);
    const offer = assess(record.profile, round, ctx.now).offers.find((o) => o.key === record.offerKey);
    const defense = offer?.defense;
    if (!defense || defense.status !== 'required') {
      others.push({ applicationId: doc._id, applicantName: record.applicantName, why: defense?.message ?? '不需要答辩。' });
    } else if (record.status === 'fee_paid' || record.status === 'defended') {
      defenders.push({ id: doc._id, record, title: offer?.titleNames[0] ?? LEVEL_LABELS[record.level] });
    } else {
      others.push({ applicationId: doc._id, applicantName: record.applicantName, why: '还没有缴费：缴费后才排答辩。' });
    }
  }
  return { round, defenders, others, sessions: await sessionsOf(ctx, round.id), schedule: await scheduleOf(ctx, round.id), slots: await slotsOf(ctx, round.id) };
}

function viewOfPlan(state: PlanState): DefensePlanView {
  const { round, sessions, schedule } = state;
  const defenders = state.defenders.map(({ id, record }) => ({ applicationId: id, applicantName: record.applicantName, specialty: record.specialty ?? 'general', specialtyName: applicationSpecialtyName(round, record) }));
  const slots: DefenseSlotView[] = state.slots
    .map(({ id, slot }) => ({
      applicationId: id,
      applicantName: slot.applicantName,
      specialty: slot.specialty,
      specialtyName: round.specialties.find((s) => s.code === slot.specialty)?.name ?? slot.specialty,
      sessionId: slot.sessionId,
      panelId: slot.panelId,
      panelName: panelName(sessions.find((s) => s.id === slot.sessionId), slot.panelId),
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      confirmed: slot.confirmedAt !== null,
      published: slot.published,
      attendance: slot.attendance,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.panelId.localeCompare(b.panelId));
  return {
    roundId: round.id,
    roundTitle: round.title,
    slotMinutes: round.defense.slotMinutes?.minutes ?? 10,
    // The round's, and any a defender has that the round does not list (a series without specialties).
    specialties: [
      ...round.specialties.map((s) => ({ code: s.code, name: s.name })),
      ...[...new Map(defenders.filter((d) => !round.specialties.some((s) => s.code === d.specialty)).map((d) => [d.specialty, d.specialtyName])).entries()].map(([code, name]) => ({ code, name })),
    ],
    defenders,
    others: state.others,
    sessions: sessions.map((s) => ({ ...s, capacity: capacityOf(s) })),
    schedule: schedule ? { order: schedule.doc.order, seed: schedule.doc.seed, publishedAt: schedule.doc.publishedAt, slots } : null,
  };
}

/** A move or a swap, applied with the core's rules; after publishing, the applicants moved are told. */
async function adjust(
  ctx: ActionContext,
  roundId: string,
  change: (sessions: readonly DefenseSession[], slots: readonly Slot[], specialtyOf: (id: string) => string | undefined) => Result<Slot[], string>,
): Promise<Result<DefensePlanView, AppError>> {
  const round = await roundFor(ctx, roundId);
  if (!round.ok) return err(round.error);
  const state = await loadPlan(ctx, round.value);
  const { schedule, slots, sessions } = state;
  if (!schedule || slots.length === 0) return err(refused('还没有排答辩时段，请先自动排。'));
  const before: Slot[] = slots.map(({ id, slot }) => ({ applicationId: id, sessionId: slot.sessionId, panelId: slot.panelId, startsAt: slot.startsAt, endsAt: slot.endsAt }));
  const changed = change(sessions, before, (id) => slots.find((s) => s.id === id)?.slot.specialty);
  if (!changed.ok) return err(refused(changed.error));
  const after: SlotEntry[] = [];
  for (const entry of slots) {
    const to = changed.value.find((s) => s.applicationId === entry.id)!;
    const old = entry.slot;
    if (old.sessionId === to.sessionId && old.panelId === to.panelId && old.startsAt === to.startsAt) {
      after.push(entry);
      continue;
    }
    if (old.attendance !== null) return err(refused(`${old.applicantName}已经开始或结束答辩，不能再调整。`));
    const changes = old.changes + (old.published ? 1 : 0);
    const set = { sessionId: to.sessionId, panelId: to.panelId, startsAt: to.startsAt, endsAt: to.endsAt, changes, confirmedAt: null };
    ctx.writes.update(collections.defenseSlots.name, entry.id, entry.rev, set);
    after.push({ ...entry, slot: { ...old, ...set } });
    if (!old.published) continue;
    const session = sessions.find((s) => s.id === to.sessionId)!;
    ctx.notify({
      dedupeKey: messageKey(entry.id, old.generation, `changed-${changes}`),
      personId: old.personId,
      applicationId: entry.id,
      kind: 'progress',
      title: '答辩时间变更',
      body: `您的答辩改到 ${formatBeijingDateTime(new Date(to.startsAt))}（北京时间），${placeText(session)}，${panelName(session, to.panelId)}。请重新确认参加。`,
      page: defensePage(entry.id),
      subscription: defenseChanged(factsOf(entry.id, { ...old, startsAt: to.startsAt }, session), 'moved', '请以新的时间为准，并重新确认'),
    });
  }
  return ok(viewOfPlan({ ...state, slots: after }));
}

async function recordDefended(ctx: ActionContext, applicationId: string): Promise<Result<unknown, AppError>> {
  const doc = await ctx.store.get(collections.applications.name, applicationId);
  if (!doc) return err(appError('APPLICATION.NOT_FOUND'));
  const record = parseFields(ApplicationRecord, doc);
  if (record.status !== 'fee_paid') return ok(record);
  const roundDoc = await ctx.store.get(collections.rounds.name, record.roundId);
  if (!roundDoc) return err(appError('APPLICATION.NOT_FOUND'));
  const round = roundFromDoc(roundDoc);
  const view = await applicantViewOf(ctx.store, applicationId, record, round, ctx.now);
  if (!view) return err(appError('APPLICATION.NOT_FOUND'));
  return moveApplication(
    { id: applicationId, rev: doc._rev, record, round, view, command: 'record_defense', actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId: null, defenseRequired: true },
    ctx,
  );
}

async function myDefense(ctx: ActionContext, applicationId: string, confirm: boolean): Promise<Result<MyDefenseView, AppError>> {
  const doc = await ctx.store.get(collections.applications.name, applicationId);
  if (!doc) return err(appError('APPLICATION.NOT_FOUND'));
  const record = parseFields(ApplicationRecord, doc);
  if (record.personId !== ctx.caller._id) return err(appError('APPLICATION.NOT_FOUND'));
  const roundDoc = await ctx.store.get(collections.rounds.name, record.roundId);
  if (!roundDoc) return err(appError('ROUND.NOT_FOUND'));
  const round = roundFromDoc(roundDoc);
  const view = viewOf(applicationId, record, round, ctx.now, await lintContextOf(ctx.store, ctx.caller, round));
  const slotDoc = await ctx.store.get(collections.defenseSlots.name, applicationId);
  const slot = slotDoc ? parseFields(SlotDoc, slotDoc) : null;
  const session = slot?.published ? await ctx.store.get(collections.defenseSessions.name, slot.sessionId) : null;
  if (confirm) {
    if (!slotDoc || !slot?.published) return err(refused('答辩时间还没有发布，发布后再确认。'));
    if (!slot.confirmedAt) ctx.writes.update(collections.defenseSlots.name, applicationId, slotDoc._rev, { confirmedAt: ctx.now.toISOString() });
  }
  const parsed = session ? sessionFromDoc(session) : null;
  const waiting =
    view.defense.status !== 'required'
      ? null
      : parsed
        ? null
        : ['fee_paid', 'defended'].includes(record.status)
          ? '评审委员会正在安排答辩时间，发布后会通知您（请先开启下面的微信提醒）。'
          : '通过形式审核并缴费后，评审委员会会安排答辩时间并通知您。';
  return ok({
    applicationId,
    label: view.label,
    roundTitle: round.title,
    defense: view.defense,
    slot:
      slot && parsed
        ? {
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            place: parsed.place,
            panelName: panelName(parsed, slot.panelId),
            bring: parsed.bring,
            confirmedAt: confirm ? (slot.confirmedAt ?? ctx.now.toISOString()) : slot.confirmedAt,
            attendance: slot.attendance,
          }
        : null,
    waiting,
  });
}
