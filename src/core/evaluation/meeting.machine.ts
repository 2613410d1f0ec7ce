import type { CapLine } from '../contracts/evaluation';
import type { ApplicationRecord } from '../application/application.schema';
import { LEVEL_LABELS } from '../eligibility/labels';
import { appError, type AppError } from '../errors';
import type { ReviewCommand, ReviewStatus } from '../review/review.machine';
import { countPublicityDays, earliestPublicityEnd, publicityOver, type RegionalCalendar } from '../review/publicity';
import { chineseDate } from '../review/template-fill';
import type { HolidayCalendar } from '../time/workdays';
import { EVALUATED_FROM } from '../review/table-reads';
import type { Round } from '../round/round.schema';
import { capRefusals, checkCaps } from './pass-rate';
import { RECHECK_TEXT, unansweredRechecks } from './recheck';
import { stageOf, type MeetingRecord, type MeetingResult } from './meeting';
import { COMMITTEE_RULE, DECISION_TEXT, decisionOf, quorumMet, quorumOf, recusedFrom, type ApplicationDecision, type CastVote } from './decision-rule';

/**
 * An evaluation meeting decided in the core, like the review chain: the meeting as it is, a command
 * and the facts the server read (its applications, the round, the clock) in; the next meeting whole
 * and the move its applications make with it (each then decided by the review machine, in the same
 * commit), or a refusal, out. Stages: 评审中 → 结果已发布 → 公示中 → 已确认取得资格
 * (aksu-water-2024 三(四)).
 */
export type MeetingCommand =
  | { readonly kind: 'add'; readonly applicationIds: readonly string[] }
  | { readonly kind: 'record_attendance'; readonly present: readonly string[]; readonly by: string }
  | { readonly kind: 'recuse'; readonly applicationId: string; readonly expertId: string; readonly reason: string; readonly by: string }
  | { readonly kind: 'lift_recusal'; readonly applicationId: string; readonly expertId: string }
  | { readonly kind: 'override'; readonly applicationId: string; readonly result: MeetingResult; readonly reason: string; readonly by: string }
  | { readonly kind: 'clear_override'; readonly applicationId: string }
  | { readonly kind: 'publish' }
  | { readonly kind: 'publicise'; readonly until: string }
  | { readonly kind: 'certify' }
  | { readonly kind: 'record_objection'; readonly id: string; readonly applicationId: string; readonly from: string; readonly text: string; readonly by: string }
  | { readonly kind: 'answer_objection'; readonly id: string; readonly text: string; readonly by: string };

/** One of the meeting's applications as read. */
export interface Member {
  readonly id: string;
  readonly rev: number;
  readonly record: ApplicationRecord;
}

export interface MeetingFacts {
  readonly now: Date;
  /** Today in Beijing (YYYY-MM-DD). */
  readonly today: string;
  readonly round: Round;
  /** The meeting's applications as they are now. */
  readonly members: readonly Member[];
  /** The experts' votes on the meeting's applications (secret: the core counts them, nobody reads them). */
  readonly votes: readonly CastVote[];
  /** Xinjiang's calendar, for the publicity's working days. */
  readonly calendars: { readonly national: HolidayCalendar; readonly regional: RegionalCalendar };
}

/**
 * The results' publicity lasts at least 5 working days (《职称评审管理暂行规定》人社部令第40号
 * 第二十六条, as quoted; the notices name the regulation, yuli-initial-junior-2024 六(二)).
 */
export const RESULT_PUBLICITY_WORKING_DAYS = 5;

/** Which of the meeting's applications move with it, and by which command of the review table. */
export interface MembersMove {
  readonly members: readonly Member[];
  readonly command: (member: Member) => ReviewCommand;
  /** When the publicity of the results ends (publicise, certify). */
  readonly resultPublicityEnds: Date | null;
}

export type MeetingDecision =
  | { readonly ok: true; readonly next: MeetingRecord; readonly changed: boolean; readonly move: MembersMove | null }
  | { readonly ok: false; readonly error: AppError };

