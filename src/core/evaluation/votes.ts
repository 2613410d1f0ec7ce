import * as z from 'zod';

/** An expert's vote on one application (评审专家表决). */
export const Vote = z.enum(['agree', 'disagree', 'abstain'], { message: '请选择同意、不同意或弃权' });
export type Vote = z.infer<typeof Vote>;

export const VOTE_TEXT: Readonly<Record<Vote, string>> = { agree: '同意', disagree: '不同意', abstain: '弃权' };

export interface Tally {
  readonly agree: number;
  readonly disagree: number;
  readonly abstain: number;
  /** Experts of the meeting who have not voted yet. */
  readonly missing: number;
}

/** Counts the votes cast on one application by the meeting's experts; votes of others are not counted. */
export function tally(votes: readonly { readonly expertId: string; readonly vote: Vote }[], expertIds: readonly string[]): Tally {
  const counted = votes.filter((v) => expertIds.includes(v.expertId));
  const count = (vote: Vote) => counted.filter((v) => v.vote === vote).length;
  const voted = new Set(counted.map((v) => v.expertId));
  return { agree: count('agree'), disagree: count('disagree'), abstain: count('abstain'), missing: expertIds.filter((id) => !voted.has(id)).length };
}

/** The tally in one line: 同意 3，不同意 1，弃权 0，未投 1. */
export function tallyText(t: Tally): string {
  return `同意 ${t.agree}，不同意 ${t.disagree}，弃权 ${t.abstain}${t.missing > 0 ? `，未投 ${t.missing}` : ''}`;
}

/**
 * The votes' rule: an application passes when 同意 reaches two thirds of the experts (《职称评审管理
 * 暂行规定》人社部令第40号 第二十一条, as quoted: of the experts attending; until attendance is
 * recorded, the meeting's experts).
 */
export function agreesNeeded(experts: number): number {
  return Math.ceil((2 * experts) / 3);
}

/**
 * What stands out before the results are published, for the secretary's confirmation: experts who
 * have not voted, and each recorded result that the votes do not carry.
 */
export function unusualBeforePublishing(items: readonly { readonly code: number; readonly applicantName: string; readonly result: 'pass' | 'fail' | null; readonly tally: Tally }[], experts: number): string[] {
  const needed = agreesNeeded(experts);
  const unvoted = items.filter((i) => i.tally.missing > 0).map((i) => `${i.code}号`);
  const against = items.flatMap((i) => {
    if (i.result === 'pass' && i.tally.agree < needed) return [`${i.code}号 ${i.applicantName}：记录为通过，但同意票 ${i.tally.agree} 张，不到 ${needed} 张（${experts} 位专家的三分之二）`];
    if (i.result === 'fail' && i.tally.agree >= needed) return [`${i.code}号 ${i.applicantName}：记录为不通过，但同意票已有 ${i.tally.agree} 张（${experts} 位专家的三分之二是 ${needed} 张）`];
    return [];
  });
  return [...(unvoted.length > 0 ? [`${unvoted.length} 份有专家还没有投票：${unvoted.join('、')}`] : []), ...against];
}
