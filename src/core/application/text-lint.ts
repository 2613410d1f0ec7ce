/**
 * Before submitting, the typed sections are read for what blind review and the notices forbid:
 * the applicant's own name (write 本人), the own unit's name (write what the round says: xxx /
 * 本单位), and empty fields (write 无, bazhou-ecoenv-2024 四(二)). Each finding carries its one-tap fix.
 * Another person's name is never touched: the notices forbid masking it.
 */
export interface LintField {
  /** Where the text is, e.g. `achievements.2.role`. */
  readonly path: string;
  /** What the field is called on screen: 业绩成果 第3项 · 本人作用. */
  readonly label: string;
  readonly text: string;
}

export interface LintContext {
  readonly ownName: string;
  /** The applicant's unit's name, when known. */
  readonly unitName: string | null;
  /** What the round says to write instead of the unit's name (aksu-water-2024 四(一)19: xxx); default 本单位. */
  readonly unitReplacement: string;
}

/** What is written instead of the unit's name where the round says nothing. */
export const DEFAULT_UNIT_REPLACEMENT = '本单位';

/** The lint context from the application alone, when the applicant's account cannot be read. */
export function lintContextOfRecord(record: { readonly applicantName: string; readonly unit: { readonly name: string } | null }): LintContext {
  return { ownName: record.applicantName, unitName: record.unit?.name ?? null, unitReplacement: DEFAULT_UNIT_REPLACEMENT };
}

export interface LintFinding {
  readonly path: string;
  readonly label: string;
  readonly kind: 'own_name' | 'unit_name' | 'empty';
  readonly message: string;
  /** Replace every match of `pattern` with `to` (one tap). */
  readonly fix: { readonly pattern: RegExp; readonly to: string };
}

/** A name also matches with spaces between its characters (李 娜, or a full-width space between). */
function spacedPattern(name: string): RegExp {
  const chars = [...name.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(chars.join('[\\s\\u3000]*'), 'g');
}

export function lintTexts(fields: readonly LintField[], context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const name = context.ownName.trim();
  const unit = context.unitName?.trim() ?? '';
  for (const field of fields) {
    const text = field.text.trim();
    if (text === '') {
      findings.push({ path: field.path, label: field.label, kind: 'empty', message: `${field.label}是空的：没有内容请填“无”。`, fix: { pattern: /^\s*$/g, to: '无' } });
      continue;
    }
    if (unit.length >= 2 && spacedPattern(unit).test(text)) {
      findings.push({
        path: field.path,
        label: field.label,
        kind: 'unit_name',
        message: `${field.label}写了单位名称“${unit}”，盲评时要写成“${context.unitReplacement}”。`,
        fix: { pattern: spacedPattern(unit), to: context.unitReplacement },
      });
    }
    if (name.length >= 2 && spacedPattern(name).test(text)) {
      findings.push({
        path: field.path,
        label: field.label,
        kind: 'own_name',
        message: `${field.label}写了您的姓名“${name}”，盲评时要写成“本人”。`,
        fix: { pattern: spacedPattern(name), to: '本人' },
      });
    }
  }
  return findings;
}

/** The text after a finding's one-tap fix. */
export function applyFix(text: string, finding: LintFinding): string {
  if (finding.kind === 'empty') return text.trim() === '' ? finding.fix.to : text;
  return text.replace(new RegExp(finding.fix.pattern.source, 'g'), finding.fix.to);
}
