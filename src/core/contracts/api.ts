import * as z from 'zod';
import { action } from './contract';
import type { Role } from '../people/person';
import type { EmploymentKind, Round, Source, UnitLevel } from '../round/round.schema';
import type { ApplicationStatus } from '../application/application.schema';
import type { MaskRect } from '../application/mask-rules';
import type { Entry } from '../application/entry-forms';
import type { TimelineLine } from '../review/timeline-text';
import { ReturnReason } from '../review/return-reasons';
import type { ChecklistItem, OfferAssessment, Verdict } from '../eligibility/assessment';
import { Profile } from '../eligibility/profile';
import { DefenseSessionInput } from '../defense/schedule';
import { MeetingResult } from '../evaluation/meeting';
import { Vote } from '../evaluation/votes';
import { Basics } from '../people/basics';
import type { BlindItemView, ExpertPanelView, MeetingSummary, MeetingView } from './evaluation';
import type { ExportFile } from './exports';
import type { Finding } from '../masking/identity-finder';

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
  /** The round's documents the applicant signs (个人承诺书 …), filled from its Word templates on request. */
  readonly documents: readonly { readonly code: string; readonly name: string; readonly attachment: string }[];
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
  readonly fee: (NonNullable<OfferAssessment['fee']> & { readonly state: 'later' | 'due' | 'paid' }) | null;
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
  /** While returned: by when to resubmit (ISO instant, Beijing time on screen), and why it was returned. */
  readonly returnDeadline: string | null;
  readonly returnReasons: readonly string[];
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
}

export type QueueTab = 'pending' | 'returned' | 'done';

export interface QueueView {
  readonly counts: Readonly<Record<QueueTab, number>>;
  readonly items: readonly QueueItem[];
}

/** An application as a reviewer in scope sees it, with what they may do now. */
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
  /** The unit's documents for this application (推荐单位公示 …) as Word files, for its unit admin; empty for others. */
  readonly documents: readonly { readonly code: string; readonly name: string; readonly attachment: string }[];
  /** What the round asks the unit to check (aksu 四(一)22), with its clause; null where it says nothing. */
  readonly reviewPoints: { readonly items: readonly string[]; readonly source: Source } | null;
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

const Empty = z.strictObject({});
const RoundId = z.string().trim().min(1, '请选择评审批次').max(80, '评审批次编号过长');
const OfferKey = z.string().trim().min(1, '请选择申报的级别').max(120, '申报项目编号过长');
const ApplicationId = z.string().trim().min(1, '请选择一份申报').max(300, '申报编号过长');
const CategoryCode = z.string().trim().min(1, '请选择材料类别').max(80, '材料类别编号过长');
const FileRef = z.string().trim().min(1, '文件还没有上传').max(500, '文件编号过长');
const RequestId = z.string().trim().min(8, '请求编号不正确').max(64, '请求编号不正确');
const MeetingId = z.string().trim().min(1, '请选择一次评审会').max(120, '评审会编号过长');
/** A calendar date (Beijing), real: 2024-02-30 is refused. */
const BeijingDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, '日期不正确');
const ItemCode = z.number({ message: '请选择一份申报' }).int('编号不正确').min(1, '编号不正确').max(10000, '编号不正确');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件校验值不正确，请重新上传');

