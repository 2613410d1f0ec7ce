import * as z from 'zod';
import { appError, type AppError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import { collections } from '../collections';
import { parseFields } from '../docs';
import { BAD_REF_DETAIL, parseUploadRef } from './upload-ref';
import type { Store } from '../ports/store.port';

/**
 * A photo whose bytes the `applications` function checked (whole, a real JPEG that decodes) for
 * an action of a function that carries no image decoder: the fee receipt the committee records.
 * Only the server writes these, so a record here is the check itself, not the caller's word.
 */
export const CheckedUpload = z.strictObject({
  personId: z.string(),
  ref: z.string(),
  sha256: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  checkedAt: z.string(),
});
export type CheckedUpload = z.infer<typeof CheckedUpload>;

/** One record per person and content: the same photo checked twice is one record. */
export const checkedUploadId = (personId: string, sha256: string) => `${personId}:${sha256}`;

/** The caller's own upload, if the server has checked it; refused with what to do otherwise. */
export async function findCheckedUpload(store: Pick<Store, 'get'>, personId: string, upload: { readonly ref: string; readonly sha256: string }): Promise<Result<CheckedUpload, AppError>> {
  const parsed = parseUploadRef(upload.ref);
  if (!parsed) return err(appError('REQUEST.INVALID_PAYLOAD', [BAD_REF_DETAIL]));
  if (parsed.owner !== personId) return err(appError('APPLICATION.FILE_NOT_YOURS'));
  const doc = await store.get(collections.uploads.name, checkedUploadId(personId, upload.sha256));
  const checked = doc ? parseFields(CheckedUpload, doc) : null;
  if (!checked || checked.ref !== upload.ref) return err(appError('FILE.NOT_CHECKED'));
  return ok(checked);
}
