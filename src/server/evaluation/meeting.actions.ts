import { outsideRoundYear } from '../../core/time/calendar-day';
import { appError } from '../../core/errors';
import { publicityOver } from '../../core/review/publicity';
import { MeetingRecord, stageOf, type MeetingResult } from '../../core/evaluation/meeting';
import { err, ok } from '../../core/result';
import type { ReviewCommand } from '../../core/review/review.machine';
import { beijingDate } from '../../core/time/beijing';
import { applicantViewOf } from '../applications/application.view';
import { collections } from '../collections';
import { servesRound } from '../../core/review/scope';
import { parseFields, toDoc } from '../docs';
import type { ActionContext, ActionDefs } from '../function';
import { findAll } from '../paging';
import { moveApplication } from '../review/move';
import { blindItemOf, expertsOf, resultChecks, loadMeeting, meetingViewOf, membersOf, panelOf, readyApplications, summaryOf, voteId, votesOf, type LoadedMeeting, type Member } from './meetings';
import { loadRound } from '../rounds.repo';
import type { ApplicationRecord } from '../../core/application/application.schema';
import type { Round } from '../../core/round/round.schema';

type MeetingActions = Pick<
  ActionDefs<'committee'>,
  'meetings' | 'createMeeting' | 'meeting' | 'addReady' | 'recordResult' | 'publishResults' | 'publicise' | 'certify' | 'panel' | 'blindItem' | 'vote'
>;

/**
 * The committee's evaluation meetings. The secretary sets one up for a day with every application
 * of the round ready for it and the round's experts; experts see the applications by number only,
 * blind, and vote; the secretary sees the tally, records pass or fail, publishes within the round's
 * caps, publicises, certifies. Every move of an application goes through the review machine.
 */