/** Every function, every action, its payload schema and its result type. */
export const api = {
  account: {
    me: action<MeView>()(Empty),
    /**
     * Registers the person WeChat identifies (their OPENID, never the payload's) as an applicant:
     * their name and where they work. They join or register their unit next.
     */
    register: action<MeView>()(
      z.strictObject({
        name: z.string().trim().min(2, '请填写您的姓名').max(20, '姓名最多 20 个字'),
        prefecture: z.string().trim().min(2, '请选择所在地（州）').max(20, '地（州）名称过长'),
        county: z.string().trim().max(20, '县（市）名称过长').nullable(),
      }),
    ),
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
  committee: {
    /** The applications of the secretary's rounds past formal review, by status. */
    queue: action<readonly CommitteeItem[]>()(Empty),
    /** 已接收材料: the paper materials arrived. */
    receive: action<readonly CommitteeItem[]>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId })),
    /** The fee is paid, with a photo of the receipt where one was taken (uploaded under the secretary's own folder and checked by `applications.checkPhoto`). */
    recordFee: action<readonly CommitteeItem[]>()(
      z.strictObject({ applicationId: ApplicationId, requestId: RequestId, receipt: z.strictObject({ ref: FileRef, sha256: Sha256 }).nullable().default(null) }),
    ),
    /** The evaluation meetings: a secretary's rounds' meetings, or the meetings an expert sits in. */
    meetings: action<readonly MeetingSummary[]>()(Empty),
    /** A meeting of the round on a day, with every application ready for evaluation and the round's experts. */
    createMeeting: action<MeetingView>()(z.strictObject({ roundId: RoundId, heldOn: BeijingDate, requestId: RequestId })),
    meeting: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
    /** Adds the applications that became ready since (fee paid, defended), while experts still vote. */
    addReady: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
    /** Records pass or fail for one application of the meeting (changeable until published). */
    recordResult: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId, result: MeetingResult })),
    /** Publishes the results: refused with the reason while one is missing or passes exceed the round's caps. */
    publishResults: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, requestId: RequestId })),
    /** Publicises those who passed, from today to `until` (Beijing dates). */
    publicise: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, until: BeijingDate })),
    /** After the publicity: those publicised have the qualification. */
    certify: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
    /** An expert's list of a meeting's applications, by number only. */
    panel: action<ExpertPanelView>()(z.strictObject({ meetingId: MeetingId })),
    /** One application for an expert: blind texts and blind copies. */
    blindItem: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode })),
    /** An expert's vote on one application (changeable until the results are published). */
    vote: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode, vote: Vote })),
  },
  defense: {
    /** The secretary's defense plan of a round: who defends (and who is exempt, why), sessions, the schedule. */
    plan: action<DefensePlanView>()(z.strictObject({ roundId: RoundId })),
    /** Adds a session (a day, times, breaks, place, panels by specialty). */
    addSession: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, session: DefenseSessionInput })),
    removeSession: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, sessionId: z.string().min(1).max(64) })),
    /** Assigns every applicant who defends a slot (before publishing: by submission time, or a seeded draw); after, fills in those without one. */
    assign: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, order: z.enum(['submission', 'draw'], { message: '请选择排序方式' }) })),
    /** Moves one applicant to a free slot, or swaps two; after publishing, both are told. */
    move: action<DefensePlanView>()(
      z.strictObject({ roundId: RoundId, applicationId: ApplicationId, to: z.strictObject({ sessionId: z.string().min(1), panelId: z.string().min(1), startsAt: z.string().datetime({ offset: true, message: '请选择答辩时段' }) }) }),
    ),
    swap: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, a: ApplicationId, b: ApplicationId })),
    /** Takes one applicant's slot back (leave, a panel change); once published they are told, and given a new slot later. */
    cancel: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, applicationId: ApplicationId, reason: z.string().trim().min(2, '请写明取消的原因').max(20, '原因最多 20 字') })),
    /** Publishes the schedule: each applicant is told their slot (WeChat where they allowed it, and 我的申报). */
    publish: action<DefensePlanView>()(z.strictObject({ roundId: RoundId })),
    /** On the day: present, absent or done; done or absent tells the next of the panel to get ready. */
    mark: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, applicationId: ApplicationId, attendance: z.enum(['present', 'absent', 'done'], { message: '请选择到场、缺席或已答辩' }) })),
    /** The applicant's own defense: the slot once published, or why none. */
    mine: action<MyDefenseView>()(z.strictObject({ applicationId: ApplicationId })),
    /** The applicant confirms they will attend. */
    confirm: action<MyDefenseView>()(z.strictObject({ applicationId: ApplicationId })),
  },
  subscriptions: {
    /** The WeChat reminders the caller can have here: each template's id and how many messages are left. */
    status: action<SubscriptionStatusView>()(Empty),
    /** What WeChat's subscription prompt answered: one credit per accepted one-time template. */
    record: action<SubscriptionStatusView>()(
      z.strictObject({
        requestId: RequestId,
        results: z.record(z.string().trim().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter'], { message: '订阅结果不正确' })),
        /** The prompt's own failure, e.g. 20004 (notifications switched off in WeChat). */
        errCode: z.number().int().nullable().default(null),
      }),
    ),
  },
  applications: {
    /**
     * Starts (or opens again) the application for one offered level of a round, from the answers
     * the self-check saved for that round; refused with the engine's reasons when it cannot be.
     */
    create: action<ApplicationView>()(z.strictObject({ roundId: RoundId, offerKey: OfferKey })),
    get: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId })),
    mine: action<readonly ApplicationSummary[]>()(Empty),
    /**
     * Attaches a file already in storage (uploaded by the phone under the caller's own folder) to a
     * material category. The server reads the bytes: their SHA-256 must match (the same photo sent
     * twice is one file), their type and integrity are checked; nothing is kept when they fail.
     */
    attach: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, category: CategoryCode, ref: FileRef, sha256: Sha256 })),
    detach: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, sha256: Sha256 })),
    /** 是否需要遮挡 for one image, with its masks: the blind copy is made from them on the server. */
    mask: action<ApplicationView>()(
      z.strictObject({
        applicationId: ApplicationId,
        sha256: Sha256,
        needsMasking: z.enum(['yes', 'no'], { message: '请选择是否需要遮挡' }),
        masks: z.array(z.strictObject({ x: z.number(), y: z.number(), w: z.number(), h: z.number() })).max(40, '一张图片最多 40 处遮挡'),
      }),
    ),
    /** Saves what is typed for one category (work history, summary …); 无 for nothing. */
    saveText: action<ApplicationView>()(
      z.strictObject({ applicationId: ApplicationId, category: CategoryCode, text: z.string().max(20000, '内容太长了，最多 20000 字') }),
    ),
    /**
     * Saves the rows of one category (work periods, achievements …), all of them: each row only
     * its form's fields within their lengths, months as YYYY-MM. Empty fields are allowed in a
     * draft; what submitting needs is listed in `problems`.
     */
    saveEntries: action<ApplicationView>()(
      z.strictObject({
        applicationId: ApplicationId,
        category: CategoryCode,
        entries: z.array(z.record(z.string(), z.string().max(1000, '内容太长了，最多 1000 字').nullable())).max(40, '一项最多填写 40 条'),
      }),
    ),
    /** Saves the ID number, refused unless its check digit and birth date are right (GB 11643). */
    saveIdNumber: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, idNumber: z.string().max(40, '身份证号码应为18位') })),
    /** Confirms (or withdraws) one of the round's rules that must be confirmed before submitting. */
    declare: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, rule: CategoryCode, agreed: z.boolean() })),
    /** Applies the one-tap fix of the text finding at `path` (own name → 本人, unit → 本单位 / xxx, empty → 无). */
    fix: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, path: z.string().trim().min(1, '请选择要改正的内容').max(200, '位置不正确') })),
    /**
     * Submits: refused while anything blocks it, outside the apply window (Beijing time, server
     * clock) or past the round's submission limit. The same `requestId` again is the same submission.
     */
    submit: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId })),
    /** What to mask on one photo, found by reading it: the applicant's name, ID number, unit and seals, as rectangles with reasons (the text read is not kept). */
    suggestMasks: action<{ readonly suggestions: readonly MaskSuggestion[] }>()(z.strictObject({ applicationId: ApplicationId, sha256: Sha256 })),
    /**
     * Checks a photo the caller uploaded (theirs, whole, a JPEG that decodes) for an action of a
     * function without an image decoder: the fee receipt the secretary then records with `committee.recordFee`.
     */
    checkPhoto: action<{ readonly ref: string; readonly sha256: string }>()(z.strictObject({ ref: FileRef, sha256: Sha256 })),
    /** 族别 and 政治面貌 for the unit's publicity and the roster; may be given at any step. */
    saveBasics: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, basics: Basics })),
    /** The caller's in-app notices, newest first. */
    inbox: action<readonly InboxItem[]>()(Empty),
    /** A short-lived URL to one copy of one file, if the caller may read that copy. */
    fileUrl: action<{ readonly url: string; readonly expiresAt: string }>()(
      z.strictObject({ applicationId: ApplicationId, sha256: Sha256, copy: z.enum(['original', 'blind']) }),
    ),
  },
  units: {
    /** Registers the caller's unit (they become its admin once the HR bureau of its level approves). */
    register: action<MyUnitView>()(
      z.strictObject({
        name: z.string().trim().min(4, '请填写单位全称（至少 4 个字）').max(60, '单位名称最多 60 个字'),
        level: z.enum(['prefecture', 'county'], { message: '请选择单位是地（州）直属还是县（市）单位' }),
        kind: z.enum(['institution', 'state_enterprise', 'private_enterprise', 'social_organization'], { message: '请选择单位性质' }),
        county: z.string().trim().max(20, '县（市）名称过长').nullable(),
      }),
    ),
    /** The caller's unit, or their registration waiting, or null. */
    mine: action<MyUnitView | null>()(Empty),
    /** Units waiting for the caller's approval (county HR: their county's; prefecture HR: the prefecture's own units). */
    pending: action<readonly PendingUnitView[]>()(Empty),
    /** Approves (with an invite code) or rejects (with a reason) a unit's registration. */
    decide: action<readonly PendingUnitView[]>()(
      z.strictObject({ unitId: z.string().trim().min(1).max(80), approve: z.boolean(), reason: z.string().trim().max(100, '理由最多 100 字').default('') }),
    ),
    /** Joins the unit whose invite code this is (the code its admin shares, or its QR code). */
    join: action<MyUnitView>()(z.strictObject({ inviteCode: z.string().trim().min(1, '请填写邀请码').max(20, '邀请码是 6 位') })),
    /** The unit admin's invite code as a mini-program code (小程序码) staff scan with WeChat to join. */
    inviteImage: action<InviteImageView>()(Empty),
  },
  review: {
    /** The reviewer's queue in their scope: 待审核 (their move), 已退回, 已办理 (past their step), with counts. */
    queue: action<QueueView>()(
      z.strictObject({ tab: z.enum(['pending', 'returned', 'done'], { message: '请选择待审核、已退回或已办理' }), search: z.string().trim().max(20, '搜索最多 20 个字').default('') }),
    ),
    get: action<ReviewView>()(z.strictObject({ applicationId: ApplicationId })),
    /** Approves at the caller's step, with the opinion (the unit's standard text by default). */
    approve: action<ReviewView>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId, opinion: z.string().trim().max(200, '意见最多 200 字').default('') })),
    /** Returns to the applicant with reasons per material category; the deadline runs from now. */
    return: action<ReviewView>()(
      z.strictObject({ applicationId: ApplicationId, requestId: RequestId, reasons: z.array(ReturnReason).min(1, '请至少选择一项退回原因').max(30, '退回原因最多 30 项') }),
    ),
    /** The unit admin records the unit's internal publicity (Beijing dates, YYYY-MM-DD). */
    recordPublicity: action<ReviewView>()(
      z.strictObject({ applicationId: ApplicationId, from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择公示开始日期'), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择公示结束日期') }),
    ),
  },
  documents: {
    /**
     * One of the round's documents for an application, filled from its Word template: the
     * applicant's own (个人承诺书, 真实性保证书, 免除继续教育学习申请表) for the applicant, the unit's
     * (推荐单位公示, 公示结果, 单位推荐意见) for its unit admin.
     */
    document: action<ExportFile>()(z.strictObject({ applicationId: ApplicationId, template: CategoryCode })),
    /** 申报人员花名册 of a round as Excel: the unit admin's own unit, or every unit for a secretary serving the round. */
    roster: action<ExportFile>()(z.strictObject({ roundId: RoundId })),
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
