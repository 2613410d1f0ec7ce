import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { allRounds } from '../../../config/rounds';

/**
 * Clauses are cited one way, `<round-id> <clause>` (`aksu-water-2024 四(一)5`), in code comments
 * and tests, and every clause cited there or in a round file exists in that round's notice: its
 * headings (一、 / （一） / 1. / （1）, items numbered on across a part as the aksu notices do), an
 * attachment (附件4) or a named part (标题, 文头, 序言, 落款, 附件目录). A search for a clause then
 * finds every line of code that rests on it.
 */
const root = path.resolve(__dirname, '../../..');
const ROUND_IDS = allRounds.map((r) => (r as { id: string }).id);
const NUMERAL = '一二三四五六七八九十';

/**
 * Where a notice numbers a heading by a slip, what it plainly means: tacheng 三 has 3.（一）网上申报
 * then "（2） 注意事项" where （二） is meant, and the round file cites it as 三(二).
 */
const SLIPS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'tacheng-all-series-2023': [['（2） 注意事项', '（二）注意事项']],
};

/** Every clause id a notice has, read from its headings. */
function noticeClauses(text: string): Set<string> {
  const found = new Set<string>(['标题', '文头', '序言', '落款', '附件目录', '文头、落款']);
  let top = '';
  let sub = '';
  let item = '';
  for (const raw of text.split('\n')) {
    // Word's bookmarks survive in the text as [bookmark: …] before a heading.
    const line = raw.replace(/^\[bookmark: [^\]]*\]/u, '').trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^([${NUMERAL}]+)、`).exec(line))) {
      top = m[1]!;
      sub = '';
      item = '';
      found.add(top);
    } else if ((m = new RegExp(`^[（(]([${NUMERAL}]+)[）)]`).exec(line)) && top) {
      sub = m[1]!;
      item = '';
      found.add(`${top}(${sub})`);
    } else if ((m = /^(\d{1,2})(?:[.．、]|\s+(?=\p{Script=Han}))/u.exec(line)) && top) {
      item = m[1]!;
      found.add(`${top}${sub ? `(${sub})` : ''}${item}`);
    } else if ((m = /^[（(](\d+)[）)]/.exec(line)) && top && item) {
      found.add(`${top}${sub ? `(${sub})` : ''}${item}(${m[1]})`);
    }
    for (const a of line.matchAll(/附件\s*(\d+)/g)) found.add(`附件${a[1]}`);
  }
  return found;
}

/** A cited clause exists when its heading does; a table row (二 表第3行) or a note (附件4注1) when its part does. */
function exists(clause: string, clauses: ReadonlySet<string>): boolean {
  const part = clause.replace(/\s*表第[\d—]+行$/u, '').replace(/注\d+$/u, '');
  return clauses.has(part);
}

const notices = new Map(
  allRounds.map((r) => {
    const round = r as { id: string; sourceFile: string };
    const text = (SLIPS[round.id] ?? []).reduce((t, [slip, meant]) => t.replace(slip, meant), readFileSync(path.join(root, 'config', 'notices', round.sourceFile), 'utf8'));
    return [round.id, noticeClauses(text)] as const;
  }),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'screenshots' ? [] : sourceFiles(full);
    return /\.(ts|tsx|cjs|mjs)$/.test(name) ? [full] : [];
  });
}

const CLAUSE = `[${NUMERAL}]+(?:\\([${NUMERAL}]+\\))?\\d*(?:\\(\\d+\\))?|附件\\d+(?:注\\d+)?`;
const CITATION = new RegExp(`\\b(${ROUND_IDS.join('|')}) (${CLAUSE})`, 'gu');
/** A round named short or by its place before a clause: aksu 四(一)5, aksu-water 20, 塔城 二(二). */
const LOOSE = new RegExp(`(?:\\b(?:aksu|bazhou|yuli|tacheng)(?:-water|-forestry)?(?![-\\w])|塔城|巴州|尉犁|阿克苏)[ ]?(?:${CLAUSE}|\\d+\\b)`, 'gu');

const files = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'test')), ...sourceFiles(path.join(root, 'scripts'))];

describe('clauses cited', () => {
  it('reads the notices’ headings', () => {
    const aksu = notices.get('aksu-water-2024')!;
    for (const clause of ['四', '四(一)', '四(一)20', '四(二)22', '附件4']) expect(aksu.has(clause)).toBe(true);
    expect(aksu.has('四(一)22')).toBe(false);
    expect(notices.get('tacheng-all-series-2023')!.has('三(三)2(5)')).toBe(true);
  });

  it.each(allRounds.map((r) => [(r as { id: string }).id, r] as const))('%s: every clause its file cites is in its notice', (id, round) => {
    const clauses: string[] = [];
    JSON.stringify(round, (key, value: unknown) => {
      if (key === 'clause' && typeof value === 'string') clauses.push(value);
      return value;
    });
    expect(clauses.filter((c) => !exists(c, notices.get(id)!))).toEqual([]);
  });

  it('in code and tests, as `<round-id> <clause>`, each in that round’s notice', () => {
    const missing: string[] = [];
    const loose: string[] = [];
    for (const file of files) {
      if (file === __filename) continue;
      const text = readFileSync(file, 'utf8');
      const where = (index: number) => `${path.relative(root, file)}:${text.slice(0, index).split('\n').length}`;
      for (const m of text.matchAll(CITATION)) if (!exists(m[2]!, notices.get(m[1]!)!)) missing.push(`${where(m.index)} ${m[0]}`);
      for (const m of text.matchAll(LOOSE)) loose.push(`${where(m.index)} ${m[0]}`);
    }
    expect(missing).toEqual([]);
    expect(loose).toEqual([]);
  });
});
