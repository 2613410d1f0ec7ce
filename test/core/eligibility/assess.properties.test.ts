import fc from 'fast-check';
import { assess } from '../../../src/core/eligibility/assess';
import { addDays } from '../../../src/core/eligibility/calendar-date';
import type { Profile } from '../../../src/core/eligibility/profile';
import { VERDICT_ORDER } from '../../../src/core/eligibility/verdict';
import { Channel, EmploymentKind, Fact, LEVELS, MANDARIN_GRADES, SkillLevel, UnitLevel } from '../../../src/core/round/round.schema';
import { allParsedRounds, DURING, type RoundId } from './rounds.fixture';

/**
 * Properties over every real round: more service never hurts, a worse appraisal never helps, and
 * the order of the profile's lists never matters. asOf is each round's fixed moment, never the clock.
 */
const RUNS = 150;

describe('assess properties', () => {
  it('never gives a worse verdict for more years of service (work and graduation shifted earlier)', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 1, max: 4000 }), (profile, days) => {
        const earlier = shiftServiceEarlier(profile, days);
        for (const r of allParsedRounds) {
          const before = assess(profile, r, at(r.id));
          const after = assess(earlier, r, at(r.id));
          before.offers.forEach((o, i) => {
            const next = after.offers[i]!;
            expect(next.key).toBe(o.key);
            expect(rank(next.verdict)).toBeGreaterThanOrEqual(rank(o.verdict));
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never makes the earliest date earlier, nor the verdict better, for one more 不合格', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 2015, max: 2024 }), (profile, year) => {
        const worse: Profile = { ...profile, appraisals: [...(profile.appraisals ?? []), { year, result: 'unqualified' }] };
        for (const r of allParsedRounds) {
          const before = assess(profile, r, at(r.id));
          const after = assess(worse, r, at(r.id));
          before.offers.forEach((o, i) => {
            const next = after.offers[i]!;
            expect(rank(next.verdict)).toBeLessThanOrEqual(rank(o.verdict));
            if (o.verdict === 'not_yet' && next.verdict === 'not_yet') expect(next.earliestDate! >= o.earliestDate!).toBe(true);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of educations, appraisals, continuing education or applications', () => {
    fc.assert(
      fc.property(profileArb, fc.integer(), (profile, seed) => {
        const shuffled = shuffleLists(profile, seed);
        for (const r of allParsedRounds) {
          const a = JSON.stringify(assess(shuffled, r, at(r.id)));
          const b = JSON.stringify(assess(profile, r, at(r.id)));
          // Strings compare fast; the structural diff is only built when they differ.
          if (a !== b) expect(JSON.parse(a)).toEqual(JSON.parse(b));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Builders and arbitraries

const rank = (v: (typeof VERDICT_ORDER)[number]) => VERDICT_ORDER.indexOf(v);
const at = (id: string) => DURING[id as RoundId];

const dateArb = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((d) => addDays(from, d));

const SPECIALTIES = [
  ['engineering', 'engineering.water'],
  ['engineering', 'engineering.forestry_grassland'],
  ['engineering', 'engineering.ecology_environment'],
  ['engineering', 'engineering.petroleum'],
  ['agriculture', 'agriculture.agronomy'],
  ['art', undefined],
  ['health', undefined],
] as const;

const educationArb = fc.record(
  {
    education: fc.constantFrom('secondary_vocational', 'junior_college', 'bachelor', 'master', 'doctorate'),
    fullTime: fc.boolean(),
    graduatedOn: dateArb('2000-01-01', 9000),
    technicalSchoolClass: fc.constantFrom('中级工班', '高级工班', '预备技师班'),
  },
  { requiredKeys: ['education'] },
);

const profileArb: fc.Arbitrary<Profile> = fc
  .record(
    {
      prefecture: fc.constantFrom('阿克苏地区', '巴音郭楞蒙古自治州', '塔城地区', '喀什地区'),
      workCounty: fc.constantFrom('尉犁县', '且末县', '若羌县', '库尔勒市', null),
      employmentKind: fc.constantFrom(...EmploymentKind.options),
      unitLevel: fc.constantFrom(...UnitLevel.options),
      specialtyPair: fc.constantFrom(...SPECIALTIES),
      educations: fc.array(educationArb, { maxLength: 3 }),
      professionalWorkSince: dateArb('2000-01-01', 9000),
      currentTitle: fc.option(fc.record({ level: fc.constantFrom(...LEVELS), obtainedOn: dateArb('2005-01-01', 7000) }, { requiredKeys: ['level'] })),
      skill: fc.option(
        fc.record(
          { level: fc.constantFrom(...SkillLevel.options), obtainedOn: dateArb('2010-01-01', 5500), yearsOfSkilledWork: fc.integer({ min: 0, max: 15 }) },
          { requiredKeys: ['level'] },
        ),
      ),
      appraisals: fc.array(
        fc.record({ year: fc.integer({ min: 2015, max: 2024 }), result: fc.constantFrom('excellent', 'qualified', 'basically_qualified', 'unqualified', 'not_appraised') }),
        { maxLength: 5 },
      ),
      continuingEducation: fc.array(
        fc.record(
          { year: fc.integer({ min: 2019, max: 2024 }), publicHours: fc.integer({ min: 0, max: 120 }), professionalHours: fc.integer({ min: 0, max: 120 }) },
          { requiredKeys: ['year'] },
        ),
        { maxLength: 8 },
      ),
      mandarinGrade: fc.option(fc.constantFrom(...MANDARIN_GRADES)),
      socialInsuranceMonths: fc.integer({ min: 0, max: 30 }),
      facts: fc.dictionary(fc.constantFrom(...Fact.options), fc.boolean(), { maxKeys: 8 }),
      postedSince: dateArb('2022-01-01', 1000),
      applicationsThisYear: fc.array(
        fc.record({ series: fc.constantFrom('engineering', 'agriculture'), specialty: fc.constantFrom('engineering.water', 'engineering.forestry_grassland'), level: fc.constantFrom(...LEVELS), channel: fc.constantFrom(...Channel.options) }, { requiredKeys: ['level', 'channel'] }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: [] },
  )
  .map(({ specialtyPair, ...rest }) => {
    const profile: Profile = { ...rest } as Profile;
    if (specialtyPair) {
      profile.series = specialtyPair[0];
      if (specialtyPair[1]) profile.specialty = specialtyPair[1];
    }
    return profile;
  });

function shiftServiceEarlier(profile: Profile, days: number): Profile {
  return {
    ...profile,
    ...(profile.professionalWorkSince ? { professionalWorkSince: addDays(profile.professionalWorkSince, -days) } : {}),
    ...(profile.educations
      ? { educations: profile.educations.map((e) => (e.graduatedOn ? { ...e, graduatedOn: addDays(e.graduatedOn, -days) } : e)) }
      : {}),
  };
}

/** A deterministic shuffle from a seed, so a failing case can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffleLists(profile: Profile, seed: number): Profile {
  return {
    ...profile,
    ...(profile.educations ? { educations: shuffle(profile.educations, seed) } : {}),
    ...(profile.appraisals ? { appraisals: shuffle(profile.appraisals, seed + 1) } : {}),
    ...(profile.continuingEducation ? { continuingEducation: shuffle(profile.continuingEducation, seed + 2) } : {}),
    ...(profile.applicationsThisYear ? { applicationsThisYear: shuffle(profile.applicationsThisYear, seed + 3) } : {}),
  };
}
