import { outsideRoundYear } from '../../core/time/calendar-day';
import { nationalCalendar, regionalCalendar } from '../../core/config/calendar';
import { meetings, voteId, votes } from './meetings.repo';
import { roundsOnce } from '../rounds.repo';
import { appError } from '../../core/errors';
import { MeetingRecord, stageOf } from '../../core/evaluation/meeting';
import { err, ok } from '../../core/result';
import { beijingDate } from '../../core/time/beijing';
import { applicantViewOf } from '../applications/application.view';
import { servesRound } from '../../core/review/scope';
import type { ActionContext, ActionDefs } from '../function';
import { moveApplication } from '../review/move';
import { blindItemOf, tiesOf, expertsOf, loadMeeting, meetingViewOf, membersOf, panelOf, readyApplications, summaryOf, votesOf, type LoadedMeeting } from './meetings';
import { decideMeeting, MEETING_TEXT, voteRefusal, type MeetingCommand, type Member } from '../../core/evaluation/meeting.machine';
import { recusedFrom } from '../../core/evaluation/decision-rule';
import { answerRecheck, requestRecheck } from '../../core/evaluation/recheck';
import { applications, loadFor } from '../applications/applications.repo';
import { chooseExperts } from '../../core/evaluation/expert-draw';
import { loadRound } from '../rounds.repo';
import type { ApplicationRecord } from '../../core/application/application.schema';
import type { Round } from '../../core/round/round.schema';

type MeetingActions = Pick<
  ActionDefs<'committee'>,
  | 'meetings'
  | 'createMeeting'
  | 'meeting'
  | 'expertPool'
  | 'addReady'
  | 'recordAttendance'
  | 'recuse'
  | 'liftRecusal'
  | 'overrideResult'
  | 'clearOverride'
  | 'publishResults'
  | 'publicise'
  | 'certify'
  | 'recordObjection'
  | 'answerObjection'
  | 'requestRecheck'
  | 'answerRecheck'
  | 'panel'
  | 'blindItem'
  | 'vote'
>;

/**
 * The committee's evaluation meetings. The secretary sets one up for a day with every application
 * of the round ready for it and experts chosen from the round's pool (by hand or by a recorded
 * draw); on the day records who is present and who recuses from what; experts present see the
 * applications by number only, blind, and vote; the votes decide each result (the secretary may
 * change one only with a recorded reason); the secretary publishes within the round's caps,
 * publicises, certifies. Every move of an application goes through the review machine.
 */
