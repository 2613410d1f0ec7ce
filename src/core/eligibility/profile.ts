import * as z from 'zod';
import {
  Channel,
  Code,
  Education,
  EmploymentKind,
  Fact,
  IsoDate,
  Level,
  MandarinGrade,
  SkillLevel,
  UnitLevel,
} from '../round/round.schema';

/**
 * What an applicant tells the self-check. Every answer may be unknown ("不确定"): an absent field
 * is unknown, `null` means "none". The engine reports an unknown answer that matters instead of
 * guessing it.
 */

export const EducationRecord = z.strictObject({
  education: Education,
  /** 全日制 */
  fullTime: z.boolean().optional(),
  graduatedOn: IsoDate.optional(),
  /** 技工院校 中级工班 / 高级工班 / 预备技师班, counted as 中专 / 大专 / 本科 by the skill bridge. */
  technicalSchoolClass: z.enum(['中级工班', '高级工班', '预备技师班']).optional(),
});
export type EducationRecord = z.infer<typeof EducationRecord>;

export const AppraisalResult = z.enum(['excellent', 'qualified', 'basically_qualified', 'unqualified', 'not_appraised']);
export type AppraisalResult = z.infer<typeof AppraisalResult>;

export const Profile = z.strictObject({
  /** Where the applicant works; matches a round's region. */
  prefecture: z.string().min(1).optional(),
  /** County of the workplace (且末县), or null for a prefecture-level unit. */
  workCounty: z.string().min(1).nullable().optional(),
  employmentKind: EmploymentKind.optional(),
  unitLevel: UnitLevel.optional(),
  /** The series and specialty applied in (round codes, e.g. engineering / engineering.water). */
  series: Code.optional(),
  specialty: Code.optional(),
  /** Every degree, any order; the engine takes what each rule needs. */
  educations: z.array(EducationRecord).optional(),
  /** 参加专业技术工作时间. */
  professionalWorkSince: IsoDate.optional(),
  currentTitle: z.strictObject({ level: Level, obtainedOn: IsoDate.optional() }).nullable().optional(),
  skill: z
    .strictObject({
      level: SkillLevel,
      obtainedOn: IsoDate.optional(),
      /** Years of skilled work since obtaining it. */
      yearsOfSkilledWork: z.number().min(0).max(60).optional(),
    })
    .nullable()
    .optional(),
  /** 年度考核, one entry per year answered. */
  appraisals: z.array(z.strictObject({ year: z.number().int(), result: AppraisalResult })).optional(),
  /** 继续教育学时, one entry per year answered. */
  continuingEducation: z
    .array(
      z.strictObject({
        year: z.number().int(),
        publicHours: z.number().min(0).max(2000).optional(),
        professionalHours: z.number().min(0).max(2000).optional(),
      }),
    )
    .optional(),
  mandarinGrade: MandarinGrade.nullable().optional(),
  /** Months of social insurance paid by the current employer, most recent first. */
  socialInsuranceMonths: z.number().int().min(0).max(600).optional(),
  /** Yes / no facts; an absent fact is unknown. */
  facts: z.partialRecord(Fact, z.boolean()).optional(),
  /** Start of continuous posting in the prefecture (疆外民营企业派驻). */
  postedSince: IsoDate.optional(),
  /** Applications already made this year, any round: series and specialty as applied in. */
  applicationsThisYear: z
    .array(z.strictObject({ series: Code.optional(), specialty: Code.optional(), level: Level, channel: Channel }))
    .optional(),
});
export type Profile = z.infer<typeof Profile>;

/**
 * The self-check's answers with the applications the product already holds for this person this
 * year added: the server's facts beside the person's own word (the one-channel rule reads both).
 * Nothing known and nothing answered stays unanswered.
 */
export function withKnownApplications(
  profile: Profile,
  known: readonly { readonly series: string | null; readonly specialty: string | null; readonly level: Profile['applicationsThisYear'] extends (infer A)[] | undefined ? A extends { level: infer L } ? L : never : never; readonly channel: Channel }[],
): Profile {
  if (known.length === 0) return profile;
  const added = known.map((a) => ({ level: a.level, channel: a.channel, ...(a.series ? { series: a.series } : {}), ...(a.specialty ? { specialty: a.specialty } : {}) }));
  return { ...profile, applicationsThisYear: [...(profile.applicationsThisYear ?? []), ...added] };
}
