/**
 * Blind-review masks are rectangles on the upright image, as fractions of its width and height
 * (0–1), so they stay right whatever size the image is shown or stored at. The notices forbid
 * large-area masking (aksu-water-2024 四(一)19 "不可大面积遮盖"): a mask or all of them together may not cover
 * most of the page.
 */
export interface MaskRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** More than this share of the page masked is "large-area" masking. */
export const MAX_MASKED_SHARE = 0.5;
/** Smaller than this (of width or height) is a slip of the finger, not a mask. */
export const MIN_SIDE = 0.005;
export const MAX_MASKS_PER_IMAGE = 40;
/** Edges may overshoot the image by a rounding hair. */
const EPSILON = 1e-6;

export type MaskCheck = { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

export function checkMasks(rects: readonly MaskRect[]): MaskCheck {
  const problems: string[] = [];
  if (rects.length > MAX_MASKS_PER_IMAGE) problems.push(`一张图片最多${MAX_MASKS_PER_IMAGE}处遮挡，请合并相邻的遮挡框。`);
  rects.forEach((r, i) => {
    const n = `第${i + 1}个遮挡框`;
    if (![r.x, r.y, r.w, r.h].every(Number.isFinite)) return problems.push(`${n}的位置不是数字。`);
    if (r.w < MIN_SIDE || r.h < MIN_SIDE) return problems.push(`${n}太小或大小为负，请重新画。`);
    if (r.x < -EPSILON || r.y < -EPSILON || r.x + r.w > 1 + EPSILON || r.y + r.h > 1 + EPSILON) return problems.push(`${n}超出了图片范围，请拖回图片内。`);
    if (r.w * r.h > MAX_MASKED_SHARE) problems.push(`${n}遮住了大半页，通知不允许大面积遮挡，只遮姓名、单位、公章等需要遮的地方。`);
    return undefined;
  });
  if (problems.length === 0 && maskedShare(rects) > MAX_MASKED_SHARE) {
    problems.push('这张图片的遮挡合计超过了一半，通知不允许大面积遮挡，请只遮需要遮的地方。');
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** The share of the page the rectangles cover together (overlaps counted once). */
export function maskedShare(rects: readonly MaskRect[]): number {
  const xs = [...new Set(rects.flatMap((r) => [clamp(r.x), clamp(r.x + r.w)]))].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i += 1) {
    const left = xs[i]!;
    const right = xs[i + 1]!;
    const spans = rects
      .filter((r) => clamp(r.x) <= left && clamp(r.x + r.w) >= right)
      .map((r) => [clamp(r.y), clamp(r.y + r.h)] as const)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let end = -1;
    for (const [top, bottom] of spans) {
      if (bottom <= end) continue;
      covered += bottom - Math.max(top, end);
      end = bottom;
    }
    area += covered * (right - left);
  }
  return area;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));
