import type { ReturnItem } from '../application/return-items';
/** What each action answers: the views the app shows, shared by both sides as types only. */
import type { Role } from '../people/person';
import type { EmploymentKind, Source, UnitLevel } from '../round/round.schema';
import type { ApplicationStatus } from '../application/application.schema';
import type { MaskRect } from '../application/mask-rules';
import type { Entry } from '../application/entry-forms';
import type { TimelineLine } from '../review/timeline-text';
import type { ChecklistItem, OfferAssessment, Reason, Verdict } from '../eligibility/assessment';
import type { DeclaredFact } from '../review/declared-facts';
import type { Finding } from '../masking/identity-finder';
import type { Basics } from '../people/basics';
import type { DeclaredConflict } from '../application/conflicts';
import type { DefenseSessionInput } from '../defense/schedule';
export type { DraftView, WorkshopView } from '../workshop/draft.view';

/** A rectangle the server suggests masking, and why (识别到您的姓名). */
export type MaskSuggestion = Finding;

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
  /** The rounds whose committee this person serves (secretaries and experts); empty for others. */
  readonly committeeRounds: readonly { readonly id: string; readonly title: string }[];
  /** The applicant's applications now returned, with the deadline to resubmit: what the home page leads with. */
  readonly returned: readonly { readonly applicationId: string; readonly level: string; readonly deadline: string | null }[];
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

/** An application as the applicant sees it: what it is for, where it stands, what to prepare. */
/** A 复查 request and its answer, as the applicant and the secretary read it. */
export interface RecheckView {
  readonly reason: string;
  readonly requestedAt: string;
  readonly answer: { readonly text: string; readonly at: string } | null;
}

export interface ApplicationView {
  readonly id: string;
  readonly roundId: string;
  readonly roundTitle: string;
  readonly offerKey: string;
  /** 副高级 · 评审 · 定向评价. */
  readonly label: string;
  readonly titleNames: readonly string[];
  /** 族别 and 政治面貌 as the applicant gave them (null: not yet). */
  readonly basics: Basics;
  /** The conflicts of interest the applicant declared (申请回避). */
  readonly conflicts: readonly DeclaredConflict[];
  /** 复查 asked for after a result of 不通过, and the committee's answer. */
  readonly recheck: RecheckView | null;
  /** Whether 复查 may be asked for (a result of 不通过 not yet re-examined; the server also checks the meeting is not closed). */
  readonly mayRequestRecheck: boolean;
  /**
   * The round's documents the applicant signs (个人承诺书 …), filled from its Word templates on
   * request, each with the materials it is uploaded under (empty when it belongs to none).
   */
  readonly documents: readonly { readonly code: string; readonly name: string; readonly attachment: string; readonly materials: readonly string[] }[];
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  /** The engine's verdict now, by the server's clock, from the answers the application started with. */
  readonly verdict: Verdict;
  readonly missing: readonly string[];
  readonly window: OfferAssessment['window'];
  /** Whether this applicant defends (专业水平答辩), why, and the clause. */
  readonly defense: OfferAssessment['defense'];
  /**
   * The evaluation fee (评审费) the round asks of this application, how and by when, and where it
   * stands: `later` (not yet payable), `due` (payable now), `paid` (the committee recorded it).
   */
  readonly fee: (NonNullable<OfferAssessment['fee']> & { readonly state: 'later' | 'due' | 'paid'; readonly paid: { readonly amountYuan: number; readonly paidOn: string; readonly receiptNo: string } | null }) | null;
  /** The round's materials for this person: what to upload or fill in, formats, masks, clauses. */
  readonly materials: readonly ChecklistItem[];
  /** Files attached so far, in the order attached. */
  readonly files: readonly AttachedFileView[];
  /** What is typed into the form, by material category. */
  readonly texts: Readonly<Record<string, string>>;
  /** Rows typed into the form, by material category (`entry-forms.ts`). */
  readonly entries: Readonly<Record<string, readonly Entry[]>>;
  /** Rules confirmed before submitting. */
  readonly declarations: readonly string[];
  /** The ID number with its middle hidden (6529**********123X), or null until given. */
  readonly idNumberShown: string | null;
  /** Everything to see to before submitting, by category; none of severity `block` when it can be submitted. */
  readonly problems: readonly ProblemView[];
  readonly submissions: number;
  readonly maxSubmissions: number;
  /** The status in words, and whose move it is. */
  readonly statusText: string;
  readonly holderText: string;
  /** The same, as a reviewer reads it (在申报人手上 …). */
  readonly holderTextForReviewers: string;
  /** While returned: by when to resubmit (ISO instant, Beijing time on screen), and why it was returned. */
  readonly returnDeadline: string | null;
  readonly returnReasons: readonly string[];
  /** While returned: each reason, item by item, with how the applicant answered it. */
  readonly returnItems: readonly ReturnItem[];
  /** Once resubmitted, the last return's items as answered (已修改, or the applicant's word): what reviewers check first. */
  readonly returnAnswers: readonly ReturnItem[];
  /** The unit it was submitted through, and when it was last submitted. */
  readonly unitName: string | null;
  readonly lastSubmittedAt: string | null;
  /** Every event, oldest first. */
  readonly events: readonly TimelineLine[];
}

