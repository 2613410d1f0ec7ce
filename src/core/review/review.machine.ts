import * as z from 'zod';
import type { Role } from '../people/person';
import type { ReviewRoute } from './route';

/**
 * The review chain as one table: the only place that knows the order an application goes
 * through, from submission to certificate (tacheng-all-series-2023 三(一)3, aksu-water-2024 四(一), 四(二), bazhou-ecoenv-2024 四(三)):
 *
 *   draft → submitted → unit approved → county approved (county units only) → 通过形式审核 →
 *   已接收材料 → fee paid → defended (when required) → passed / failed → publicised → certified
 *
 * and returned (to the applicant, with reasons and a deadline), abandoned (the deadline passed:
 * 逾期未补充提交的视为放弃申报), rejected (returned after the last allowed submission:
 * 第3次提交后申报材料仍不符合要求…不予受理), withdrawn, and not evaluated (the fee not paid by the
 * round's deadline: 未缴纳的不予评审). Each row names the roles allowed, its
 * guards and its effects as data; `transition` is pure and reads nothing but what it is given.
 */
export const ReviewStatus = z.enum([
  'draft',
  'submitted',
  'unit_approved',
  'county_approved',
  'formal_review_passed',
  'materials_received',
  'fee_paid',
  'defended',
  'passed',
  'failed',
  'publicised',
  'certified',
  'returned',
  'abandoned',
  'rejected',
  'withdrawn',
  'not_evaluated',
]);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const ReviewCommand = z.enum([
  'submit',
  'approve',
  'return',
  'abandon_overdue',
  'withdraw',
  'receive_materials',
  'record_fee',
  'record_defense',
  'evaluate_pass',
  'evaluate_fail',
  'publicise',
  'certify',
  'expire_fee',
]);
export type ReviewCommand = z.infer<typeof ReviewCommand>;

/** Who acts: a person's role, or the system (a timer). */
export type Actor = Role | 'system';

export type Guard =
  | 'apply_window_open'
  | 'before_return_deadline'
  | 'submissions_left'
  | 'no_submissions_left'
  | 'complete'
  | 'publicity_done'
  | 'unit_documents'
  | 'county_unit'
  | 'prefecture_unit'
  | 'hr_route'
  | 'employment_service_route'
  | 'reasons_given'
  | 'return_deadline_passed'
  | 'defense_required'
  | 'no_defense_required'
  | 'fee_deadline_passed'
  | 'result_publicity_over';

/** What a notice to the applicant says happened (the message itself is built from it). */
export type NoticeKind = 'submitted' | 'approved' | 'formal_review_passed' | 'returned' | 'abandoned' | 'rejected' | 'not_evaluated' | 'progress' | 'result';

export interface TransitionRow {
  readonly command: ReviewCommand;
  readonly from: readonly ReviewStatus[];
  readonly to: ReviewStatus;
  readonly actors: readonly Actor[];
  readonly guards: readonly Guard[];
  /** The notice the applicant gets, or none. */
  readonly notify: NoticeKind | null;
  /** A submission counts against the round's limit. */
  readonly countsSubmission?: boolean;
  /** The applicant now has until the return deadline to resubmit. */
  readonly startsReturnDeadline?: boolean;
  /** A late step off the chain's way (a fee recorded after its deadline): it does not make anyone the holder. */
  readonly late?: boolean;
}

const REVIEWING: readonly ReviewStatus[] = ['submitted', 'unit_approved', 'county_approved'];

/**
 * The steps above the unit, written once with the HR bureaus as actors; `onBothRoutes` makes each
 * a row for the HR route and a row for the employment-service route, where the county's and the
 * prefecture's public employment-service agencies take the same step (aksu-water-2024 二(二)).
 */
const ABOVE_UNIT: readonly TransitionRow[] = [
  { command: 'approve', from: ['unit_approved'], to: 'county_approved', actors: ['county_hr'], guards: ['county_unit'], notify: 'approved' },
  { command: 'approve', from: ['unit_approved'], to: 'formal_review_passed', actors: ['prefecture_hr'], guards: ['prefecture_unit'], notify: 'formal_review_passed' },
  { command: 'approve', from: ['county_approved'], to: 'formal_review_passed', actors: ['prefecture_hr'], guards: [], notify: 'formal_review_passed' },
  { command: 'return', from: ['unit_approved'], to: 'returned', actors: ['county_hr'], guards: ['county_unit', 'reasons_given', 'submissions_left'], notify: 'returned', startsReturnDeadline: true },
  { command: 'return', from: ['unit_approved'], to: 'returned', actors: ['prefecture_hr'], guards: ['prefecture_unit', 'reasons_given', 'submissions_left'], notify: 'returned', startsReturnDeadline: true },
  { command: 'return', from: ['county_approved'], to: 'returned', actors: ['prefecture_hr'], guards: ['reasons_given', 'submissions_left'], notify: 'returned', startsReturnDeadline: true },
  { command: 'return', from: ['unit_approved'], to: 'rejected', actors: ['county_hr'], guards: ['county_unit', 'reasons_given', 'no_submissions_left'], notify: 'rejected' },
  { command: 'return', from: ['unit_approved'], to: 'rejected', actors: ['prefecture_hr'], guards: ['prefecture_unit', 'reasons_given', 'no_submissions_left'], notify: 'rejected' },
  { command: 'return', from: ['county_approved'], to: 'rejected', actors: ['prefecture_hr'], guards: ['reasons_given', 'no_submissions_left'], notify: 'rejected' },
];

