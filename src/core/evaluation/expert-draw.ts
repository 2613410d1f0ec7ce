import { err, ok, type Result } from '../result';
import { seededShuffle } from '../draw/seeded-shuffle';
import type { ExpertSelection } from './meeting';

/**
 * The fewest experts a meeting may have. The regulation sets the committee's size (its own members,
 * in the tens for senior titles) but not a meeting's; with fewer than three, two thirds is everyone
 * and one absence stops the meeting. A product rule, not a notice's.
 */
export const MEETING_MIN_EXPERTS = 3;

/** How the secretary asks for the meeting's experts. */
export type ExpertChoice = { readonly kind: 'hand'; readonly expertIds: readonly string[] } | { readonly kind: 'draw'; readonly count: number };

/**
 * The meeting's members from the round's pool (专家库): those the secretary picked, in the pool's
 * order, or `count` drawn by the seed the server drew (the pool in a fixed order, shuffled by the
 * seed: the same pool and seed give the same experts, so the draw can be checked afterwards).
 */
export function chooseExperts(pool: readonly string[], choice: ExpertChoice, seed: number): Result<{ expertIds: string[]; selection: ExpertSelection }, string> {
  if (pool.length < MEETING_MIN_EXPERTS) return err(DRAW_TEXT.poolTooSmall(pool.length));
  if (choice.kind === 'hand') {
    if (choice.expertIds.some((e) => !pool.includes(e))) return err(DRAW_TEXT.notInPool);
    const expertIds = pool.filter((e) => choice.expertIds.includes(e));
    if (expertIds.length < MEETING_MIN_EXPERTS) return err(DRAW_TEXT.tooFew(expertIds.length));
    return ok({ expertIds, selection: { kind: 'hand' } });
  }
  if (choice.count < MEETING_MIN_EXPERTS) return err(DRAW_TEXT.tooFew(choice.count));
  if (choice.count > pool.length) return err(DRAW_TEXT.drawTooMany(choice.count, pool.length));
  const ordered = [...pool].sort();
  return ok({ expertIds: seededShuffle(ordered, seed).slice(0, choice.count), selection: { kind: 'draw', seed, pool: ordered, count: choice.count } });
}

export const DRAW_TEXT = {
  poolTooSmall: (n: number) => `本批次的专家库只有 ${n} 位评审专家，评审会至少要 ${MEETING_MIN_EXPERTS} 位：请联系管理员增加评审专家。`,
  notInPool: '所选的专家不在本批次的专家库中，请刷新后重新选择。',
  tooFew: (n: number) => `评审会至少要有 ${MEETING_MIN_EXPERTS} 位评审专家，现在选了 ${n} 位。`,
  drawTooMany: (n: number, pool: number) => `专家库只有 ${pool} 位评审专家，不能抽取 ${n} 位。`,
} as const;
