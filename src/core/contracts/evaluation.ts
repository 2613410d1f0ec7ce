import type { ApplicationStatus } from '../application/application.schema';
import type { MeetingResult, MeetingStage } from '../evaluation/meeting';
import type { Tally, Vote } from '../evaluation/votes';
import type { RecheckView } from './views';

/** A meeting as a list shows it, to its secretary or its experts. */
export interface MeetingSummary {
  readonly id: string;
  readonly roundId: string;
  readonly roundTitle: string;
  readonly heldOn: string;
  readonly stage: MeetingStage;
  readonly stageText: string;
  readonly applications: number;
  readonly experts: number;
}

/** One level's count against the round's cap. */
export interface CapLine {
  readonly levelLabel: string;
  readonly evaluated: number;
  readonly passes: number;
  /** Null: the round sets no cap for the level. */
  readonly allowed: number | null;
  readonly text: string;
  readonly over: boolean;
}

/** An expert of the round's pool, as the secretary chooses a meeting's members. */
export interface PoolExpert {
  readonly id: string;
  readonly name: string;
  /** What the pool says of them (specialty, unit), for choosing. */
  readonly note: string | null;
}

/** A member of the meeting as its secretary sees them. */
export interface MeetingExpert {
  readonly id: string;
  readonly name: string;
  /** Null until attendance is recorded. */
  readonly present: boolean | null;
}

/** An application of a meeting as its secretary sees it: name, the tally of those who vote on it, the result the votes reach. */
export interface MeetingItem {
  readonly applicationId: string;
  /** 1号, 2号 … as the experts know it. */
  readonly code: number;
  readonly applicantName: string;
  readonly label: string;
  readonly specialtyName: string;
  readonly tally: Tally;
  readonly tallyText: string;
  /** 同意 votes it needs (two thirds of those who vote on it); 0 where the votes cannot decide yet (no attendance, below the quorum). */
  readonly needed: number;
  /** What the votes decide, or null while they cannot (`pending` says why). */
  readonly computed: MeetingResult | null;
  readonly pending: string | null;
  /** The secretary's recorded change of the votes' result, with its reason. */
  readonly override: { readonly result: MeetingResult; readonly reason: string } | null;
  /** The result as published, or as it would be: the override, else the votes'. */
  readonly result: MeetingResult | null;
  readonly recusals: readonly { readonly expertId: string; readonly name: string; readonly reason: string }[];
  /** Experts the product proposes to recuse from it (same unit), for the secretary to confirm. */
  readonly proposedRecusals: readonly { readonly expertId: string; readonly name: string; readonly why: string }[];
  /** 复查 the applicant asked for, and its answer. */
  readonly recheck: RecheckView | null;
  readonly status: ApplicationStatus;
  readonly statusText: string;
}

export interface MeetingView extends MeetingSummary {
  readonly meetingExperts: readonly MeetingExpert[];
  /** How the members were chosen: by hand, or drawn with the seed kept. */
  readonly selectionText: string;
  /** The quorum and pass rule with their articles, and where attendance stands. */
  readonly quorum: { readonly needed: number; readonly present: number | null; readonly met: boolean; readonly ruleText: string };
  /** Whether attendance may be recorded now (from the meeting's day until published). */
  readonly mayRecordAttendance: boolean;
  readonly items: readonly MeetingItem[];
  readonly caps: readonly CapLine[];
  /** Why publishing is refused now (results missing, above a cap); empty when it may be published. */
  readonly blockers: readonly string[];
  /** What stands out before publishing (votes not cast, a result the votes do not carry): said in the confirmation. */
  readonly unusual: readonly string[];
  readonly publicity: { readonly from: string; readonly to: string } | null;
  /** Applications ready for evaluation (fee paid, defended where required) in no meeting yet. */
  readonly readyToAdd: number;
  readonly mayPublicise: boolean;
  /** The first day a publicity starting today may end on (at least 5 working days); null when it cannot start now. */
  readonly earliestPublicityEnd: string | null;
  readonly mayCertify: boolean;
  /** Objections lodged during the publicity, by application number, and the committee's answers. */
  readonly objections: readonly ObjectionView[];
  /** Whether an objection may be recorded now (during the publicity). */
  readonly mayRecordObjection: boolean;
}

export interface ObjectionView {
  readonly id: string;
  readonly code: number;
  readonly applicantName: string;
  readonly from: string;
  readonly text: string;
  readonly recordedAt: string;
  readonly answer: { readonly text: string; readonly at: string } | null;
}

/** An application as an expert's list shows it: its number and what it applies for, nothing that names the person. */
export interface BlindSummary {
  readonly code: number;
  readonly label: string;
  readonly specialtyName: string;
  readonly myVote: Vote | null;
}

export interface ExpertPanelView {
  readonly meetingId: string;
  readonly roundTitle: string;
  readonly heldOn: string;
  /** Votes may be cast or changed from the meeting's day, once recorded present, until the results are published. */
  readonly open: boolean;
  /** Why the expert may not vote now (before the day, attendance not recorded, absent, published). */
  readonly closedReason: string | null;
  /** The applications the expert votes on: those they are recused from are not listed. */
  readonly items: readonly BlindSummary[];
}

/** One application for the expert: blind texts and blind copies only. */
export interface BlindItemView extends BlindSummary {
  readonly meetingId: string;
  /** The numbers the expert may open, in order (recused ones left out), for 上一份 / 下一份. */
  readonly codes: readonly number[];
  readonly open: boolean;
  readonly closedReason: string | null;
  readonly texts: readonly { readonly name: string; readonly text: string }[];
  readonly entries: readonly { readonly name: string; readonly rows: readonly string[] }[];
  readonly images: readonly { readonly name: string; readonly url: string }[];
  /** Materials not shown here, and why (PDFs, the ID card and photo). */
  readonly withheld: readonly string[];
}
