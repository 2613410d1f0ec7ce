import { assess } from '../../../src/core/eligibility/assess';
import { feeFor } from '../../../src/core/eligibility/fees';
import type { Channel, Level, Way } from '../../../src/core/round/round.schema';
import { DURING, offerOf, round, type RoundId } from './rounds.fixture';

describe('fees per round, level and way', () => {
  it.each<[RoundId, Level, Way, Channel, number | null, string | null]>([
    ['aksu-forestry-2024', 'senior', 'evaluation', 'directed', 600, '四(五)'],
    ['aksu-forestry-2024', 'deputy_senior', 'evaluation', 'private_enterprise', 600, '四(五)'],
    ['aksu-forestry-2024', 'intermediate', 'evaluation', 'directed', 400, '四(五)'],
    ['aksu-forestry-2024', 'junior_assistant', 'evaluation', 'directed', 200, '四(五)'],
    ['aksu-forestry-2024', 'junior_yuan', 'evaluation', 'private_enterprise', 200, '四(五)'],
    ['aksu-water-2024', 'deputy_senior', 'evaluation', 'directed', 700, '四(一)21'],
    ['aksu-water-2024', 'intermediate', 'evaluation', 'private_enterprise', 400, '四(一)21'],
    ['aksu-water-2024', 'junior_assistant', 'evaluation', 'directed', 200, '四(一)21'],
    ['bazhou-ecoenv-2024', 'intermediate', 'evaluation', 'general', 380, '七'],
    ['bazhou-ecoenv-2024', 'junior_assistant', 'evaluation', 'general', 220, '七'],
    ['bazhou-ecoenv-2024', 'junior_yuan', 'initial', 'general', 100, '七'],
    ['bazhou-ecoenv-2024', 'intermediate', 'initial', 'general', 380, '七'],
    ['bazhou-ecoenv-2024', 'intermediate', 'grant', 'general', 380, '七'],
    ['tacheng-all-series-2023', 'deputy_senior', 'evaluation', 'directed', 400, '三(二)4'],
    ['tacheng-all-series-2023', 'intermediate', 'evaluation', 'general', 300, '三(二)4'],
    ['tacheng-all-series-2023', 'junior_yuan', 'evaluation', 'general', 200, '三(二)4'],
    ['yuli-initial-junior-2024', 'junior_assistant', 'initial', 'general', null, null],
  ])('%s %s by %s (%s): %s yuan', (id, level, way, channel, amount, clause) => {
    const fee = feeFor(round(id), level, way, channel);
    expect(fee?.amountYuan ?? null).toBe(amount);
    expect(fee?.source.clause ?? null).toBe(clause);
  });

  it.each<[RoundId, string, readonly string[]]>([
    ['aksu-water-2024', 'directed_evaluation:deputy_senior', ['通过形式审核后', '财审室', '2024年9月15日', '不予评审']],
    ['aksu-forestry-2024', 'directed_evaluation:intermediate', ['已接收材料', '2024年9月15日']],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate', ['由呈报单位统一', '2024年9月28日至2024年10月11日', '逾期不予受理']],
    ['tacheng-all-series-2023', 'local_specialties:intermediate', ['通过形式审核后', '银行']],
  ])('%s says when and how to pay', (id, key, words) => {
    const fee = offerOf(assess({}, round(id), DURING[id]), key).fee!;
    for (const w of words) expect(fee.when).toContain(w);
  });

  it('a forwarded level pays the autonomous region, not this round (tacheng)', () => {
    expect(offerOf(assess({}, round('tacheng-all-series-2023'), DURING['tacheng-all-series-2023']), 'region_senior:deputy_senior').fee).toBeNull();
  });
});
