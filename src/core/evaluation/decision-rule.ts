import type { ApplicationRecord } from '../application/application.schema';
import type { MeetingRecord, MeetingResult, Override } from './meeting';
import { tally, type Tally, type Vote } from './votes';

/**
 * How a meeting decides, by 《职称评审管理暂行规定》(人力资源社会保障部令第40号), the regulation the
 * notices name for the committee's work (yuli-initial-junior-2024 六(二)). Its own text could not be
 * read here; the articles are as widely quoted:
 * - 第二十条: the experts attending are no fewer than two thirds of the committee's members;
 * - 第二十一条: 少数服从多数, 无记名投票; an application passes when 同意 reaches two thirds of the experts
 *   attending; experts not at the meeting may not vote by proxy or afterwards;
 * - 第二十五条: an expert with an interest in an application recuses (回避).
 * The same rule for every round (a committee default, not a notice's): no notice sets another.
 */
export const COMMITTEE_RULE = {
  quorum: { numerator: 2, denominator: 3, article: '《职称评审管理暂行规定》第二十条' },
  pass: { numerator: 2, denominator: 3, article: '《职称评审管理暂行规定》第二十一条' },
} as const;

const share = (n: number, rule: { readonly numerator: number; readonly denominator: number }) => Math.ceil((n * rule.numerator) / rule.denominator);

/** Experts who must attend for the meeting to decide: two thirds of its members, rounded up (3 → 2, 7 → 5). */
export function quorumOf(members: number): number {
  return share(members, COMMITTEE_RULE.quorum);
}

/** 同意 votes an application needs: two thirds of the experts who vote on it, rounded up (2 → 2, 3 → 2, 7 → 5). */
export function agreesNeeded(voters: number): number {
  return share(voters, COMMITTEE_RULE.pass);
}

/** One expert's vote as cast (secret: only the tally leaves the server, and each expert's own). */
export interface CastVote {
  readonly expertId: string;
  readonly applicationId: string;
  readonly vote: Vote;
}

/** One application of a meeting as its votes decide it. */
export interface ApplicationDecision {
  readonly applicationId: string;
  /** The experts who vote on it: present at the meeting and not recused from it. */
  readonly voters: readonly string[];
  /** Votes of those experts only; `missing` counts those of them who have not voted. */
  readonly tally: Tally;
  readonly needed: number;
  /** What the votes decide, or null while they cannot (`pending` says why). */
  readonly computed: MeetingResult | null;
  readonly pending: string | null;
  readonly override: Override | null;
  /** The result as it would be published: the override, or else the votes'. */
  readonly final: MeetingResult | null;
}

/** Whether the experts present reach the quorum of the meeting's members. */
export function quorumMet(meeting: Pick<MeetingRecord, 'attendance' | 'expertIds'>): boolean {
  return meeting.attendance !== null && meeting.attendance.present.length >= quorumOf(meeting.expertIds.length);
}

export function recusedFrom(meeting: Pick<MeetingRecord, 'recusals'>, applicationId: string, expertId: string): boolean {
  return meeting.recusals.some((r) => r.applicationId === applicationId && r.expertId === expertId);
}

/**
 * How the votes decide one application: of the experts present and not recused, at least the
 * quorum of the meeting's members must be able to vote, every one of them must have voted, and
 * 同意 must reach two thirds of them. Votes of anyone else (absent, recused, not a member) never count.
 */
export function decisionOf(meeting: Pick<MeetingRecord, 'attendance' | 'expertIds' | 'recusals' | 'overrides'>, applicationId: string, votes: readonly CastVote[]): ApplicationDecision {
  const voters = (meeting.attendance?.present ?? []).filter((e) => meeting.expertIds.includes(e) && !recusedFrom(meeting, applicationId, e));
  const counted = tally(
    votes.filter((v) => v.applicationId === applicationId),
    voters,
  );
  const needed = agreesNeeded(voters.length);
  const quorum = quorumOf(meeting.expertIds.length);
  const pending = !meeting.attendance
    ? DECISION_TEXT.noAttendance
    : voters.length < quorum
      ? DECISION_TEXT.belowQuorum(voters.length, quorum, meeting.expertIds.length)
      : counted.missing > 0
        ? DECISION_TEXT.votesMissing(counted.missing)
        : null;
  const computed = pending ? null : counted.agree >= needed ? 'pass' : 'fail';
  const override = meeting.overrides[applicationId] ?? null;
  return { applicationId, voters, tally: counted, needed, computed, pending, override, final: computed && (override?.result ?? computed) };
}

