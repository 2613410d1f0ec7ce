import { documentsFor } from '../../core/exports/documents';
import { people, units } from '../people.repo';
import { completenessProblems, type ApplicationContent, type Problem } from '../../core/application/completeness';
import { answeredReturnItems, returnItems, returnProblems } from '../../core/application/return-items';
import type { ApplicationRecord } from '../../core/application/application.schema';
import { applyFix, DEFAULT_UNIT_REPLACEMENT, type LintContext } from '../../core/application/text-lint';
import type { ApplicationView } from '../../core/contracts/api';
import { assess } from '../../core/eligibility/assess';
import type { OfferAssessment } from '../../core/eligibility/assessment';
import { Person } from '../../core/people/person';
import { statusText } from '../../core/review/review.machine';
import { holderOf } from '../../core/review/table-reads';
import { chainLevelOf } from '../../core/review/route';
import { ACTOR_TEXT, reasonText, timelineLine } from '../../core/review/timeline-text';
import type { Round } from '../../core/round/round.schema';
import { beijingDate } from '../../core/time/beijing';
import type { Store } from '../ports/store.port';

/**
 * An application as the app sees it, built the same way for its applicant and its reviewers: the
 * engine's answer on the server's clock, the materials, the files (no storage references), what
 * is typed in, every problem before submitting, and the timeline.
 */
export function viewOf(id: string, record: ApplicationRecord, round: Round, now: Date, context: LintContext): ApplicationView {
  return viewFrom(id, record, round, offerOf(id, record, round, now), context, now);
}

/** The engine's answer for the application's offer, on the server's clock. */
export function offerOf(id: string, record: ApplicationRecord, round: Round, now: Date): OfferAssessment {
  const offer = assess(record.profile, round, now).offers.find((o) => o.key === record.offerKey);
  if (!offer) throw new Error(`application ${id} names offer ${record.offerKey}, which round ${round.id} no longer has`);
  return offer;
}

export function viewFrom(id: string, record: ApplicationRecord, round: Round, offer: OfferAssessment, context: LintContext, now: Date): ApplicationView {
  const categoryNames = Object.fromEntries(offer.materials.map((m) => [m.code, m.name]));
  const returned = returnItems(record);
  // A return's items come first: resubmitting waits on them as on anything missing.
  const problems = [...returnProblems(returned, categoryNames), ...completenessProblems(offer.materials, contentOf(record), completenessRound(round), context, beijingDate(now).slice(0, 7))];
  return {
    id,
    roundId: record.roundId,
    roundTitle: round.title,
    offerKey: record.offerKey,
    label: offer.label,
    titleNames: offer.titleNames,
    basics: record.basics,
    conflicts: record.conflicts,
    recheck: record.recheck ? { reason: record.recheck.reason, requestedAt: record.recheck.requestedAt, answer: record.recheck.answer ? { text: record.recheck.answer.text, at: record.recheck.answer.at } : null } : null,
    mayRequestRecheck: record.status === 'failed' && record.recheck === null,
    documents: documentsFor(round, 'applicant', new Set(offer.materials.map((m) => m.code))).map(({ code, name, attachment, materials }) => ({ code, name, attachment, materials })),
    status: record.status,
    createdAt: record.createdAt,
    verdict: offer.verdict,
    missing: offer.missing,
    window: offer.window,
    defense: offer.defense,
    fee: offer.fee ? { ...offer.fee, state: feeState(record, round), paid: record.feePayment ? { amountYuan: record.feePayment.amountYuan, paidOn: record.feePayment.paidOn, receiptNo: record.feePayment.receiptNo } : null } : null,
    materials: offer.materials,
    files: record.files.map((f) => ({
      sha256: f.sha256,
      category: f.category,
      contentType: f.contentType,
      bytes: f.bytes,
      width: f.width,
      height: f.height,
      needsMasking: f.needsMasking,
      masks: f.masks,
      hasBlindCopy: f.blindRef !== null,
      identityChecked: f.blindRef !== null && f.checkedBlindRef === f.blindRef,
    })),
    texts: record.texts,
    entries: record.entries,
    declarations: record.declarations,
    idNumberShown: record.idNumber ? `${record.idNumber.slice(0, 4)}${'*'.repeat(10)}${record.idNumber.slice(14)}` : null,
    problems: problems.map((p) => ({
      category: p.category,
      name: p.name,
      path: p.path,
      severity: p.severity,
      message: p.message,
      fix: p.lint ? { to: textAt(withFix(record, p), p.path) } : null,
      returned: p.path.startsWith('return.'),
      missing: p.missing === true,
      declaration: p.declaration ?? null,
    })),
    submissions: record.submissions,
    maxSubmissions: round.submission.maxSubmissions.count,
    statusText: statusText(record.status, record.unit?.route ?? 'hr', { defends: offer.defense.status === 'required' }),
    holderText: holderText(record, 'applicant'),
    holderTextForReviewers: holderText(record, 'reviewer'),
    returnDeadline: record.status === 'returned' ? record.returnDeadline : null,
    returnReasons: record.status === 'returned' ? ([...record.events].reverse().find((e) => e.kind === 'return')?.reasons ?? []).map((r) => reasonText(r, categoryNames)) : [],
    returnItems: returned,
    returnAnswers: answeredReturnItems(record),
    unitName: record.unit?.name ?? null,
    lastSubmittedAt: [...record.events].reverse().find((e) => e.kind === 'submit')?.at ?? null,
    events: record.events.map((e) => timelineLine(e, categoryNames)),
  };
}