const refused = (message: string): MeetingDecision => ({ ok: false, error: appError('MEETING.REFUSED', [message]) });
const unchanged = (meeting: MeetingRecord): MeetingDecision => ({ ok: true, next: meeting, changed: false, move: null });
const changedTo = (next: MeetingRecord): MeetingDecision => ({ ok: true, next, changed: true, move: null });
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Attendance and results are recorded on the meeting's day (Beijing) or later, and only until published. */
function beforeDecisions(meeting: MeetingRecord, facts: MeetingFacts, fromTheDay: (heldOn: string) => string): MeetingDecision | null {
  if (stageOf(meeting) !== 'voting') return { ok: false, error: appError('MEETING.CLOSED') };
  if (facts.today < meeting.heldOn) return refused(fromTheDay(meeting.heldOn));
  return null;
}

/**
 * Why an expert may not vote on an application now, or null when they may: from the meeting's day,
 * once the secretary has recorded them present, unless recused from it (votes are cast only by
 * experts present: none by proxy or afterwards, 第二十一条), until the results are published.
 */
export function voteRefusal(meeting: MeetingRecord, expertId: string, applicationId: string, today: string): string | null {
  if (stageOf(meeting) !== 'voting') return MEETING_TEXT.votingClosed;
  if (today < meeting.heldOn) return MEETING_TEXT.votesFromTheDay(meeting.heldOn);
  if (!meeting.attendance) return MEETING_TEXT.noAttendanceYet;
  if (!meeting.attendance.present.includes(expertId)) return MEETING_TEXT.notPresent;
  if (recusedFrom(meeting, applicationId, expertId)) return MEETING_TEXT.recused;
  return null;
}

