/**
 * Eligibility figures for `npm run bench`: the median time of one `assess` of a realistic
 * profile against all five rounds. The weapp self-check share of the main package is measured by
 * the lead (it needs the weapp build in `weappDir`).
 */
import { performance } from 'node:perf_hooks';
import { allRounds } from '../config/rounds';
import { assess } from '../src/core/eligibility/assess';
import type { Profile } from '../src/core/eligibility/profile';
import { parseRounds } from '../src/core/round/round.loader';

/** A mid-career engineer with most questions answered, as the self-check would send. */
const PROFILE: Profile = {
  prefecture: '阿克苏地区',
  workCounty: null,
  unitLevel: 'prefecture',
  employmentKind: 'institution',
  series: 'engineering',
  specialty: 'engineering.water',
  educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2012-07-01' }],
  professionalWorkSince: '2012-08-01',
  currentTitle: { level: 'intermediate', obtainedOn: '2018-12-01' },
  skill: null,
  appraisals: [2021, 2022, 2023].map((year) => ({ year, result: 'qualified' as const })),
  continuingEducation: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, publicHours: 30, professionalHours: 60 })),
  mandarinGrade: '二级乙等',
  facts: { retired: false, village_work_this_year: false, fanghuiju_village_work: false },
  applicationsThisYear: [],
};

/** A fixed moment inside the aksu apply window; the benchmark never needs the real clock. */
const AS_OF = new Date('2024-08-01T02:00:00Z');

export async function benchAssess(print: (name: string, value: number, unit: string) => void, _weappDir: string): Promise<void> {
  const parsed = parseRounds(allRounds);
  if (!parsed.ok) throw new Error(`round files do not parse: ${parsed.error.join('; ')}`);
  const rounds = parsed.value;
  const once = () => {
    for (const round of rounds) assess(PROFILE, round, AS_OF);
  };
  for (let i = 0; i < 200; i += 1) once(); // warm-up: let the JIT settle
  const samples: number[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const start = performance.now();
    once();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  print('assess_all_rounds_median', samples[Math.floor(samples.length / 2)]!, 'us');
  // weapp_self_check_share: left to the lead; it reads the weapp build in `_weappDir`.
}
