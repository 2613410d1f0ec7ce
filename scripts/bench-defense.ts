/**
 * Defense figures for `npm run bench`: scheduling 2,000 applicants over 10 panels (five days, a
 * morning and an afternoon session each, five specialties, two panels each), in submission order
 * and by a seeded draw: the median of 5 runs, in ms.
 */
import { performance } from 'node:perf_hooks';
import { assignSlots, DefenseSession, type Candidate } from '../src/core/defense/schedule';

type Print = (name: string, value: number, unit: string) => void;

const SPECIALTIES = ['water', 'forestry', 'agronomy', 'environment', 'construction'];

export function benchDefense(print: Print): void {
  const panels = SPECIALTIES.flatMap((s, i) => [0, 1].map((k) => ({ id: `p${i * 2 + k}`, name: `${s}-${k}`, specialties: [s] })));
  const sessions = ['2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24', '2024-10-25'].flatMap((date) =>
    [
      { id: `${date}-am`, start: '09:30', end: '13:30', breaks: [{ start: '11:20', end: '11:30' }] },
      { id: `${date}-pm`, start: '15:30', end: '20:00', breaks: [{ start: '17:40', end: '17:50' }] },
    ].map((part) => DefenseSession.parse({ ...part, date, place: { kind: 'room', name: '地区水利局三楼会议室' }, panels, slotMinutes: 10 })),
  );
  const candidates: Candidate[] = Array.from({ length: 2000 }, (_, i) => ({
    applicationId: `app-${String(i).padStart(4, '0')}`,
    specialty: SPECIALTIES[i % SPECIALTIES.length]!,
    submittedAt: new Date(Date.UTC(2024, 6, 22) + i * 97_000).toISOString(),
  }));
  for (const [name, order] of [
    ['submission', { kind: 'submission' as const }],
    ['draw', { kind: 'draw' as const, seed: 20241024 }],
  ] as const) {
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const result = assignSlots(sessions, candidates, order);
      times.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
    }
    times.sort((a, b) => a - b);
    print(`defense_schedule_2000_applicants_10_panels_${name}`, times[2]!, 'ms');
  }
}