export const meetingActions: MeetingActions = {
  meetings: {
    roles: ['committee_secretary', 'expert'],
    async handle(_payload, ctx) {
      const rounds = ctx.caller.rounds ?? [];
      if (rounds.length === 0) return ok([]);
      const found = await meetings.findAll(ctx.store, { where: [{ field: 'roundId', op: 'in', values: rounds }], orderBy: [{ field: 'createdAt', direction: 'desc' }] });
      const roundOf = roundsOnce(ctx.store);
      const list = [];
      for (const { id, record: meeting } of found) {
        if (ctx.caller.role === 'expert' && !meeting.expertIds.includes(ctx.caller._id)) continue;
        const round = await roundOf(meeting.roundId);
        if (round) list.push(summaryOf(id, meeting, round));
      }
      return ok(list);
    },
  },
  createMeeting: {
    roles: ['committee_secretary'],
    async handle({ roundId, heldOn, requestId, experts: choice }, ctx) {
      if (!servesRound(ctx.caller, roundId)) return err(appError('ROUND.NOT_FOUND'));
      const id = `meeting-${requestId}`;
      // The same request again (a double tap): the meeting it made.
      if (await meetings.get(ctx.store, id)) return viewOf(ctx, id);
      const round = await loadRound(ctx.store, roundId);
      if (!round) return err(appError('ROUND.NOT_FOUND'));
      const outside = outsideRoundYear(heldOn, round.year, MEETING_TEXT.heldOn);
      if (outside) return err(appError('REQUEST.INVALID_PAYLOAD', [outside], outside));
      const experts = await expertsOf(ctx.store, roundId);
      if (experts.length === 0) return err(appError('MEETING.NO_EXPERTS'));
      const ready = await readyApplications(ctx.store, roundId, defenseRequired(ctx, round));
      if (ready.length === 0) return err(appError('MEETING.NOTHING_READY'));
      // A draw's seed is drawn here and kept with the meeting, so the same draw can be shown to be the same.
      const chosen = chooseExperts(
        experts.map((e) => e._id),
        choice,
        choice.kind === 'draw' ? ctx.random.int(2 ** 31 - 1) : 0,
      );
      if (!chosen.ok) return err(appError('MEETING.REFUSED', [chosen.error]));
      const meeting: MeetingRecord = {
        roundId,
        heldOn,
        createdAt: ctx.now.toISOString(),
        createdBy: ctx.caller._id,
        ...chosen.value,
        attendance: null,
        recusals: [],
        overrides: {},
        applicationIds: ready,
        results: {},
        tallies: {},
        publishedAt: null,
        publicity: null,
        certifiedAt: null,
        objections: [],
      };
      meetings.insert(ctx.writes, id, meeting);
      return viewOf(ctx, id, { loaded: { id, rev: 1, meeting, round } });
    },
  },
  meeting: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      return viewOf(ctx, meetingId);
    },
  },
  expertPool: {
    roles: ['committee_secretary'],
    async handle({ roundId }, ctx) {
      if (!servesRound(ctx.caller, roundId)) return err(appError('ROUND.NOT_FOUND'));
      return ok((await expertsOf(ctx.store, roundId)).map((e) => ({ id: e._id, name: e.name, note: e.note ?? null })));
    },
  },
  addReady: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      if (stageOf(loaded.value.meeting) !== 'voting') return err(appError('MEETING.CLOSED'));
      const ready = await readyApplications(ctx.store, loaded.value.meeting.roundId, defenseRequired(ctx, loaded.value.round));
      return decideAndStage(ctx, loaded.value, { kind: 'add', applicationIds: ready });
    },
  },
  recordAttendance: secretarys(({ present }, ctx) => ({ kind: 'record_attendance', present, by: ctx.caller._id })),
  recuse: secretarys(({ applicationId, expertId, reason }, ctx) => ({ kind: 'recuse', applicationId, expertId, reason, by: ctx.caller._id })),
  liftRecusal: secretarys(({ applicationId, expertId }) => ({ kind: 'lift_recusal', applicationId, expertId })),
  overrideResult: secretarys(({ applicationId, result, reason }, ctx) => ({ kind: 'override', applicationId, result, reason, by: ctx.caller._id })),
  clearOverride: secretarys(({ applicationId }) => ({ kind: 'clear_override', applicationId })),
  publishResults: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      return decideAndStage(ctx, loaded.value, { kind: 'publish' });
    },
  },
  publicise: {
    roles: ['committee_secretary'],
    async handle({ meetingId, until }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      return decideAndStage(ctx, loaded.value, { kind: 'publicise', until });
    },
  },
  certify: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      return decideAndStage(ctx, loaded.value, { kind: 'certify' });
    },
  },
  recordObjection: {
    roles: ['committee_secretary'],
    async handle({ meetingId, requestId, applicationId, from, text }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      return decideAndStage(ctx, loaded.value, { kind: 'record_objection', id: `objection-${requestId}`, applicationId, from, text, by: ctx.caller._id });
    },
  },
  answerObjection: {
    roles: ['committee_secretary'],
    async handle({ meetingId, objectionId, answer }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      return decideAndStage(ctx, loaded.value, { kind: 'answer_objection', id: objectionId, text: answer, by: ctx.caller._id });
    },
  },
  requestRecheck: {
    roles: ['applicant'],
    async handle({ applicationId: id, reason }, ctx) {
      const loaded = await loadFor(ctx.store, ctx.caller, id, 'own');
      if (!loaded.ok) return err(loaded.error);
      const held = await meetings.findAll(ctx.store, { where: [{ field: 'roundId', op: 'eq', value: loaded.record.roundId }] });
      const meeting = held.find((m) => m.record.applicationIds.includes(id));
      const asked = requestRecheck(loaded.record, reason, meeting ? stageOf(meeting.record) : null, ctx.now);
      if (!asked.ok) return err(appError('MEETING.REFUSED', [asked.error]));
      const record = { ...loaded.record, recheck: asked.value };
      if (!loaded.record.recheck) applications.update(ctx.writes, loaded, { recheck: asked.value });
      const view = await applicantViewOf(ctx.store, id, record, loaded.round, ctx.now);
      return view ? ok(view) : err(appError('APPLICATION.NOT_FOUND'));
    },
  },
  answerRecheck: {
    roles: ['committee_secretary'],
    async handle({ meetingId, applicationId, answer }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      if (!loaded.value.meeting.applicationIds.includes(applicationId)) return err(appError('APPLICATION.NOT_FOUND'));
      const member = await applications.get(ctx.store, applicationId);
      if (!member) return err(appError('APPLICATION.NOT_FOUND'));
      const answered = answerRecheck(member.record, answer, ctx.caller._id, stageOf(loaded.value.meeting), ctx.now);
      if (!answered.ok) return err(appError('MEETING.REFUSED', [answered.error]));
      const members = (await membersOf(ctx.store, loaded.value.meeting)).map((m) => (m.id === applicationId ? { ...m, record: { ...m.record, recheck: answered.value } } : m));
      if (!member.record.recheck?.answer) applications.update(ctx.writes, member, { recheck: answered.value });
      return viewOf(ctx, meetingId, { members });
    },
  },
  panel: {
    roles: ['expert'],
    async handle({ meetingId }, ctx) {
      const loaded = await expertsMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const members = await membersOf(ctx.store, loaded.value.meeting);
      return ok(panelOf(loaded.value, members, await myVotes(ctx, meetingId), ctx.caller._id, beijingDate(ctx.now)));
    },
  },
  blindItem: {
    roles: ['expert'],
    async handle({ meetingId, code }, ctx) {
      const found = await expertsItem(ctx, meetingId, code);
      if (!found.ok) return found;
      return ok(await blindItemOf(found.value.loaded, found.value.member, await myVotes(ctx, meetingId), ctx.files, ctx.caller._id, beijingDate(ctx.now)));
    },
  },
  vote: {
    roles: ['expert'],
    async handle({ meetingId, code, vote }, ctx) {
      const found = await expertsItem(ctx, meetingId, code);
      if (!found.ok) return found;
      const { loaded, member } = found.value;
      const today = beijingDate(ctx.now);
      if (stageOf(loaded.meeting) !== 'voting') return err(appError('MEETING.CLOSED'));
      // Only experts recorded present, not recused, from the meeting's day: no vote by proxy or afterwards.
      const refusal = voteRefusal(loaded.meeting, ctx.caller._id, member.id, today);
      if (refusal) return err(appError('MEETING.REFUSED', [refusal]));
      const id = voteId(meetingId, ctx.caller._id, code);
      const fields = { meetingId, applicationId: member.id, expertId: ctx.caller._id, vote, at: ctx.now.toISOString() };
      const existing = await votes.get(ctx.store, id);
      if (existing) votes.update(ctx.writes, existing, { vote, at: fields.at });
      else votes.insert(ctx.writes, id, fields);
      const mine = (await myVotes(ctx, meetingId)).filter((v) => v.applicationId !== member.id);
      return ok(await blindItemOf(loaded, member, [...mine, fields], ctx.files, ctx.caller._id, today));
    },
  },
};

