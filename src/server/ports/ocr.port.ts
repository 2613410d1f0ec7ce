import type { OcrLine } from '../../core/masking/identity-finder';

/**
 * Reads the text lines of an upright photo, each with its box as fractions of the image. Two
 * adapters over one contract suite (test/contract/ocr.contract.ts): locally PaddleOCR's Chinese
 * models on onnxruntime (`@gutenye/ocr-node`, offline); in production WeChat's OCR openapi or the
 * same model in a cloud function. What is read is used for the masking suggestions and checks,
 * never stored.
 */
export interface TextReader {
  read(image: Uint8Array): Promise<OcrLine[]>;
}

/**
 * A read line from its corners in pixels (any order, a slight tilt allowed): its box is the upright
 * hull of the corners, inside the image, as fractions of it, with the image's aspect.
 */
export function lineFromCorners(text: string, corners: readonly (readonly [number, number])[], width: number, height: number): OcrLine {
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const left = Math.max(0, Math.min(...xs));
  const top = Math.max(0, Math.min(...ys));
  const right = Math.min(width, Math.max(...xs));
  const bottom = Math.min(height, Math.max(...ys));
  return { text, box: { x: left / width, y: top / height, w: (right - left) / width, h: (bottom - top) / height }, aspect: width / height };
}
