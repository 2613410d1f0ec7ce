/**
 * How alike two texts are, for "the same achievement may not appear under both 实践能力 and 业绩成果"
 * (aksu-water-2024 四(一)7, 8): 0 (nothing shared) to 1 (the same), by the character pairs they share (Dice's
 * coefficient over bigrams) after dropping spaces, punctuation and letter case, so a copy with
 * other punctuation or a line break still counts as the same text.
 */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(normalise(a));
  const y = bigrams(normalise(b));
  if (x.size === 0 && y.size === 0) return normalise(a) === normalise(b) && normalise(a) !== '' ? 1 : 0;
  let shared = 0;
  let total = 0;
  for (const [gram, count] of x) {
    shared += Math.min(count, y.get(gram) ?? 0);
    total += count;
  }
  for (const count of y.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Above this, two entries are taken for the same achievement and flagged. */
export const SAME_ACHIEVEMENT = 0.6;

export interface RepeatedEntry {
  readonly practiceIndex: number;
  readonly achievementIndex: number;
  readonly similarity: number;
}

/** Every 实践能力 entry that reads like an 业绩成果 entry. */
export function repeatedAchievements(practice: readonly string[], achievements: readonly string[], threshold = SAME_ACHIEVEMENT): RepeatedEntry[] {
  const found: RepeatedEntry[] = [];
  practice.forEach((p, practiceIndex) =>
    achievements.forEach((a, achievementIndex) => {
      const similarity = textSimilarity(p, a);
      if (similarity >= threshold) found.push({ practiceIndex, achievementIndex, similarity });
    }),
  );
  return found;
}

function normalise(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
