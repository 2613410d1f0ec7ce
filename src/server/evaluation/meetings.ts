import { applicationSpecialtyName } from '../../core/eligibility/selector.match';
import { meetings, votes, type VoteDoc } from './meetings.repo';
import { people } from '../people.repo';
import { ApplicationRecord } from '../../core/application/application.schema';
import type { BlindItemView, BlindSummary, ExpertPanelView, MeetingItem, MeetingSummary, MeetingView } from '../../core/contracts/evaluation';
import { blindText } from '../../core/evaluation/blind-text';
import { earliestPublicityEnd, publicityOver } from '../../core/review/publicity';
import { nationalCalendar, regionalCalendar } from '../../core/config/calendar';
import { beijingDate } from '../../core/time/beijing';
import { MeetingRecord, STAGE_TEXT, stageOf } from '../../core/evaluation/meeting';
import { expertMayRead, markedNever } from '../../core/application/file-access';
import { MEETING_TEXT, RESULT_PUBLICITY_WORKING_DAYS, resultChecks, unansweredObjections, voteRefusal, type Member } from '../../core/evaluation/meeting.machine';
import { DECISION_TEXT, quorumMet, quorumOf, recusalProposals, recusedFrom, unusualBeforePublishing, type ExpertTies } from '../../core/evaluation/decision-rule';
import { units } from '../people.repo';
import { EVALUATED_FROM } from '../../core/review/table-reads';
import { tallyText } from '../../core/evaluation/votes';
import { unansweredRechecks } from '../../core/evaluation/recheck';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { Person } from '../../core/people/person';
import { statusText } from '../../core/review/review.machine';
import type { Round } from '../../core/round/round.schema';
import type { Doc, Store } from '../ports/store.port';
import type { FileStore } from '../ports/files.port';
import { loadRound } from '../rounds.repo';
import { applications } from '../applications/applications.repo';

type Reader = Pick<Store, 'get' | 'find'>;


export interface LoadedMeeting {
  readonly id: string;
  readonly rev: number;
  readonly meeting: MeetingRecord;
  readonly round: Round;
}

export async function loadMeeting(store: Reader, id: string): Promise<LoadedMeeting | null> {
  const found = await meetings.get(store, id);
  const round = found ? await loadRound(store, found.record.roundId) : null;
  return found && round ? { id, rev: found.rev, meeting: found.record, round } : null;
}

/** The meeting's applications, in number order. */
export async function membersOf(store: Reader, meeting: MeetingRecord): Promise<Member[]> {
  const members: Member[] = [];
  for (const id of meeting.applicationIds) {
    const found = await applications.get(store, id);
    if (found) members.push(found);
  }
  return members;
}

/**
 * Applications of the round ready for evaluation that no meeting of the round holds yet, oldest
 * submission first. A round may have thousands: the store is read a page at a time.
 */
export async function readyApplications(store: Reader, roundId: string, defenseRequired: (id: string, record: ApplicationRecord) => Promise<boolean>): Promise<string[]> {
  const held = await meetings.findAll(store, { where: [{ field: 'roundId', op: 'eq', value: roundId }] });
  const taken = new Set(held.flatMap((m) => m.record.applicationIds));
  const found = await applications.findAll(store, {
    where: [
      { field: 'roundId', op: 'eq', value: roundId },
      { field: 'status', op: 'in', values: EVALUATED_FROM },
    ],
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
  });
  const ready: string[] = [];
  for (const { id, record } of found) {
    if (taken.has(id)) continue;
    // Who must defend is evaluated once defended, not before.
    if (record.status === 'defended' || !(await defenseRequired(id, record))) ready.push(id);
  }
  return ready;
}

/** The round's experts (评审专家 whose committee serves it). */
export async function expertsOf(store: Reader, roundId: string): Promise<Person[]> {
  const experts = await people.findAll(store, { where: [{ field: 'role', op: 'eq', value: 'expert' }] });
  return experts.map((p) => p.record).filter((p) => p.rounds?.includes(roundId));
}


/** The experts with their units' names, as recusal is judged. */
export async function tiesOf(store: Reader, experts: readonly Person[]): Promise<ExpertTies[]> {
  const ties: ExpertTies[] = [];
  for (const e of experts) ties.push({ _id: e._id, name: e.name, unitId: e.unitId, unitName: e.unitId ? ((await units.get(store, e.unitId))?.record.name ?? null) : null });
  return ties;
}

export async function votesOf(store: Reader, meetingId: string): Promise<VoteDoc[]> {
  return (await votes.findAll(store, { where: [{ field: 'meetingId', op: 'eq', value: meetingId }] })).map((v) => v.record);
}


