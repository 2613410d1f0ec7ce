import { LEVEL_LABELS } from '../eligibility/labels';
import type { ApplicationRecord } from '../application/application.schema';
import type { Round } from '../round/round.schema';
import { COMMITTEE_RULE, DECISION_TEXT, quorumOf } from '../evaluation/decision-rule';
import type { MeetingRecord } from '../evaluation/meeting';
import { MEETING_TEXT } from '../evaluation/meeting.machine';
import { checkCaps } from '../evaluation/pass-rate';
import { chineseDate } from '../review/template-fill';
import { formatBeijingDateTime } from '../time/format';

/** What the meeting record is made from: the published meeting, its applications, the names of its experts. */
export interface MeetingRecordFacts {
  readonly meeting: MeetingRecord;
  readonly round: Round;
  readonly members: readonly { readonly id: string; readonly record: Pick<ApplicationRecord, 'applicantName' | 'level'> & { readonly specialtyName: string } }[];
  readonly expertName: (id: string) => string;
  readonly secretaryName: string;
}

/** One row of the record's table of results. */
export interface MeetingRecordRow {
  readonly code: string;
  readonly name: string;
  readonly applied: string;
  readonly voters: string;
  readonly agree: string;
  readonly disagree: string;
  readonly abstain: string;
  readonly computed: string;
  readonly result: string;
}

/**
 * The meeting record (会议记录, 《职称评审管理暂行规定》第二十三条 as quoted: the experts attending,
 * the applications evaluated, the vote results, archived): who was chosen and how, who attended and
 * who was absent, the quorum, each application's tally and result, the recusals, every result
 * changed against its votes with the reason, the caps. Made from what the meeting keeps once its
 * results are published (the tallies are frozen then), so the same record comes out whenever it is
 * asked for. For the committee's archive: it names the experts, so it is never shown to applicants.
 */
export function meetingRecordFields({ meeting, round, members, expertName, secretaryName }: MeetingRecordFacts) {
  const code = (id: string) => `${meeting.applicationIds.indexOf(id) + 1}号`;
  const applicant = (id: string) => members.find((m) => m.id === id)?.record.applicantName ?? '';
  const present = meeting.attendance?.present ?? [];
  const absent = meeting.expertIds.filter((e) => !present.includes(e));
  const resultText = (r: 'pass' | 'fail' | null | undefined) => (r ? DECISION_TEXT.resultText[r] : '—');
  const items: MeetingRecordRow[] = members.map((m) => {
    const t = meeting.tallies[m.id];
    return {
      code: code(m.id),
      name: m.record.applicantName,
      applied: `${LEVEL_LABELS[m.record.level]} ${m.record.specialtyName}`,
      voters: String(t?.voters ?? ''),
      agree: String(t?.agree ?? ''),
      disagree: String(t?.disagree ?? ''),
      abstain: String(t?.abstain ?? ''),
      computed: resultText(t?.computed),
      result: resultText(meeting.results[m.id]),
    };
  });
  const caps = checkCaps(
    round,
    members.map((m) => ({ level: m.record.level, pass: meeting.results[m.id] === 'pass' })),
  ).map((c) => ({ line: `${LEVEL_LABELS[c.level]}：评审 ${c.evaluated} 人，通过 ${c.passes} 人${c.allowed === null ? '（本批次未规定通过率）' : `，通过率不高于 ${c.percent}%（${c.source!.clause}），最多 ${c.allowed} 人`}` }));
  return {
    roundTitle: round.title,
    heldOn: chineseDate(meeting.heldOn),
    members: meeting.expertIds.map(expertName).join('、'),
    memberCount: String(meeting.expertIds.length),
    selection: meeting.selection.kind === 'draw' ? MEETING_TEXT.drawn(meeting.selection.count, meeting.selection.pool.length, meeting.selection.seed) : MEETING_TEXT.byHand,
    present: present.map(expertName).join('、') || '无',
    presentCount: String(present.length),
    absent: absent.map(expertName).join('、') || '无',
    quorumRule: `到会专家不少于 ${quorumOf(meeting.expertIds.length)} 位（${meeting.expertIds.length} 位的三分之二，${COMMITTEE_RULE.quorum.article}）；同意票达到表决专家的三分之二为通过（${COMMITTEE_RULE.pass.article}）`,
    items,
    recusals: meeting.recusals.map((r) => ({ line: `${code(r.applicationId)} ${applicant(r.applicationId)}：${expertName(r.expertId)} 回避，理由：${r.reason}` })),
    overrides: Object.entries(meeting.overrides).map(([id, o]) => ({ line: `${code(id)} ${applicant(id)}：表决${resultText(meeting.tallies[id]?.computed)}，改为${resultText(o.result)}，理由：${o.reason}` })),
    caps,
    publishedAt: meeting.publishedAt ? formatBeijingDateTime(new Date(meeting.publishedAt)) : '—',
    publicity: meeting.publicity ? `${chineseDate(meeting.publicity.from)}至${chineseDate(meeting.publicity.to)}` : '尚未公示',
    secretary: secretaryName,
  };
}
