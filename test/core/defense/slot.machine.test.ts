import fc from 'fast-check';
import { DefenseSession } from '../../../src/core/defense/schedule';
import { Attendance, canSlot, decideSlot, nextToCall, type DefenseSlot, type SlotCommand } from '../../../src/core/defense/slot.machine';

/**
 * A defense slot decided in the core (issue 24, item 1): published once, moved and cancelled with
 * the applicant told each time (once per move), confirmed, marked only on its day and never after
 * 答辩完成; and over random command sequences, a slot only ever holds what its schema lists and
 * every notice has a key of its own.
 */
const session = DefenseSession.parse({
  id: 's1',
  date: '2024-10-24',
  start: '09:30',
  end: '12:00',
  breaks: [],
  place: { kind: 'room', name: '地区水利局三楼会议室' },
  panels: [
    { id: 'p1', name: '水利组', specialties: ['water'] },
    { id: 'p2', name: '农业组', specialties: ['agronomy'] },
  ],
  slotMinutes: 10,
});

const given: DefenseSlot = {
  roundId: 'aksu-water-2024',
  personId: 'person-senior',
  applicantName: '李娜',
  title: '高级工程师',
  specialty: 'water',
  sessionId: 's1',
  panelId: 'p1',
  startsAt: '2024-10-24T01:30:00.000Z',
  endsAt: '2024-10-24T01:40:00.000Z',
  published: false,
  confirmedAt: null,
  attendance: null,
  changes: 0,
  generation: 0,
};
const onTheDay = new Date('2024-10-24T01:20:00Z');
const dayBefore = new Date('2024-10-23T08:00:00Z');
const facts = (now: Date) => ({ applicationId: 'app-1', now, session });
const later = { sessionId: 's1', panelId: 'p1', startsAt: '2024-10-24T01:50:00.000Z', endsAt: '2024-10-24T02:00:00.000Z' };

function decided(slot: DefenseSlot, command: SlotCommand, now = dayBefore) {
  const d = decideSlot(slot, command, facts(now));
  if (!d.ok) throw new Error(d.error.message);
  return d;
}

