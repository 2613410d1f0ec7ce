import type { Profile } from '../../../src/core/eligibility/profile';

/**
 * Complete profiles that pass every rule the notices state, so one change shows one rule; shared
 * by the engine's tests and the app's.
 */


export function ce(years: readonly number[], publicHours = 30, professionalHours = 60): NonNullable<Profile['continuingEducation']> {
  return years.map((year) => ({ year, publicHours, professionalHours }));
}

export function qualified(years: readonly number[]): NonNullable<Profile['appraisals']> {
  return years.map((year) => ({ year, result: 'qualified' as const }));
}

export function aksuEmployee(patch: Partial<Profile> = {}): Profile {
  return {
    prefecture: '阿克苏地区',
    workCounty: null,
    unitLevel: 'prefecture',
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.water',
    educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2010-07-01' }],
    professionalWorkSince: '2010-08-01',
    currentTitle: { level: 'intermediate', obtainedOn: '2018-12-01' },
    skill: null,
    appraisals: qualified([2021, 2022, 2023]),
    continuingEducation: ce([2021, 2022, 2023, 2024]),
    mandarinGrade: '二级乙等',
    facts: { retired: false, village_work_this_year: false, fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    applicationsThisYear: [],
    ...patch,
  };
}

export function privateEngineer(patch: Partial<Profile> = {}): Profile {
  const base = aksuEmployee({ employmentKind: 'private_enterprise', mandarinGrade: null });
  return { ...base, ...patch, facts: { ...base.facts, first_title_application: false, ...patch.facts } };
}

export function posted(since: string): Profile {
  return privateEngineer({ postedSince: since, facts: { posted_by_enterprise_outside_xinjiang: true, employer_licence_registered_in_prefecture: false } });
}

export function bazhouEngineer(patch: Partial<Profile> = {}): Profile {
  return {
    prefecture: '巴音郭楞蒙古自治州',
    workCounty: '库尔勒市',
    unitLevel: 'prefecture',
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.ecology_environment',
    educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2015-07-01' }],
    professionalWorkSince: '2015-08-01',
    currentTitle: { level: 'junior_assistant', obtainedOn: '2019-12-01' },
    appraisals: qualified([2021, 2022, 2023]),
    continuingEducation: ce([2020, 2021, 2022, 2023, 2024]),
    facts: { retired: false, fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    ...patch,
  };
}

export function tachengAgronomist(patch: Partial<Profile> = {}): Profile {
  return {
    prefecture: '塔城地区',
    employmentKind: 'institution',
    series: 'agriculture',
    specialty: 'agriculture.agronomy',
    currentTitle: { level: 'junior_assistant', obtainedOn: '2018-12-01' },
    facts: { retired: false, works_in_prefecture: true, has_employment_relationship: true },
    ...patch,
  };
}

export function yuliGraduate(patch: Partial<Profile> = {}): Profile {
  return {
    workCounty: '尉犁县',
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.petroleum',
    educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2023-07-01' }],
    professionalWorkSince: '2023-07-15',
    currentTitle: null,
    appraisals: qualified([2023]),
    continuingEducation: ce([2023, 2024]),
    facts: { fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    ...patch,
  };
}
