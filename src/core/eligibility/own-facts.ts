import type { Level } from '../round/round.schema';
import { EDUCATION_RANK, type Applicant, type CountedEducation } from './applicant';
import { chineseDate } from './calendar-date';
import { EDUCATION_LABELS, LEVEL_LABELS } from './labels';
import type { CountingDate } from './seniority';
import { completedYears } from './seniority';

/**
 * The applicant's own facts that a series' conditions (set by a document the notice only names)
 * are checked against: highest education, years of professional work and years at the current
 * level, each counted to the round's counting date. Lines of plain Chinese, so 待确认 says exactly
 * what to hold against the document; an unanswered fact says it is unanswered.
 */
export function ownFactsForSeriesConditions(applicant: Applicant, countedTo: CountingDate, level: Level): string[] {
  const to = chineseDate(countedTo.date);
  const lines = [educationLine(applicant)];
  const since = applicant.profile.professionalWorkSince;
  lines.push(
    since === undefined
      ? '从事专业技术工作的年限：您没有回答从何时开始，请补充后对照。'
      : `从事专业技术工作：${chineseDate(since)}起，截至${to}满${completedYears(since, countedTo.date)}年。`,
  );
  const title = applicant.profile.currentTitle;
  if (title === undefined) lines.push('现有职称：您没有回答。');
  else if (title === null) lines.push(`现有职称：还没有，${LEVEL_LABELS[level]}一般要求先取得下一级职称。`);
  else if (title.obtainedOn === undefined) lines.push(`现有职称：${LEVEL_LABELS[title.level]}，没有回答取得时间，无法计算任现职年限。`);
  else {
    lines.push(
      `任现职（${LEVEL_LABELS[title.level]}）：${chineseDate(title.obtainedOn)}取得，截至${to}满${completedYears(title.obtainedOn, countedTo.date)}年。`,
    );
  }
  return lines;
}

function educationLine(applicant: Applicant): string {
  const educations = applicant.educations;
  if (educations === undefined) return '最高学历：您没有回答。';
  const counted = educations.filter((e) => e.education !== null);
  if (counted.length === 0) return '最高学历：没有可计入的学历。';
  const highest = counted.reduce((a, b) => (outranks(b, a) ? b : a));
  const fullTime = highest.record.fullTime === true ? '（全日制）' : highest.record.fullTime === false ? '（非全日制）' : '';
  const when = highest.record.graduatedOn ? `，${chineseDate(highest.record.graduatedOn)}毕业` : '';
  return `最高学历：${EDUCATION_LABELS[highest.education!]}${fullTime}${when}。`;
}

/** A total order, so the record named never depends on the order the person listed them in. */
function outranks(a: CountedEducation, b: CountedEducation): boolean {
  const key = (e: CountedEducation) =>
    [EDUCATION_RANK[e.education!], e.record.graduatedOn ?? '', e.record.fullTime === true ? 2 : e.record.fullTime === false ? 1 : 0, e.record.technicalSchoolClass ?? ''] as const;
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}
