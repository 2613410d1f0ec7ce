import { countdownText } from '../../../src/core/defense/countdown';

const start = new Date('2024-09-20T01:30:00Z');
const before = (minutes: number) => new Date(start.getTime() - minutes * 60_000);

describe('the defense countdown', () => {
  it('says days and hours, then hours and minutes, then minutes, rounded down', () => {
    expect(countdownText(start, before(2 * 24 * 60 + 3 * 60 + 59))).toBe('还有 2 天 3 小时');
    expect(countdownText(start, before(24 * 60))).toBe('还有 1 天');
    expect(countdownText(start, before(5 * 60 + 20))).toBe('还有 5 小时 20 分钟');
    expect(countdownText(start, before(60))).toBe('还有 1 小时');
    expect(countdownText(start, before(8.9))).toBe('还有 8 分钟');
    expect(countdownText(start, before(0))).toBe('答辩时间已到');
    expect(countdownText(start, before(-5))).toBe('答辩时间已到');
  });
});
