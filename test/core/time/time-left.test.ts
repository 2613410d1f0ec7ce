import { timeLeftText } from '../../../src/core/time/time-left';

describe('timeLeftText', () => {
  const deadline = new Date('2024-08-30T10:00:00Z'); // 18:00 in Beijing
  it.each<[string, string, string]>([
    ['days, rounded down', '2024-08-24T09:00:00Z', '还剩 6 天'],
    ['hours under two days', '2024-08-29T09:30:00Z', '还剩 24 小时'],
    ['minutes in the last hour', '2024-08-30T09:40:30Z', '还剩 19 分钟'],
    ['the deadline itself still open', '2024-08-30T10:00:00Z', '还剩 0 分钟'],
    ['after it', '2024-08-30T10:00:01Z', '已截止'],
  ])('%s', (_name, now, text) => {
    expect(timeLeftText(deadline, new Date(now))).toBe(text);
  });
});
