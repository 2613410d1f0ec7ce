/**
 * Legibility for `npm run bench`, measured rather than eyeballed: the certificate's small print
 * (22 px lines on a 4000 × 3000 photo) read by a Chinese OCR model (PaddleOCR PP-OCRv4 through
 * `@gutenye/ocr-node`, offline) on the original and on the phone's compressed copy; the share of
 * the true characters recognised, and after / before.
 */
import sharp from 'sharp';
import { SMALL_PRINT_REGION, smallPrintLines } from '../test/e2e/fixtures';

type Print = (name: string, value: number, unit: string) => void;
interface OcrLine {
  readonly text: string;
}
interface Ocr {
  detect(image: string | Buffer): Promise<OcrLine[]>;
}

/** Characters of `truth` found in order in `read` (longest common subsequence). */
export function commonCharacters(truth: string, read: string): number {
  const a = [...truth];
  const b = [...read];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const char of a) {
    const current = [0];
    for (let j = 1; j <= b.length; j += 1) current[j] = char === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[b.length]!;
}

const normalise = (text: string) => text.replace(/\s+/g, '').replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The share of the true lines' characters recognised: each true line against its best read line. */
export function recognisedShare(truthLines: readonly string[], readLines: readonly string[]): number {
  const read = readLines.map(normalise);
  let found = 0;
  let total = 0;
  for (const line of truthLines.map(normalise)) {
    total += [...line].length;
    found += Math.max(0, ...read.map((r) => commonCharacters(line, r)));
  }
  return total === 0 ? 0 : found / total;
}

async function smallPrintOf(ocr: Ocr, photo: Buffer): Promise<number> {
  const { width, height } = await sharp(photo).metadata();
  const region = {
    left: Math.round(SMALL_PRINT_REGION.x * width!),
    top: Math.round(SMALL_PRINT_REGION.y * height!),
    width: Math.round(SMALL_PRINT_REGION.w * width!),
    height: Math.round(SMALL_PRINT_REGION.h * height!),
  };
  const crop = await sharp(photo).extract(region).jpeg({ quality: 95 }).toBuffer();
  const lines = await ocr.detect(crop);
  return recognisedShare(smallPrintLines(1), lines.map((l) => l.text));
}

export async function benchLegibility(print: Print, original: Buffer, compressed: Buffer): Promise<void> {
  const { default: Ocr } = (await import('@gutenye/ocr-node')) as unknown as { default: { create(): Promise<Ocr> } };
  const ocr = await Ocr.create();
  const before = await smallPrintOf(ocr, original);
  const after = await smallPrintOf(ocr, compressed);
  print('legibility_small_print_original', Math.round(before * 1000) / 1000, 'share of characters recognised');
  print('legibility_small_print_compressed', Math.round(after * 1000) / 1000, 'share of characters recognised');
  print('legibility_after_over_before', Math.round((after / before) * 1000) / 1000, 'ratio');
}
