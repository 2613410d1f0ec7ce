import { chineseDate, daysIncluding, fillTemplate, unknownPlaceholders } from '../../../src/core/review/template-fill';

describe('template fill', () => {
  it('fills every known placeholder, wherever and however often it appears', () => {
    expect(fillTemplate('{name}同志于{from}至{to}公示{days}天，{name}同志申报{title}。{unit}', { name: '李娜', from: '2024年10月8日', to: '2024年10月14日', days: '7', title: '农业系列农艺专业初级（助理级）', unit: '尉犁县农业技术推广中心', basics: '' })).toBe(
      '李娜同志于2024年10月8日至2024年10月14日公示7天，李娜同志申报农业系列农艺专业初级（助理级）。尉犁县农业技术推广中心',
    );
  });

  it('names placeholders the product cannot fill, so a round carrying one is refused', () => {
    expect(unknownPlaceholders('{name} {gender} {from} {idNumber}')).toEqual(['gender']);
  });

  it('counts days with both ends and writes dates the Chinese way', () => {
    expect(daysIncluding('2024-10-08', '2024-10-14')).toBe(7);
    expect(daysIncluding('2024-12-30', '2025-01-02')).toBe(4);
    expect(chineseDate('2024-10-08')).toBe('2024年10月8日');
  });
});
