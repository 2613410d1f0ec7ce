import type { ApplicationRecord } from '../application/application.schema';
import { EDUCATION_RANK } from '../eligibility/applicant';
import { EDUCATION_LABELS, LEVEL_LABELS, WAY_LABELS } from '../eligibility/labels';
import type { Level, Round } from '../round/round.schema';
import { chineseDate, daysIncluding } from '../review/template-fill';
import { monthText } from '../application/entry-forms';

/** What the product does not know is left as a line to write on, never guessed. */
export const BLANK = '＿＿＿＿＿＿';

/** 高、中、初 as the notices' templates write the level (×（高、中、初）级). */
const LEVEL_SHORT: Readonly<Record<Level, string>> = { senior: '正高', deputy_senior: '副高', intermediate: '中', junior_assistant: '初', junior_yuan: '初' };

export interface DocumentFacts {
  readonly record: ApplicationRecord;
  readonly round: Round;
  /** The title applied for, by name (高级工程师), from the engine's title names; null where the notice names none. */
  readonly targetTitle: string | null;
  /** Today in Beijing, YYYY-MM-DD. */
  readonly today: string;
}


/** Sex and birth month from a GB 11643 ID number (the 17th digit: odd 男, even 女). */
export function fromIdNumber(idNumber: string | null): { sex: string; birth: string } {
  if (!idNumber || !/^\d{17}[\dX]$/.test(idNumber)) return { sex: BLANK, birth: BLANK };
  return { sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女', birth: `${idNumber.slice(6, 10)}年${Number(idNumber.slice(10, 12))}月` };
}

/**
 * The fields a filled document uses (the tags of config/templates/*.docx), each as text: the
 * application's own data, the round's standard texts, blanks for what is not known.
 */
export function documentFields({ record, round, targetTitle, today }: DocumentFacts): Record<string, string> {
  const { sex, birth } = fromIdNumber(record.idNumber);
  const specialty = round.specialties.find((s) => s.code === record.specialty);
  const series = round.series.find((s) => s.code === (record.series ?? specialty?.series));
  const highest = [...(record.profile.educations ?? [])].sort((a, b) => EDUCATION_RANK[b.education] - EDUCATION_RANK[a.education])[0];
  const current = record.profile.currentTitle;
  const standard = (purpose: string) => round.standardTexts.find((t) => t.purpose === purpose)?.text ?? BLANK;
  const publicity = record.publicity;
  return {
    name: record.applicantName || BLANK,
    sex,
    birth,
    idNumber: record.idNumber ?? BLANK,
    ethnicity: record.basics.ethnicity ?? BLANK,
    politicalStatus: record.basics.politicalStatus ?? BLANK,
    seriesName: series?.name ?? BLANK,
    specialtyName: specialty?.name ?? BLANK,
    level: LEVEL_SHORT[record.level],
    levelLabel: LEVEL_LABELS[record.level],
    way: WAY_LABELS[record.way],
    // The level where the notice names no title (aksu-forestry): 副高级, never a made-up title.
    targetTitle: targetTitle ?? LEVEL_LABELS[record.level],
    titleNote: targetTitle ? `（${targetTitle}）` : '',
    currentTitle: current ? LEVEL_LABELS[current.level] : current === null ? '无' : BLANK,
    currentTitleSince: current?.obtainedOn ? monthText(current.obtainedOn) : BLANK,
    unit: record.unit?.name ?? BLANK,
    education: highest ? EDUCATION_LABELS[highest.education] : BLANK,
    graduatedOn: highest?.graduatedOn ? monthText(highest.graduatedOn) : BLANK,
    workSince: record.profile.professionalWorkSince ? monthText(record.profile.professionalWorkSince) : BLANK,
    publicityFrom: publicity ? chineseDate(publicity.from) : BLANK,
    publicityTo: publicity ? chineseDate(publicity.to) : BLANK,
    publicityDays: publicity ? String(daysIncluding(publicity.from, publicity.to)) : BLANK,
    publicityWorkingDays: publicity ? String(publicity.workingDays) : BLANK,
    opinion: standard('unit_opinion'),
    commitment: standard('personal_commitment'),
    roundTitle: round.title,
    year: String(round.year),
    today: chineseDate(today),
  };
}
