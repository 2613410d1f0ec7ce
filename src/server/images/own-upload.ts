import { appError, type AppError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import type { FileStore } from '../ports/files.port';
import { inspectUpload, sha256Of, withoutMetadata } from './image-bytes';
import { BAD_REF_DETAIL, parseUploadRef } from '../uploads/upload-ref';
import { settleUpload } from '../uploads/pending-uploads';
import type { WorkContext } from '../function';

const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * A file someone uploaded, before anything refers to it: under their own folder, there, not empty,
 * within the limit, whole (its SHA-256 the one the phone computed) and a real image (or PDF where
 * allowed). Anything else is refused with the reason, and nothing is kept.
 */
export async function readOwnUpload(
  files: Pick<FileStore, 'get'>,
  personId: string,
  upload: { readonly ref: string; readonly sha256: string },
  options: { readonly allowPdf: boolean; readonly incomplete: string },
): Promise<Result<{ readonly content: Uint8Array; readonly inspected: Extract<Awaited<ReturnType<typeof inspectUpload>>, { ok: true }> }, AppError>> {
  const parsed = parseUploadRef(upload.ref);
  if (!parsed) return err(appError('REQUEST.INVALID_PAYLOAD', [BAD_REF_DETAIL]));
  if (parsed.owner !== personId) return err(appError('APPLICATION.FILE_NOT_YOURS'));
  const content = await files.get(upload.ref);
  if (!content) return err(appError('FILE.NOT_FOUND'));
  if (content.length === 0) return err(appError('REQUEST.INVALID_PAYLOAD', ['文件是空的，请重新拍照或选择']));
  if (content.length > UPLOAD_LIMIT_BYTES) return err(appError('FILE.TOO_LARGE'));
  if (sha256Of(content) !== upload.sha256) return err(appError('FILE.CONTENT_MISMATCH', [options.incomplete]));
  const inspected = await inspectUpload(content, options.allowPdf);
  if (!inspected.ok) return err(appError(inspected.code, [inspected.detail]));
  return ok({ content, inspected });
}

type Read = Extract<Awaited<ReturnType<typeof readOwnUpload>>, { ok: true }>['value'];

/** An upload as the server keeps it: under `originals/`, named by the SHA-256 of the kept bytes. */
export interface Kept {
  readonly ref: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The kept form of a checked upload (upright, no metadata) and its name, before anything is stored. */
export async function cleanedUpload(read: Read): Promise<{ readonly content: Uint8Array; readonly sha256: string }> {
  const content = await withoutMetadata(read.content, read.inspected.contentType);
  return { content, sha256: sha256Of(content) };
}

/**
 * An own upload read, checked and cleaned (`readOwnUpload`, `cleanedUpload`), once per call: a
 * commit that meets a concurrent change does not read and re-encode the image again.
 */
export function readAndClean(
  ctx: Pick<WorkContext, 'files' | 'made'>,
  personId: string,
  upload: { readonly ref: string; readonly sha256: string },
  options: { readonly allowPdf: boolean; readonly incomplete: string },
): Promise<Result<{ readonly inspected: Read['inspected']; readonly cleaned: { readonly content: Uint8Array; readonly sha256: string } }, AppError>> {
  return ctx.made.once(`cleaned:${personId}:${upload.ref}:${upload.sha256}:${options.allowPdf}`, async () => {
    const read = await readOwnUpload(ctx.files, personId, upload, options);
    if (!read.ok) return read;
    return ok({ inspected: read.value.inspected, cleaned: await cleanedUpload(read.value) });
  });
}

/**
 * Stores a checked upload's kept form under `originals/<person>/` and settles the upload: marked
 * used with the action's writes, its raw file (with whatever metadata the phone left in it)
 * removed once they commit. The kept file is made like a write (`MadeFiles`): removed again if
 * the call fails, stored once however often a conflict runs the call again.
 */
export async function keepUpload(
  ctx: Pick<WorkContext, 'made' | 'store' | 'writes' | 'now' | 'discardAfterCommit'>,
  personId: string,
  upload: { readonly ref: string; readonly sha256: string },
  cleaned: { readonly content: Uint8Array; readonly sha256: string },
  contentType: 'image/jpeg' | 'application/pdf',
): Promise<Kept> {
  const extension = contentType === 'application/pdf' ? 'pdf' : 'jpg';
  const ref = await ctx.made.once(`kept:${personId}:${cleaned.sha256}`, () => ctx.made.put(`originals/${personId}/${cleaned.sha256}.${extension}`, cleaned.content, contentType));
  await settleUpload(ctx, personId, upload);
  return { ref, sha256: cleaned.sha256, bytes: cleaned.content.length };
}
