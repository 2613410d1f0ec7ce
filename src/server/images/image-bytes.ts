import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { MaskRect } from '../../core/application/mask-rules';

/**
 * What the server knows of an uploaded file from its bytes alone, never from its name: its type by
 * magic numbers and, for a photo, that it decodes and its upright size.
 */
export type Inspected =
  | { readonly ok: true; readonly contentType: 'image/jpeg' | 'application/pdf'; readonly width: number | null; readonly height: number | null }
  | { readonly ok: false; readonly code: 'FILE.BAD_TYPE' | 'FILE.CONTENT_MISMATCH' | 'FILE.TOO_MANY_PIXELS'; readonly detail: string };

/**
 * The most pixels an image may have, read from its header before anything is decoded: an A4 page
 * scanned at 600 dpi (4961 × 7016, 34.8 million) passes, as does any phone photo (12 million; the app
 * sends them smaller still); a "decompression bomb" declaring 16000 × 16000 (256 million, 768 MB
 * decoded) is refused before it costs memory. Every decode (the check, the burn-in, the seal finder,
 * OCR) is bounded by it too (sharp's `limitInputPixels`).
 */
export const MAX_IMAGE_PIXELS = 36_000_000;

/** sharp's options for any image from outside: bounded, and a warning (a cut-off file) is a failure. */
export const BOUNDED = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' } as const;

/** What an image's header says (nothing is decoded), or null when it has no readable size. */
async function headerOf(content: Uint8Array): Promise<{ readonly width: number; readonly height: number; readonly orientation: number } | null> {
  try {
    const { width, height, orientation } = await sharp(content, { limitInputPixels: false }).metadata();
    return width && height ? { width, height, orientation: orientation ?? 1 } : null;
  } catch {
    return null;
  }
}

/** The pixels an image's header declares (nothing is decoded), or null when it has no readable size. */
export async function declaredPixels(content: Uint8Array): Promise<number | null> {
  const header = await headerOf(content);
  return header ? header.width * header.height : null;
}

/** Whether an image's declared size is within the limit (one without a readable size is not). */
export async function withinPixelLimit(content: Uint8Array): Promise<boolean> {
  const pixels = await declaredPixels(content);
  return pixels !== null && pixels <= MAX_IMAGE_PIXELS;
}

const TOO_MANY_PIXELS = `图片像素太多（超过 ${MAX_IMAGE_PIXELS / 10_000} 万像素），可能不是正常的照片或扫描件。请用手机重新拍照，扫描件请用不高于 600dpi 的分辨率。`;
const UNREADABLE = '图片损坏或不完整，打不开。请重新拍照或重新选择。';

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
  // The header first: a bomb is refused here, before a single pixel is decoded.
  const header = await headerOf(content);
  if (header === null) return { ok: false, code: 'FILE.CONTENT_MISMATCH', detail: UNREADABLE };
  if (header.width * header.height > MAX_IMAGE_PIXELS) return { ok: false, code: 'FILE.TOO_MANY_PIXELS', detail: TOO_MANY_PIXELS };
  // EXIF orientations 5–8 turn the picture a quarter: the upright size has width and height swapped.
  const turned = header.orientation >= 5;
  try {
    // Decoding the whole picture is what finds a file cut off in the middle; a warning fails it as
    // it would fail the blind copy's burn-in later (sharp's default), so nothing kept cannot be used.
    await sharp(content, BOUNDED).resize(8, 8).toBuffer();
    return { ok: true, contentType: 'image/jpeg', width: turned ? header.height : header.width, height: turned ? header.width : header.height };
  } catch {
    return { ok: false, code: 'FILE.CONTENT_MISMATCH', detail: UNREADABLE };
  }
}

/**
 * What is kept of an uploaded photo: turned upright by its EXIF orientation and written again as a
 * JPEG with no metadata at all (no EXIF, XMP, IPTC, GPS position, camera serial), so no copy the
 * server keeps or serves says where or with what it was taken. The same bytes in give the same
 * bytes out (one libvips build), which is what lets a retried attach name the same file.
 * A PDF is kept as it came (its pages are prepared before upload).
 */
export async function withoutMetadata(content: Uint8Array, contentType: 'image/jpeg' | 'application/pdf'): Promise<Uint8Array> {
  if (contentType === 'application/pdf') return content;
  const out = await sharp(content, BOUNDED).rotate().jpeg({ quality: 90 }).toBuffer();
  return new Uint8Array(out);
}

/**
 * The blind copy: the photo turned upright, the masks burned in as solid black, written as a new
 * JPEG without any metadata (no EXIF, no GPS). The original is kept unchanged elsewhere.
 */
export async function burnMasks(content: Uint8Array, masks: readonly MaskRect[]): Promise<Uint8Array> {
  // Raw pixels in between: the photo is encoded as JPEG once, not twice.
  const upright = await sharp(content, BOUNDED).rotate().raw().toBuffer({ resolveWithObject: true });
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
