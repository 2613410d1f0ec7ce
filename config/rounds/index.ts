/**
 * Every round file, unvalidated: the seeder and tests pass them through `parseRound`/`parseRounds`
 * (src/core/round/round.loader.ts). Adding next year's notice = a JSON file here plus one line below.
 */
import aksuForestry2024 from './aksu-forestry-2024.json';
import aksuWater2024 from './aksu-water-2024.json';
import bazhouEcoenv2024 from './bazhou-ecoenv-2024.json';
import tachengAllSeries2023 from './tacheng-all-series-2023.json';
import yuliInitialJunior2024 from './yuli-initial-junior-2024.json';

export const allRounds: unknown[] = [
  aksuForestry2024,
  aksuWater2024,
  bazhouEcoenv2024,
  tachengAllSeries2023,
  yuliInitialJunior2024,
];
