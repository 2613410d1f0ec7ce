import * as z from 'zod';
import { appError, type AppError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { FileStore } from '../ports/files.port';
import type { Store } from '../ports/store.port';
import type { StagedWrites } from '../function';

/**
 * An upload announced before its bytes go to storage. The phone writes to cloud storage directly
 * (`wx.cloud.uploadFile`), so the server would never learn of a file nobody attaches; announcing
 * it first is what lets the quota be checked before any byte is sent and lets a timer remove what
 * nothing used. The local runtime's upload route takes only announced files, as the cloud would.
 */
export const PendingUpload = z.strictObject({
  personId: z.string(),
  /** The file's name in the person's `uploads/` folder: `<sha256>.<jpg|pdf>`. */
  name: z.string(),
  sha256: z.string(),
  /** What the phone said it will send; the stored file is read and checked when used. */
  bytes: z.number().int().positive(),
  reservedAt: z.string(),
  /** When an action used it; the file is then removed after that action's commit, the record by the timer. */
  usedAt: z.string().nullable(),
});
export type PendingUpload = z.infer<typeof PendingUpload>;

export const pendingUploadId = (personId: string, sha256: string) => `${personId}:${sha256}`;

/** Where a person's announced upload is stored (the phone's cloudPath, the local runtime's path). */
export const uploadPathOf = (personId: string, name: string) => `uploads/${personId}/${name}`;

/** How long an upload may wait to be used before the cleanup timer removes it. */
export const PENDING_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

const MB = 1024 * 1024;

/**
 * What one person may keep. An application of a senior title with every material photographed
 * has about 40 photos of 0.3–1 MB after the phone shrinks them; the limits leave room for twice
 * that and retakes, and stop a client that uploads without end.
 */
export const UPLOAD_QUOTA = {
  /** Uploaded (or announced) and not yet used, per person. */
  pendingFiles: 20,
  pendingBytes: 100 * MB,
  /** Kept in one application. */
  applicationFiles: 80,
  applicationBytes: 150 * MB,
} as const;

const mb = (bytes: number) => Math.round(bytes / MB);

/** Whether one more kept file of `bytes` fits an application's quota (the same content twice counts once). */
export function applicationQuotaLeft(files: readonly { readonly sha256: string; readonly bytes: number }[], bytes: number): Result<null, AppError> {
  const distinct = new Map(files.map((f) => [f.sha256, f.bytes]));
  const used = [...distinct.values()].reduce((sum, b) => sum + b, 0);
  if (distinct.size + 1 > UPLOAD_QUOTA.applicationFiles || used + bytes > UPLOAD_QUOTA.applicationBytes) {
    return err(appError('FILE.QUOTA_FULL', [`一份申报最多 ${UPLOAD_QUOTA.applicationFiles} 个文件、共 ${mb(UPLOAD_QUOTA.applicationBytes)}MB；现在有 ${distinct.size} 个、共 ${mb(used)}MB。`]));
  }
  return ok(null);
}

/**
 * Announces an upload: refused when the person's unused uploads would pass the quota; announcing
 * the same content again is the same announcement.
 */
export async function reserveUpload(
  store: Pick<Store, 'get' | 'find'>,
  writes: Pick<StagedWrites, 'insert' | 'update'>,
  personId: string,
  upload: { readonly sha256: string; readonly bytes: number; readonly contentType: 'image/jpeg' | 'application/pdf' },
  now: Date,
): Promise<Result<{ readonly name: string }, AppError>> {
  const name = `${upload.sha256}.${upload.contentType === 'application/pdf' ? 'pdf' : 'jpg'}`;
  const id = pendingUploadId(personId, upload.sha256);
  const existing = await store.get(collections.pendingUploads.name, id);
  const pending = (await store.find(collections.pendingUploads.name, { where: [{ field: 'personId', op: 'eq', value: personId }] }))
    .map((d) => parseFields(PendingUpload, d))
    .filter((p) => p.usedAt === null);
  // The same content announced again while unused is the same announcement.
  if (existing && parseFields(PendingUpload, existing).usedAt === null) return ok({ name });
  const bytes = pending.reduce((sum, p) => sum + p.bytes, 0);
  if (pending.length + 1 > UPLOAD_QUOTA.pendingFiles || bytes + upload.bytes > UPLOAD_QUOTA.pendingBytes) {
    return err(appError('FILE.QUOTA_PENDING', [`未用上的上传最多 ${UPLOAD_QUOTA.pendingFiles} 个、共 ${mb(UPLOAD_QUOTA.pendingBytes)}MB；现在有 ${pending.length} 个、共 ${mb(bytes)}MB。`]));
  }
  const reserved: PendingUpload = { personId, name, sha256: upload.sha256, bytes: upload.bytes, reservedAt: now.toISOString(), usedAt: null };
  // Used once and sent again (a photo removed and chosen anew): announced again.
  if (existing) writes.update(collections.pendingUploads.name, id, existing._rev, { ...reserved });
  else writes.insert(collections.pendingUploads.name, { _id: id, ...reserved });
  return ok({ name });
}

/** The person's announcement of the file named `name`, if there is one. */
export async function findPendingUpload(store: Pick<Store, 'get'>, personId: string, name: string): Promise<PendingUpload | null> {
  const sha256 = /^([0-9a-f]{64})\.(jpg|pdf)$/.exec(name)?.[1];
  if (!sha256) return null;
  const doc = await store.get(collections.pendingUploads.name, pendingUploadId(personId, sha256));
  const pending = doc ? parseFields(PendingUpload, doc) : null;
  return pending && pending.name === name ? pending : null;
}

/**
 * An upload used (its content stored cleaned elsewhere): marked used with the writes (it no longer
 * counts against the quota), its file removed once they have committed. The mark stays until the
 * cleanup timer, which removes the file again should that removal have failed.
 */
export async function settleUpload(
  ctx: { readonly store: Pick<Store, 'get'>; readonly writes: Pick<StagedWrites, 'update'>; readonly now: Date; discardAfterCommit(ref: string): void },
  personId: string,
  upload: { readonly ref: string; readonly sha256: string },
): Promise<void> {
  const id = pendingUploadId(personId, upload.sha256);
  const doc = await ctx.store.get(collections.pendingUploads.name, id);
  if (doc && parseFields(PendingUpload, doc).usedAt === null) ctx.writes.update(collections.pendingUploads.name, id, doc._rev, { usedAt: ctx.now.toISOString() });
  ctx.discardAfterCommit(upload.ref);
}

/** Removes the files of uploads announced more than a day ago and their announcements; answers how many. */
export async function removeStaleUploads(store: Pick<Store, 'find'>, writes: Pick<StagedWrites, 'remove'>, files: Pick<FileStore, 'refOf' | 'delete'>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PENDING_UPLOAD_TTL_MS).toISOString();
  const stale = await store.find(collections.pendingUploads.name, { where: [{ field: 'reservedAt', op: 'lt', value: before }], limit: 200 });
  for (const doc of stale) {
    const pending = parseFields(PendingUpload, doc);
    // The file first: a timer that stops half-way leaves an announcement to try again, never a file nobody knows.
    await files.delete(await files.refOf(uploadPathOf(pending.personId, pending.name)));
    writes.remove(collections.pendingUploads.name, doc._id, doc._rev);
  }
  return stale.length;
}