const AGENCY_OF: Readonly<Partial<Record<Actor, Actor>>> = { county_hr: 'county_agency', prefecture_hr: 'prefecture_agency' };

function onBothRoutes(row: TransitionRow): TransitionRow[] {
  return [
    { ...row, guards: ['hr_route', ...row.guards] },
    { ...row, actors: row.actors.map((a) => AGENCY_OF[a] ?? a), guards: ['employment_service_route', ...row.guards] },
  ];
}

/** Rows are tried in order; the first whose status, actor and guards all fit is taken. */
export const TRANSITIONS: readonly TransitionRow[] = [
  { command: 'submit', from: ['draft'], to: 'submitted', actors: ['applicant'], guards: ['apply_window_open', 'submissions_left', 'complete'], notify: 'submitted', countsSubmission: true },
  // 修改后逐级提交: a resubmission starts the chain again, within the return deadline.
  { command: 'submit', from: ['returned'], to: 'submitted', actors: ['applicant'], guards: ['before_return_deadline', 'submissions_left', 'complete'], notify: 'submitted', countsSubmission: true },
  { command: 'approve', from: ['submitted'], to: 'unit_approved', actors: ['unit_admin'], guards: ['publicity_done', 'unit_documents'], notify: 'approved' },
  // A return after the last allowed submission ends the application (不予受理).
  { command: 'return', from: ['submitted'], to: 'returned', actors: ['unit_admin'], guards: ['reasons_given', 'submissions_left'], notify: 'returned', startsReturnDeadline: true },
  { command: 'return', from: ['submitted'], to: 'rejected', actors: ['unit_admin'], guards: ['reasons_given', 'no_submissions_left'], notify: 'rejected' },
  ...ABOVE_UNIT.flatMap(onBothRoutes),
  { command: 'abandon_overdue', from: ['returned'], to: 'abandoned', actors: ['system'], guards: ['return_deadline_passed'], notify: 'abandoned' },
  { command: 'withdraw', from: ['draft', ...REVIEWING, 'returned'], to: 'withdrawn', actors: ['applicant'], guards: [], notify: null },
  { command: 'receive_materials', from: ['formal_review_passed'], to: 'materials_received', actors: ['committee_secretary'], guards: [], notify: 'progress' },
  { command: 'record_fee', from: ['materials_received'], to: 'fee_paid', actors: ['committee_secretary'], guards: [], notify: 'progress' },
  // 未缴纳的不予评审: the fee deadline passed without the fee recorded.
  { command: 'expire_fee', from: ['formal_review_passed', 'materials_received'], to: 'not_evaluated', actors: ['system'], guards: ['fee_deadline_passed'], notify: 'not_evaluated' },
  // A fee paid in time but recorded after the deadline: the secretary records it and it goes on.
  { command: 'record_fee', from: ['not_evaluated'], to: 'fee_paid', actors: ['committee_secretary'], guards: [], notify: 'progress', late: true },
  { command: 'record_defense', from: ['fee_paid'], to: 'defended', actors: ['committee_secretary'], guards: ['defense_required'], notify: null },
  // Results are recorded on the meeting and moved here only when published within the caps, so the
  // applicant learns the result once it is final.
  { command: 'evaluate_pass', from: ['defended'], to: 'passed', actors: ['committee_secretary'], guards: [], notify: 'result' },
  { command: 'evaluate_pass', from: ['fee_paid'], to: 'passed', actors: ['committee_secretary'], guards: ['no_defense_required'], notify: 'result' },
  { command: 'evaluate_fail', from: ['defended'], to: 'failed', actors: ['committee_secretary'], guards: [], notify: 'result' },
  { command: 'evaluate_fail', from: ['fee_paid'], to: 'failed', actors: ['committee_secretary'], guards: ['no_defense_required'], notify: 'result' },
  { command: 'publicise', from: ['passed'], to: 'publicised', actors: ['committee_secretary'], guards: [], notify: 'result' },
  // 评审会结束后，对通过评审人员进行系统内公示: the certificate only once the publicity is over.
  { command: 'certify', from: ['publicised'], to: 'certified', actors: ['committee_secretary'], guards: ['result_publicity_over'], notify: 'result' },
];

