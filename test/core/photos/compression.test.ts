import { PHOTO_STEPS, scaledSize } from '../../../src/core/photos/compression';

describe('scaledSize', () => {
  it.each<[number, number, number, { width: number; height: number }]>([
    [4000, 3000, 2400, { width: 2400, height: 1800 }],
    [3000, 4000, 2400, { width: 1800, height: 2400 }],
    [1200, 900, 2400, { width: 1200, height: 900 }],
    [4032, 3024, 1600, { width: 1600, height: 1200 }],
  ])('%i × %i at a long edge of %i', (w, h, edge, size) => {
    expect(scaledSize(w, h, edge)).toEqual(size);
  });

  it('steps only down, in size or quality', () => {
    for (let i = 1; i < PHOTO_STEPS.length; i += 1) {
      const [a, b] = [PHOTO_STEPS[i - 1]!, PHOTO_STEPS[i]!];
      expect(b.longEdge <= a.longEdge && b.quality <= a.quality && (b.longEdge < a.longEdge || b.quality < a.quality)).toBe(true);
    }
  });
});
