import fc from 'fast-check';
import { assignSlots, moveSlot, panelSlots, swapSlots, DefenseSession, type Candidate, type Slot } from '../../../src/core/defense/schedule';

const SPECIALTIES = ['water', 'forestry', 'agronomy'];

const session = (patch: Partial<DefenseSession> = {}): DefenseSession =>
  DefenseSession.parse({
    id: 's1',
    date: '2024-10-24',
    start: '09:30',
    end: '12:00',
    breaks: [{ start: '10:40', end: '10:55' }],
    place: { kind: 'room', name: '地区水利局三楼会议室' },
    panels: [{ id: 'p1', name: '水利组', specialties: ['water'] }],
    slotMinutes: 10,
    ...patch,
  });

const arbSession = fc
  .record({
    id: fc.constantFrom('s1', 's2', 's3'),
    day: fc.integer({ min: 20, max: 28 }),
    startMinute: fc.integer({ min: 8 * 60, max: 11 * 60 }),
    length: fc.integer({ min: 30, max: 300 }),
    breakAt: fc.option(fc.integer({ min: 10, max: 200 }), { nil: null }),
    breakLength: fc.integer({ min: 5, max: 40 }),
    slotMinutes: fc.constantFrom(10, 15, 20),
    panels: fc.array(fc.subarray(SPECIALTIES, { minLength: 1 }), { minLength: 1, maxLength: 3 }),
  })
  .map((r) => {
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const end = Math.min(r.startMinute + r.length, 23 * 60);
    const breaks = r.breakAt !== null && r.startMinute + r.breakAt + r.breakLength < end ? [{ start: clock(r.startMinute + r.breakAt), end: clock(r.startMinute + r.breakAt + r.breakLength) }] : [];
    return session({ id: r.id, date: `2024-10-${r.day}`, start: clock(r.startMinute), end: clock(end), breaks, slotMinutes: r.slotMinutes, panels: r.panels.map((s, i) => ({ id: `p${i}`, name: `第${i + 1}组`, specialties: s })) });
  });
const arbSessions = fc.uniqueArray(arbSession, { minLength: 1, maxLength: 3, selector: (s) => s.id });
const arbCandidates = fc.uniqueArray(
  fc.record({ applicationId: fc.stringMatching(/^a[0-9]{1,4}$/), specialty: fc.constantFrom(...SPECIALTIES), submittedAt: fc.integer({ min: 0, max: 10_000 }).map((n) => new Date(Date.UTC(2024, 7, 1) + n * 60_000).toISOString()) }),
  { maxLength: 60, selector: (c) => c.applicationId },
);
const arbOrder = fc.oneof(fc.constant({ kind: 'submission' as const }), fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => ({ kind: 'draw' as const, seed })));

/** What a schedule must be: one slot each, on a panel of their specialty, inside the session, off breaks, never two at once on a panel. */
function checkSchedule(sessions: readonly DefenseSession[], candidates: readonly Candidate[], slots: readonly Slot[]) {
  expect(slots.map((s) => s.applicationId).sort()).toEqual(candidates.map((c) => c.applicationId).sort());
  for (const slot of slots) {
    const s = sessions.find((x) => x.id === slot.sessionId)!;
    const panel = s.panels.find((p) => p.id === slot.panelId)!;
    expect(panel.specialties).toContain(candidates.find((c) => c.applicationId === slot.applicationId)!.specialty);
    const start = Date.parse(slot.startsAt);
    const end = Date.parse(slot.endsAt);
    expect(end - start).toBe(s.slotMinutes * 60_000);
    expect(start).toBeGreaterThanOrEqual(Date.parse(`${s.date}T${s.start}:00+08:00`));
    expect(end).toBeLessThanOrEqual(Date.parse(`${s.date}T${s.end}:00+08:00`));
    for (const b of s.breaks) expect(end <= Date.parse(`${s.date}T${b.start}:00+08:00`) || start >= Date.parse(`${s.date}T${b.end}:00+08:00`)).toBe(true);
  }
  const byPanel = new Map<string, Slot[]>();
  for (const slot of slots) byPanel.set(`${slot.sessionId}/${slot.panelId}`, [...(byPanel.get(`${slot.sessionId}/${slot.panelId}`) ?? []), slot]);
  for (const list of byPanel.values()) {
    const sorted = [...list].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (let i = 1; i < sorted.length; i += 1) expect(Date.parse(sorted[i]!.startsAt)).toBeGreaterThanOrEqual(Date.parse(sorted[i - 1]!.endsAt));
  }
}

