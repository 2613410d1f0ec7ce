import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { MaskRect } from '../../core/application/mask-rules';

/**
 * What the server knows of an uploaded file from its bytes alone, never from its name: its type by
 * magic numbers and, for a photo, that it decodes and its upright size.
 */
export type Inspected =
  | { readonly ok: true; readonly contentType: 'image/jpeg' | 'application/pdf'; readonly width: number | null; readonly height: number | null }
  | { readonly ok: false; readonly code: 'FILE.BAD_TYPE' | 'FILE.CONTENT_MISMATCH'; readonly detail: string };

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPdf = (b: Uint8Array) => b.length > 4 && Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-';

export async function inspectUpload(content: Uint8Array, allowPdf: boolean): Promise<Inspected> {
  if (isPdf(content)) {
    return allowPdf
      ? { ok: true, contentType: 'application/pdf', width: null, height: null }
      : { ok: false, code: 'FILE.BAD_TYPE', detail: '这一项只收 JPG 图片，请拍照或选择图片上传。' };
  }
  if (!isJpeg(content)) return { ok: false, code: 'FILE.BAD_TYPE', detail: allowPdf ? '只收 JPG 图片或 PDF 文件。' : '只收 JPG 图片。' };
  try {
    const meta = await sharp(content, { failOn: 'error' }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    // EXIF orientations 5–8 turn the picture a quarter: the upright size has width and height swapped.
    const turned = (meta.orientation ?? 1) >= 5;
    // Decoding the whole picture is what finds a file cut off in the middle; a warning fails it as
    // it would fail the blind copy's burn-in later (sharp's default), so nothing kept cannot be used.
    await sharp(content, { failOn: 'warning' }).resize(8, 8).toBuffer();
    return { ok: true, contentType: 'image/jpeg', width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
  } catch {
    return { ok: false, code: 'FILE.CONTENT_MISMATCH', detail: '图片损坏或不完整，打不开。请重新拍照或重新选择。' };
  }
}

/**
 * The blind copy: the photo turned upright, the masks burned in as solid black, written as a new
 * JPEG without any metadata (no EXIF, no GPS). The original is kept unchanged elsewhere.
 */
export async function burnMasks(content: Uint8Array, masks: readonly MaskRect[]): Promise<Uint8Array> {
  // Raw pixels in between: the photo is encoded as JPEG once, not twice.
  const upright = await sharp(content).rotate().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = upright.info;
  const overlays = masks.map((m) => {
    const left = Math.max(0, Math.floor(m.x * width));
    const top = Math.max(0, Math.floor(m.y * height));
    const w = Math.max(1, Math.min(width - left, Math.ceil(m.w * width)));
    const h = Math.max(1, Math.min(height - top, Math.ceil(m.h * height)));
    return { input: { create: { width: w, height: h, channels: 3 as const, background: '#000' } }, left, top };
  });
  const out = await sharp(upright.data, { raw: { width, height, channels } })
    .composite(overlays)
    .jpeg({ quality: 85 })
    .toBuffer();
  return new Uint8Array(out);
}
