import type { Channel, Level, MaskItem, MaterialRecord, Source, Way } from '../round/round.schema';
import type { ReasonCode } from './reason.codes';

/**
 * What `assess(profile, round, asOf)` answers: one entry per level × way × channel the round
 * offers (or forwards), each with its verdict and every reason behind it.
 */

/**
 * - `eligible`: every condition the notice states is met.
 * - `eligible_if`: nothing fails, but something is missing or cannot be judged (see `missing`).
 * - `not_yet`: a time condition fails now and will hold on `earliestDate`.
 * - `ineligible`: a condition fails that time will not cure.
 */
export type Verdict = 'eligible' | 'eligible_if' | 'not_yet' | 'ineligible';

/**
 * One reason: `pass` / `fail` a condition; `later` fails now but time cures it (see
 * `earliestDate`); `unknown` the applicant did not know the answer, or can still settle it before
 * applying (this year's continuing-education hours); `cannot_judge` the rule is not in the notice
 * (named in the message); `info` context such as an exemption that applied.
 */
export type ReasonOutcome = 'pass' | 'fail' | 'later' | 'unknown' | 'cannot_judge' | 'info';

export interface Reason {
  /** Dotted, stable, from the registry: `EXCLUSION.RETIRED`, `INITIAL.YEARS`, `CE.HOURS`, … */
  readonly code: ReasonCode;
  readonly outcome: ReasonOutcome;
  /** Plain Chinese, specific to this person: 本科毕业满 1 年即可初定，您截至 2024-12-31 已满 1 年。 */
  readonly message: string;
  readonly source: Source;
  /** For `later`: the Beijing date (YYYY-MM-DD) from which the condition holds. */
  readonly earliestDate?: string;
  /** For `unknown` / `cannot_judge`: what to find out, short Chinese (goes into `missing`). */
  readonly missing?: string;
  /** Present when the rule applied is a reading of the notice, not its words (Chinese caveat). */
  readonly interpretation?: string;
  /**
   * For a condition another document sets: the applicant's own facts to hold against it (years of
   * professional work and at the current level to the counting date, highest education), in Chinese.
   */
  readonly ownFacts?: readonly string[];
}

export interface ChecklistItem {
  /** The round's material category code. */
  readonly code: string;
  readonly name: string;
  /** `required` for this person, or only `if_any` (如有). */
  readonly need: 'required' | 'if_any' | 'per_conditions';
  /** online: uploaded on the platform; paper: handed in after the formal review. */
  readonly stage: 'online' | 'paper';
  /** upload: files; field: typed into the application form. */
  readonly form: 'upload' | 'field';
  /** What is typed in for it (work periods, entries, the summary), if anything. */
  readonly record: MaterialRecord | null;
  readonly textLength: { readonly minChars?: number; readonly maxChars?: number } | null;
  /** A field answered by choosing: the options, and the one the self-check's answers already give (null when none). */
  readonly choices: { readonly options: readonly string[]; readonly suggested: string | null } | null;
  readonly formats: readonly ('jpg' | 'pdf')[];
  /** What to mask in these images for blind review. */
  readonly mask: readonly MaskItem[];
  /** The notice's instructions, shortened where long. */
  readonly note: string | null;
  /** Who makes it: the applicant, or the unit after its publicity (公示, 公示结果, 推荐意见). */
  readonly providedBy: 'applicant' | 'unit';
  /** For the unit's papers: from when they can exist (see `availableAfter` in the round's materials). */
  readonly availableAfter?: 'publicity_recorded' | 'publicity_over';
  /**
   * What the committee's experts see of it: its blind copy, or nothing (a document that exists to
   * carry identity: nothing to mask for them, and no 是否遮挡 to answer).
   */
  readonly expertsSee: 'blind' | 'never';
  readonly source: Source;
  /** When it is needed only if an unanswered question goes one way: 如果您是事业单位人员. */
  readonly condition?: string;
}

export interface FeeAnswer {
  readonly amountYuan: number;
  /** When and how it is paid, in Chinese: 通过形式审核后缴纳. */
  readonly when: string;
  readonly source: Source;
}

export interface DefenseAnswer {
  readonly status: 'required' | 'exempt' | 'not_required' | 'unknown';
  readonly message: string;
  readonly slotMinutes: number | null;
  readonly source: Source | null;
}

export interface KeyDate {
  readonly kind: string;
  readonly label: string;
  /** Beijing instants; null when announced later or relative to an event (see `note`). */
  readonly start: string | null;
  readonly end: string | null;
  readonly note: string | null;
  readonly source: Source;
}

export interface OfferAssessment {
  /** Unique within the assessment: `<offerId>:<level>`. */
  readonly key: string;
  readonly offerId: string;
  readonly level: Level;
  readonly way: Way;
  readonly channel: Channel;
  /** Chinese: 初级（助理级）· 初定 · 定向评价. */
  readonly label: string;
  /** The title for this person's series or specialty where known: 助理农艺师. */
  readonly titleNames: readonly string[];
  readonly verdict: Verdict;
  readonly reasons: readonly Reason[];
  /** For `eligible_if` and `not_yet`: what is still to find out, in Chinese (empty otherwise). */
  readonly missing: readonly string[];
  /** For `not_yet`: the Beijing date (YYYY-MM-DD) from which it holds. */
  readonly earliestDate: string | null;
  /** Not evaluated by this round's committee but forwarded (tacheng senior titles). */
  readonly forwardedTo: string | null;
  readonly materials: readonly ChecklistItem[];
  readonly fee: FeeAnswer | null;
  readonly defense: DefenseAnswer;
  readonly dates: readonly KeyDate[];
  /** The apply window for this person at `asOf`. */
  readonly window: { readonly state: 'open' | 'not_started' | 'closed' | 'unknown'; readonly start: string | null; readonly end: string | null };
}

export interface Assessment {
  readonly roundId: string;
  /** ISO instant the assessment was made for. */
  readonly asOf: string;
  readonly offers: readonly OfferAssessment[];
  /**
   * Round-wide reasons (exclusions that apply to every offer, one-channel-per-year), for a summary
   * at the top. They are repeated in each offer's `reasons`, so every verdict stands on its own.
   */
  readonly general: readonly Reason[];
}