export function decideMeeting(meeting: MeetingRecord, command: MeetingCommand, facts: MeetingFacts): MeetingDecision {
  const stage = stageOf(meeting);
  switch (command.kind) {
    case 'add': {
      if (stage !== 'voting') return { ok: false, error: appError('MEETING.CLOSED') };
      // Numbers are only ever appended: 1号 stays 1号.
      const fresh = command.applicationIds.filter((id) => !meeting.applicationIds.includes(id));
      if (fresh.length === 0) return unchanged(meeting);
      return { ok: true, next: { ...meeting, applicationIds: [...meeting.applicationIds, ...fresh] }, changed: true, move: null };
    }
    case 'record_attendance': {
      const closed = beforeDecisions(meeting, facts, MEETING_TEXT.attendanceFromTheDay);
      if (closed) return closed;
      const strangers = command.present.filter((e) => !meeting.expertIds.includes(e));
      if (strangers.length > 0) return refused(MEETING_TEXT.notAMember);
      const present = meeting.expertIds.filter((e) => command.present.includes(e));
      if (meeting.attendance && sameSet(meeting.attendance.present, present)) return unchanged(meeting);
      return changedTo({ ...meeting, attendance: { present, at: facts.now.toISOString(), by: command.by } });
    }
    case 'recuse':
    case 'lift_recusal': {
      if (stage !== 'voting') return { ok: false, error: appError('MEETING.CLOSED') };
      if (!meeting.applicationIds.includes(command.applicationId)) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
      if (!meeting.expertIds.includes(command.expertId)) return refused(MEETING_TEXT.notAMember);
      const recused = recusedFrom(meeting, command.applicationId, command.expertId);
      if (command.kind === 'lift_recusal') {
        if (!recused) return unchanged(meeting);
        return changedTo({ ...meeting, recusals: meeting.recusals.filter((r) => r.applicationId !== command.applicationId || r.expertId !== command.expertId) });
      }
      if (recused) return unchanged(meeting);
      return changedTo({ ...meeting, recusals: [...meeting.recusals, { applicationId: command.applicationId, expertId: command.expertId, reason: command.reason, at: facts.now.toISOString(), by: command.by }] });
    }
    case 'override': {
      const closed = beforeDecisions(meeting, facts, MEETING_TEXT.resultsFromTheDay);
      if (closed) return closed;
      if (!meeting.applicationIds.includes(command.applicationId)) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
      const decision = decisionOf(meeting, command.applicationId, facts.votes);
      // Only a result the votes reached may be changed: nothing decides without the quorum and every vote.
      if (!decision.computed) return refused(MEETING_TEXT.nothingToOverride(decision.pending!));
      if (decision.computed === command.result) return refused(MEETING_TEXT.sameAsVotes(command.result));
      const kept = meeting.overrides[command.applicationId];
      if (kept && kept.result === command.result && kept.reason === command.reason) return unchanged(meeting);
      return changedTo({ ...meeting, overrides: { ...meeting.overrides, [command.applicationId]: { result: command.result, reason: command.reason, at: facts.now.toISOString(), by: command.by } } });
    }
    case 'clear_override': {
      if (stage !== 'voting') return { ok: false, error: appError('MEETING.CLOSED') };
      if (!meeting.overrides[command.applicationId]) return unchanged(meeting);
      const { [command.applicationId]: _cleared, ...rest } = meeting.overrides;
      return changedTo({ ...meeting, overrides: rest });
    }
    case 'publish': {
      // Published already (a double tap, or another secretary): nothing more to do.
      if (stage !== 'voting') return unchanged(meeting);
      const { blockers, decisions } = resultChecks(meeting, facts.members, facts.round, facts.votes);
      if (blockers.length > 0) return { ok: false, error: appError('MEETING.REFUSED', blockers) };
      // The results are the votes' (or a recorded override), kept with their tallies; every result
      // moves its application in the same commit as the meeting: all or none.
      const results = Object.fromEntries(decisions.flatMap((d) => (d.final ? [[d.applicationId, d.final]] : [])));
      const tallies = Object.fromEntries(decisions.map((d) => [d.applicationId, { agree: d.tally.agree, disagree: d.tally.disagree, abstain: d.tally.abstain, voters: d.voters.length, needed: d.needed, computed: d.computed }]));
      return {
        ok: true,
        next: { ...meeting, results, tallies, publishedAt: facts.now.toISOString() },
        changed: true,
        move: { members: facts.members, command: (m) => (results[m.id] === 'pass' ? 'evaluate_pass' : 'evaluate_fail'), resultPublicityEnds: null },
      };
    }
    case 'publicise': {
      if (stage === 'publicised' || stage === 'certified') return unchanged(meeting);
      if (stage !== 'published') return refused('请先发布评审结果，再公示。');
      if (command.until <= facts.today) return refused(`公示结束日期要在今天（${facts.today}）之后。`);
      const counted = countPublicityDays(facts.calendars.national, facts.calendars.regional, facts.today, command.until);
      if (!counted.ok) return refused(counted.error);
      if (counted.value.workingDays < RESULT_PUBLICITY_WORKING_DAYS) {
        const earliest = earliestPublicityEnd(facts.calendars.national, facts.calendars.regional, facts.today, RESULT_PUBLICITY_WORKING_DAYS);
        return refused(`评审结果公示不少于 ${RESULT_PUBLICITY_WORKING_DAYS} 个工作日：从今天到 ${chineseDate(command.until)} 只有 ${counted.value.workingDays} 个工作日${earliest ? `，最早可以公示到 ${chineseDate(earliest)}` : ''}。`);
      }
      const passed = withStatus(facts.members, 'passed');
      if (passed.length === 0) return refused('这次评审会没有通过的人，不需要公示。');
      return { ok: true, next: { ...meeting, publicity: { from: facts.today, to: command.until } }, changed: true, move: { members: passed, command: () => 'publicise', resultPublicityEnds: publicityOver(command.until) } };
    }
    case 'record_objection': {
      // The same request again (a double tap): the objection already recorded.
      if (meeting.objections.some((o) => o.id === command.id)) return unchanged(meeting);
      if (stage !== 'publicised' || !meeting.publicity || facts.today > meeting.publicity.to) return refused(MEETING_TEXT.objectionOutsidePublicity);
      const member = facts.members.find((m) => m.id === command.applicationId);
      if (!member || member.record.status !== 'publicised') return refused(MEETING_TEXT.objectionNotPublicised);
      const objection = { id: command.id, applicationId: command.applicationId, from: command.from, text: command.text, recordedAt: facts.now.toISOString(), recordedBy: command.by, answer: null };
      return { ok: true, next: { ...meeting, objections: [...meeting.objections, objection] }, changed: true, move: null };
    }
    case 'answer_objection': {
      const objection = meeting.objections.find((o) => o.id === command.id);
      if (!objection) return refused(MEETING_TEXT.noSuchObjection);
      if (objection.answer) return objection.answer.text === command.text ? unchanged(meeting) : refused(MEETING_TEXT.objectionAnswered);
      if (stage !== 'publicised') return refused(MEETING_TEXT.objectionClosed);
      const answered = { ...objection, answer: { text: command.text, at: facts.now.toISOString(), by: command.by } };
      return { ok: true, next: { ...meeting, objections: meeting.objections.map((o) => (o.id === command.id ? answered : o)) }, changed: true, move: null };
    }
    case 'certify': {
      if (stage === 'certified') return unchanged(meeting);
      if (!meeting.publicity) return refused('请先公示评审结果，公示期满后再确认取得资格。');
      const open = unansweredObjections(meeting);
      if (open > 0) return refused(MEETING_TEXT.objectionsOpen(open));
      const rechecks = unansweredRechecks(facts.members.map((m) => m.record));
      if (rechecks > 0) return refused(RECHECK_TEXT.open(rechecks));
      return {
        ok: true,
        next: { ...meeting, certifiedAt: facts.now.toISOString() },
        changed: true,
        move: { members: withStatus(facts.members, 'publicised'), command: () => 'certify', resultPublicityEnds: publicityOver(meeting.publicity.to) },
      };
    }
  }
}

