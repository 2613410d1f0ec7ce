import type { MaskRect } from '../application/mask-rules';

/**
 * Red seals (公章) on a photo, found from the pixels' colour and shape, no model needed: red
 * pixels are grouped into connected regions on a coarse grid, and a region about as wide as it is
 * high and large enough to be a stamp is a seal. Pure: the caller decodes the image (RGB, upright).
 */
export interface RawImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** Stamp red on white or tinted paper: red well above green and blue. */
const isRed = (r: number, g: number, b: number) => r > 120 && r - g > 50 && r - b > 45;

/** The grid's longer side: coarse enough to be quick, fine enough for a stamp 1/20 of the page. */
const GRID = 240;

export function findSeals(image: RawImage): MaskRect[] {
  const { data, width, height, channels } = image;
  const step = Math.max(1, Math.ceil(Math.max(width, height) / GRID));
  const gw = Math.ceil(width / step);
  const gh = Math.ceil(height / step);
  // A grid cell is red when a fair share of its sampled pixels are.
  const red = new Uint8Array(gw * gh);
  for (let gy = 0; gy < gh; gy += 1) {
    for (let gx = 0; gx < gw; gx += 1) {
      let hits = 0;
      let seen = 0;
      for (let y = gy * step; y < Math.min(height, (gy + 1) * step); y += Math.max(1, step >> 1)) {
        for (let x = gx * step; x < Math.min(width, (gx + 1) * step); x += Math.max(1, step >> 1)) {
          const i = (y * width + x) * channels;
          seen += 1;
          if (isRed(data[i]!, data[i + 1]!, data[i + 2]!)) hits += 1;
        }
      }
      red[gy * gw + gx] = hits * 4 >= seen ? 1 : 0;
    }
  }
  // A seal's ring and its characters are separate strokes: close small gaps by one cell first.
  const grown = new Uint8Array(gw * gh);
  for (let y = 0; y < gh; y += 1) {
    for (let x = 0; x < gw; x += 1) {
      let on = 0;
      for (let dy = -1; dy <= 1 && !on; dy += 1) for (let dx = -1; dx <= 1 && !on; dx += 1) on = red[(y + dy) * gw + (x + dx)] && x + dx >= 0 && x + dx < gw && y + dy >= 0 && y + dy < gh ? 1 : 0;
      grown[y * gw + x] = on;
    }
  }
  const seen = new Uint8Array(gw * gh);
  const seals: MaskRect[] = [];
  const minSide = Math.max(3, Math.round(Math.min(gw, gh) * 0.06));
  for (let start = 0; start < grown.length; start += 1) {
    if (!grown[start] || seen[start]) continue;
    let minX = gw;
    let minY = gh;
    let maxX = 0;
    let maxY = 0;
    let cells = 0;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % gw;
      const y = (at - x) / gw;
      cells += 1;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (const next of [at - 1, at + 1, at - gw, at + gw]) {
        if (next < 0 || next >= grown.length || seen[next] || !grown[next]) continue;
        if ((next === at - 1 && x === 0) || (next === at + 1 && x === gw - 1)) continue;
        seen[next] = 1;
        stack.push(next);
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const aspect = w / h;
    // Round or square, stamp-sized, and not a thin red line (a ring covers a fair share of its box).
    if (w < minSide || h < minSide || aspect < 0.6 || aspect > 1.7 || cells < w * h * 0.2) continue;
    seals.push({ x: (minX * step) / width, y: (minY * step) / height, w: Math.min(1, (w * step) / width), h: Math.min(1, (h * step) / height) });
  }
  // A seal's star or characters inside its ring are the same seal.
  const inside = (a: MaskRect, b: MaskRect) => a !== b && a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
  return seals.filter((s) => !seals.some((other) => inside(s, other)));
}
