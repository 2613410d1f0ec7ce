import { z } from 'zod';
import { action } from './contract';
import type { Role } from '../people/person';
import type { EmploymentKind, Round, UnitLevel } from '../round/round.schema';
import { Profile } from '../eligibility/profile';

/** What the home page shows about the signed-in person. */
export interface MeView {
  readonly personId: string;
  readonly name: string;
  readonly role: Role;
  readonly roleLabel: string;
  readonly unitName: string | null;
  /** The unit's kind and level, which the self-check starts from (null without a unit). */
  readonly unitKind: EmploymentKind | null;
  readonly unitLevel: UnitLevel | null;
  readonly prefecture: string;
  readonly county: string | null;
  /** The server's clock when it answered (ISO 8601): the app's "now" comes from it, not the phone. */
  readonly serverTime: string;
}

/** A round as listed on the home page. */
export interface RoundSummary {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly year: number;
  readonly region: string;
  /** The earliest apply window start and latest end, ISO instants with +08:00. */
  readonly applyFrom: string | null;
  readonly applyUntil: string | null;
}

/** An official notice as text, with the file name the round's sources cite. */
export interface NoticeText {
  readonly roundId: string;
  readonly file: string;
  readonly text: string;
}

const Empty = z.strictObject({});
const RoundId = z.string().trim().min(1, '请选择评审批次').max(80, '评审批次编号过长');

/** Every function, every action, its payload schema and its result type. */
export const api = {
  account: {
    me: action<MeView>()(Empty),
  },
  rounds: {
    list: action<readonly RoundSummary[]>()(
      z.strictObject({ year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional() }),
    ),
    get: action<Round>()(z.strictObject({ roundId: RoundId })),
    /** The official notice a round was made from, as its text: the authority its clauses cite. */
    notice: action<NoticeText>()(z.strictObject({ roundId: RoundId })),
  },
  eligibility: {
    /**
     * Saves the self-check's answers for this round, so the application starts from them on any
     * phone. The verdict itself is computed on the phone by the same core; nothing here repeats it.
     */
    saveAnswers: action<{ readonly roundId: string; readonly savedAt: string }>()(z.strictObject({ roundId: RoundId, profile: Profile })),
    /** The answers saved by the last `assess`, or null. */
    profile: action<{ readonly roundId: string; readonly profile: Profile; readonly savedAt: string } | null>()(Empty),
  },
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type ContractOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A];
export type PayloadOf<F extends FunctionName, A extends ActionName<F>> =
  ContractOf<F, A> extends { payload: infer P extends z.ZodType } ? z.input<P> : never;
export type ResultOf<F extends FunctionName, A extends ActionName<F>> =
  ContractOf<F, A> extends { result?: infer R } ? R : never;
