/**
 * Work history (工作经历 / 工作简历): the periods must join, one after another, as the notices ask
 * for "连续" periods. Months are `YYYY-MM`; the last period may run to now (`to: null`, 至今).
 */
export interface WorkPeriod {
  readonly from: string;
  /** null: 至今. */
  readonly to: string | null;
  readonly unit: string;
  readonly post: string;
}

export interface ContinuityFinding {
  readonly kind: 'reversed' | 'future' | 'gap' | 'overlap' | 'open_not_last';
  /** Index of the period the finding is about, in the order given. */
  readonly index: number;
  /** Plain Chinese: what is wrong and what to do. */
  readonly message: string;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthText = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/**
 * Every break in the chain: a period that ends before it starts or starts after `nowMonth`, a gap
 * of a month or more between two periods, an overlap, an open period (至今) that is not the last.
 * A period may start in the month the one before it ended (a change of post within a month).
 * Reads the periods in time order without reordering the caller's list.
 */
export function checkContinuity(periods: readonly WorkPeriod[], nowMonth: string): ContinuityFinding[] {
  const findings: ContinuityFinding[] = [];
  periods.forEach((p, index) => {
    if (p.to !== null && p.to < p.from) findings.push({ kind: 'reversed', index, message: `第${index + 1}段的结束时间早于开始时间，请核对。` });
    if (p.from > nowMonth) findings.push({ kind: 'future', index, message: `第${index + 1}段的开始时间晚于现在，请核对。` });
  });
  const ordered = periods.map((period, index) => ({ period, index })).sort((a, b) => (a.period.from < b.period.from ? -1 : a.period.from > b.period.from ? 1 : a.index - b.index));
  for (let i = 1; i < ordered.length; i += 1) {
    const before = ordered[i - 1]!;
    const after = ordered[i]!;
    if (before.period.to === null) {
      findings.push({ kind: 'open_not_last', index: before.index, message: `第${before.index + 1}段写的是“至今”，但后面还有从${monthText(after.period.from)}开始的经历，请填写它的结束时间。` });
      continue;
    }
    const gap = monthIndex(after.period.from) - monthIndex(before.period.to);
    if (gap > 1) {
      findings.push({
        kind: 'gap',
        index: after.index,
        message: `${monthText(before.period.to)}到${monthText(after.period.from)}之间有${gap - 1}个月没有填写，请补上这段经历（如待业、学习），经历要连续。`,
      });
    } else if (gap < 0) {
      findings.push({ kind: 'overlap', index: after.index, message: `第${after.index + 1}段从${monthText(after.period.from)}开始，与上一段（到${monthText(before.period.to)}）重叠，请核对。` });
    }
  }
  return findings;
}
