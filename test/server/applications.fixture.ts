import { emptyApplicationContent, queueFields, type ApplicationRecord, type UnitSnapshot } from '../../src/core/application/application.schema';
import type { ReviewStatus } from '../../src/core/review/review.machine';
import type { JsonObject } from '../../src/server/ports/store.port';
import { yuliGraduate } from '../core/eligibility/people.fixture';

/** 尉犁县农业技术推广中心 (李娜's and 赵磊's unit in the demo) as an application records it. */
export const YULI_AGRI: UnitSnapshot = { unitId: 'unit-yuli-agri', name: '尉犁县农业技术推广中心', level: 'county', prefecture: '巴音郭楞蒙古自治州', county: '尉犁县', route: 'hr' };

/**
 * An application of 尉犁's 初定 round as the store keeps it (with its queue fields), already on
 * its way in some status: for queue tests and the bench, which need many without submitting each.
 */
export function storedApplication(i: number, status: ReviewStatus, options: { readonly unit?: UnitSnapshot; readonly name?: string; readonly idNumber?: string | null; readonly returnedBefore?: boolean } = {}): JsonObject & { _id: string } {
  const at = new Date(Date.UTC(2024, 9, 9) + i * 60_000).toISOString();
  const person = `bench-person-${i}`;
  const event = (kind: 'submit' | 'return', from: ReviewStatus, to: ReviewStatus, minutes: number) => ({ kind, at: new Date(Date.parse(at) + minutes * 60_000).toISOString(), requestId: `r-${kind}-${i}-${minutes}`, by: person, role: kind === 'submit' ? 'applicant' : 'unit_admin', from, to, reasons: [], opinion: '', checked: [] });
  const record: ApplicationRecord = {
    personId: person,
    roundId: 'yuli-initial-junior-2024',
    year: 2024,
    offerKey: 'initial_junior:junior_assistant',
    offerId: 'initial_junior',
    level: 'junior_assistant',
    way: 'initial',
    channel: 'general',
    series: 'agriculture',
    specialty: 'agriculture.agronomy',
    profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }),
    status,
    createdAt: at,
    ...emptyApplicationContent(),
    idNumber: options.idNumber ?? null,
    submissions: options.returnedBefore ? 2 : 1,
    events: [event('submit', 'draft', 'submitted', 0), ...(options.returnedBefore ? [event('return', 'submitted', 'returned', 1), event('submit', 'returned', 'submitted', 2)] : [])],
    applicantName: options.name ?? `申报人${String(i).padStart(5, '0')}`,
    unit: options.unit ?? YULI_AGRI,
  };
  return { _id: `bench-${i}`, ...({ ...record, ...queueFields(record) } as unknown as JsonObject) };
}

/** The applicant of `storedApplication(i, …)`, a member of 尉犁县农业技术推广中心. */
export function storedApplicant(i: number): JsonObject & { _id: string } {
  return { _id: `bench-person-${i}`, openid: `bench-openid-${i}`, name: `申报人${String(i).padStart(5, '0')}`, role: 'applicant', unitId: YULI_AGRI.unitId, prefecture: YULI_AGRI.prefecture, county: YULI_AGRI.county };
}
