import Taro from '@tarojs/taro';
import { PHOTO_STEPS, PHOTO_TARGET_BYTES, scaledSize } from '../../core/photos/compression';
import { checkPdf, type Picked, type Prepared } from './photos.types';

/**
 * WeChat: `chooseMedia` for the camera or the album, then `compressImage` with an explicit size
 * and quality (base library ≥ 2.26.0). `sizeType: ['compressed']` is not relied on: some Android
 * phones do not compress at all. On Android the "compressed" file can be larger than the input,
 * so the smaller of the two is kept.
 */
export async function pickPhotos(max: number): Promise<Picked> {
  try {
    const chosen = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original'] });
    return { ok: true, photos: chosen.tempFiles.map((f) => ({ path: f.tempFilePath, bytes: f.size, kind: 'image' as const })) };
  } catch (caught) {
    const message = String((caught as { errMsg?: string })?.errMsg ?? caught);
    // errno 104 / 112: the privacy guide (see README) has not been agreed to or declared.
    if (/privacy|104|112/.test(message)) return { ok: false, cancelled: false, message: '需要先同意隐私保护指引，才能使用相册和相机。' };
    return { ok: false, cancelled: /cancel/i.test(message), message: '没有选到照片，请重试。' };
  }
}

function sizeOf(path: string): number {
  return Taro.getFileSystemManager().statSync(path).size as number;
}

export async function preparePhoto(path: string, originalBytes: number): Promise<Prepared> {
  let info: Taro.getImageInfo.SuccessCallbackResult;
  try {
    info = await Taro.getImageInfo({ src: path });
  } catch {
    return { ok: false, message: '这张图片打不开，可能已损坏，请重新拍照或换一张。' };
  }
  // Orientations right/left (and mirrored) are a quarter turn: the upright width is the height.
  const turned = /right|left/.test(String(info.orientation ?? 'up'));
  const upright = turned ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
  let best = { path, bytes: originalBytes, size: upright };
  for (const step of PHOTO_STEPS) {
    const size = scaledSize(upright.width, upright.height, step.longEdge);
    try {
      const compressed = await Taro.compressImage({
        src: path,
        quality: Math.round(step.quality * 100),
        compressedWidth: size.width,
        compressedHeight: size.height,
      } as Taro.compressImage.Option);
      const bytes = sizeOf(compressed.tempFilePath);
      if (bytes < best.bytes) best = { path: compressed.tempFilePath, bytes, size };
    } catch {
      // An older base library without sized compression: the next step or the original.
    }
    if (best.bytes <= PHOTO_TARGET_BYTES) break;
  }
  const content = Taro.getFileSystemManager().readFileSync(best.path) as ArrayBuffer;
  return { ok: true, photo: { path: best.path, bytes: new Uint8Array(content), contentType: 'image/jpeg', width: best.size.width, height: best.size.height, originalBytes } };
}

/**
 * PDF scans, where the round takes them: WeChat picks files from chats (`chooseMessageFile`);
 * the phone's own folders are not open to mini-programs.
 */
export async function pickPdfs(max: number): Promise<Picked> {
  try {
    const chosen = await Taro.chooseMessageFile({ count: max, type: 'file', extension: ['pdf'] });
    return { ok: true, photos: chosen.tempFiles.map((f) => ({ path: f.path, bytes: f.size, kind: 'pdf' as const })) };
  } catch (caught) {
    const message = String((caught as { errMsg?: string })?.errMsg ?? caught);
    return { ok: false, cancelled: /cancel/i.test(message), message: '没有选到文件，请重试。' };
  }
}

/** A picked PDF as it is, once its bytes say it is one. */
export async function preparePdf(path: string, originalBytes: number): Promise<Prepared> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer);
  } catch {
    return { ok: false, message: '这个文件打不开，请重新选择。' };
  }
  const problem = checkPdf(bytes);
  if (problem) return { ok: false, message: problem };
  return { ok: true, photo: { path, bytes, contentType: 'application/pdf', width: null, height: null, originalBytes } };
}
