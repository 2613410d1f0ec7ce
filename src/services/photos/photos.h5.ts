import { PHOTO_STEPS, PHOTO_TARGET_BYTES, scaledSize } from '../../core/photos/compression';
import { checkPdf, type Picked, type Prepared } from './photos.types';

/**
 * H5: the browser's file picker, then the browser's own canvas: Taro's H5 build stubs
 * `compressImage` and `createOffscreenCanvas`, and its `chooseMedia` ignores `sizeType`.
 * The browser applies the photo's EXIF orientation while decoding, so the canvas is upright and
 * the JPEG it writes carries no metadata.
 */
const browser = globalThis as unknown as Window & typeof globalThis;

/**
 * The browser's own file picker (the phone offers the camera or the album). Taro's H5
 * `chooseImage` decodes each picture itself and never answers for a file that is not one; here
 * every picked file comes back, and a bad one is refused with a message when it is prepared.
 */
export function pickPhotos(max: number): Promise<Picked> {
  return pickFiles(max, 'image');
}

/** PDF scans, where the round takes them (bazhou-ecoenv-2024 五(一)8: 知识产权 as PDF). */
export function pickPdfs(max: number): Promise<Picked> {
  return pickFiles(max, 'pdf');
}

function pickFiles(max: number, kind: 'image' | 'pdf'): Promise<Picked> {
  return new Promise((answer) => {
    let settled = false;
    const resolve = (picked: Picked) => {
      if (settled) return;
      settled = true;
      browser.removeEventListener('focus', onFocus);
      answer(picked);
    };
    // Browsers without the input's cancel event (older phones) only give the page its focus back:
    // no file chosen a moment after that is a cancel, so no card is left saying 正在上传….
    const onFocus = () => {
      setTimeout(() => {
        if ((input.files?.length ?? 0) === 0) {
          input.remove();
          resolve({ ok: false, cancelled: true, message: '' });
        }
      }, 2500);
    };
    const input = browser.document.createElement('input');
    input.type = 'file';
    input.accept = kind === 'image' ? 'image/*' : 'application/pdf,.pdf';
    input.multiple = max > 1;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, max);
      input.remove();
      if (files.length === 0) return resolve({ ok: false, cancelled: true, message: '' });
      resolve({ ok: true, photos: files.map((file) => ({ path: browser.URL.createObjectURL(file), bytes: file.size, kind })) });
    });
    // Closing the picker without a choice: nothing happens, and nothing should.
    input.addEventListener('cancel', () => {
      input.remove();
      resolve({ ok: false, cancelled: true, message: '' });
    });
    browser.document.body.appendChild(input);
    input.click();
    // Added after the click: the picker takes the focus as it opens.
    setTimeout(() => browser.addEventListener('focus', onFocus), 300);
  });
}

export async function preparePhoto(path: string, originalBytes: number): Promise<Prepared> {
  let bitmap: ImageBitmap;
  try {
    const blob = await (await browser.fetch(path)).blob();
    if (blob.size === 0) return { ok: false, message: '这个文件是空的，请重新拍照或选择。' };
    bitmap = await browser.createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, message: '这张图片打不开，可能已损坏或是手机的 HEIC 格式，请重新拍照或换一张。' };
  }
  let out: Blob | null = null;
  let size = { width: bitmap.width, height: bitmap.height };
  for (const step of PHOTO_STEPS) {
    size = scaledSize(bitmap.width, bitmap.height, step.longEdge);
    const canvas = browser.document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, message: '手机浏览器无法处理图片，请换用微信打开。' };
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', step.quality));
    if (out && out.size <= PHOTO_TARGET_BYTES) break;
  }
  bitmap.close();
  if (!out) return { ok: false, message: '图片处理失败，请重试。' };
  const bytes = new Uint8Array(await out.arrayBuffer());
  return { ok: true, photo: { path: browser.URL.createObjectURL(out), bytes, contentType: 'image/jpeg', width: size.width, height: size.height, originalBytes } };
}

/** A picked PDF as it is, once its bytes say it is one. */
export async function preparePdf(path: string, originalBytes: number): Promise<Prepared> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await (await browser.fetch(path)).arrayBuffer());
  } catch {
    return { ok: false, message: '这个文件打不开，请重新选择。' };
  }
  const problem = checkPdf(bytes);
  if (problem) return { ok: false, message: problem };
  return { ok: true, photo: { path, bytes, contentType: 'application/pdf', width: null, height: null, originalBytes } };
}
