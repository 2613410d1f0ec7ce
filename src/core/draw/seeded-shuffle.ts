/**
 * A draw that can be shown to be the same draw: the list shuffled by a recorded seed (mulberry32,
 * Fisher–Yates). The same list and seed give the same order on every machine; the seed is drawn
 * by the server and kept with what it decided (the defense schedule, the meeting's experts).
 */
export function seededShuffle<T>(list: readonly T[], seed: number): T[] {
  const shuffled = [...list];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

/** A text's FNV-1a hash: salts one seed for several draws (one per panel). */
export function textHash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}