export function summaryOf(id: string, meeting: MeetingRecord, round: Round): MeetingSummary {
  const stage = stageOf(meeting);
  return { id, roundId: meeting.roundId, roundTitle: round.title, heldOn: meeting.heldOn, stage, stageText: STAGE_TEXT[stage], applications: meeting.applicationIds.length, experts: meeting.expertIds.length };
}


/**
 * The meeting for its secretary: its members and who is present, each application's tally of the
 * experts who vote on it and the result the votes reach (or why not yet), recusals and their
 * proposals, overrides with their reasons, the caps, and what blocks or stands out before publishing.
 * `experts` is the round's pool as read (names, units: `tiesOf`).
 */
export function meetingViewOf(loaded: LoadedMeeting, members: readonly Member[], votes: readonly VoteDoc[], experts: readonly ExpertTies[], readyToAdd: number, now: Date): MeetingView {
  const { id, meeting, round } = loaded;
  const stage = stageOf(meeting);
  const nameOf = (expertId: string) => experts.find((p) => p._id === expertId)?.name ?? MEETING_TEXT.expertGone;
  const { caps, blockers, decisions } = resultChecks(meeting, members, round, votes);
  const proposals = stage === 'voting' ? recusalProposals(meeting, members, experts) : [];
  const items: MeetingItem[] = members.map((m) => {
    const d = decisions.find((x) => x.applicationId === m.id)!;
    const frozen = meeting.tallies[m.id];
    const t = frozen ? { agree: frozen.agree, disagree: frozen.disagree, abstain: frozen.abstain, missing: 0 } : d.tally;
    return {
      applicationId: m.id,
      code: meeting.applicationIds.indexOf(m.id) + 1,
      applicantName: m.record.applicantName,
      label: LEVEL_LABELS[m.record.level],
      specialtyName: applicationSpecialtyName(round, m.record),
      tally: t,
      tallyText: tallyText(t),
      // What a pass needs is said only where the votes can decide (not below the quorum).
      needed: frozen?.needed ?? (meeting.attendance && d.voters.length >= quorumOf(meeting.expertIds.length) ? d.needed : 0),
      computed: frozen ? frozen.computed : d.computed,
      pending: stage === 'voting' ? d.pending : null,
      override: d.override ? { result: d.override.result, reason: d.override.reason } : null,
      result: stage === 'voting' ? d.final : (meeting.results[m.id] ?? null),
      recusals: meeting.recusals.filter((r) => r.applicationId === m.id).map((r) => ({ expertId: r.expertId, name: nameOf(r.expertId), reason: r.reason })),
      proposedRecusals: proposals.filter((p) => p.applicationId === m.id).map((p) => ({ expertId: p.expertId, name: nameOf(p.expertId), why: p.why })),
      recheck: m.record.recheck ? { reason: m.record.recheck.reason, requestedAt: m.record.recheck.requestedAt, answer: m.record.recheck.answer ? { text: m.record.recheck.answer.text, at: m.record.recheck.answer.at } : null } : null,
      status: m.record.status,
      statusText: statusText(m.record.status, m.record.unit?.route ?? 'hr'),
    };
  });
  const publicityEnded = meeting.publicity !== null && now.getTime() >= publicityOver(meeting.publicity.to).getTime();
  const mayPublicise = stage === 'published' && members.some((m) => m.record.status === 'passed');
  const today = beijingDate(now);
  return {
    ...summaryOf(id, meeting, round),
    meetingExperts: meeting.expertIds.map((e) => ({ id: e, name: nameOf(e), present: meeting.attendance ? meeting.attendance.present.includes(e) : null })),
    selectionText: meeting.selection.kind === 'draw' ? MEETING_TEXT.drawn(meeting.selection.count, meeting.selection.pool.length, meeting.selection.seed) : MEETING_TEXT.byHand,
    quorum: { needed: quorumOf(meeting.expertIds.length), present: meeting.attendance?.present.length ?? null, met: quorumMet(meeting), ruleText: DECISION_TEXT.rule(meeting.expertIds.length) },
    mayRecordAttendance: stage === 'voting' && today >= meeting.heldOn,
    items,
    caps,
    blockers: stage === 'voting' ? blockers : [],
    unusual: stage === 'voting' ? unusualBeforePublishing(meeting, decisions, { expert: nameOf, applicant: (a) => members.find((m) => m.id === a)?.record.applicantName ?? '' }) : [],
    publicity: meeting.publicity,
    readyToAdd: stage === 'voting' ? readyToAdd : 0,
    mayPublicise,
    earliestPublicityEnd: mayPublicise ? earliestPublicityEnd(nationalCalendar(), regionalCalendar(), today, RESULT_PUBLICITY_WORKING_DAYS) : null,
    mayCertify: stage === 'publicised' && publicityEnded && unansweredObjections(meeting) === 0 && unansweredRechecks(members.map((m) => m.record)) === 0,
    objections: meeting.objections.map((o) => ({
      id: o.id,
      code: meeting.applicationIds.indexOf(o.applicationId) + 1,
      applicantName: members.find((m) => m.id === o.applicationId)?.record.applicantName ?? '',
      from: o.from,
      text: o.text,
      recordedAt: o.recordedAt,
      answer: o.answer ? { text: o.answer.text, at: o.answer.at } : null,
    })),
    mayRecordObjection: stage === 'publicised' && meeting.publicity !== null && today <= meeting.publicity.to,
  };
}

