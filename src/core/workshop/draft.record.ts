import * as z from 'zod';
import { Profile } from '../eligibility/profile';
import type { RoundShape } from '../round/round.schema';
import type { FoundValue } from './notice-finder';

/**
 * A workshop draft as the server stores it (`roundDrafts`). Only the server parses it: the app
 * reads a draft as its view (`draft.view.ts`), so these schemas never ship in the mini-program.
 */
export const TestPerson = z.strictObject({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1, '请填写测试人员的称呼').max(20, '称呼不超过20个字'),
  profile: Profile,
});
export type TestPerson = z.infer<typeof TestPerson>;

export const DraftCandidate = z.strictObject({
  id: z.string().min(1),
  /** What the finder proposed (`FoundValue`), kept as found. */
  value: z.custom<FoundValue>((v) => typeof v === 'object' && v !== null && 'kind' in v),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  decision: z.enum(['pending', 'accepted', 'corrected', 'dismissed']),
  /** The field it went into, once accepted. */
  target: z.string().nullable(),
});
export type DraftCandidate = z.infer<typeof DraftCandidate>;

export const RoundDraftRecord = z.strictObject({
  roundId: z.string().min(1),
  /** The prefecture of the round's region: the drafts an office lists are its prefecture's. */
  prefecture: z.string().min(1),
  year: z.number().int(),
  /** `new_year`: next year's round from this one; `correction`: a new version of the same round; `empty`: a round started from nothing. */
  kind: z.enum(['new_year', 'correction', 'empty']),
  /** The published round it was copied from (none for `empty`). */
  basedOn: z.strictObject({ roundId: z.string().min(1), version: z.number().int().positive() }).nullable(),
  round: z.custom<RoundShape>((v) => typeof v === 'object' && v !== null),
  noticeText: z.string().nullable(),
  candidates: z.array(DraftCandidate),
  toFill: z.array(z.string()),
  /** The accepted passage behind each field, as offsets into `noticeText`. */
  clauses: z.record(z.string(), z.strictObject({ start: z.number().int(), end: z.number().int() })),
  /** The fields last written by hand: they cite their clause without a quote (the typed value is not the notice's words). */
  byHand: z.array(z.string()).default([]),
  /**
   * The fields a new year's copy carried from last year (fees, contacts, limits, …) that nobody has yet
   * taken from the new notice, typed, or confirmed as unchanged: publishing waits for each.
   */
  unchecked: z.array(z.string()).default([]),
  /**
   * For a round begun from nothing: the person id of the committee secretary whose committee evaluates
   * it (a copied round keeps the committee of the round it was copied from).
   */
  committee: z.string().nullable().default(null),
  /** The keys of what this draft added to the round (series, windows, fees, contacts, materials): only these can be removed. */
  added: z.array(z.string()).default([]),
  testPeople: z.array(TestPerson).max(10),
  status: z.enum(['draft', 'published']),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoundDraftRecord = z.infer<typeof RoundDraftRecord>;
