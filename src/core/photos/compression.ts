/**
 * How a certificate photo is made small on the phone before upload: a 12-megapixel photo goes
 * up at ≤ 600 KB with its small print still legible. JPEG at a long edge of 2400 px keeps 22 px
 * print of a 4000 px page at 13 px, readable; steps down only when the page is still too large.
 */
export const PHOTO_TARGET_BYTES = 600 * 1024;

/** Tried in order until one is small enough; the last is taken whatever its size. */
export const PHOTO_STEPS: readonly { readonly longEdge: number; readonly quality: number }[] = [
  { longEdge: 2400, quality: 0.82 },
  { longEdge: 2400, quality: 0.72 },
  { longEdge: 2000, quality: 0.72 },
  { longEdge: 1600, quality: 0.7 },
];

/** The size to draw at: the long edge at most `longEdge`, never enlarged, proportions kept. */
export function scaledSize(width: number, height: number, longEdge: number): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
