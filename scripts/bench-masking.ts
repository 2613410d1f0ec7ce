/**
 * Masking suggestions over generated certificates (test/fixtures/certificates.ts: fonts, sizes, a
 * slight rotation, paper tint, JPEG noise, a red seal; full-width ID digits on some): the recall
 * of the identifying regions (a suggestion of the same kind with IoU ≥ 0.5 against the truth),
 * false suggestions per image, and seconds per photo (PaddleOCR read + matching + seal finding).
 * Goals (issue 12): recall ≥ 95 %, ≤ 0.2 false suggestions per image, ≤ 3 s per photo.
 */
import { idCheckCharacter } from '../src/core/identity/id-number';
import { paddleReader } from '../src/server/adapters/local/paddle.ocr';
import { suggestMasks } from '../src/server/masking/suggest';
import { certificate, iou } from '../test/fixtures/certificates';

type Print = (name: string, value: number, unit: string) => void;

const PEOPLE = [
  { name: '王建新', base: '11010519491231002', unitName: '阿克苏地区水利水电勘测设计院' },
  { name: '古丽娜', base: '65282319950304002', unitName: '尉犁县农业技术推广中心' },
  { name: '吐尔洪', base: '65290119800312103', unitName: '阿克苏地区林业技术推广中心' },
  { name: '艾合买提', base: '65292219850615003', unitName: '温宿县天源水利工程有限公司' },
  { name: '周晓燕', base: '65280119881120004', unitName: '巴音郭楞州生态环境监测站' },
];

export async function benchMasking(print: Print, count = 30): Promise<void> {
  const reader = paddleReader();
  try {
    // The model's first load is not a photo's time.
    const warm = PEOPLE[0]!;
    await suggestMasks(reader, (await certificate(999, { ...warm, idNumber: warm.base + idCheckCharacter(warm.base) })).jpeg, { ...warm, idNumber: warm.base + idCheckCharacter(warm.base) });
    let regions = 0;
    let covered = 0;
    let falses = 0;
    let ms = 0;
    for (let seed = 1; seed <= count; seed += 1) {
      const person = PEOPLE[seed % PEOPLE.length]!;
      const who = { name: person.name, idNumber: person.base + idCheckCharacter(person.base), unitName: person.unitName };
      const made = await certificate(seed, who);
      const started = performance.now();
      const found = await suggestMasks(reader, made.jpeg, who);
      ms += performance.now() - started;
      regions += made.truth.length;
      covered += made.truth.filter((t) => found.some((f) => f.kind === t.kind && iou(f.rect, t.rect) >= 0.5)).length;
      falses += found.filter((f) => !made.truth.some((t) => t.kind === f.kind && iou(f.rect, t.rect) >= 0.5)).length;
    }
    print('masking_fixtures', count, 'images');
    print('masking_recall', Math.round((covered / regions) * 1000) / 10, `% of ${regions} regions (IoU >= 0.5)`);
    print('masking_false_suggestions_per_image', Math.round((falses / count) * 100) / 100, 'suggestions');
    print('masking_seconds_per_photo', Math.round(ms / count / 10) / 100, 's');
  } finally {
    await reader.close();
  }
}
