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