/**
 * Where the fee stands: paid once the committee recorded it; due from the step the round names
 * (通过形式审核后 / 已接收材料后) while the machine still expects the fee; not yet payable before.
 */
function feeState(record: ApplicationRecord, round: Round): 'later' | 'due' | 'paid' {
  if (record.events.some((e) => e.kind === 'record_fee')) return 'paid';
  const after = round.fees.payment[0]?.after;
  const payableFrom: readonly ApplicationRecord['status'][] = after === 'formal_review_passed' ? ['formal_review_passed', 'materials_received'] : ['materials_received'];
  return payableFrom.includes(record.status) ? 'due' : 'later';
}

export function contentOf(record: ApplicationRecord): ApplicationContent {
  return {
    files: record.files.map((f) => ({ category: f.category, contentType: f.contentType, needsMasking: f.needsMasking, hasBlindCopy: f.blindRef !== null, stillVisible: f.stillVisible, identityChecked: f.blindRef !== null && f.checkedBlindRef === f.blindRef })),
    texts: record.texts,
    entries: record.entries,
    declarations: record.declarations,
    idNumber: record.idNumber,
  };
}

const completenessRound = (round: Round) => ({ rules: round.materials.rules, blindReview: round.materials.masking.blindReview });

export function problemsOf(record: ApplicationRecord, round: Round, now: Date, context: LintContext): Problem[] {
  const offer = assess(record.profile, round, now).offers.find((o) => o.key === record.offerKey);
  if (!offer) return [];
  return completenessProblems(offer.materials, contentOf(record), completenessRound(round), context, beijingDate(now).slice(0, 7));
}

/** The record with a text finding's fix applied where it is: a category's text, or one field of one entry. */
export function withFix(record: ApplicationRecord, problem: Problem): ApplicationRecord {
  const lint = problem.lint!;
  const [category, index, key] = problem.path.split('.');
  if (index === undefined || key === undefined) return { ...record, texts: { ...record.texts, [category!]: applyFix(record.texts[category!] ?? '', lint) } };
  const rows = (record.entries[category!] ?? []).map((row, i) => (i === Number(index) ? { ...row, [key]: applyFix(row[key] ?? '', lint) } : row));
  return { ...record, entries: { ...record.entries, [category!]: rows } };
}

/** The text at a problem's path (a category's text, or an entry's field). */
export function textAt(record: ApplicationRecord, path: string): string {
  const [category, index, key] = path.split('.');
  if (index === undefined || key === undefined) return record.texts[category!] ?? '';
  return record.entries[category!]?.[Number(index)]?.[key] ?? '';
}

/** What the text lint checks against: the applicant's name and unit, and what the round says to write instead. */
/**
 * The application as its applicant sees it now, for a move someone else makes (a reviewer, the
 * committee, a timer): the applicant's own name and unit feed the text checks. Null when the
 * applicant's account is gone.
 */
export async function applicantViewOf(store: Pick<Store, 'get'>, id: string, record: ApplicationRecord, round: Round, now: Date): Promise<ApplicationView | null> {
  const applicant = await people.get(store, record.personId);
  if (!applicant) return null;
  return viewOf(id, record, round, now, await lintContextOf(store, applicant.record, round));
}

export async function lintContextOf(store: Pick<Store, 'get'>, person: Person, round: Round): Promise<LintContext> {
  const unit = person.unitId ? await units.get(store, person.unitId) : null;
  const replacement = round.materials.masking.textReplacements.find((r) => r.what === 'unit_name')?.replaceWith[0];
  return { ownName: person.name, unitName: unit?.record.name ?? null, unitReplacement: replacement ?? DEFAULT_UNIT_REPLACEMENT };
}


/** Whose move it is, in the applicant's words or a reviewer's. */
function holderText(record: ApplicationRecord, reader: 'applicant' | 'reviewer'): string {
  const holder = holderOf(record.status, chainLevelOf(record.unit), record.unit?.route ?? 'hr');
  if (holder === null) return '办理已结束';
  const whose = reader === 'applicant' ? '在您手上' : '在申报人手上';
  if (holder === 'applicant') return record.status === 'returned' ? `${whose}：按退回意见修改后重新提交` : `${whose}：准备材料，齐了就提交`;
  if (holder === 'unit_admin') return `在${record.unit?.name ?? '所在单位'}：等待单位审核`;
  if (holder === 'committee_secretary') return `在评审委员会：${statusText(record.status, record.unit?.route ?? 'hr')}`;
  return `在${ACTOR_TEXT(holder).replace(/审核员$/, '')}：等待审核`;
}
