import type { ApplicationView } from '../../core/contracts/api';
import { appError, errorKind, type AppError } from '../../core/errors';
import { sha256Hex } from '../../core/hash/sha256';
import { err, type Result } from '../../core/result';
import { call, toAppError } from '../api/client';
import { platform } from '../platform/platform';
import { preparePdf, preparePhoto } from './photos';
import type { PickedPhoto } from './photos.types';

export type AttachStage = { readonly kind: 'preparing' } | { readonly kind: 'uploading'; readonly fraction: number } | { readonly kind: 'saving' };

const UPLOAD_ATTEMPTS = 3;

/**
 * One photo from the phone into one material category: made upright and small, named by the
 * SHA-256 of its bytes, announced, uploaded under the person's own folder (a retry after a dropped
 * network replaces the same file, never adds a second), then attached, which the server checks by
 * the bytes and keeps without its metadata (under another name: the view says which).
 */
export async function attachPhoto(
  target: { readonly applicationId: string; readonly category: string; readonly personId: string },
  picked: PickedPhoto,
  onStage: (stage: AttachStage) => void,
): Promise<Result<ApplicationView, AppError>> {
  const uploaded = await uploadPhoto(target.personId, picked, onStage);
  if (!uploaded.ok) return uploaded;
  onStage({ kind: 'saving' });
  return call('applications', 'attach', { applicationId: target.applicationId, category: target.category, ref: uploaded.value.ref, sha256: uploaded.value.sha256 });
}

/**
 * A photo (or PDF) made upright and small and uploaded under the person's own folder, named by its
 * SHA-256, retried when the network drops; what a function then attaches or records by the bytes.
 */
export async function uploadPhoto(personId: string, picked: PickedPhoto, onStage: (stage: AttachStage) => void): Promise<Result<{ readonly ref: string; readonly sha256: string }, AppError>> {
  onStage({ kind: 'preparing' });
  const prepared = picked.kind === 'pdf' ? await preparePdf(picked.path, picked.bytes) : await preparePhoto(picked.path, picked.bytes);
  if (!prepared.ok) return err(appError('FILE.CONTENT_MISMATCH', [prepared.message], prepared.message));
  const sha256 = sha256Hex(prepared.photo.bytes);
  const file = { path: prepared.photo.path, contentType: prepared.photo.contentType };
  // Announced first: the quota is checked before a byte is sent, and what is never used is removed.
  const announced = await call('applications', 'beginUpload', { sha256, bytes: prepared.photo.bytes.length, contentType: file.contentType });
  if (!announced.ok) return announced;
  let uploaded = await upload(file, announced.value.name, personId, onStage);
  for (let attempt = 1; attempt < UPLOAD_ATTEMPTS && !uploaded.ok && errorKind(uploaded.error.code) === 'network'; attempt += 1) {
    uploaded = await upload(file, announced.value.name, personId, onStage);
  }
  if (!uploaded.ok) return uploaded;
  return { ok: true, value: { ref: uploaded.value, sha256 } };
}

async function upload(
  file: { readonly path: string; readonly contentType: 'image/jpeg' | 'application/pdf' },
  name: string,
  personId: string,
  onStage: (stage: AttachStage) => void,
): Promise<Result<string, AppError>> {
  onStage({ kind: 'uploading', fraction: 0 });
  const reply = await platform.transport.upload(name, file, { personId, onProgress: (fraction) => onStage({ kind: 'uploading', fraction }) });
  if (reply.ok) return { ok: true, value: reply.data.ref };
  return err(toAppError(reply.code, reply.message, reply.details));
}