/** What a guard needs to know, all of it passed in (the server reads its clock and the round). */
export interface TransitionContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly applyWindowOpen: boolean;
  readonly submissions: number;
  readonly maxSubmissions: number;
  /** Nothing blocks submitting (the completeness check). */
  readonly complete: boolean;
  /** The unit's internal publicity is recorded and long enough. */
  readonly publicityDone: boolean;
  /** The unit's required papers (公示, 公示结果, 推荐意见) not uploaded yet, by name. */
  readonly unitDocumentsMissing: readonly string[];
  /** The applicant's unit: a county (or township) unit goes through county HR. */
  readonly unitLevel: 'prefecture' | 'county' | 'township' | null;
  /** Who reviews above the unit: the HR bureaus, or the employment-service agencies. */
  readonly route: ReviewRoute;
  readonly reasonCount: number;
  /** When the current return must be answered by (null when not returned). */
  readonly returnDeadline: Date | null;
  readonly defenseRequired: boolean;
  /** The round's last moment to pay the fee (null: none stated). */
  readonly feeDeadline?: Date | null;
  /** When the publicity of the results ends (null: not publicised). */
  readonly resultPublicityEnds?: Date | null;
}

export type TransitionError =
  | { readonly kind: 'not_allowed'; readonly message: string }
  | { readonly kind: 'wrong_status'; readonly message: string }
  | { readonly kind: 'guard'; readonly guard: Guard; readonly message: string };

export type Effect =
  | { readonly kind: 'record' }
  | { readonly kind: 'notify'; readonly notice: NoticeKind }
  | { readonly kind: 'count_submission' }
  | { readonly kind: 'start_return_deadline' }
  | { readonly kind: 'clear_return_deadline' };

export type Transition = { readonly ok: true; readonly from: ReviewStatus; readonly next: ReviewStatus; readonly effects: readonly Effect[] } | { readonly ok: false; readonly error: TransitionError };

const GUARD_MESSAGES: Readonly<Record<Guard, string>> = {
  apply_window_open: '现在不在网上申报时间内，不能提交。',
  before_return_deadline: '退回后的修改期限已过，按通知视为放弃申报，不能再提交。',
  submissions_left: '已达到通知规定的提交次数上限，不能再提交。',
  no_submissions_left: '还有提交次数，应退回修改。',
  complete: '材料还有要处理的问题，请先处理再提交。',
  publicity_done: '请先登记单位内部公示的起止日期（不少于通知要求的工作日），公示结束后才能推荐。',
  unit_documents: '请先在“单位出具的材料”里上传盖章后的扫描件，再推荐。',
  county_unit: '这份申报的单位不是县级单位，不经过县级审核。',
  prefecture_unit: '这份申报的单位是县级单位，要先经县级审核。',
  hr_route: '这份申报走民营企业专项评审，由公共就业服务机构审核。',
  employment_service_route: '这份申报不走民营企业专项评审，由人社局审核。',
  reasons_given: '退回时请至少写明一项退回原因。',
  return_deadline_passed: '退回后的修改期限还没有过。',
  defense_required: '这份申报不需要答辩。',
  no_defense_required: '这份申报要先答辩。',
  fee_deadline_passed: '缴费期限还没有过。',
  result_publicity_over: '评审结果的公示期还没有结束，结束后才能确认取得资格。',
};

function holds(guard: Guard, ctx: TransitionContext): boolean {
  switch (guard) {
    case 'apply_window_open':
      return ctx.applyWindowOpen;
    case 'before_return_deadline':
      return ctx.returnDeadline !== null && ctx.now.getTime() <= ctx.returnDeadline.getTime();
    case 'submissions_left':
      return ctx.submissions < ctx.maxSubmissions;
    case 'no_submissions_left':
      return ctx.submissions >= ctx.maxSubmissions;
    case 'complete':
      return ctx.complete;
    case 'publicity_done':
      return ctx.publicityDone;
    case 'unit_documents':
      return ctx.unitDocumentsMissing.length === 0;
    case 'county_unit':
      return ctx.unitLevel === 'county' || ctx.unitLevel === 'township';
    case 'prefecture_unit':
      return ctx.unitLevel === 'prefecture';
    case 'hr_route':
      return ctx.route === 'hr';
    case 'employment_service_route':
      return ctx.route === 'employment_service';
    case 'reasons_given':
      return ctx.reasonCount > 0;
    case 'return_deadline_passed':
      return ctx.returnDeadline !== null && ctx.now.getTime() > ctx.returnDeadline.getTime();
    case 'defense_required':
      return ctx.defenseRequired;
    case 'no_defense_required':
      return !ctx.defenseRequired;
    case 'fee_deadline_passed':
      return ctx.feeDeadline != null && ctx.now.getTime() > ctx.feeDeadline.getTime();
    case 'result_publicity_over':
      return ctx.resultPublicityEnds != null && ctx.now.getTime() >= ctx.resultPublicityEnds.getTime();
  }
}