describe('a defense slot', () => {
  it('is announced once when published, and not before', () => {
    expect(decided(given, { kind: 'move', to: later }).notices).toEqual([]);
    const published = decided(given, { kind: 'publish' });
    expect(published.notices.map((n) => n.dedupeKey)).toEqual(['app-1#defense-scheduled']);
    expect(decided(published.next!, { kind: 'publish' })).toMatchObject({ changed: false, notices: [] });
  });

  it('tells the applicant of each move after publishing, with its own message, and asks to confirm again', () => {
    const published = { ...given, published: true, confirmedAt: '2024-10-20T02:00:00.000Z' };
    const moved = decided(published, { kind: 'move', to: later });
    expect(moved.next).toMatchObject({ startsAt: later.startsAt, changes: 1, confirmedAt: null });
    const again = decided(moved.next!, { kind: 'move', to: { ...later, panelId: 'p2' } });
    expect([...moved.notices, ...again.notices].map((n) => n.dedupeKey)).toEqual(['app-1#defense-changed-1', 'app-1#defense-changed-2']);
    expect(decided(moved.next!, { kind: 'move', to: later })).toMatchObject({ changed: false, notices: [] });
  });

  it('is cancelled with the reason told, unless the defense has begun', () => {
    const cancelled = decided({ ...given, published: true }, { kind: 'cancel', reason: '本人申请延期' });
    expect(cancelled.next).toBeNull();
    expect(cancelled.notices[0]!.body).toContain('本人申请延期');
    const begun = decideSlot({ ...given, published: true, attendance: 'present' }, { kind: 'cancel', reason: '' }, facts(onTheDay));
    expect(begun).toMatchObject({ ok: false, error: { code: 'REVIEW.REFUSED', message: '李娜已经开始或结束答辩，不能取消。' } });
  });

  it('is marked on its day only, and not changed after 答辩完成', () => {
    const published = { ...given, published: true };
    expect(decideSlot(published, { kind: 'mark', attendance: 'present' }, facts(dayBefore))).toMatchObject({ ok: false, error: { message: '答辩当天（2024年10月24日）才能登记到场和答辩情况。' } });
    // 答辩完成 not before the slot has begun (09:30 Beijing): at 09:20 it is refused, at 09:35 taken.
    expect(decideSlot(published, { kind: 'mark', attendance: 'done' }, facts(onTheDay))).toMatchObject({ ok: false, error: { message: '李娜的答辩2024年10月24日 09:30开始，开始后才能记为答辩完成。' } });
    const done = decided(published, { kind: 'mark', attendance: 'done' }, new Date('2024-10-24T01:35:00Z')).next!;
    expect(decideSlot(done, { kind: 'mark', attendance: 'absent' }, facts(onTheDay))).toMatchObject({ ok: false, error: { message: '已经记为答辩完成，不能再改。' } });
    expect(canSlot(done, facts(onTheDay))).toEqual([]);
    expect(canSlot(published, facts(onTheDay))).toEqual(['move', 'cancel', 'confirm', 'mark']);
    expect(canSlot(given, facts(dayBefore))).toEqual(['publish', 'move', 'cancel']);
  });

  it('calls the next of the same panel and session once someone is done or absent', () => {
    const slots = [
      { id: 'a', slot: { ...given, published: true, attendance: 'done' as const } },
      { id: 'b', slot: { ...given, published: true, personId: 'p-b', startsAt: '2024-10-24T01:40:00.000Z' } },
      { id: 'c', slot: { ...given, published: true, personId: 'p-c', panelId: 'p2', startsAt: '2024-10-24T01:35:00.000Z' } },
    ];
    expect(nextToCall(slots, slots[0]!, 'done', [session])?.dedupeKey).toBe('b#defense-next');
    expect(nextToCall(slots, slots[0]!, 'present', [session])).toBeNull();
    expect(nextToCall(slots, slots[1]!, 'absent', [session])).toBeNull();
  });
});

describe('a defense slot, over random command sequences', () => {
  const command: fc.Arbitrary<SlotCommand> = fc.oneof(
    fc.constant({ kind: 'publish' as const }),
    fc.record({ kind: fc.constant('move' as const), to: fc.record({ sessionId: fc.constant('s1'), panelId: fc.constantFrom('p1', 'p2'), startsAt: fc.constantFrom('2024-10-24T01:30:00.000Z', '2024-10-24T01:50:00.000Z'), endsAt: fc.constant('2024-10-24T02:00:00.000Z') }) }),
    fc.record({ kind: fc.constant('cancel' as const), reason: fc.constant('时间冲突') }),
    fc.constant({ kind: 'confirm' as const }),
    fc.record({ kind: fc.constant('mark' as const), attendance: fc.constantFrom(...Attendance.options) }),
    fc.record({ kind: fc.constant('remind' as const), when: fc.constantFrom('day_before' as const, 'soon' as const), minutesBefore: fc.constant(60) }),
  );

  it('holds only listed values, never changes after 答辩完成, and keys each notice once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.boolean()), { minLength: 1, maxLength: 60 }), (steps) => {
        let slot: DefenseSlot | null = given;
        const keys = new Set<string>();
        for (const [c, theDay] of steps) {
          if (!slot) break;
          const d = decideSlot(slot, c, facts(theDay ? onTheDay : dayBefore));
          if (!d.ok) continue;
          if (slot.attendance === 'done') expect(d.next).toEqual(slot);
          // Reminders are keyed by when and the outbox keeps them once; every other notice is new.
          for (const n of d.notices.filter(() => c.kind !== 'remind')) {
            expect(keys.has(n.dedupeKey)).toBe(false);
            keys.add(n.dedupeKey);
          }
          slot = d.next;
          if (slot) expect(Attendance.nullable().safeParse(slot.attendance).success).toBe(true);
        }
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
