import type { Profile } from '../../core/eligibility/profile';
import type { Round } from '../../core/round/round.schema';

/** The shapes of the self-check's questions (see questions.ts for the questions themselves). */
export interface QuestionContext {
  readonly round: Round;
  /** The Beijing year the self-check is taken in. */
  readonly year: number;
  /** The server's Beijing month (YYYY-MM): no date can be later. */
  readonly latestMonth: string;
}

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

interface Base {
  readonly id: string;
  /** Plain text, or built from the round (its prefecture's name). */
  readonly title: string | ((ctx: QuestionContext) => string);
  readonly hint?: string;
  /** Shown only when this holds; absent = whenever the person is not barred from the round. */
  readonly when?: (profile: Profile, ctx: QuestionContext) => boolean;
}

export interface ChoiceQuestion extends Base {
  readonly kind: 'choice';
  readonly options: (ctx: QuestionContext) => readonly Option[];
  readonly read: (profile: Profile) => string | undefined;
  readonly write: (profile: Profile, value: string | undefined) => Profile;
}

/** The series and specialty, grouped by series, with a search. */
export interface SpecialtyQuestion extends Base {
  readonly kind: 'specialty';
  readonly groups: (ctx: QuestionContext) => readonly { readonly title: string; readonly options: readonly Option[] }[];
  readonly read: (profile: Profile) => string | undefined;
  readonly write: (profile: Profile, value: string | undefined) => Profile;
}

/** A month (the platform's month picker); stored as the month's last day, so no year is counted early. */
export interface MonthQuestion extends Base {
  readonly kind: 'month';
  /** The month preselected in the picker when unanswered (YYYY-MM). */
  readonly suggest: (profile: Profile, ctx: QuestionContext) => string;
  readonly read: (profile: Profile) => string | undefined;
  readonly write: (profile: Profile, value: string | undefined) => Profile;
}

export interface NumberQuestion extends Base {
  readonly kind: 'number';
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly read: (profile: Profile) => number | undefined;
  readonly write: (profile: Profile, value: number | undefined) => Profile;
}

/** Several labelled rows of chips on one screen, e.g. the appraisal of each of the last three years. */
export interface RowsQuestion extends Base {
  readonly kind: 'rows';
  /** The rows to ask, given the answers so far (no appraisal of a year before work began). */
  readonly rows: (ctx: QuestionContext, profile: Profile) => readonly { readonly key: string; readonly label: string }[];
  readonly options: readonly Option[];
  readonly read: (profile: Profile, key: string) => string | undefined;
  readonly write: (profile: Profile, key: string, value: string | undefined) => Profile;
}

/** Hours per year, two numbers a year (公需 / 专业). */
export interface HoursQuestion extends Base {
  readonly kind: 'hours';
  readonly years: (ctx: QuestionContext) => readonly number[];
  readonly read: (profile: Profile, year: number) => { publicHours?: number; professionalHours?: number };
  readonly write: (profile: Profile, year: number, hours: { publicHours?: number; professionalHours?: number }) => Profile;
}

export type Question = ChoiceQuestion | SpecialtyQuestion | MonthQuestion | NumberQuestion | RowsQuestion | HoursQuestion;
