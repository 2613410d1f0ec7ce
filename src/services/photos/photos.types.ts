/** A photo (or, where the round takes one, a PDF) picked on the phone, before it is made ready. */
export interface PickedPhoto {
  readonly path: string;
  readonly bytes: number;
  readonly kind: 'image' | 'pdf';
}

/**
 * A file ready to upload, with its bytes for the hash: a photo upright, JPEG and small enough; a
 * PDF as it is, once its bytes say it is one (`%PDF-`).
 */
export interface PreparedPhoto {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly contentType: 'image/jpeg' | 'application/pdf';
  readonly width: number | null;
  readonly height: number | null;
  readonly originalBytes: number;
}

/** The largest PDF taken (the server's upload limit). */
export const PDF_LIMIT_BYTES = 10 * 1024 * 1024;

/** Whether bytes are a PDF by their start, not by a file name; the message to show when not. */
export function checkPdf(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '这个文件是空的，请重新选择。';
  if (bytes.length > PDF_LIMIT_BYTES) return `这个文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过了 10 MB，请压缩后再选。`;
  const head = String.fromCharCode(...bytes.slice(0, 5));
  return head === '%PDF-' ? null : '这个文件不是 PDF，请选择 PDF 格式的扫描件。';
}

export type Prepared = { readonly ok: true; readonly photo: PreparedPhoto } | { readonly ok: false; readonly message: string };
export type Picked = { readonly ok: true; readonly photos: readonly PickedPhoto[] } | { readonly ok: false; readonly cancelled: boolean; readonly message: string };
