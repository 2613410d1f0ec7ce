import type { ChecklistItem } from '../eligibility/assessment';
import type { MaterialRule } from '../round/round.schema';
import { ENTRY_FORMS, entryTitle, isListRecord, valueOf, type Entry, type EntryForm } from './entry-forms';
import { essayLength } from './essay';
import { repeatedAchievements } from './similarity';
import { lintTexts, type LintContext, type LintField, type LintFinding } from './text-lint';
import { checkContinuity } from './work-history';
import type { FindingKind } from '../masking/identity-finder';

const VISIBLE_TEXT: Readonly<Record<FindingKind, string>> = { name: '您的姓名', id_number: '您的身份证号', unit: '您的单位名称', seal: '红色印章', eyes: '眼睛部位' };

/**
 * Before submitting: every problem by material category, so the applicant fixes them all at once
 * instead of learning one per refusal. The notices hold the applicant responsible for anything
 * missed, wrong or unclear (因漏传、错传、未传导致的后果，由申报人承担). A `block` stops the
 * submission; a `warn` is said and left to the applicant (a likeness of two texts is a guess).
 */
export interface Problem {
  readonly category: string;
  readonly name: string;
  /** Where it is: the category, `category.3.role` for an entry's field, `declaration.<rule>`. */
  readonly path: string;
  readonly severity: 'block' | 'warn';
  readonly message: string;
  /** A text finding with its one-tap fix, where the problem is one. */
  readonly lint?: LintFinding;
  /** The rule to confirm (a declaration), where the problem is one. */
  readonly declaration?: string;
  /** Nothing there yet (not uploaded, not chosen, no entry): what a section's progress already says. */
  readonly missing?: boolean;
}

export interface FileState {
  readonly category: string;
  readonly contentType: 'image/jpeg' | 'application/pdf';
  readonly needsMasking: 'yes' | 'no' | null;
  readonly hasBlindCopy: boolean;
  /**
   * What the server still found on the blind copy of an image, answered 是 or 否 (never the text
   * itself); null when it could not read the copy.
   */
  readonly stillVisible?: readonly FindingKind[] | null;
  /** Whether that check has run on the blind copy as it is now (it runs after the save). */
  readonly identityChecked?: boolean;
}

export interface ApplicationContent {
  readonly files: readonly FileState[];
  readonly texts: Readonly<Record<string, string>>;
  readonly entries: Readonly<Record<string, readonly Entry[]>>;
  /** Codes of the round's rules the applicant has confirmed (no work or meeting photos). */
  readonly declarations: readonly string[];
  readonly idNumber: string | null;
}

export interface CompletenessRound {
  readonly rules: readonly MaterialRule[];
  readonly blindReview: boolean;
}

/** The pseudo-category of the applicant's own particulars (the ID number). */
export const IDENTITY_CATEGORY = 'identity';

