import type { Reason, ReasonOutcome } from '../../../src/core/eligibility/assessment';
import { atLeastAsGood, combineReasons } from '../../../src/core/eligibility/verdict';

describe('combineReasons', () => {
  it.each<[string, Reason[], string, string | null]>([
    ['every condition passes', [r('pass'), r('info')], 'eligible', null],
    ['a fail decides, whatever else', [r('pass'), r('fail'), r('later', '2025-01-01'), r('unknown')], 'ineligible', null],
    ['a time-curable fail waits for the latest date', [r('later', '2025-06-30'), r('later', '2026-01-01'), r('pass')], 'not_yet', '2026-01-01'],
    ['an unknown answer leaves it open', [r('pass'), r('unknown')], 'eligible_if', null],
    ['a rule outside the notice leaves it open', [r('pass'), r('cannot_judge')], 'eligible_if', null],
    ['later beats an open question', [r('unknown'), r('later', '2025-01-01')], 'not_yet', '2025-01-01'],
  ])('%s', (_name, reasons, verdict, earliest) => {
    const combined = combineReasons(reasons);
    expect(combined.verdict).toBe(verdict);
    expect(combined.earliestDate).toBe(earliest);
  });

  it('lists what is missing from open and undecidable reasons, once each', () => {
    const combined = combineReasons([r('unknown', undefined, '是否已经退休'), r('cannot_judge', undefined, '晋升年限'), r('unknown', undefined, '是否已经退休')]);
    expect(combined.missing).toEqual(['是否已经退休', '晋升年限']);
  });

  it('drops open questions once a failure time will not cure decides', () => {
    const combined = combineReasons([r('fail'), r('unknown', undefined, '普通话等级'), r('cannot_judge', undefined, '评审条件')]);
    expect(combined.reasons.map((x) => x.outcome)).toEqual(['fail', 'cannot_judge']);
    expect(combined.missing).toEqual([]);
  });

  it('orders verdicts ineligible < not_yet < eligible_if < eligible', () => {
    expect(atLeastAsGood('eligible', 'eligible_if')).toBe(true);
    expect(atLeastAsGood('eligible_if', 'not_yet')).toBe(true);
    expect(atLeastAsGood('not_yet', 'ineligible')).toBe(true);
    expect(atLeastAsGood('ineligible', 'not_yet')).toBe(false);
    expect(atLeastAsGood('not_yet', 'eligible_if')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function r(outcome: ReasonOutcome, earliestDate?: string, missing?: string): Reason {
  return {
    code: 'CE.HOURS',
    outcome,
    message: `条件${outcome}`,
    source: { file: 'aksu-water-2024.txt', clause: '一' },
    ...(earliestDate ? { earliestDate } : {}),
    ...(missing ? { missing } : {}),
  };
}