/** How many objections still wait for the committee's answer. */
export function unansweredObjections(meeting: Pick<MeetingRecord, 'objections'>): number {
  return meeting.objections.filter((o) => o.answer === null).length;
}

/**
 * The secretary's commands the meeting takes now, each with what it would be given (a later day
 * for the publicity): for pages that offer only what can be done.
 */
export function canMeeting(meeting: MeetingRecord, facts: MeetingFacts): MeetingCommand['kind'][] {
  const later = earliestPublicityEnd(facts.calendars.national, facts.calendars.regional, facts.today, RESULT_PUBLICITY_WORKING_DAYS) ?? facts.today;
  const probes: MeetingCommand[] = [
    { kind: 'record_attendance', present: meeting.attendance?.present ?? meeting.expertIds, by: '' },
    { kind: 'publish' },
    { kind: 'publicise', until: later },
    { kind: 'certify' },
  ];
  return probes.filter((c) => {
    const decided = decideMeeting(meeting, c, facts);
    return decided.ok && (decided.changed || c.kind === 'record_attendance');
  }).map((c) => c.kind);
}


const withStatus = (members: readonly Member[], status: ReviewStatus) => members.filter((m) => m.record.status === status);

/**
 * What the round's caps allow of the results as the votes (and recorded overrides) decide them, each
 * application's decision, and what keeps the results from being published (no attendance, no
 * quorum, a vote not cast, a level above its cap): the same lines the secretary's page shows.
 */
