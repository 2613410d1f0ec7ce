import * as z from 'zod';
import { EmploymentKind, UnitLevel } from '../round/round.vocabulary';

/**
 * Roles along the review chain. A senior-title applicant is an `applicant` whose target level is
 * senior; the role does not change with the level applied for. The public employment-service
 * agencies (公共就业服务机构) take the HR bureaus' steps for the private-enterprise channel
 * (aksu-water-2024 二(二)); see `review/route.ts`.
 */
export const Role = z.enum([
  'applicant',
  'unit_admin',
  'county_hr',
  'prefecture_hr',
  'county_agency',
  'prefecture_agency',
  'committee_secretary',
  'expert',
]);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  applicant: '申报人',
  unit_admin: '单位管理员',
  county_hr: '县（市）人社局审核员',
  prefecture_hr: '地（州）人社局审核员',
  county_agency: '县（市）公共就业服务机构审核员',
  prefecture_agency: '地（州）公共就业服务机构审核员',
  committee_secretary: '评审委员会秘书',
  expert: '评审专家',
};

/** A person known to the system; `openid` is the only identity, and it comes from the platform. */
export const Person = z.strictObject({
  _id: z.string().min(1),
  openid: z.string().min(1),
  name: z.string().min(1).max(20),
  role: Role,
  /** 用人单位 for applicants and unit admins. */
  unitId: z.string().min(1).nullable(),
  /** Region scope: the county a county reviewer (HR or agency) serves, the prefecture a prefecture reviewer serves. */
  prefecture: z.string().min(1),
  county: z.string().min(1).nullable(),
  /** The rounds whose evaluation committee this secretary or expert serves (评审委员会). */
  rounds: z.array(z.string().min(1)).max(50).optional(),
  /** What the demo console says about this person, e.g. 申报高级工程师. */
  note: z.string().max(60).optional(),
});
export type Person = z.infer<typeof Person>;

/** 用人单位: the employer an applicant applies through. */
export const Unit = z.strictObject({
  _id: z.string().min(1),
  name: z.string().min(1).max(60),
  /** A prefecture-level unit skips the county step of the review chain (tacheng-all-series-2023 三(一)3). */
  level: UnitLevel.exclude(['autonomous_region']),
  prefecture: z.string().min(1),
  county: z.string().min(1).nullable(),
  kind: EmploymentKind,
  /** 统一社会信用代码 (GB 32100-2015), checked by its check character when registered (null for units entered before). */
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).nullable().default(null),
  /** Who the HR bureau calls about the registration: a name and a phone number. */
  contact: z.strictObject({ name: z.string().min(1), phone: z.string().min(1) }).nullable().default(null),
  /**
   * A unit registered by its admin waits for the HR bureau of its level (county units: the county's,
   * prefecture units: the prefecture's); once approved it has an invite code its staff join with.
   */
  status: z.enum(['pending', 'approved', 'rejected']).default('approved'),
  inviteCode: z.string().regex(/^[A-HJ-NP-Z2-9]{10}$/).nullable().default(null),
  registeredBy: z.string().nullable().default(null),
  registeredAt: z.string().nullable().default(null),
  rejectReason: z.string().nullable().default(null),
  /** The HR bureau's decision on the registration: who decided and when (null while it waits, or for units entered before). */
  decided: z.strictObject({ approve: z.boolean(), by: z.string(), byName: z.string(), at: z.string() }).nullable().default(null),
  /** The invite code drawn as a mini-program code, kept while the code it draws is the unit's. */
  inviteImage: z.strictObject({ inviteCode: z.string(), ref: z.string().min(1) }).nullable().default(null),
});
export type Unit = z.infer<typeof Unit>;

/** Invite codes avoid letters and digits read alike (I/1, O/0). */
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * An invite code's length: 32¹⁰ (about 10¹⁵) codes, so that guessing, at the 10 tries an hour each
 * person is allowed, would take longer than anyone has.
 */
export const INVITE_CODE_LENGTH = 10;

/** Whether a normalised text is the shape of an invite code. */
export function isInviteCode(code: string): boolean {
  return code.length === INVITE_CODE_LENGTH && [...code].every((c) => INVITE_ALPHABET.includes(c));
}

/** An invite code as typed: spaces and dashes dropped, lower case raised, full-width letters read as ASCII. */
export function normaliseInviteCode(text: string): string {
  return text
    .replace(/[\s\-－—]+/g, '')
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}
