import type { ApplicationRecord } from '../application/application.schema';
import { CHANNEL_LABELS, LEVEL_LABELS, WAY_LABELS } from '../eligibility/labels';
import type { Level } from '../round/round.vocabulary';
import { namedTitlesAt } from '../eligibility/assess';
import type { ReviewStatus } from '../review/review.machine';
import type { Round, Source } from '../round/round.schema';
import { BLANK, fromIdNumber } from './document-fields';

/**
 * 申报人员花名册: bazhou-ecoenv-2024 附件5's columns, the round's own where its file lists them. Every round's
 * roster uses them (the issue's ask), so an office that knows bazhou's form finds the same one; with the
 * 申报专业 and 申报渠道 a committee sorts by.
 */
export const BAZHOU_ROSTER_COLUMNS = ['序号', '姓名', '性别', '族别', '政治面貌', '身份证号码', '现任专业技术职务', '获现任专业技术职务时间', '拟晋升专业技术职务', '申报专业', '申报渠道', '工作单位', '是否通过', '备注（初定/授予/评审）'] as const;

/**
 * A title as the roster writes it, current and applied for alike: its name in the applicant's
 * specialty (else series) with its level, 工程师（中级）; the level alone where the round names none.
 */
export function rosterTitle(round: Pick<Round, 'specialties' | 'series'>, record: Pick<ApplicationRecord, 'specialty' | 'series'>, level: Level): string {
  const name = namedTitlesAt(round, record, level)?.[0];
  return name ? `${name}（${LEVEL_LABELS[level]}）` : LEVEL_LABELS[level];
}

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
}

/** One row per application, in the columns' order; a column the product cannot fill stays empty. */
export function rosterRows(round: Pick<Round, 'specialties' | 'series'>, columns: readonly string[], entries: readonly RosterEntry[]): string[][] {
  return entries.map(({ record }, i) => {
    const { sex } = fromIdNumber(record.idNumber);
    const current = record.profile.currentTitle;
    const value: Readonly<Record<string, string>> = {
      序号: String(i + 1),
      姓名: record.applicantName,
      性别: sex === BLANK ? '' : sex,
      族别: record.basics.ethnicity ?? '',
      政治面貌: record.basics.politicalStatus ?? '',
      身份证号码: record.idNumber ?? '',
      现任专业技术职务: current ? rosterTitle(round, record, current.level) : current === null ? '无' : '',
      获现任专业技术职务时间: current?.obtainedOn ? current.obtainedOn.slice(0, 7) : '',
      拟晋升专业技术职务: rosterTitle(round, record, record.level),
      申报专业: round.specialties.find((s) => s.code === record.specialty)?.name ?? round.series.find((s) => s.code === record.series)?.name ?? '',
      申报渠道: CHANNEL_LABELS[record.channel] || '普通渠道',
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