export function resultChecks(
  meeting: MeetingRecord,
  members: readonly Pick<Member, 'id' | 'record'>[],
  round: Round,
  votes: readonly CastVote[],
): { caps: CapLine[]; blockers: string[]; decisions: ApplicationDecision[] } {
  const decisions = meeting.applicationIds.map((id) => decisionOf(meeting, id, votes));
  const finalOf = (id: string) => (stageOf(meeting) === 'voting' ? decisions.find((d) => d.applicationId === id)?.final : meeting.results[id]);
  // Everyone the meeting evaluates counts, whether the votes have decided yet or not.
  const checks = checkCaps(
    round,
    members.map((m) => ({ level: m.record.level, pass: finalOf(m.id) === 'pass' })),
  );
  const caps = checks.map((c) => ({
    levelLabel: LEVEL_LABELS[c.level],
    evaluated: c.evaluated,
    passes: c.passes,
    allowed: c.allowed,
    over: c.excess > 0,
    text:
      c.allowed === null
        ? `${LEVEL_LABELS[c.level]}：评审 ${c.evaluated} 人，通过 ${c.passes} 人（本批次通知未规定通过率）`
        : `${LEVEL_LABELS[c.level]}：评审 ${c.evaluated} 人，通过 ${c.passes} 人，最多 ${c.allowed} 人（不高于 ${c.percent}%，${c.source!.clause}）`,
  }));
  if (members.length === 0) return { caps, blockers: ['这次评审会还没有申报。'], decisions };
  const quorum = quorumOf(meeting.expertIds.length);
  const codeOf = (id: string) => `${meeting.applicationIds.indexOf(id) + 1}号`;
  const open = decisions.filter((d) => d.pending && EVALUATED_FROM.includes(members.find((m) => m.id === d.applicationId)?.record.status ?? 'draft'));
  const blockers = !meeting.attendance
    ? [MEETING_TEXT.recordAttendanceFirst]
    : !quorumMet(meeting)
      ? [MEETING_TEXT.noQuorum(meeting.attendance.present.length, quorum, meeting.expertIds.length)]
      : [...open.map((d) => `${codeOf(d.applicationId)}：${d.pending}`), ...capRefusals(checks).map((r) => `${r}${MEETING_TEXT.capChoice}`)];
  return { caps, blockers, decisions };
}

/** What the secretary reads of a meeting beside its decisions. */
export const MEETING_TEXT = {
  heldOn: '评审会日期',
  /** An application the meeting could not move, by its number. */
  memberRefused: (number: number, name: string, reason: string) => `${number}号 ${name}：${reason}`,
  expertGone: '（已不在专家库）',
  byHand: '由秘书从本批次专家库中选定',
  drawn: (count: number, pool: number, seed: number) => `从本批次专家库 ${pool} 位中随机抽取 ${count} 位（抽取种子 ${seed}，可复核）`,
  votesFromTheDay: (heldOn: string) => `评审会在${chineseDate(heldOn)}召开，当天起才能表决。`,
  resultsFromTheDay: (heldOn: string) => `评审会在${chineseDate(heldOn)}召开，当天起才能记录评审结果。`,
  attendanceFromTheDay: (heldOn: string) => `评审会在${chineseDate(heldOn)}召开，当天才能登记到会专家。`,
  votingClosed: '评审结果已发布，表决已结束。',
  recordAfterPublishing: '评审结果发布后才能导出会议记录：记录的是表决和发布的结果。',
  noAttendanceYet: '秘书登记到会专家后才能表决，请稍后再试。',
  notPresent: '您没有登记为到会专家，不能表决：评审专家不能委托他人或会后补投。如您已到会，请联系秘书登记。',
  recused: '您已回避这份申报，不参加对它的表决。',
  notAMember: '这位专家不是这次评审会的评审专家，请重新选择。',
  recordAttendanceFirst: '还没有登记到会专家：评审会当天请先登记到会的评审专家。',
  noQuorum: (present: number, quorum: number, members: number) =>
    `到会专家 ${present} 位，不到 ${quorum} 位（${members} 位评审专家的三分之二，${COMMITTEE_RULE.quorum.article}）：不能表决，也不能记录评审结果。`,
  nothingToOverride: (pending: string) => `表决还没有结果（${pending}），不能改判。`,
  sameAsVotes: (result: MeetingResult) => `表决结果就是“${DECISION_TEXT.resultText[result]}”，不需要改判。`,
  capChoice: '通知只规定通过率“不高于”，没有规定超出时如何取舍：请按评审会的决定把多出的人改为“不通过”，并写明理由。',
  objectionOutsidePublicity: '只有公示期内的异议才在这里登记：这次评审会现在不在公示期。',
  objectionNotPublicised: '异议只能针对正在公示的人员，请重新选择。',
  noSuchObjection: '没有找到这条异议，请刷新后再试。',
  objectionAnswered: '这条异议已经答复过了。',
  objectionClosed: '公示已经结束并确认，不能再答复。',
  objectionsOpen: (n: number) => `还有 ${n} 条异议没有答复：答复后才能确认取得资格。`,
} as const;
