import * as z from 'zod';
import { typedText } from '../text/text-input';
import type { MaterialRecord } from '../round/round.schema';

/**
 * The forms an applicant fills in for a category, as the platform asks for them: the work
 * history's periods (aksu-water-2024 四(一)5, bazhou-ecoenv-2024 五(一)5), practice and achievements with start, end, the
 * own role and workload (aksu-water-2024 四(一)7, 8), papers, awards, intellectual property and books. One
 * entry is one row; its values are strings, months `YYYY-MM`, and null for an open end (至今).
 */
export type ListRecord = Exclude<MaterialRecord, 'essay'>;

export interface EntryField {
  readonly key: string;
  readonly label: string;
  /** month: `YYYY-MM`; month_or_now: a month or null (至今); text: one line; long_text: a paragraph. */
  readonly type: 'month' | 'month_or_now' | 'text' | 'long_text';
  readonly required: boolean;
  readonly maxChars: number;
  /** What to write, shown in the empty field. */
  readonly hint?: string;
}

export interface EntryForm {
  /** What one entry is called: 一段经历, 一项成果 … */
  readonly noun: string;
  readonly fields: readonly EntryField[];
  /** The field that names an entry in lists and messages. */
  readonly titleKey: string;
}

const from: EntryField = { key: 'from', label: '开始时间', type: 'month', required: true, maxChars: 7 };
const to: EntryField = { key: 'to', label: '结束时间', type: 'month_or_now', required: true, maxChars: 7, hint: '仍在进行选“至今”' };

export const ENTRY_FORMS: Readonly<Record<ListRecord, EntryForm>> = {
  work_periods: {
    noun: '一段经历',
    titleKey: 'unit',
    fields: [
      from,
      to,
      { key: 'unit', label: '工作单位', type: 'text', required: true, maxChars: 60, hint: '本单位写“本单位”；借调、驻村可写在这里' },
      { key: 'post', label: '从事工作或职务', type: 'text', required: true, maxChars: 60 },
    ],
  },
  projects: {
    noun: '一项',
    titleKey: 'title',
    fields: [
      from,
      to,
      { key: 'title', label: '名称', type: 'text', required: true, maxChars: 80 },
      { key: 'role', label: '本人承担的角色', type: 'text', required: true, maxChars: 40, hint: '如：技术负责人、主要完成人' },
      { key: 'workload', label: '完成的工作量', type: 'text', required: true, maxChars: 200, hint: '本人完成了哪些工作、多少' },
      { key: 'description', label: '简要说明', type: 'long_text', required: false, maxChars: 1000, hint: '体现本人的经历和贡献，不要写成工程简介' },
    ],
  },
  papers: {
    noun: '一篇论文',
    titleKey: 'title',
    fields: [
      { key: 'title', label: '论文题目', type: 'text', required: true, maxChars: 120 },
      { key: 'journal', label: '刊物名称', type: 'text', required: true, maxChars: 60 },
      { key: 'published', label: '发表时间', type: 'month', required: true, maxChars: 7 },
      { key: 'issue', label: '期号', type: 'text', required: false, maxChars: 30, hint: '如：2023年第5期' },
      { key: 'authorRank', label: '本人排名', type: 'text', required: true, maxChars: 20, hint: '如：第一作者、独著' },
    ],
  },
  awards: {
    noun: '一个奖项',
    titleKey: 'name',
    fields: [
      { key: 'name', label: '奖项名称', type: 'text', required: true, maxChars: 80 },
      { key: 'grantor', label: '授予单位', type: 'text', required: true, maxChars: 60 },
      { key: 'date', label: '获奖时间', type: 'month', required: true, maxChars: 7 },
      { key: 'rank', label: '等次和本人排名', type: 'text', required: false, maxChars: 40 },
    ],
  },
  ip: {
    noun: '一项知识产权',
    titleKey: 'name',
    fields: [
      { key: 'name', label: '名称', type: 'text', required: true, maxChars: 80 },
      { key: 'kind', label: '类别', type: 'text', required: true, maxChars: 20, hint: '如：发明专利、实用新型、软件著作权' },
      { key: 'number', label: '专利号或登记号', type: 'text', required: true, maxChars: 40 },
      { key: 'date', label: '授权时间', type: 'month', required: true, maxChars: 7 },
      { key: 'rank', label: '本人排名', type: 'text', required: false, maxChars: 20 },
    ],
  },
  books: {
    noun: '一部著（译）作',
    titleKey: 'title',
    fields: [
      { key: 'title', label: '书名', type: 'text', required: true, maxChars: 80 },
      { key: 'publisher', label: '出版社', type: 'text', required: true, maxChars: 60 },
      { key: 'published', label: '出版时间', type: 'month', required: true, maxChars: 7 },
      { key: 'role', label: '本人承担部分', type: 'text', required: true, maxChars: 60, hint: '如：主编、参编第三章' },
    ],
  },
};

export const isListRecord = (record: MaterialRecord | null): record is ListRecord => record !== null && record !== 'essay';

export type Entry = Readonly<Record<string, string | null>>;

/** At most this many entries in one category. */
export const MAX_ENTRIES = 40;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The shape an entry of this form may have when saved: only its own fields, within their lengths,
 * months as `YYYY-MM`. A draft may leave fields empty; completeness says which must be filled.
 */
export function entrySchema(form: EntryForm): z.ZodType<Entry> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of form.fields) {
    if (field.type === 'month') shape[field.key] = z.string().regex(MONTH, `${field.label}要选年月`).or(z.literal('')).optional();
    else if (field.type === 'month_or_now') shape[field.key] = z.string().regex(MONTH, `${field.label}要选年月或“至今”`).or(z.literal('')).nullable().optional();
    else shape[field.key] = typedText({ max: field.maxChars, tooLong: `${field.label}最多 ${field.maxChars} 字`, lines: field.type === 'long_text' }).optional();
  }
  return z.strictObject(shape) as unknown as z.ZodType<Entry>;
}

/** An entry's value of one field, trimmed; '' when missing. (null is 至今 and kept.) */
export function valueOf(entry: Entry, key: string): string | null {
  const value = entry[key];
  if (value === null) return null;
  return (value ?? '').trim();
}

/** `2019-03` → 2019年3月. */
export const monthText = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** One line naming an entry: 2019年3月—至今 · 某水库除险加固工程. */
export function entryTitle(form: EntryForm, entry: Entry): string {
  const title = valueOf(entry, form.titleKey) || '（未填写名称）';
  const start = valueOf(entry, 'from');
  if (!start) return title;
  const end = valueOf(entry, 'to');
  return `${monthText(start)}—${end === null ? '至今' : end ? monthText(end) : '？'} · ${title}`;
}