export function completenessProblems(
  materials: readonly ChecklistItem[],
  content: ApplicationContent,
  round: CompletenessRound,
  context: LintContext,
  /** The server's month (`YYYY-MM`, Beijing time): no period may start after it. */
  nowMonth: string,
): Problem[] {
  const problems: Problem[] = [];
  // The number is checked (GB 11643) when it is saved; here only that it is there.
  if (content.idNumber === null) problems.push({ category: IDENTITY_CATEGORY, name: '身份证号', path: IDENTITY_CATEGORY, severity: 'block', message: '还没有填写身份证号。', missing: true });

  // The unit's papers are the unit's to upload, after its publicity: never the applicant's problem.
  const online = materials.filter((m) => m.stage === 'online' && m.providedBy !== 'unit');
  for (const item of online) {
    const say = (path: string, message: string, extra: Partial<Problem> = {}) =>
      problems.push({ category: item.code, name: item.name, path, severity: 'block', message, ...extra });
    if (item.form === 'upload') fileProblems(item, content.files, round.blindReview, say);
    if (isListRecord(item.record)) entryProblems(item, ENTRY_FORMS[item.record], content.entries[item.code] ?? [], context, nowMonth, say);
    else if (item.record === 'essay' || item.form === 'field') textProblems(item, content.texts[item.code] ?? '', context, say);
  }

  // The same achievement under both 实践能力 and 业绩成果 (aksu-water-2024 四(一)7, 8): said, not blocked (a likeness is a guess).
  for (const rule of round.rules.filter((r) => r.kind === 'exclusive_use' && (r.categories?.length ?? 0) === 2)) {
    const [first, second] = rule.categories!.map((code) => online.find((m) => m.code === code));
    if (!first || !second || !isListRecord(first.record) || !isListRecord(second.record)) continue;
    const a = content.entries[first.code] ?? [];
    const b = content.entries[second.code] ?? [];
    for (const pair of repeatedAchievements(a.map(entryText), b.map(entryText))) {
      problems.push({
        category: second.code,
        name: second.name,
        path: `${second.code}.${pair.achievementIndex}`,
        severity: 'warn',
        message: `第${pair.achievementIndex + 1}项与${first.name}第${pair.practiceIndex + 1}项内容很像（相似度 ${Math.round(pair.similarity * 100)}%）：${rule.text}请核对，同一业绩只写在一处。`,
      });
    }
  }

  // Rules to confirm before submitting, once something is uploaded where they apply.
  for (const rule of round.rules.filter((r) => r.kind === 'no_work_or_meeting_photos')) {
    const categories = (rule.categories ?? []).filter((code) => online.some((m) => m.code === code));
    if (!categories.some((code) => content.files.some((f) => f.category === code))) continue;
    if (content.declarations.includes(rule.code)) continue;
    const item = online.find((m) => m.code === categories[0])!;
    problems.push({ category: item.code, name: item.name, path: `declaration.${rule.code}`, severity: 'block', message: `请确认：${rule.text}`, declaration: rule.code });
  }
  return problems;
}

type Say = (path: string, message: string, extra?: Partial<Problem>) => void;

function fileProblems(item: ChecklistItem, files: readonly FileState[], blindReview: boolean, say: Say): void {
  const mine = files.filter((f) => f.category === item.code);
  if (mine.length === 0 && item.need === 'required') say(item.code, '还没有上传。', { missing: true });
  // What experts never see needs no masking, and no answer about it.
  if (!blindReview || item.expertsSee === 'never') return;
  mine.forEach((f, i) => {
    if (f.contentType !== 'image/jpeg') return;
    if (f.needsMasking === null) say(item.code, `第 ${i + 1} 张还没有回答是否需要遮挡。`);
    else if (f.needsMasking === 'yes' && !f.hasBlindCopy) say(item.code, `第 ${i + 1} 张选了需要遮挡，还没有画遮挡框。`);
    else if (f.hasBlindCopy && f.identityChecked === false) say(item.code, `第 ${i + 1} 张还没有检查完专家会看到什么：保存后会自动检查，稍等片刻；一直没有结果，请点开照片自己看一遍。`, { severity: 'warn' });
    else if (f.stillVisible === null) {
      say(item.code, `第 ${i + 1} 张没能自动检查（识别服务暂时不可用）。请放大看一遍，确认专家看不到姓名、身份证号、单位名称和公章；也可以重新保存遮挡再检查一次。`, { severity: 'warn' });
    }
    // Checked on the blind copy, what experts will see, whatever was answered: said, the applicant decides (a reading may be wrong).
    else if (f.stillVisible && f.stillVisible.length > 0) {
      const what = [...new Set(f.stillVisible)].map((k) => VISIBLE_TEXT[k]).join('、');
      const todo = f.needsMasking === 'yes' ? '遮挡后仍能看到' : '选了不需要遮挡，但上面能看到';
      say(item.code, `第 ${i + 1} 张${todo}${what}，专家会看到。请${f.needsMasking === 'yes' ? '打开遮挡编辑补上遮挡框' : '改选“是”并画遮挡框'}。`, { severity: 'warn' });
    }
  });
}