export const meetingActions: MeetingActions = {
  meetings: {
    roles: ['committee_secretary', 'expert'],
    async handle(_payload, ctx) {
      const rounds = ctx.caller.rounds ?? [];
      if (rounds.length === 0) return ok([]);
      const docs = await findAll(ctx.store, collections.meetings.name, { where: [{ field: 'roundId', op: 'in', values: rounds }], orderBy: [{ field: 'createdAt', direction: 'desc' }] });
      const list = [];
      for (const doc of docs) {
        const meeting = parseFields(MeetingRecord, doc);
        if (ctx.caller.role === 'expert' && !meeting.expertIds.includes(ctx.caller._id)) continue;
        const loaded = await loadMeeting(ctx.store, doc._id);
        if (loaded) list.push(summaryOf(doc._id, meeting, loaded.round));
      }
      return ok(list);
    },
  },
  createMeeting: {
    roles: ['committee_secretary'],
    async handle({ roundId, heldOn, requestId }, ctx) {
      if (!servesRound(ctx.caller, roundId)) return err(appError('ROUND.NOT_FOUND'));
      const id = `meeting-${requestId}`;
      // The same request again (a double tap): the meeting it made.
      if (await ctx.store.get(collections.meetings.name, id)) return viewOf(ctx, id);
      const round = await loadRound(ctx.store, roundId);
      if (!round) return err(appError('ROUND.NOT_FOUND'));
      const outside = outsideRoundYear(heldOn, round.year, '评审会日期');
      if (outside) return err(appError('REQUEST.INVALID_PAYLOAD', [outside], outside));
      const experts = await expertsOf(ctx.store, roundId);
      if (experts.length === 0) return err(appError('MEETING.NO_EXPERTS'));
      const ready = await readyApplications(ctx.store, roundId, defenseRequired(ctx, round));
      if (ready.length === 0) return err(appError('MEETING.NOTHING_READY'));
      const meeting: MeetingRecord = {
        roundId,
        heldOn,
        createdAt: ctx.now.toISOString(),
        createdBy: ctx.caller._id,
        expertIds: experts.map((e) => e._id),
        applicationIds: ready,
        results: {},
        publishedAt: null,
        publicity: null,
        certifiedAt: null,
      };
      ctx.writes.insert(collections.meetings.name, { _id: id, ...toDoc(meeting) });
      return viewOf(ctx, id, { loaded: { id, rev: 1, meeting, round } });
    },
  },
  meeting: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      return viewOf(ctx, meetingId);
    },
  },
  addReady: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const { meeting, rev } = loaded.value;
      if (stageOf(meeting) !== 'voting') return err(appError('MEETING.CLOSED'));
      const ready = await readyApplications(ctx.store, meeting.roundId, defenseRequired(ctx, loaded.value.round));
      if (ready.length === 0) return viewOf(ctx, meetingId);
      const applicationIds = [...meeting.applicationIds, ...ready];
      ctx.writes.update(collections.meetings.name, meetingId, rev, { applicationIds });
      return viewOf(ctx, meetingId, { meeting: { ...meeting, applicationIds } });
    },
  },
  recordResult: {
    roles: ['committee_secretary'],
    async handle({ meetingId, applicationId, result }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const { meeting, rev } = loaded.value;
      if (stageOf(meeting) !== 'voting') return err(appError('MEETING.CLOSED'));
      if (!meeting.applicationIds.includes(applicationId)) return err(appError('APPLICATION.NOT_FOUND'));
      const results: Record<string, MeetingResult> = { ...meeting.results, [applicationId]: result };
      ctx.writes.update(collections.meetings.name, meetingId, rev, { results });
      return viewOf(ctx, meetingId, { meeting: { ...meeting, results } });
    },
  },
  publishResults: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const { meeting, rev } = loaded.value;
      // Published already (a double tap, or another secretary): nothing more to do.
      if (stageOf(meeting) !== 'voting') return viewOf(ctx, meetingId);
      const members = await membersOf(ctx.store, meeting);
      // The same blockers the page shows (results missing, above a cap), without building the page twice.
      const { blockers } = resultChecks(meeting, members, loaded.value.round);
      if (blockers.length > 0) return err(appError('MEETING.REFUSED', blockers));
      // Every result moves its application in the same commit as the meeting: all or none.
      const moved = await moveAll(ctx, loaded.value, members, (m) => (meeting.results[m.id] === 'pass' ? 'evaluate_pass' : 'evaluate_fail'));
      if (!moved.ok) return moved;
      const next = { ...meeting, publishedAt: ctx.now.toISOString() };
      ctx.writes.update(collections.meetings.name, meetingId, rev, { publishedAt: next.publishedAt });
      return viewOf(ctx, meetingId, { meeting: next, members: moved.value });
    },
  },
  publicise: {
    roles: ['committee_secretary'],
    async handle({ meetingId, until }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const { meeting, rev } = loaded.value;
      if (stageOf(meeting) === 'publicised' || stageOf(meeting) === 'certified') return viewOf(ctx, meetingId);
      if (stageOf(meeting) !== 'published') return err(appError('MEETING.REFUSED', ['请先发布评审结果，再公示。']));
      const from = beijingDate(ctx.now);
      if (until <= from) return err(appError('MEETING.REFUSED', [`公示结束日期要在今天（${from}）之后。`]));
      const members = (await membersOf(ctx.store, meeting)).filter((m) => m.record.status === 'passed');
      if (members.length === 0) return err(appError('MEETING.REFUSED', ['这次评审会没有通过的人，不需要公示。']));
      const moved = await moveAll(ctx, loaded.value, members, () => 'publicise', publicityOver(until));
      if (!moved.ok) return moved;
      const publicity = { from, to: until };
      ctx.writes.update(collections.meetings.name, meetingId, rev, { publicity });
      return viewOf(ctx, meetingId, { meeting: { ...meeting, publicity }, changed: moved.value });
    },
  },
  certify: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await secretarysMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const { meeting, rev } = loaded.value;
      if (stageOf(meeting) === 'certified') return viewOf(ctx, meetingId);
      if (!meeting.publicity) return err(appError('MEETING.REFUSED', ['请先公示评审结果，公示期满后再确认取得资格。']));
      const members = (await membersOf(ctx.store, meeting)).filter((m) => m.record.status === 'publicised');
      const moved = await moveAll(ctx, loaded.value, members, () => 'certify', publicityOver(meeting.publicity.to));
      if (!moved.ok) return moved;
      const certifiedAt = ctx.now.toISOString();
      ctx.writes.update(collections.meetings.name, meetingId, rev, { certifiedAt });
      return viewOf(ctx, meetingId, { meeting: { ...meeting, certifiedAt }, changed: moved.value });
    },
  },
  panel: {
    roles: ['expert'],
    async handle({ meetingId }, ctx) {
      const loaded = await expertsMeeting(ctx, meetingId);
      if (!loaded.ok) return loaded;
      const members = await membersOf(ctx.store, loaded.value.meeting);
      return ok(panelOf(loaded.value, members, await myVotes(ctx, meetingId)));
    },
  },
  blindItem: {
    roles: ['expert'],
    async handle({ meetingId, code }, ctx) {
      const found = await expertsItem(ctx, meetingId, code);
      if (!found.ok) return found;
      return ok(await blindItemOf(found.value.loaded, found.value.member, await myVotes(ctx, meetingId), ctx.files));
    },
  },
  vote: {
    roles: ['expert'],
    async handle({ meetingId, code, vote }, ctx) {
      const found = await expertsItem(ctx, meetingId, code);
      if (!found.ok) return found;
      const { loaded, member } = found.value;
      if (stageOf(loaded.meeting) !== 'voting') return err(appError('MEETING.CLOSED'));
      const id = voteId(meetingId, ctx.caller._id, code);
      const fields = { meetingId, applicationId: member.id, expertId: ctx.caller._id, vote, at: ctx.now.toISOString() };
      const existing = await ctx.store.get(collections.votes.name, id);
      if (existing) ctx.writes.update(collections.votes.name, id, existing._rev, { vote, at: fields.at });
      else ctx.writes.insert(collections.votes.name, { _id: id, ...fields });
      const mine = (await myVotes(ctx, meetingId)).filter((v) => v.applicationId !== member.id);
      return ok(await blindItemOf(loaded, member, [...mine, fields], ctx.files));
    },
  },
};