/** A secretary's command on one of their meetings, decided in the core and staged. */
function secretarys<P extends { meetingId: string }>(command: (payload: P, ctx: ActionContext) => MeetingCommand) {
  return {
    roles: ['committee_secretary'] as const,
    async handle(payload: P, ctx: ActionContext) {
      const loaded = await secretarysMeeting(ctx, payload.meetingId);
      if (!loaded.ok) return loaded;
      return decideAndStage(ctx, loaded.value, command(payload, ctx));
    },
  };
}

type MeetingFound = { ok: true; value: LoadedMeeting } | { ok: false; error: ReturnType<typeof appError> };

/** A meeting of one of the secretary's rounds; another is answered as missing. */
async function secretarysMeeting(ctx: ActionContext, id: string): Promise<MeetingFound> {
  const loaded = await loadMeeting(ctx.store, id);
  if (!loaded || !servesRound(ctx.caller, loaded.meeting.roundId)) return { ok: false, error: appError('MEETING.NOT_FOUND') };
  return { ok: true, value: loaded };
}

/** A meeting the expert sits in; another is answered as missing. */
async function expertsMeeting(ctx: ActionContext, id: string): Promise<MeetingFound> {
  const loaded = await loadMeeting(ctx.store, id);
  if (!loaded || !loaded.meeting.expertIds.includes(ctx.caller._id) || !servesRound(ctx.caller, loaded.meeting.roundId)) return { ok: false, error: appError('MEETING.NOT_FOUND') };
  return { ok: true, value: loaded };
}