describe('defense slots', () => {
  it('lays 10-minute slots inside the session and around its break', () => {
    const slots = panelSlots(session());
    // 09:30–10:40 is 7 slots; 10:55–12:00 is 6 (11:55 would end after 12:00? no: 11:55–12:05 would): 10:55…11:45.
    expect(slots).toHaveLength(7 + 6);
    expect(new Date(slots[6]!.startsAt).toISOString()).toBe('2024-10-24T02:30:00.000Z');
    expect(new Date(slots[7]!.startsAt).toISOString()).toBe('2024-10-24T02:55:00.000Z');
  });

  it('gives each applicant exactly one valid slot when there is room, the same for any input order under the same seed', () => {
    fc.assert(
      fc.property(arbSessions, arbCandidates, arbOrder, fc.integer(), (sessions, candidates, order, shuffleSeed) => {
        const result = assignSlots(sessions, candidates, order);
        const capacity = (specialty: string) => sessions.flatMap((s) => s.panels.filter((p) => p.specialties.includes(specialty)).flatMap(() => panelSlots(s))).length;
        if (!result.ok) {
          // Refused only when a specialty has no panel, or its candidates outnumber every slot its panels have.
          if (result.error.kind === 'capacity') expect(result.error.missing).toBeGreaterThan(0);
          else expect(result.error.specialties.every((sp) => capacity(sp) === 0)).toBe(true);
          return;
        }
        checkSchedule(sessions, candidates, result.value);
        const shuffled = fc.sample(fc.shuffledSubarray(candidates, { minLength: candidates.length, maxLength: candidates.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
        expect(assignSlots(sessions, shuffled, order)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('always schedules when each specialty’s slots suffice on panels of its own', () => {
    fc.assert(
      fc.property(arbCandidates, arbOrder, (candidates, order) => {
        const sessions = [session({ start: '08:00', end: '20:00', breaks: [{ start: '13:00', end: '15:00' }], panels: SPECIALTIES.map((s, i) => ({ id: `p${i}`, name: s, specialties: [s] })) })];
        const result = assignSlots(sessions, candidates, order);
        expect(result.ok).toBe(true);
        if (result.ok) checkSchedule(sessions, candidates, result.value);
      }),
      { numRuns: 100 },
    );
  });

  it('fills in later applicants around the slots already given, never on top of them', () => {
    fc.assert(
      fc.property(arbSessions, arbCandidates, fc.integer({ min: 0, max: 60 }), (sessions, candidates, split) => {
        const first = assignSlots(sessions, candidates.slice(0, split), { kind: 'submission' });
        fc.pre(first.ok);
        if (!first.ok) return;
        const later = assignSlots(sessions, candidates.slice(split), { kind: 'submission' }, undefined, first.value);
        if (!later.ok) return;
        const key = (s: Slot) => `${s.sessionId}|${s.panelId}|${s.startsAt}`;
        const kept = new Set(first.value.map(key));
        expect(later.value.filter((s) => kept.has(key(s)))).toEqual([]);
        expect(later.value).toHaveLength(candidates.length - Math.min(split, candidates.length));
      }),
      { numRuns: 100 },
    );
  });

  it('says how many slots are missing, by specialty, when capacity is short', () => {
    const candidates = Array.from({ length: 15 }, (_, i) => ({ applicationId: `a${i}`, specialty: 'water', submittedAt: `2024-08-0${(i % 9) + 1}T00:00:00Z` }));
    const names: Record<string, string> = { water: '水利工程', law: '法律' };
    const result = assignSlots([session()], candidates, { kind: 'submission' }, (s) => names[s]!);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'capacity', missing: 2, bySpecialty: { water: 2 }, message: '答辩名额不够：还差 2 个时段（水利工程缺 2 个）。请延长答辩时间、增加答辩组或场次。' }) });
    expect(assignSlots([session()], [{ applicationId: 'x', specialty: 'law', submittedAt: '' }], { kind: 'submission' }, (s) => names[s]!)).toMatchObject({
      ok: false,
      error: { kind: 'no_panel', specialties: ['law'], message: '没有答辩组负责这些专业：法律。请先在答辩场次里设置。' },
    });
  });

  it('takes submission order, or a seeded draw that differs from it and is the same every time', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => ({ applicationId: `a${String(i).padStart(2, '0')}`, specialty: 'water', submittedAt: new Date(Date.UTC(2024, 7, 1, i)).toISOString() }));
    const bySubmission = assignSlots([session()], candidates, { kind: 'submission' });
    expect(bySubmission.ok && bySubmission.value.map((s) => s.applicationId)).toEqual(candidates.map((c) => c.applicationId));
    const drawn = assignSlots([session()], candidates, { kind: 'draw', seed: 20241024 });
    expect(drawn).toEqual(assignSlots([session()], [...candidates].reverse(), { kind: 'draw', seed: 20241024 }));
    expect(drawn.ok && drawn.value.map((s) => s.applicationId)).not.toEqual(candidates.map((c) => c.applicationId));
  });

  it('moves one applicant to a free slot of their panel, and swaps two; refuses a taken slot, a break and another specialty', () => {
    const sessions = [session({ panels: [{ id: 'p1', name: '水利组', specialties: ['water'] }, { id: 'p2', name: '林草组', specialties: ['forestry'] }] })];
    const candidates = [
      { applicationId: 'a', specialty: 'water', submittedAt: '1' },
      { applicationId: 'b', specialty: 'water', submittedAt: '2' },
      { applicationId: 'f', specialty: 'forestry', submittedAt: '3' },
    ];
    const specialtyOf = (id: string) => candidates.find((c) => c.applicationId === id)?.specialty;
    const scheduled = assignSlots(sessions, candidates, { kind: 'submission' });
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const moved = moveSlot(sessions, scheduled.value, specialtyOf, 'a', { sessionId: 's1', panelId: 'p1', startsAt: '2024-10-24T03:05:00.000Z' });
    expect(moved.ok && moved.value.find((s) => s.applicationId === 'a')).toMatchObject({ startsAt: '2024-10-24T03:05:00.000Z', endsAt: '2024-10-24T03:15:00.000Z' });
    expect(moveSlot(sessions, scheduled.value, specialtyOf, 'a', { sessionId: 's1', panelId: 'p1', startsAt: '2024-10-24T01:40:00.000Z' })).toEqual({ ok: false, error: '这个时段已经有人了；要对调两人，请用“对调”。' });
    expect(moveSlot(sessions, scheduled.value, specialtyOf, 'a', { sessionId: 's1', panelId: 'p1', startsAt: '2024-10-24T02:45:00.000Z' })).toMatchObject({ ok: false });
    expect(moveSlot(sessions, scheduled.value, specialtyOf, 'a', { sessionId: 's1', panelId: 'p2', startsAt: '2024-10-24T03:05:00.000Z' })).toEqual({ ok: false, error: '林草组不负责这位申报人的专业。' });
    const swapped = swapSlots(sessions, scheduled.value, specialtyOf, 'a', 'b');
    expect(swapped.ok && swapped.value.map((s) => `${s.applicationId}@${s.startsAt}`).sort()).toEqual(['a@2024-10-24T01:40:00.000Z', 'b@2024-10-24T01:30:00.000Z', 'f@2024-10-24T01:30:00.000Z']);
    expect(swapSlots(sessions, scheduled.value, specialtyOf, 'a', 'f')).toEqual({ ok: false, error: '两人的专业不由对方的答辩组负责，不能对调。' });
  });

  it('refuses a session whose break is outside it or whose end is before its start', () => {
    expect(DefenseSession.safeParse({ ...session(), end: '09:00' }).success).toBe(false);
    expect(DefenseSession.safeParse({ ...session(), breaks: [{ start: '12:30', end: '12:40' }] }).success).toBe(false);
  });
});
