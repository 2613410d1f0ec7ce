import * as z from 'zod';
import { repository } from '../repository';
import { appError, type AppError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { Store } from '../ports/store.port';

/**
 * A photo whose bytes the `applications` function checked (whole, a real JPEG that decodes) for
 * an action of a function that carries no image decoder: the fee receipt the committee records, the
 * stamped papers a unit admin uploads for an application.
 * Only the server writes these, so a record here is the check itself, not the caller's word.
 */
export const CheckedUpload = z.strictObject({
  personId: z.string(),
  ref: z.string(),
  sha256: z.string(),
  /** The SHA-256 of the bytes uploaded, by which a retried check finds this record. */
  uploadSha256: z.string().nullable().default(null),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** The kept file's size (null in records kept before it was). */
  bytes: z.number().int().positive().nullable().default(null),
  checkedAt: z.string(),
});
export type CheckedUpload = z.infer<typeof CheckedUpload>;

/** The checked photos as the store keeps them. */
export const checkedUploads = repository(collections.uploads, (doc) => parseFields(CheckedUpload, doc));

/** One record per person and content: the same photo checked twice is one record. */
export const checkedUploadId = (personId: string, sha256: string) => `${personId}:${sha256}`;

/** The record of an upload already checked and kept, found by the SHA-256 of the bytes uploaded. */
export async function findCheckedByUpload(store: Pick<Store, 'find'>, personId: string, uploadSha256: string): Promise<CheckedUpload | null> {
  const [doc] = await store.find(collections.uploads.name, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'uploadSha256', op: 'eq', value: uploadSha256 },
    ],
    limit: 1,
  });
  return doc ? parseFields(CheckedUpload, doc) : null;
}

/**
 * The caller's own kept photo, if the server has checked it (the ref and SHA-256 `checkPhoto`
 * answered); refused with what to do otherwise. The record is the server's, so the ref is compared
 * with it, never read.
 */
export async function findCheckedUpload(store: Pick<Store, 'get'>, personId: string, upload: { readonly ref: string; readonly sha256: string }): Promise<Result<CheckedUpload, AppError>> {
  const doc = await store.get(collections.uploads.name, checkedUploadId(personId, upload.sha256));
  const checked = doc ? parseFields(CheckedUpload, doc) : null;
  if (!checked || checked.ref !== upload.ref) return err(appError('FILE.NOT_CHECKED'));
  return ok(checked);
}
