import { declaredFacts } from '../../../src/core/review/declared-facts';
import { yuliGraduate } from '../eligibility/people.fixture';

describe('declaredFacts', () => {
  const unit = { unitId: 'u', name: '尉犁县农业技术推广中心', level: 'county' as const, prefecture: '巴音郭楞蒙古自治州', county: '尉犁县', route: 'hr' as const };

  it('says each fact in words, with only the materials of this checklist that prove it', () => {
    const profile = { ...yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }), currentTitle: { level: 'junior_assistant' as const, obtainedOn: '2019-12-01' }, professionalWorkSince: '2016-07-01', appraisals: [{ year: 2022, result: 'qualified' as const }, { year: 2023, result: 'excellent' as const }] };
    const facts = declaredFacts({ profile, channel: 'general', unit }, ['education', 'current_title', 'appraisal_forms'], '2024-10-15');
    const of = (label: string) => facts.find((f) => f.label === label);
    expect(of('现任职称')).toEqual({ label: '现任职称', value: '初级（助理级），2019年12月取得，已满 4 年', materials: ['current_title'] });
    expect(of('参加专业技术工作')).toEqual({ label: '参加专业技术工作', value: '2016年7月起，已满 8 年', materials: [] });
    expect(of('年度考核')!.value).toBe('2023年优秀，2022年合格');
    expect(of('学历')!.materials).toEqual(['education']);
    expect(of('单位')!.value).toContain('尉犁县农业技术推广中心');
  });

  it('says 无 for no title and 未填写 for what was not answered, and leaves out what does not apply', () => {
    const facts = declaredFacts({ profile: { currentTitle: null }, channel: 'general', unit: null }, [], '2024-10-15');
    expect(facts.find((f) => f.label === '现任职称')!.value).toBe('无');
    expect(facts.find((f) => f.label === '学历')!.value).toBe('未填写');
    expect(facts.find((f) => f.label === '年度考核')).toBeUndefined();
    expect(facts.find((f) => f.label === '普通话')).toBeUndefined();
  });
});