export const DECISION_TEXT = {
  noAttendance: '还没有登记到会专家',
  belowQuorum: (voters: number, quorum: number, members: number) => `能表决的专家 ${voters} 位，不到 ${quorum} 位（${members} 位评审专家的三分之二），不能作出评审结果`,
  votesMissing: (n: number) => `还有 ${n} 位到会专家没有投票`,
  sameUnit: '与申报人同一单位',
  declared: (unit: string | null, reason: string) => `申报人申请回避${unit ? `（${unit}）` : ''}：${reason}`,
  /** The rule in one line, for the secretary's page. */
  rule: (members: number) => `到会专家不少于 ${quorumOf(members)} 位（${members} 位的三分之二，${COMMITTEE_RULE.quorum.article}）才能表决；同意票达到能表决专家的三分之二为通过（${COMMITTEE_RULE.pass.article}）。`,
  resultText: { pass: '通过', fail: '不通过' } as Readonly<Record<MeetingResult, string>>,
} as const;

/**
 * What the secretary confirms before publishing beside what blocks it: experts absent, experts
 * recused, and each result recorded against its votes with the reason recorded for it.
 */
export function unusualBeforePublishing(
  meeting: Pick<MeetingRecord, 'attendance' | 'expertIds' | 'recusals' | 'applicationIds'>,
  decisions: readonly ApplicationDecision[],
  nameOf: { readonly expert: (id: string) => string; readonly applicant: (applicationId: string) => string },
): string[] {
  const code = (applicationId: string) => `${meeting.applicationIds.indexOf(applicationId) + 1}号`;
  const absent = meeting.attendance ? meeting.expertIds.filter((e) => !meeting.attendance!.present.includes(e)) : [];
  return [
    ...(absent.length > 0 ? [`缺席专家 ${absent.length} 位：${absent.map(nameOf.expert).join('、')}（不能委托或会后补投）`] : []),
    ...meeting.recusals.map((r) => `${code(r.applicationId)} ${nameOf.applicant(r.applicationId)}：${nameOf.expert(r.expertId)} 回避（${r.reason}）`),
    ...decisions.flatMap((d) =>
      d.override && d.computed && d.override.result !== d.computed
        ? [`${code(d.applicationId)} ${nameOf.applicant(d.applicationId)}：表决${DECISION_TEXT.resultText[d.computed]}（同意 ${d.tally.agree} 张，需要 ${d.needed} 张），改为${DECISION_TEXT.resultText[d.override.result]}，理由：${d.override.reason}`]
        : [],
    ),
  ];
}

/** Why an expert is proposed for recusal on an application (第二十五条): the secretary confirms. */
export interface RecusalProposal {
  readonly applicationId: string;
  readonly expertId: string;
  readonly why: string;
}

/** An expert as recusal is judged: their name and unit. */
export interface ExpertTies {
  readonly _id: string;
  readonly name: string;
  readonly unitId: string | null;
  readonly unitName: string | null;
}

/** Names compared as people type them: spaces and the middle dot of transliterated names ignored. */
const sameName = (a: string, b: string) => a.replace(/[\s·•]/g, '') === b.replace(/[\s·•]/g, '');

/**
 * Experts the product proposes to recuse from an application, unless already recused: one of the
 * applicant's own unit, and one the applicant named when submitting (申请回避: the person, or an
 * expert of the unit named). The secretary confirms each (第二十五条, as quoted).
 */
export function recusalProposals(
  meeting: Pick<MeetingRecord, 'recusals' | 'expertIds'>,
  members: readonly { readonly id: string; readonly record: Pick<ApplicationRecord, 'unit' | 'conflicts'> }[],
  experts: readonly ExpertTies[],
): RecusalProposal[] {
  return members.flatMap((m) =>
    experts
      .filter((e) => meeting.expertIds.includes(e._id) && !recusedFrom(meeting, m.id, e._id))
      .flatMap((e) => {
        const why = tiesOf(e, m.record);
        return why ? [{ applicationId: m.id, expertId: e._id, why }] : [];
      }),
  );
}

function tiesOf(expert: ExpertTies, record: Pick<ApplicationRecord, 'unit' | 'conflicts'>): string | null {
  if (expert.unitId !== null && expert.unitId === record.unit?.unitId) return DECISION_TEXT.sameUnit;
  const declared = record.conflicts.find((c) => (c.kind === 'person' ? sameName(c.name, expert.name) : expert.unitName !== null && sameName(c.name, expert.unitName)));
  return declared ? DECISION_TEXT.declared(declared.kind === 'unit' ? declared.name : null, declared.reason) : null;
}
