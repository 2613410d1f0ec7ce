import { findInNotice, type Candidate } from '../../../src/core/workshop/notice-finder';
import { measure, MEASURED, roundsMeasured } from './finder-table';

/**
 * The finder measured over the five notices in config/notices: every dated window, fee, phone and
 * cap the round files hold (written by hand from the notices) must be proposed with a passage that
 * contains it, and the candidates of those kinds that stand for nothing the round file holds are
 * counted as false. The figures are printed for the note.
 */
describe('the notice finder over the five notices', () => {
  const rows = roundsMeasured().map((round) => ({ round, ...measure(round) }));

  it.each(rows.map((r) => [r.round.id, r] as const))('%s: every held window, fee, phone and cap is proposed at its passage', (_id, row) => {
    const missed = row.facts.filter((f) => !f.by).map((f) => f.fact.what);
    expect(missed).toEqual([]);
  });

  it('recall is at least 90 % and at most one candidate in ten is false, per notice', () => {
    const report = rows.map((r) => ({
      notice: r.round.sourceFile,
      held: r.facts.length,
      found: r.facts.filter((f) => f.by).length,
      proposed: r.measured.length,
      false: r.falseOnes.length,
      falseFound: r.falseOnes.map((c) => `${c.value.kind} ${r.text.slice(c.start, c.end)}`),
    }));
    console.log(report.map((r) => `${r.notice}: recall ${r.found}/${r.held}, false ${r.false}/${r.proposed} ${r.falseFound.join('; ')}`).join('\n'));
    for (const r of report) {
      expect(r.found / r.held).toBeGreaterThanOrEqual(0.9);
      expect(r.false / r.proposed).toBeLessThanOrEqual(0.1);
    }
  });

  it('every candidate points at real text of the notice, and the kinds measured exist in every notice', () => {
    for (const row of rows) {
      for (const c of row.candidates) {
        expect(c.end).toBeGreaterThan(c.start);
        expect(row.text.slice(c.start, c.end).trim()).not.toBe('');
      }
      expect(row.candidates.some((c) => MEASURED.has(c.value.kind))).toBe(true);
    }
  });
});

const values = (text: string, options = {}): Candidate['value'][] => findInNotice(text, options).map((c) => c.value);

describe('the notice finder on the ways notices are written', () => {
  it('takes the year of the date before, or of the notice, for a date written without one', () => {
    expect(values('2.专家评审会时间：10月16日-11月24日。', { noticeDate: '2025-08-14' })).toContainEqual({
      kind: 'window',
      start: { at: '2025-10-16T00:00:00+08:00', given: 'date' },
      end: { at: '2025-11-24T23:59:59+08:00', given: 'date' },
      hint: 'expert_meeting',
      label: '专家评审会时间',
    });
    expect(values('一、申报时间：2025年8月1日至8月20日。二、8月25日前完成审核。')).toContainEqual({
      kind: 'window',
      end: { at: '2025-08-25T23:59:59+08:00', given: 'date' },
      hint: 'review',
      label: '完成审核',
    });
  });

  it('reads times of day, full-width digits, spaces and a range across the new year', () => {
    const [window] = values('（一）网上申报时间：２０２５年１２月２０日10:00至2026年1月5日18：00止。');
    expect(window).toMatchObject({ kind: 'window', start: { at: '2025-12-20T10:00:00+08:00', given: 'date_time' }, end: { at: '2026-01-05T18:00:00+08:00', given: 'date_time' }, hint: 'apply' });
    expect(values('缴费时间：2025 年 12 月 28 日—1 月 8 日')[0]).toMatchObject({ end: { at: '2026-01-08T23:59:59+08:00' }, hint: 'fee_payment' });
    expect(values('截止时间为2025年9月30日下午6时。')[0]).toMatchObject({ end: { at: '2025-09-30T18:00:00+08:00', given: 'date_time' } });
  });

  it('finds relative windows, fees per level and way, phones with their area code, caps, limits and documents', () => {
    const found = values(
      '退回后应在48小时内修改。公示期不少于7个工作日。评审费：正高级800元/人，副高级 600 元 / 人，初定中级收费 300 元。\n' +
        '咨询电话：0903—2020111、2020112，手机13899912345。正、副高级通过率分别不超过50%、70%。每人答辩15分钟。提交次数最多两次。\n' +
        '按《新疆维吾尔自治区卫生系列高级职称评审条件》（新人社发［2024］7号）执行。',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'duration', amount: 48, unit: 'hours', hint: 'resubmit' },
        { kind: 'duration', amount: 7, unit: 'working_days', hint: 'publicity' },
        expect.objectContaining({ kind: 'fee', yuan: 800, levels: ['senior'], ways: ['evaluation'] }),
        expect.objectContaining({ kind: 'fee', yuan: 600, levels: ['deputy_senior'] }),
        expect.objectContaining({ kind: 'fee', yuan: 300, levels: ['intermediate'], ways: ['initial'] }),
        { kind: 'phone', phone: '0903-2020111', role: '咨询电话' },
        { kind: 'phone', phone: '0903-2020112', role: '咨询电话' },
        expect.objectContaining({ kind: 'phone', phone: '13899912345' }),
        { kind: 'pass_rate', levels: ['senior'], percent: 50 },
        { kind: 'pass_rate', levels: ['deputy_senior'], percent: 70 },
        { kind: 'defense_minutes', minutes: 15 },
        { kind: 'submission_limit', count: 2 },
        { kind: 'document', number: '新人社发〔2024〕7号', title: '新疆维吾尔自治区卫生系列高级职称评审条件' },
      ]),
    );
  });

  it('does not take sums of money, years or dates in passing for facts', () => {
    expect(values('近三年完成项目投资500万元以上，2019年取得中级职称。')).toEqual([]);
  });
});

describe('the notice finder on series named after the year', () => {
  it('takes the series, not the year before it, as its name', () => {
    const names = (text: string) => findInNotice(text).flatMap((c) => (c.value.kind === 'series' ? [c.value.name] : []));
    expect(names('关于做好阿克苏地区2027年度卫生系列中级职称评审工作的通知')).toEqual(['卫生系列']);
    expect(names('现就2027年工程技术系列评审有关事项通知如下')).toEqual(['工程技术系列']);
  });
});