export interface ProblemView {
  readonly category: string;
  readonly name: string;
  /** Where: the category, `category.3.role` for an entry's field, `declaration.<rule>`. */
  readonly path: string;
  readonly severity: 'block' | 'warn';
  readonly message: string;
  /** The text after the one-tap fix (applied by `fix` with this path), where there is one. */
  readonly fix: { readonly to: string } | null;
  /** The rule code `declare` confirms, where the problem is an unconfirmed rule. */
  readonly declaration: string | null;
  /** An item of a return, answered by changing its material or by 已按意见处理. */
  readonly returned?: boolean;
  /** Nothing there yet (not uploaded, not chosen): the form's sections count these. */
  readonly missing?: boolean;
}

/** An attached file as the applicant sees it (no storage reference: a URL comes from `fileUrl`). */
export interface AttachedFileView {
  readonly sha256: string;
  readonly category: string;
  readonly contentType: 'image/jpeg' | 'application/pdf';
  readonly bytes: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly needsMasking: 'yes' | 'no' | null;
  readonly masks: readonly MaskRect[];
  readonly hasBlindCopy: boolean;
  /** Whether the blind copy has been read for what identifies the applicant (`checkBlindCopy`; it runs after the save). */
  readonly identityChecked: boolean;
}

/** An application in the list of one's own. */
export interface ApplicationSummary {
  readonly id: string;
  readonly roundTitle: string;
  readonly label: string;
  readonly status: ApplicationStatus;
  /** The status and whose move it is, in words. */
  readonly statusText: string;
  readonly holderText: string;
  readonly returnDeadline: string | null;
  readonly createdAt: string;
  readonly window: OfferAssessment['window'];
}

/** One application in a reviewer's queue. */
export interface QueueItem {
  readonly id: string;
  readonly applicantName: string;
  readonly unitName: string;
  readonly label: string;
  readonly roundTitle: string;
  readonly statusText: string;
  /** When it was last submitted (ISO instant). */
  readonly submittedAt: string | null;
  readonly returnDeadline: string | null;
  /** Whether a reviewer ever returned it (the applicant changed it since). */
  readonly everReturned: boolean;
}

export type QueueTab = 'pending' | 'returned' | 'done';

export interface QueueView {
  /** Each tab's count under the filters and the search. */
  readonly counts: Readonly<Record<QueueTab, number>>;
  readonly items: readonly QueueItem[];
  /** Whether a next page exists. */
  readonly more: boolean;
  /** What the filters offer: the rounds, the levels, and (for HR reviewers) the units in scope. */
  readonly options: {
    readonly rounds: readonly { readonly id: string; readonly title: string }[];
    readonly levels: readonly { readonly level: string; readonly label: string }[];
    readonly units: readonly { readonly id: string; readonly name: string }[] | null;
  };
}

