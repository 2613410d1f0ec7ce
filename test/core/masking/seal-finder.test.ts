import { findSeals, type RawImage } from '../../../src/core/masking/seal-finder';

/** Tinted paper with shapes painted in. */
function paper(width: number, height: number, paint: (x: number, y: number) => [number, number, number] | null): RawImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = paint(x, y) ?? [244, 238, 222];
      data.set([r, g, b], (y * width + x) * 3);
    }
  }
  return { data, width, height, channels: 3 };
}

const ring = (cx: number, cy: number, radius: number) => (x: number, y: number) => {
  const d = Math.hypot(x - cx, y - cy);
  return (d > radius - 6 && d < radius) || (Math.abs(x - cx) < 8 && Math.abs(y - cy) < 8) ? ([205, 40, 45] as [number, number, number]) : null;
};

describe('findSeals', () => {
  it('finds a red ring stamp, and its box holds the ring', () => {
    const image = paper(800, 600, ring(560, 380, 90));
    const [seal, ...rest] = findSeals(image);
    expect(rest).toEqual([]);
    expect(seal!.x).toBeCloseTo((560 - 90) / 800, 1);
    expect(seal!.y).toBeCloseTo((380 - 90) / 600, 1);
    expect(seal!.w).toBeCloseTo(180 / 800, 1);
    expect(seal!.h).toBeCloseTo(180 / 600, 1);
  });

  it('ignores black text, a thin red underline and a small red dot', () => {
    const image = paper(800, 600, (x, y) => {
      if (y > 100 && y < 130 && x > 100 && x < 600 && x % 20 < 12) return [30, 30, 30];
      if (y > 300 && y < 304 && x > 100 && x < 700) return [210, 40, 40];
      if (Math.hypot(x - 200, y - 500) < 6) return [210, 40, 40];
      return null;
    });
    expect(findSeals(image)).toEqual([]);
  });
});
