import { assess } from '../../../src/core/eligibility/assess';
import type { DefenseAnswer } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { DURING, offerOf, round, type RoundId } from './rounds.fixture';

describe('defense: required minus exemptions, per round', () => {
  it.each<[string, RoundId, string, Partial<Profile>, DefenseAnswer['status'], string]>([
    // aksu-water-2024 四(二)23, 四(一)2, 四(一)20
    ['aksu-water: 高级工程师 applicants defend, 10 minutes each', 'aksu-water-2024', 'directed_evaluation:deputy_senior', {}, 'required', '四(二)23'],
    ['aksu-water: village work this year may skip it', 'aksu-water-2024', 'directed_evaluation:deputy_senior', { facts: { village_work_this_year: true } }, 'exempt', '四(一)2'],
    ['aksu-water: unknown village work leaves it open', 'aksu-water-2024', 'directed_evaluation:deputy_senior', { facts: {} }, 'unknown', '四(一)2'],
    ['aksu-water: mid level is exempt', 'aksu-water-2024', 'directed_evaluation:intermediate', {}, 'not_required', '四(二)23'],
    ['aksu-water: junior level is exempt', 'aksu-water-2024', 'private_enterprise_evaluation:junior_assistant', {}, 'not_required', '四(二)23'],
    ['aksu-forestry: senior levels defend', 'aksu-forestry-2024', 'directed_evaluation:senior', {}, 'required', '四(四)'],
    ['aksu-forestry: mid level is exempt', 'aksu-forestry-2024', 'directed_evaluation:intermediate', {}, 'not_required', '四(四)'],
    // bazhou-ecoenv-2024 六(一)(二)
    ['bazhou: a mid-level evaluation in a prefecture unit defends', 'bazhou-ecoenv-2024', 'evaluation:intermediate', {}, 'required', '六'],
    ['bazhou: 且末县 is exempt', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { workCounty: '且末县' }, 'exempt', '六(一)'],
    ['bazhou: 若羌县 is exempt', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { workCounty: '若羌县' }, 'exempt', '六(一)'],
    ['bazhou: a county-level unit is exempt', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { unitLevel: 'county' }, 'exempt', '六(一)'],
    ['bazhou: a township unit is exempt', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { unitLevel: 'township' }, 'exempt', '六(一)'],
    ['bazhou: 访惠聚 village work is exempt', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { facts: { fanghuiju_village_work: true } }, 'exempt', '六(一)'],
    ['bazhou: a deep-poverty village first secretary is exempt', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { facts: { poverty_village_first_secretary: true } }, 'exempt', '六(一)'],
    ['bazhou: junior applicants are exempt', 'bazhou-ecoenv-2024', 'evaluation:junior_assistant', {}, 'exempt', '六(二)'],
    ['bazhou: an unknown county leaves it open', 'bazhou-ecoenv-2024', 'evaluation:intermediate', { workCounty: undefined }, 'unknown', '六(一)'],
    ['bazhou: initial determination has no defense', 'bazhou-ecoenv-2024', 'initial:intermediate', {}, 'not_required', '六'],
    // tacheng-all-series-2023 三(二)3
    ['tacheng: directed 副高级 in 农艺 defends', 'tacheng-all-series-2023', 'directed_agriculture:deputy_senior', {}, 'required', '三(二)3'],
    ['tacheng: mid level in the prefecture does not', 'tacheng-all-series-2023', 'local_specialties:intermediate', {}, 'not_required', '三(二)3'],
  ])('%s', (_name, id, key, patch, status, clause) => {
    const defense = offerOf(assess(profileFor(id, patch), round(id), DURING[id]), key).defense;
    expect(defense.status).toBe(status);
    expect(defense.source?.clause).toBe(clause);
  });

  it('gives aksu-water senior applicants their 10-minute slot and the WeChat binding', () => {
    const defense = offerOf(assess(profileFor('aksu-water-2024'), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:deputy_senior').defense;
    expect(defense.slotMinutes).toBe(10);
    expect(defense.message).toContain('10分钟');
    expect(defense.message).toContain('微信');
  });

  it('tells the bazhou exempt how they are scored', () => {
    const defense = offerOf(assess(profileFor('bazhou-ecoenv-2024', { workCounty: '且末县' }), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate').defense;
    expect(defense.message).toContain('且末县');
    expect(defense.message).toContain('平均分');
  });

  it('says when a round has no defense at all (yuli)', () => {
    const defense = offerOf(assess(profileFor('yuli-initial-junior-2024'), round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), 'initial_junior:junior_assistant').defense;
    expect(defense).toEqual({ status: 'not_required', message: '本批次通知没有安排答辩。', slotMinutes: null, source: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

const noFacts = {
  village_work_this_year: false,
  fanghuiju_village_work: false,
  temple_management_work: false,
  preschool_support_teaching: false,
  inland_service_management_work: false,
  poverty_village_first_secretary: false,
};

function profileFor(id: RoundId, patch: Partial<Profile> = {}): Profile {
  const base: Record<RoundId, Profile> = {
    'aksu-water-2024': { prefecture: '阿克苏地区', employmentKind: 'institution', specialty: 'engineering.water', unitLevel: 'prefecture', workCounty: null, facts: noFacts },
    'aksu-forestry-2024': { prefecture: '阿克苏地区', employmentKind: 'institution', specialty: 'engineering.forestry_grassland', unitLevel: 'prefecture', workCounty: null, facts: noFacts },
    'bazhou-ecoenv-2024': { prefecture: '巴音郭楞蒙古自治州', employmentKind: 'institution', specialty: 'engineering.ecology_environment', unitLevel: 'prefecture', workCounty: '库尔勒市', facts: noFacts },
    'tacheng-all-series-2023': { employmentKind: 'institution', specialty: 'agriculture.agronomy', unitLevel: 'prefecture', workCounty: null, facts: noFacts },
    'yuli-initial-junior-2024': { employmentKind: 'institution', specialty: 'engineering.petroleum', workCounty: '尉犁县', facts: noFacts },
  };
  return { ...base[id], ...patch };
}