async function expertsItem(ctx: ActionContext, meetingId: string, code: number) {
  const loaded = await expertsMeeting(ctx, meetingId);
  if (!loaded.ok) return loaded;
  const id = loaded.value.meeting.applicationIds[code - 1];
  // An application the expert is recused from is, for them, not in the meeting.
  const [member] = id && !recusedFrom(loaded.value.meeting, id, ctx.caller._id) ? await membersOf(ctx.store, { ...loaded.value.meeting, applicationIds: [id] }) : [];
  if (!member) return err(appError('APPLICATION.NOT_FOUND'));
  return ok({ loaded: loaded.value, member });
}

async function myVotes(ctx: ActionContext, meetingId: string) {
  return (await votesOf(ctx.store, meetingId)).filter((v) => v.expertId === ctx.caller._id);
}

/**
 * One command of a meeting: the core decides on the meeting and its applications as read; the
 * meeting is written whole at the revision read and each application it moves goes through the
 * review machine, in this call's commit (the first refusal refuses all: nothing is written then).
 */
async function decideAndStage(ctx: ActionContext, loaded: LoadedMeeting, command: MeetingCommand) {
  const members = await membersOf(ctx.store, loaded.meeting);
  const votes = await votesOf(ctx.store, loaded.id);
  const decided = decideMeeting(loaded.meeting, command, { now: ctx.now, today: beijingDate(ctx.now), round: loaded.round, members, votes, calendars: { national: nationalCalendar(), regional: regionalCalendar() } });
  if (!decided.ok) return err(decided.error);
  if (!decided.changed) return viewOf(ctx, loaded.id, { meeting: decided.next, members });
  const moved: Member[] = [];
  for (const m of decided.move?.members ?? []) {
    const view = await applicantViewOf(ctx.store, m.id, m.record, loaded.round, ctx.now);
    if (!view) return err(appError('APPLICATION.NOT_FOUND'));
    const next = moveApplication(
      { id: m.id, rev: m.rev, record: m.record, round: loaded.round, view, command: decided.move!.command(m), actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId: null, defenseRequired: view.defense.status === 'required', resultPublicityEnds: decided.move!.resultPublicityEnds },
      ctx,
    );
    if (!next.ok) return err(appError('MEETING.REFUSED', [MEETING_TEXT.memberRefused(loaded.meeting.applicationIds.indexOf(m.id) + 1, m.record.applicantName, next.error.details?.[0] ?? next.error.message)]));
    moved.push({ ...m, record: next.value });
  }
  meetings.update(ctx.writes, loaded, decided.next);
  const shown = members.filter((m) => decided.next.applicationIds.includes(m.id)).map((m) => moved.find((c) => c.id === m.id) ?? m);
  // Applications added now are read with the meeting's view.
  return viewOf(ctx, loaded.id, { meeting: decided.next, members: decided.next.applicationIds.length === members.length ? shown : undefined });
}

/**
 * The meeting as its secretary sees it. Writes of this call commit after the handler returns, so
 * what it just changed (`meeting`, its `members` as moved) is passed in, not re-read.
 */
async function viewOf(ctx: ActionContext, id: string, fresh: { loaded?: LoadedMeeting; meeting?: MeetingRecord; members?: readonly Member[] } = {}) {
  const stored: MeetingFound = fresh.loaded ? { ok: true, value: fresh.loaded } : await secretarysMeeting(ctx, id);
  if (!stored.ok) return stored;
  const loaded = { ...stored.value, meeting: fresh.meeting ?? stored.value.meeting };
  const members = fresh.members ?? (await membersOf(ctx.store, loaded.meeting));
  const votes = await votesOf(ctx.store, id);
  const experts = await expertsOf(ctx.store, loaded.meeting.roundId);
  const ready = stageOf(loaded.meeting) === 'voting' ? await readyApplications(ctx.store, loaded.meeting.roundId, defenseRequired(ctx, loaded.round)) : [];
  const readyToAdd = ready.filter((r) => !loaded.meeting.applicationIds.includes(r)).length;
  return ok(meetingViewOf(loaded, members, votes, await tiesOf(ctx.store, experts), readyToAdd, ctx.now));
}

/** Whether an application must defend before it is evaluated: the engine's answer on its view. */
function defenseRequired(ctx: ActionContext, round: Round) {
  return async (id: string, record: ApplicationRecord) => (await applicantViewOf(ctx.store, id, record, round, ctx.now))?.defense.status === 'required';
}
