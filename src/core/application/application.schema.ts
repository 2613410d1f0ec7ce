import { z } from 'zod';
import { Profile } from '../eligibility/profile';
import { Channel, Code, Level, Way } from '../round/round.schema';

/**
 * An application (申报): one person, one round, one offered level × way × channel, started from the
 * self-check's saved answers (kept as they were, so what was assessed is what was applied with).
 */
export const ApplicationStatus = z.enum(['draft', 'submitted']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const MaskRectSchema = z.strictObject({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

/**
 * A file the applicant attached to one material category: named by its content's SHA-256 (the
 * same photo sent twice is one file), checked by its bytes, with the blind-review answer (是 / 否),
 * the masks as fractions of the upright image, and the blind copy made from them.
 */
export const AttachedFile = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  category: Code,
  ref: z.string().min(1),
  contentType: z.enum(['image/jpeg', 'application/pdf']),
  bytes: z.number().int().positive(),
  /** Upright pixel size (images only). */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  attachedAt: z.string().min(1),
  /** 是否需要遮挡: null until answered. */
  needsMasking: z.enum(['yes', 'no']).nullable(),
  masks: z.array(MaskRectSchema),
  /** The copy experts see: the original with the masks burned in, no metadata. */
  blindRef: z.string().min(1).nullable(),
});
export type AttachedFile = z.infer<typeof AttachedFile>;

export const ApplicationRecord = z.strictObject({
  personId: z.string().min(1),
  roundId: z.string().min(1),
  year: z.number().int(),
  /** `<offerId>:<level>`, the assessment's key. */
  offerKey: z.string().min(1),
  offerId: Code,
  level: Level,
  way: Way,
  channel: Channel,
  series: Code.nullable(),
  specialty: Code.nullable(),
  profile: Profile,
  status: ApplicationStatus,
  createdAt: z.string().min(1),
  files: z.array(AttachedFile).default([]),
  /** What is typed into the form, by material category (one text: 二级专业, the work summary). */
  texts: z.record(z.string(), z.string()).default({}),
  /** Rows typed into the form, by material category (work periods, achievements, papers …; `entry-forms.ts`). */
  entries: z.record(z.string(), z.array(z.record(z.string(), z.string().nullable()))).default({}),
  /** Codes of the round's rules the applicant confirmed before submitting (no work or meeting photos). */
  declarations: z.array(z.string()).default([]),
  /** The resident ID number, checked (GB 11643) when saved; null until given. */
  idNumber: z.string().regex(/^\d{17}[\dX]$/).nullable().default(null),
  /** Times submitted (the round allows a few: 提交次数不得超过3次). */
  submissions: z.number().int().min(0).default(0),
  /** What happened to it, in order: the timeline, and the request ids that make a retry safe. */
  events: z
    .array(z.strictObject({ kind: z.enum(['created', 'submitted']), at: z.string(), requestId: z.string().nullable() }))
    .default([]),
});
export type ApplicationRecord = z.infer<typeof ApplicationRecord>;

/** The id an application has: the same person, round and offer always name the same application. */
export function applicationId(personId: string, roundId: string, offerKey: string): string {
  return `${personId}:${roundId}:${offerKey}`;
}
