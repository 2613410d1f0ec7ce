import type { ChecklistItem } from '../eligibility/assessment';
import { lintTexts, type LintContext, type LintFinding } from './text-lint';

/**
 * Before submitting: every problem that blocks it, by material category, so the applicant fixes
 * them all at once instead of learning one per refusal. The notices hold the applicant
 * responsible for anything missed, wrong or unclear (因漏传、错传、未传导致的后果，由申报人承担).
 */
export interface Problem {
  readonly category: string;
  readonly name: string;
  readonly message: string;
  /** A text finding with its one-tap fix, where the problem is one. */
  readonly lint?: LintFinding;
}

export interface FileState {
  readonly category: string;
  readonly contentType: 'image/jpeg' | 'application/pdf';
  readonly needsMasking: 'yes' | 'no' | null;
  readonly hasBlindCopy: boolean;
}

export function completenessProblems(
  materials: readonly ChecklistItem[],
  files: readonly FileState[],
  texts: Readonly<Record<string, string>>,
  context: LintContext,
  blindReview: boolean,
): Problem[] {
  const problems: Problem[] = [];
  for (const item of materials.filter((m) => m.stage === 'online')) {
    const say = (message: string, lint?: LintFinding) => problems.push({ category: item.code, name: item.name, message, ...(lint ? { lint } : {}) });
    if (item.form === 'upload') {
      const mine = files.filter((f) => f.category === item.code);
      if (mine.length === 0 && item.need === 'required') say('还没有上传。');
      if (!blindReview) continue;
      mine.forEach((f, i) => {
        if (f.contentType !== 'image/jpeg') return;
        if (f.needsMasking === null) say(`第 ${i + 1} 张还没有回答是否需要遮挡。`);
        else if (f.needsMasking === 'yes' && !f.hasBlindCopy) say(`第 ${i + 1} 张选了需要遮挡，还没有画遮挡框。`);
      });
      continue;
    }
    const text = texts[item.code] ?? '';
    // A required text may not be empty (write 无), and no typed text may name the applicant or the unit.
    if (item.need === 'required' || text.trim() !== '') {
      for (const finding of lintTexts([{ path: item.code, label: item.name, text }], context)) say(finding.message, finding);
    }
  }
  return problems;
}
