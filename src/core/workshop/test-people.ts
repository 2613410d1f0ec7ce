import * as z from 'zod';
import type { Profile } from '../eligibility/profile';
import { EmploymentKind, Education, LEVELS, type RoundShape } from '../round/round.schema';
import { EDUCATION_LABELS, LEVEL_LABELS } from '../eligibility/labels';
import type { TestPerson } from './draft';
import { monthText } from '../application/entry-forms';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择年月');

/**
 * A test person as the issuer types one: the few answers most conditions turn on. The rest stays
 * unanswered, as it would for a real person who skipped it (the engine then says what it would need).
 */
export const TestPersonInput = z.strictObject({
  name: z.string().trim().min(1, '请填写测试人员的称呼').max(20, '称呼不超过20个字'),
  education: Education,
  graduated: Month,
  workingSince: Month,
  currentLevel: z.enum([...LEVELS, 'none']),
  titleSince: Month.nullable(),
  specialty: z.string().min(1, '请选择申报专业').max(80),
  employmentKind: EmploymentKind,
});
export type TestPersonInput = z.infer<typeof TestPersonInput>;

/** The answers as the engine's profile, in the round's own region. */
export function testPersonProfile(input: TestPersonInput, round: Pick<RoundShape, 'region' | 'specialties'>): Profile {
  const specialty = round.specialties.find((s) => s.code === input.specialty);
  return {
    prefecture: round.region.prefecture,
    workCounty: round.region.county ?? null,
    unitLevel: round.region.county ? 'county' : 'prefecture',
    employmentKind: input.employmentKind,
    ...(specialty ? { series: specialty.series, specialty: specialty.code } : {}),
    educations: [{ education: input.education, fullTime: true, graduatedOn: `${input.graduated}-01` }],
    professionalWorkSince: `${input.workingSince}-01`,
    currentTitle: input.currentLevel === 'none' ? null : { level: input.currentLevel, ...(input.titleSince ? { obtainedOn: `${input.titleSince}-01` } : {}) },
  };
}

/** One line about a test person: 本科 · 2015年7月毕业 · 现任中级（2019年9月）. */
export function testPersonLine(person: TestPerson): string {
  const p = person.profile;
  const edu = p.educations?.[0];
  const month = (iso: string | undefined) => (iso ? monthText(iso) : '');
  const title = p.currentTitle ? `现任${LEVEL_LABELS[p.currentTitle.level]}${p.currentTitle.obtainedOn ? `（${month(p.currentTitle.obtainedOn)}）` : ''}` : '无职称';
  return [edu ? `${EDUCATION_LABELS[edu.education]} · ${month(edu.graduatedOn)}毕业` : '', `${month(p.professionalWorkSince)}参加工作`, title].filter(Boolean).join(' · ');
}