/** A typed text (二级专业, the work summary): not empty where required, within the round's length, no own name or unit. */
function textProblems(item: ChecklistItem, text: string, context: LintContext, say: Say): void {
  if (item.need !== 'required' && text.trim() === '') return;
  // A choice is chosen, never typed: no lint, no 无 to propose.
  if (item.choices) {
    if (text === '') say(item.code, `还没有选择：${item.choices.options.join(' / ')}。`, { missing: true });
    else if (!item.choices.options.includes(text)) say(item.code, `“${text}”不是可选的一项，请重新选择。`);
    return;
  }
  const findings = lintTexts([{ path: item.code, label: item.name, text }], context);
  for (const finding of findings) say(item.code, finding.message, { lint: finding });
  if (text.trim() === '' || !item.textLength) return;
  const length = essayLength(text);
  const { minChars, maxChars } = item.textLength;
  if (minChars !== undefined && length < minChars) say(item.code, `现在 ${length} 字，通知要求${maxChars ? `${minChars}—${maxChars}` : `不少于${minChars}`}字，还差 ${minChars - length} 字。`);
  if (maxChars !== undefined && length > maxChars) say(item.code, `现在 ${length} 字，通知要求${minChars ? `${minChars}—${maxChars}` : `不超过${maxChars}`}字，要删去 ${length - maxChars} 字。`);
}

/** Entries (work periods, achievements, papers …): each complete, in time, continuous where periods, and blind. */
function entryProblems(item: ChecklistItem, form: EntryForm, entries: readonly Entry[], context: LintContext, nowMonth: string, say: Say): void {
  if (entries.length === 0) {
    if (item.need === 'required') say(item.code, `还没有填写，请添加${form.noun}。`, { missing: true });
    else if (item.need === 'per_conditions') say(item.code, '还没有填写。评审条件通常要求填写这一项；确实没有可以不填。', { severity: 'warn' });
    return;
  }
  entries.forEach((entry, i) => {
    const empty = form.fields.filter((f) => f.required && f.type !== 'month_or_now' && !valueOf(entry, f.key));
    const openEnd = form.fields.find((f) => f.type === 'month_or_now' && entry[f.key] === '');
    const missing = [...empty, ...(openEnd ? [openEnd] : [])].map((f) => f.label);
    if (missing.length > 0) say(`${item.code}.${i}`, `第${i + 1}项（${entryTitle(form, entry)}）还没有填写：${missing.join('、')}。`);
    const start = valueOf(entry, 'from');
    const end = valueOf(entry, 'to');
    // Periods are checked together below; other entries one by one.
    if (item.record !== 'work_periods' && start && end && end < start) say(`${item.code}.${i}`, `第${i + 1}项的结束时间早于开始时间，请核对。`);
    for (const field of form.fields.filter((f) => f.type === 'month')) {
      const month = valueOf(entry, field.key);
      if (month && month > nowMonth && !(item.record === 'work_periods' && field.key === 'from')) say(`${item.code}.${i}`, `第${i + 1}项的${field.label}晚于现在，请核对。`);
    }
  });
  if (item.record === 'work_periods') {
    const periods = entries
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => valueOf(e, 'from') && valueOf(e, 'to') !== '')
      .map(({ e, index }) => ({ index, period: { from: valueOf(e, 'from')!, to: valueOf(e, 'to'), unit: valueOf(e, 'unit') ?? '', post: valueOf(e, 'post') ?? '' } }));
    for (const finding of checkContinuity(periods.map((p) => p.period), nowMonth)) {
      const index = periods[finding.index]!.index;
      say(`${item.code}.${index}`, renumber(finding.message, finding.index, index));
    }
  }
  const fields: LintField[] = [];
  entries.forEach((entry, i) =>
    form.fields
      .filter((f) => f.type === 'text' || f.type === 'long_text')
      .forEach((f) => {
        const text = valueOf(entry, f.key) ?? '';
        if (text !== '') fields.push({ path: `${item.code}.${i}.${f.key}`, label: `${item.name}第${i + 1}项的${f.label}`, text });
      }),
  );
  for (const finding of lintTexts(fields, context)) say(finding.path, finding.message, { lint: finding });
}

/** Continuity numbers the periods it was given; the applicant sees their own list's numbers. */
function renumber(message: string, given: number, shown: number): string {
  return given === shown ? message : message.replace(`第${given + 1}段`, `第${shown + 1}段`);
}

/** The words of an entry that say what it was, for comparing two entries. */
function entryText(entry: Entry): string {
  return ['title', 'workload', 'description'].map((k) => valueOf(entry, k) ?? '').join(' ');
}
