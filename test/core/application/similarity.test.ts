import { repeatedAchievements, textSimilarity } from '../../../src/core/application/similarity';

describe('textSimilarity', () => {
  it.each<[string, string, string, number, number]>([
    ['the same text', '主持完成阿克苏河灌区节水改造工程设计', '主持完成阿克苏河灌区节水改造工程设计', 1, 1],
    ['the same text with other punctuation and a line break', '主持完成阿克苏河灌区节水改造工程设计。', '主持完成：阿克苏河\n灌区节水改造工程设计', 1, 1],
    ['full-width and half-width letters alike', 'ＧＩＳ数据整理', 'gis数据整理', 1, 1],
    ['a light rewording', '主持完成阿克苏河灌区节水改造工程设计', '负责阿克苏河灌区节水改造工程的设计工作', 0.6, 1],
    ['two different achievements', '主持完成阿克苏河灌区节水改造工程设计', '参与编制县级水资源综合规划报告', 0, 0.2],
  ])('%s', (_name, a, b, low, high) => {
    const s = textSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
    expect(textSimilarity(b, a)).toBeCloseTo(s, 10);
  });

  it('is 0 for empty texts', () => {
    expect(textSimilarity('', '')).toBe(0);
  });
});

describe('repeatedAchievements', () => {
  it('flags the entry used under both 实践能力 and 业绩成果, and only that one', () => {
    const practice = ['参与编制县级水资源综合规划报告', '主持完成阿克苏河灌区节水改造工程设计'];
    const achievements = ['主持完成：阿克苏河灌区节水改造工程设计。', '获得实用新型专利一项'];
    expect(repeatedAchievements(practice, achievements)).toEqual([{ practiceIndex: 1, achievementIndex: 0, similarity: 1 }]);
  });
});
