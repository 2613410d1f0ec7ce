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
