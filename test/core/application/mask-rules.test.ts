import { checkMasks, maskedShare, type MaskRect } from '../../../src/core/application/mask-rules';

const rect = (x: number, y: number, w: number, h: number): MaskRect => ({ x, y, w, h });

describe('checkMasks', () => {
  it('accepts masks over a name, a seal and an ID number', () => {
    expect(checkMasks([rect(0.1, 0.1, 0.2, 0.05), rect(0.6, 0.7, 0.2, 0.2), rect(0.1, 0.9, 0.5, 0.04)])).toEqual({ ok: true });
  });

  it.each<[string, MaskRect[], RegExp]>([
    ['a mask outside the image', [rect(0.9, 0.1, 0.2, 0.1)], /超出了图片范围/],
    ['a mask of negative size', [rect(0.5, 0.5, -0.1, 0.1)], /太小或大小为负/],
    ['a mask of no size', [rect(0.5, 0.5, 0, 0)], /太小或大小为负/],
    ['a mask that is not a number', [rect(Number.NaN, 0.1, 0.1, 0.1)], /不是数字/],
    ['one mask over most of the page', [rect(0, 0, 0.9, 0.8)], /遮住了大半页/],
    ['several masks that together cover most of the page', [rect(0, 0, 1, 0.3), rect(0, 0.3, 1, 0.3)], /合计超过了一半/],
  ])('refuses %s with the reason', (_name, rects, message) => {
    const check = checkMasks(rects);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.join('')).toMatch(message);
  });
});

describe('maskedShare', () => {
  it('counts overlapping masks once', () => {
    expect(maskedShare([rect(0, 0, 0.5, 0.5), rect(0.25, 0.25, 0.5, 0.5)])).toBeCloseTo(0.4375, 10);
  });

  it('is the sum for separate masks, and 0 for none', () => {
    expect(maskedShare([rect(0, 0, 0.1, 0.1), rect(0.5, 0.5, 0.2, 0.1)])).toBeCloseTo(0.03, 10);
    expect(maskedShare([])).toBe(0);
  });
});