// ---------------------------------------------------------------------------------------------
// The expert's side: numbers, blind texts, blind copies; nothing that names the person.

/** Whether the expert may vote now on the meeting (on an application they are not recused from), and why not. */
function votingOf(meeting: MeetingRecord, expertId: string, applicationId: string | null, today: string): { readonly open: boolean; readonly closedReason: string | null } {
  const reason = voteRefusal(meeting, expertId, applicationId ?? '', today);
  return { open: reason === null, closedReason: reason };
}

/** The applications an expert votes on: those they are recused from are neither listed nor opened. */
export function expertsMembers(meeting: MeetingRecord, members: readonly Member[], expertId: string): Member[] {
  return members.filter((m) => !recusedFrom(meeting, m.id, expertId));
}

export function panelOf(loaded: LoadedMeeting, members: readonly Member[], myVotes: readonly VoteDoc[], expertId: string, today: string): ExpertPanelView {
  const { id, meeting, round } = loaded;
  const mine = expertsMembers(meeting, members, expertId);
  return {
    meetingId: id,
    roundTitle: round.title,
    heldOn: meeting.heldOn,
    ...votingOf(meeting, expertId, mine[0]?.id ?? null, today),
    items: mine.map((m) => blindSummaryOf(meeting, round, m, myVotes)),
  };
}

function blindSummaryOf(meeting: MeetingRecord, round: Round, m: Member, myVotes: readonly VoteDoc[]): BlindSummary {
  return {
    code: meeting.applicationIds.indexOf(m.id) + 1,
    label: LEVEL_LABELS[m.record.level],
    specialtyName: applicationSpecialtyName(round, m.record),
    myVote: myVotes.find((v) => v.applicationId === m.id)?.vote ?? null,
  };
}

/**
 * One application as an expert reads it: the typed texts and entries with the name, ID number and
 * unit replaced, and URLs of the blind copies only (the masks burned in on the server) of what the
 * round lets experts see (never the ID card, the photo, the signed statements or the unit's papers);
 * PDFs (no blind copy) are named as withheld.
 */
export async function blindItemOf(loaded: LoadedMeeting, m: Member, myVotes: readonly VoteDoc[], files: Pick<FileStore, 'url'>, expertId: string, today: string): Promise<BlindItemView> {
  const { id, meeting, round } = loaded;
  const who = { name: m.record.applicantName, idNumber: m.record.idNumber, unitName: m.record.unit?.name ?? null };
  const nameOf = (code: string) => round.materials.categories.find((c) => c.code === code)?.name ?? code;
  const texts = Object.entries(m.record.texts)
    .filter(([code]) => !markedNever(round, code))
    .map(([code, text]) => ({ name: nameOf(code), text: blindText(text, who) }));
  const entries = Object.entries(m.record.entries)
    .filter(([code, rows]) => !markedNever(round, code) && rows.length > 0)
    .map(([code, rows]) => ({
      name: nameOf(code),
      rows: rows.map((row) =>
        blindText(
          Object.values(row)
            .filter((v): v is string => typeof v === 'string' && v.length > 0)
            .join(' · '),
          who,
        ),
      ),
    }));
  const images: { name: string; url: string }[] = [];
  const withheld: string[] = [];
  for (const file of m.record.files) {
    // What exists to carry identity is not shown, not even as a blind copy, nor named.
    if (!expertMayRead(round, file.category, 'blind')) continue;
    const url = file.contentType === 'image/jpeg' && file.blindRef ? await files.url(file.blindRef, 600) : null;
    if (url) images.push({ name: nameOf(file.category), url });
    // Never the original: a PDF (no blind copy is made of it) or an image without its blind copy is named, not shown.
    else withheld.push(`${nameOf(file.category)}（${file.contentType === 'application/pdf' ? 'PDF 文件' : '没有遮挡后的副本'}，请在评审会现场查阅纸质材料）`);
  }
  return {
    ...blindSummaryOf(meeting, round, m, myVotes),
    meetingId: id,
    codes: meeting.applicationIds.flatMap((a, i) => (recusedFrom(meeting, a, expertId) ? [] : [i + 1])),
    ...votingOf(meeting, expertId, m.id, today),
    texts,
    entries,
    images,
    withheld,
  };
}

export type { Doc };