type Loaded = { ok: true; value: LoadedMeeting } | { ok: false; error: ReturnType<typeof appError> };

/** A meeting of one of the secretary's rounds; another is answered as missing. */
async function secretarysMeeting(ctx: ActionContext, id: string): Promise<Loaded> {
  const loaded = await loadMeeting(ctx.store, id);
  if (!loaded || !servesRound(ctx.caller, loaded.meeting.roundId)) return { ok: false, error: appError('MEETING.NOT_FOUND') };
  return { ok: true, value: loaded };
}

/** A meeting the expert sits in; another is answered as missing. */
async function expertsMeeting(ctx: ActionContext, id: string): Promise<Loaded> {
  const loaded = await loadMeeting(ctx.store, id);
  if (!loaded || !loaded.meeting.expertIds.includes(ctx.caller._id) || !servesRound(ctx.caller, loaded.meeting.roundId)) return { ok: false, error: appError('MEETING.NOT_FOUND') };
  return { ok: true, value: loaded };
}

async function expertsItem(ctx: ActionContext, meetingId: string, code: number) {
  const loaded = await expertsMeeting(ctx, meetingId);
  if (!loaded.ok) return loaded;
  const id = loaded.value.meeting.applicationIds[code - 1];
  const [member] = id ? await membersOf(ctx.store, { ...loaded.value.meeting, applicationIds: [id] }) : [];
  if (!member) return err(appError('APPLICATION.NOT_FOUND'));
  return ok({ loaded: loaded.value, member });
}

async function myVotes(ctx: ActionContext, meetingId: string) {
  return (await votesOf(ctx.store, meetingId)).filter((v) => v.expertId === ctx.caller._id);
}

/** Moves each member by the machine, staged in this call's commit; the first refusal refuses all (nothing is written then). */
async function moveAll(ctx: ActionContext, loaded: LoadedMeeting, members: readonly Member[], command: (m: Member) => ReviewCommand, resultPublicityEnds: Date | null = null) {
  const moved: Member[] = [];
  for (const m of members) {
    const view = await applicantViewOf(ctx.store, m.id, m.record, loaded.round, ctx.now);
    if (!view) return err(appError('APPLICATION.NOT_FOUND'));
    const next = moveApplication(
      { id: m.id, rev: m.rev, record: m.record, round: loaded.round, view, command: command(m), actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId: null, defenseRequired: view.defense.status === 'required', resultPublicityEnds },
      ctx,
    );
    if (!next.ok) return err(appError('MEETING.REFUSED', [`${loaded.meeting.applicationIds.indexOf(m.id) + 1}号 ${m.record.applicantName}：${next.error.details?.[0] ?? next.error.message}`]));
    moved.push({ ...m, record: next.value });
  }
  return ok(moved);
}

/**
 * The meeting as its secretary sees it. Writes of this call commit after the handler returns, so
 * what it just changed (`meeting`, moved `members` or `changed` ones) is passed in, not re-read.
 */
async function viewOf(ctx: ActionContext, id: string, fresh: { loaded?: LoadedMeeting; meeting?: MeetingRecord; members?: readonly Member[]; changed?: readonly Member[] } = {}) {
  const stored: Loaded = fresh.loaded ? { ok: true, value: fresh.loaded } : await secretarysMeeting(ctx, id);
  if (!stored.ok) return stored;
  const loaded = { ...stored.value, meeting: fresh.meeting ?? stored.value.meeting };
  let members = fresh.members ?? (await membersOf(ctx.store, loaded.meeting));
  if (fresh.changed) members = members.map((m) => fresh.changed!.find((c) => c.id === m.id) ?? m);
  const votes = await votesOf(ctx.store, id);
  const experts = await expertsOf(ctx.store, loaded.meeting.roundId);
  const names = loaded.meeting.expertIds.map((e) => experts.find((p) => p._id === e)?.name ?? '（已不在专家库）');
  const ready = stageOf(loaded.meeting) === 'voting' ? await readyApplications(ctx.store, loaded.meeting.roundId, defenseRequired(ctx, loaded.round)) : [];
  const readyToAdd = ready.filter((r) => !loaded.meeting.applicationIds.includes(r)).length;
  return ok(meetingViewOf(loaded, members, votes, names, readyToAdd, ctx.now));
}

/** Whether an application must defend before it is evaluated: the engine's answer on its view. */
function defenseRequired(ctx: ActionContext, round: Round) {
  return async (id: string, record: ApplicationRecord) => (await applicantViewOf(ctx.store, id, record, round, ctx.now))?.defense.status === 'required';
}
