import { statusText } from '../../../src/core/review/review.machine';

describe('statusText', () => {
  it('tells a paid applicant who still defends that the defense comes next, and others that the evaluation does', () => {
    expect(statusText('fee_paid', 'hr', { defends: true })).toBe('已缴费，等待答辩（答辩后评审）');
    expect(statusText('fee_paid', 'hr')).toBe('已缴费，等待评审');
    expect(statusText('defended', 'hr', { defends: true })).toBe('已答辩，等待评审结果');
    expect(statusText('unit_approved', 'employment_service', { defends: true })).toBe('单位已推荐，等待公共就业服务机构审核');
  });
});