/**
 * The next status and what must happen with it, or why not. Rows for this command from this status
 * are tried in order; an actor no row of the command names is refused; one whose rows start
 * elsewhere is told the application is not at their step; otherwise the first failed guard of the
 * first fitting row is said.
 */
export function transition(state: ReviewStatus, command: ReviewCommand, ctx: TransitionContext): Transition {
  // An actor no row of this command names may never do it; one who may, but not from here, finds
  // the application has moved on (or not yet come to them).
  if (!TRANSITIONS.some((r) => r.command === command && r.actors.includes(ctx.actor))) return { ok: false, error: { kind: 'not_allowed', message: '这一步不由您办理。' } };
  const mine = TRANSITIONS.filter((r) => r.command === command && r.from.includes(state) && r.actors.includes(ctx.actor));
  if (mine.length === 0) return { ok: false, error: { kind: 'wrong_status', message: `这份申报现在“${STATUS_TEXT[state]}”，不在您办理的这一步。` } };
  // A row whose placing guards (unit level, limits) fail is another path, not a refusal.
  const taken = mine.find((r) => r.guards.every((g) => holds(g, ctx)));
  if (!taken) {
    const placed = mine.find((r) => r.guards.filter(isPlacing).every((g) => holds(g, ctx))) ?? mine[0]!;
    const failed = placed.guards.find((g) => !holds(g, ctx))!;
    return { ok: false, error: { kind: 'guard', guard: failed, message: GUARD_MESSAGES[failed] } };
  }
  const effects: Effect[] = [{ kind: 'record' }];
  if (taken.countsSubmission) effects.push({ kind: 'count_submission' });
  if (taken.startsReturnDeadline) effects.push({ kind: 'start_return_deadline' });
  else if (state === 'returned') effects.push({ kind: 'clear_return_deadline' });
  if (taken.notify) effects.push({ kind: 'notify', notice: taken.notify });
  return { ok: true, from: state, next: taken.to, effects };
}

/** Guards that choose between rows (which path) rather than refuse. */
const isPlacing = (g: Guard) => g === 'county_unit' || g === 'prefecture_unit' || g === 'hr_route' || g === 'employment_service_route' || g === 'no_submissions_left' || g === 'defense_required' || g === 'no_defense_required';

/** The status in the applicant's words. */
export const STATUS_TEXT: Readonly<Record<ReviewStatus, string>> = {
  draft: '准备材料中（还没有提交）',
  submitted: '已提交，等待单位审核',
  unit_approved: '单位已推荐，等待人社部门审核',
  county_approved: '县（市）人社局已审核，等待地（州）人社局审核',
  formal_review_passed: '通过形式审核，等待评审委员会接收材料',
  materials_received: '评审委员会已接收材料，请缴纳评审费',
  fee_paid: '已缴费，等待评审',
  defended: '已答辩，等待评审结果',
  passed: '评审通过，等待公示',
  failed: '评审未通过',
  publicised: '公示中',
  certified: '已取得资格',
  returned: '已退回，请按意见修改后重新提交',
  abandoned: '逾期未重新提交，视为放弃申报',
  rejected: '提交次数已满仍不符合要求，不予受理',
  withdrawn: '已撤回',
  not_evaluated: '未按期缴纳评审费，不予评审',
};

/** The steps above the unit in the words of the employment-service route (aksu-water-2024 二(二)). */
const EMPLOYMENT_SERVICE_TEXT: Readonly<Partial<Record<ReviewStatus, string>>> = {
  unit_approved: '单位已推荐，等待公共就业服务机构审核',
  county_approved: '县（市）公共就业服务机构已推荐，等待地（州）公共就业服务机构审核',
};

/** What a paid applicant who defends (专业水平答辩) waits for first: the defense, then the evaluation. */
const DEFENDS_TEXT: Readonly<Partial<Record<ReviewStatus, string>>> = {
  fee_paid: '已缴费，等待答辩（答辩后评审）',
};

/**
 * The status in the applicant's words, on the application's route; for one who still has to
 * defend, what comes next is the defense.
 */
export function statusText(status: ReviewStatus, route: ReviewRoute, options: { readonly defends?: boolean } = {}): string {
  return (options.defends ? DEFENDS_TEXT[status] : undefined) ?? (route === 'employment_service' ? EMPLOYMENT_SERVICE_TEXT[status] : undefined) ?? STATUS_TEXT[status];
}
