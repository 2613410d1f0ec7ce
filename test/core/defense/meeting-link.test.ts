import { DefenseSessionInput } from '../../../src/core/defense/schedule';
import { reviewContract } from '../../../src/core/contracts/functions/review.contract';

/** Dates are dates and links are https (issue 22, item 7). */
const session = (patch: Record<string, unknown>) => ({
  date: '2024-10-24',
  start: '09:00',
  end: '12:00',
  breaks: [],
  place: { kind: 'online', name: '腾讯会议', link: 'https://meeting.tencent.com/dm/abc123' },
  panels: [{ id: 'p1', name: '第一组', specialties: ['水利'] }],
  slotMinutes: 10,
  ...patch,
});

describe('an online defense session’s link', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://meeting.tencent.com/dm/abc', 'https://', 'https://bad host/x', 'ftp://x.example/a'])('refuses %j', (link) => {
    const parsed = DefenseSessionInput.safeParse(session({ place: { kind: 'online', name: '腾讯会议', link } }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain('请填写 https:// 开头的会议链接');
  });

  it.each(['https://meeting.tencent.com/dm/abc123', 'https://meeting.dingtalk.com/j/xyz?code=1#top', 'https://vc.example.cn:8443/room'])('keeps %j', (link) => {
    expect(DefenseSessionInput.safeParse(session({ place: { kind: 'online', name: '腾讯会议', link } })).success).toBe(true);
  });

  it('refuses a day the calendar does not have', () => {
    expect(DefenseSessionInput.safeParse(session({ date: '2024-02-30' })).success).toBe(false);
    expect(DefenseSessionInput.safeParse(session({ date: '2024-02-29' })).success).toBe(true);
  });
});

describe('the unit’s publicity dates', () => {
  it('refuses 2024-02-30 and 2023-02-29, saying to choose a real date', () => {
    for (const from of ['2024-02-30', '2023-02-29']) {
      const parsed = reviewContract.recordPublicity.payload.safeParse({ applicationId: 'a', from, to: '2024-03-08' });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toContain('请选择公示开始日期（一个真实的日期）');
    }
    expect(reviewContract.recordPublicity.payload.safeParse({ applicationId: 'a', from: '2024-02-29', to: '2024-03-08' }).success).toBe(true);
  });
});