/** What a batch approval did with each application it named, in its order. */
export interface BatchView {
  readonly results: readonly {
    readonly applicationId: string;
    readonly applicantName: string;
    /** Approved now or before (a retry); otherwise why not. */
    readonly ok: boolean;
    readonly statusText: string;
    readonly refusal: string | null;
  }[];
}

/** An application as a reviewer in scope sees it, with what they may do now. */
/** One of the unit's papers for an application, as its reviewers see it. */
export interface UnitDocumentView {
  readonly code: string;
  readonly name: string;
  readonly required: boolean;
  /** The round's Word template for it, offered to the unit admin once it can exist. */
  readonly template: { readonly code: string; readonly attachment: string } | null;
  /** Why it cannot exist yet (publicity not recorded, or not over); null when it can. */
  readonly waits: string | null;
  /** Whether the caller may upload or remove its scans now (the unit admin, while it waits for the unit). */
  readonly mayUpload: boolean;
  readonly files: readonly { readonly sha256: string }[];
}

export interface ReviewView {
  readonly application: ApplicationView;
  readonly applicantName: string;
  readonly mayApprove: boolean;
  readonly mayReturn: boolean;
  /** Why approving is not possible yet, if it is not (publicity not recorded or not over). */
  readonly approveBlockedBy: string | null;
  /** The unit's internal publicity: what is recorded, and what the round asks. */
  readonly publicity: { readonly from: string; readonly to: string; readonly workingDays: number; readonly note: string | null } | null;
  readonly publicityRequiredDays: number;
  /** The round's publicity texts (附件1 推荐单位公示, 附件2 推荐单位公示结果) filled with this application's data, for the unit to print and post. */
  readonly publicityTexts: readonly { readonly attachment: string; readonly name: string; readonly text: string }[];
  /**
   * The unit's papers for this application (推荐单位公示, 公示结果, 单位推荐意见), in the notice's
   * order: each with its Word template to fill (for the unit admin), whether it can exist yet and
   * why not, and the stamped scans uploaded.
   */
  readonly unitDocuments: readonly UnitDocumentView[];
  /** What the round asks reviewers to check (aksu-water-2024 四(二)22), with its clause; null where it says nothing. */
  readonly reviewPoints: { readonly items: readonly string[]; readonly source: Source } | null;
  /** The review points each earlier reviewer ticked when approving, by who (their step's words) and when. */
  readonly pointsChecked: readonly { readonly who: string; readonly at: string; readonly points: readonly string[] }[];
  /** What the applicant declared (education, title, years, channel, unit …), each with the materials that prove it. */
  readonly declared: readonly DeclaredFact[];
  /** The self-check's verdict for this application now, with its reasons and their clauses. */
  readonly eligibility: { readonly verdict: Verdict; readonly reasons: readonly Reason[] };
  /** The standard opinion of the unit (本单位已对提供的申报材料逐一审核，真实准确，同意推荐). */
  readonly standardOpinion: string;
}

/** The caller's unit as they see it: a member's, its admin's (with the invite code), or a registration waiting. */
export interface MyUnitView {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly status: 'pending' | 'approved' | 'rejected';
  /** Only for the unit's admin, once approved. */
  readonly inviteCode: string | null;
  readonly rejectReason: string | null;
  readonly relation: 'member' | 'admin' | 'registrant';
}

/** One WeChat reminder the person can allow: its template, and how many messages it may still send. */
export interface SubscriptionTemplateView {
  readonly key: 'defense_scheduled' | 'defense_reminder' | 'defense_changed' | 'materials_returned' | 'review_result';
  readonly title: string;
  readonly templateId: string;
  readonly credits: number;
}

export interface SubscriptionStatusView {
  /** False where the templates are not set up: notices stay in 我的申报. */
  readonly setUp: boolean;
  /** Long-term subscriptions: one consent, no counting. */
  readonly longTerm: boolean;
  readonly templates: readonly SubscriptionTemplateView[];
  /** What the last prompt's answers mean, in plain Chinese (after `record`). */
  readonly messages: readonly string[];
}

