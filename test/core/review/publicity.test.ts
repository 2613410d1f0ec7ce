import { countPublicityDays } from '../../../src/core/review/publicity';
import { nationalCalendar, regionalCalendar } from '../../../src/core/config/calendar';

/** The unit's publicity counted on Xinjiang's calendar: national holidays plus the region's festivals. */
describe('publicity working days', () => {
  const count = (from: string, to: string) => countPublicityDays(nationalCalendar(), regionalCalendar(), from, to);

  it('leaves out 古尔邦节 2025 (6–10 June) by the autonomous region’s notice', () => {
    // Monday 2 June (端午, national) to Friday 13 June: 10 weekdays, 1 national holiday, 3 regional (6, 9, 10).
    expect(count('2025-06-02', '2025-06-13')).toEqual({ ok: true, value: { workingDays: 6, regionalMissing: [] } });
  });

  it('leaves out 肉孜节 2023 (21 April) and 古尔邦节 2023 (28–30 June)', () => {
    // Monday 17 to Friday 21 April 2023: 21 April is the region's day off.
    expect(count('2023-04-17', '2023-04-21')).toEqual({ ok: true, value: { workingDays: 4, regionalMissing: [] } });
    // Monday 26 June to Friday 30 June 2023: the 28th to the 30th are off.
    expect(count('2023-06-26', '2023-06-30')).toEqual({ ok: true, value: { workingDays: 2, regionalMissing: [] } });
  });

  it('counts a year without the regional notice on file on the national calendar, and says which', () => {
    expect(count('2024-10-08', '2024-10-14')).toEqual({ ok: true, value: { workingDays: 6, regionalMissing: [2024] } });
  });

  it('refuses a year the national calendar lacks, and an end before the start', () => {
    expect(count('2022-07-04', '2022-07-08')).toEqual({ ok: false, error: '日历还没有收录2022年的节假日安排，暂时无法计算工作日，请联系管理员。' });
    expect(count('2025-06-13', '2025-06-02')).toEqual({ ok: false, error: '公示结束日期早于开始日期，请重新选择。' });
  });
});
