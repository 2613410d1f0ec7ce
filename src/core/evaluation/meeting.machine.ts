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
import { stageOf, type MeetingRecord, type MeetingResult } from './meeting';

/**
 * An evaluation meeting decided in the core, like the review chain: the meeting as it is, a command
 * and the facts the server read (its applications, the round, the clock) in; the next meeting whole
 * and the move its applications make with it (each then decided by the review machine, in the same
 * commit), or a refusal, out. Stages: 评审中 → 结果已发布 → 公示中 → 已确认取得资格
 * (aksu-water-2024 三(四)).
 */
export type MeetingCommand =
  | { readonly kind: 'add'; readonly applicationIds: readonly string[] }
  | { readonly kind: 'record_result'; readonly applicationId: string; readonly result: MeetingResult }
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
    case 'record_result':
      if (stage !== 'voting') return { ok: false, error: appError('MEETING.CLOSED') };
      if (facts.today < meeting.heldOn) return refused(MEETING_TEXT.resultsFromTheDay(meeting.heldOn));
      if (!meeting.applicationIds.includes(command.applicationId)) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
      if (meeting.results[command.applicationId] === command.result) return unchanged(meeting);
      return { ok: true, next: { ...meeting, results: { ...meeting.results, [command.applicationId]: command.result } }, changed: true, move: null };
    case 'publish': {
      // Published already (a double tap, or another secretary): nothing more to do.
      if (stage !== 'voting') return unchanged(meeting);
      const { blockers } = resultChecks(meeting, facts.members, facts.round);
      if (blockers.length > 0) return { ok: false, error: appError('MEETING.REFUSED', blockers) };
      // Every result moves its application in the same commit as the meeting: all or none.
      return {
        ok: true,
        next: { ...meeting, publishedAt: facts.now.toISOString() },
        changed: true,
        move: { members: facts.members, command: (m) => (meeting.results[m.id] === 'pass' ? 'evaluate_pass' : 'evaluate_fail'), resultPublicityEnds: null },
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
    { kind: 'record_result', applicationId: meeting.applicationIds[0] ?? '', result: 'pass' },
    { kind: 'publish' },
    { kind: 'publicise', until: later },
    { kind: 'certify' },
  ];
  return probes.filter((c) => {
    const decided = decideMeeting(meeting, c, facts);
    return decided.ok && (decided.changed || c.kind === 'record_result');
  }).map((c) => c.kind);
}

/** Whether experts may vote on the meeting's applications now: from the meeting's day (Beijing) until its results are published. */
export function votingOpen(meeting: MeetingRecord, today: string): boolean {
  return stageOf(meeting) === 'voting' && today >= meeting.heldOn;
}

const withStatus = (members: readonly Member[], status: ReviewStatus) => members.filter((m) => m.record.status === status);

/**
 * What the round's caps allow and what keeps the results from being published (a result not
 * recorded, a level above its cap): the same lines the secretary's page shows.
 */
export function resultChecks(meeting: MeetingRecord, members: readonly Pick<Member, 'id' | 'record'>[], round: Round): { caps: CapLine[]; blockers: string[] } {
  // Everyone the meeting evaluates counts, whether their result is recorded yet or not.
  const checks = checkCaps(
    round,
    members.map((m) => ({ level: m.record.level, pass: meeting.results[m.id] === 'pass' })),
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
  const missing = members.filter((m) => !meeting.results[m.id] && EVALUATED_FROM.includes(m.record.status));
  if (members.length === 0) return { caps, blockers: ['这次评审会还没有申报。'] };
  const blockers = [...(missing.length > 0 ? [`还有 ${missing.length} 份没有记录结果：${missing.map((m) => `${meeting.applicationIds.indexOf(m.id) + 1}号`).join('、')}`] : []), ...capRefusals(checks)];
  return { caps, blockers };
}

/** What the secretary reads of a meeting beside its decisions. */
export const MEETING_TEXT = {
  heldOn: '评审会日期',
  /** An application the meeting could not move, by its number. */
  memberRefused: (number: number, name: string, reason: string) => `${number}号 ${name}：${reason}`,
  expertGone: '（已不在专家库）',
  votesFromTheDay: (heldOn: string) => `评审会在${chineseDate(heldOn)}召开，当天起才能表决。`,
  resultsFromTheDay: (heldOn: string) => `评审会在${chineseDate(heldOn)}召开，当天起才能记录评审结果。`,
  objectionOutsidePublicity: '只有公示期内的异议才在这里登记：这次评审会现在不在公示期。',
  objectionNotPublicised: '异议只能针对正在公示的人员，请重新选择。',
  noSuchObjection: '没有找到这条异议，请刷新后再试。',
  objectionAnswered: '这条异议已经答复过了。',
  objectionClosed: '公示已经结束并确认，不能再答复。',
  objectionsOpen: (n: number) => `还有 ${n} 条异议没有答复：答复后才能确认取得资格。`,
} as const;
