import { filetypeinfo } from 'magic-bytes.js';

/** What may be uploaded: JPG and PNG photos, PDF documents. */
export const UPLOAD_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'application/pdf']);

/**
 * Whether the bytes are what their declared type says, judged by their magic numbers (the
 * magic-bytes.js signature table), never by a file name or the declared type alone: HTML sent as
 * `image/jpeg` or an executable sent as `application/pdf` is refused.
 */
export function contentMatchesType(content: Uint8Array, declaredType: string): boolean {
  return filetypeinfo(content).some((match) => match.mime === declaredType);
}
