import type { ApplicationRecord } from '../application/application.schema';
import { LEVEL_LABELS, WAY_LABELS } from '../eligibility/labels';
import type { ReviewStatus } from '../review/review.machine';
import type { Round, Source } from '../round/round.schema';
import { BLANK, fromIdNumber } from './document-fields';

/**
 * 申报人员花名册: bazhou-ecoenv-2024 附件5's columns, the round's own where its file lists them. Every round's
 * roster uses them (the issue's ask), so an office that knows bazhou's form finds the same one.
 */
export const BAZHOU_ROSTER_COLUMNS = ['序号', '姓名', '性别', '族别', '政治面貌', '身份证号码', '现任专业技术职务', '获现任专业技术职务时间', '拟晋升专业技术职务', '工作单位', '是否通过', '备注（初定/授予/评审）'] as const;

export function rosterColumns(round: Pick<Round, 'templates'>): { columns: readonly string[]; source: Source | null } {
  const own = round.templates.find((t) => t.code === 'roster' && t.columns);
  return own?.columns ? { columns: own.columns, source: own.source } : { columns: BAZHOU_ROSTER_COLUMNS, source: null };
}

const PASSED: readonly ReviewStatus[] = ['passed', 'publicised', 'certified'];

/** 是否通过: 是 once passed, 否 when failed, empty until the committee has decided. */
export function passedText(status: ReviewStatus): string {
  if (PASSED.includes(status)) return '是';
  if (status === 'failed') return '否';
  return '';
}

export interface RosterEntry {
  readonly record: ApplicationRecord;
  /** The title applied for by name (高级工程师); null where the notice names none (the level is written then). */
  readonly targetTitle: string | null;
}

/** One row per application, in the columns' order; a column the product cannot fill stays empty. */
export function rosterRows(columns: readonly string[], entries: readonly RosterEntry[]): string[][] {
  return entries.map(({ record, targetTitle }, i) => {
    const { sex } = fromIdNumber(record.idNumber);
    const current = record.profile.currentTitle;
    const value: Readonly<Record<string, string>> = {
      序号: String(i + 1),
      姓名: record.applicantName,
      性别: sex === BLANK ? '' : sex,
      族别: record.basics.ethnicity ?? '',
      政治面貌: record.basics.politicalStatus ?? '',
      身份证号码: record.idNumber ?? '',
      现任专业技术职务: current ? LEVEL_LABELS[current.level] : current === null ? '无' : '',
      获现任专业技术职务时间: current?.obtainedOn ? current.obtainedOn.slice(0, 7) : '',
      拟晋升专业技术职务: targetTitle ?? LEVEL_LABELS[record.level],
      工作单位: record.unit?.name ?? '',
      是否通过: passedText(record.status),
    };
    return columns.map((column) => inertCell(column.startsWith('备注') ? WAY_LABELS[record.way] : (value[column] ?? '')));
  });
}

/**
 * A cell a spreadsheet never runs: text a person typed (a name, a unit) that starts like a formula
 * (`=HYPERLINK(…)`, `+cmd|…`, `-1+…`, `@SUM(…)`, or a tab or line break before one) gets a leading
 * apostrophe, as OWASP's CSV-injection rule says, so it stays text in any program that opens the file.
 */
export function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && text.length > 1 ? `'${text}` : text;
}