/** An application as the committee secretary lists it. */
export interface CommitteeItem {
  readonly id: string;
  readonly applicantName: string;
  readonly label: string;
  readonly roundId: string;
  readonly status: ApplicationStatus;
  readonly statusText: string;
  readonly mayReceive: boolean;
  readonly mayRecordFee: boolean;
  /** The round's fee for this application, in yuan (null: the round states none). */
  readonly feeYuan: number | null;
  /** The fee as recorded: amount, day paid (Beijing) and receipt number; null until recorded. */
  readonly payment: { readonly amountYuan: number; readonly paidOn: string; readonly receiptNo: string } | null;
  readonly roundTitle: string;
  /** A short-lived link to the fee receipt's photo, where one was recorded. */
  readonly receiptUrl: string | null;
}

/** A defense slot as the secretary's schedule shows it. */
export interface DefenseSlotView {
  readonly applicationId: string;
  readonly applicantName: string;
  /** The specialty's code (which panels may take them) and its name. */
  readonly specialty: string;
  readonly specialtyName: string;
  readonly sessionId: string;
  readonly panelId: string;
  readonly panelName: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly confirmed: boolean;
  /** Announced to the applicant (a slot filled in after publishing is not, until published). */
  readonly published: boolean;
  readonly attendance: 'present' | 'absent' | 'done' | null;
}

export interface DefensePlanView {
  readonly roundId: string;
  readonly roundTitle: string;
  readonly slotMinutes: number;
  /** The round's specialties, for the panels of a session. */
  readonly specialties: readonly { readonly code: string; readonly name: string }[];
  /** Fee paid and defending: who needs a slot. */
  readonly defenders: readonly { readonly applicationId: string; readonly applicantName: string; readonly specialty: string; readonly specialtyName: string }[];
  /** Past formal review but exempt (with the notice's reason), or not yet at the fee. */
  readonly others: readonly { readonly applicationId: string; readonly applicantName: string; readonly why: string }[];
  readonly sessions: readonly (DefenseSessionInput & { readonly id: string; readonly capacity: number })[];
  readonly schedule: {
    readonly order: 'submission' | 'draw';
    readonly seed: number | null;
    /** Slots moved or swapped by hand since the order was made. */
    readonly adjusted: number;
    readonly publishedAt: string | null;
    readonly slots: readonly DefenseSlotView[];
  } | null;
}

export interface MyDefenseView {
  readonly applicationId: string;
  readonly label: string;
  /** The notice's title, for the clause sheet. */
  readonly roundTitle: string;
  /** Whether this applicant defends, and why (the engine's answer with its clause). */
  readonly defense: OfferAssessment['defense'];
  readonly slot: {
    readonly startsAt: string;
    readonly endsAt: string;
    readonly place: { readonly kind: 'room'; readonly name: string } | { readonly kind: 'online'; readonly name: string; readonly link: string };
    readonly panelName: string;
    readonly bring: string;
    readonly confirmedAt: string | null;
    readonly attendance: 'present' | 'absent' | 'done' | null;
  } | null;
  /** Why there is no slot yet, in plain words. */
  readonly waiting: string | null;
}

/** A short-lived address of the unit's invite code drawn as a mini-program code. */
export interface InviteImageView {
  readonly url: string;
  readonly inviteCode: string;
}

/** A unit waiting for the HR bureau's approval. */
export interface PendingUnitView {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly kind: EmploymentKind;
  readonly county: string | null;
  readonly registrantName: string;
  /** 统一社会信用代码 and the contact given with the registration (null for units entered before they were asked). */
  readonly creditCode: string | null;
  readonly contact: { readonly name: string; readonly phone: string } | null;
}

/** A registration the bureau decided, for its history: the unit, the decision, who and when. */
export interface DecidedUnitView extends PendingUnitView {
  readonly approved: boolean;
  readonly rejectReason: string | null;
  readonly decidedBy: string;
  /** ISO instant. */
  readonly decidedAt: string;
}

/** An in-app notice. */
export interface InboxItem {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly page: string;
  readonly at: string;
}

/** An official notice as text, with the file name the round's sources cite. */
export interface NoticeText {
  readonly roundId: string;
  readonly file: string;
  readonly text: string;
}
