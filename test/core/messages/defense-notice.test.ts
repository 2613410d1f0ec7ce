import { defenseNotice } from '../../../src/core/messages/defense-notice';
import type { DefenseSession } from '../../../src/core/defense/schedule';

/** The defense messages, built in the core: each kind's words and its own key, per slot generation and move. */
describe('defense notices', () => {
  const session = { id: 's1', date: '2024-10-12', start: '09:00', slotMinutes: 10, place: { kind: 'room', name: '地区水利局三楼会议室' }, panels: [{ id: 'p1', name: '第一组', specialties: [] }], bring: '身份证原件' } as unknown as DefenseSession;
  const input = (patch: Partial<{ generation: number; changes: number }> = {}) => ({
    applicationId: 'app-1',
    personId: 'person-senior',
    slot: { title: '高级工程师', applicantName: '王建新', startsAt: '2024-10-12T01:10:00.000Z', panelId: 'p1', generation: 0, changes: 0, ...patch },
    session,
  });

  it('says when, where and what to bring, keyed once per slot', () => {
    const notice = defenseNotice({ kind: 'scheduled' }, input());
    expect(notice).toMatchObject({ dedupeKey: 'app-1#defense-scheduled', personId: 'person-senior', title: '答辩安排', page: expect.stringContaining('app-1') });
    expect(notice.body).toBe('您的答辩：2024年10月12日 09:10（北京时间），地区水利局三楼会议室，第一组，每人 10 分钟。请携带身份证原件，提前到场。');
    // A slot given again after a cancellation is a new one: its messages are its own.
    expect(defenseNotice({ kind: 'scheduled' }, input({ generation: 1 })).dedupeKey).toBe('app-1#defense-scheduled-g1');
  });

  it('keys each move and each reminder after a move afresh, so the new time is told', () => {
    expect(defenseNotice({ kind: 'moved' }, input({ changes: 2 })).dedupeKey).toBe('app-1#defense-changed-2');
    expect(defenseNotice({ kind: 'day_before' }, input({ changes: 2 })).dedupeKey).toBe('app-1#defense-day-before-2');
    expect(defenseNotice({ kind: 'soon', minutesBefore: 30 }, input()).body).toContain('30 分钟内答辩');
    expect(defenseNotice({ kind: 'cancelled', reason: '专家组调整' }, input()).body).toContain('已取消：专家组调整');
  });
});
