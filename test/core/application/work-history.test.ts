import { checkContinuity, type WorkPeriod } from '../../../src/core/application/work-history';

const period = (from: string, to: string | null): WorkPeriod => ({ from, to, unit: 'xxx', post: '技术员' });

describe('checkContinuity: work periods must join', () => {
  it('accepts periods that follow month after month, or change within a month, up to now', () => {
    expect(checkContinuity([period('2010-07', '2015-06'), period('2015-07', '2018-12'), period('2018-12', null)], '2024-08')).toEqual([]);
  });

  it.each<[string, WorkPeriod[], string, RegExp]>([
    ['a gap of months', [period('2010-07', '2012-03'), period('2012-07', null)], 'gap', /2012年3月到2012年7月之间有3个月没有填写/],
    ['an overlap', [period('2010-07', '2015-06'), period('2014-01', null)], 'overlap', /第2段从2014年1月开始，与上一段（到2015年6月）重叠/],
    ['a period ending before it starts', [period('2015-07', '2014-06')], 'reversed', /第1段的结束时间早于开始时间/],
    ['a period starting after now', [period('2025-01', null)], 'future', /晚于现在/],
    ['至今 that is not the last period', [period('2010-07', null), period('2016-01', null)], 'open_not_last', /第1段写的是“至今”/],
  ])('flags %s', (_name, periods, kind, message) => {
    const findings = checkContinuity(periods, '2024-08');
    expect(findings.map((f) => f.kind)).toContain(kind);
    expect(findings.map((f) => f.message).join('')).toMatch(message);
  });

  it('reads the periods in time order whatever order they were typed in, and leaves the list as it was', () => {
    const typed = [period('2015-07', null), period('2010-07', '2015-06')];
    const copy = structuredClone(typed);
    expect(checkContinuity(typed, '2024-08')).toEqual([]);
    expect(typed).toEqual(copy);
  });

  it('names the period as it was typed (the index in the list given)', () => {
    const findings = checkContinuity([period('2013-01', null), period('2010-07', '2011-06')], '2024-08');
    expect(findings).toEqual([expect.objectContaining({ kind: 'gap', index: 0 })]);
  });
});
