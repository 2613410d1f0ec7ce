/**
 * Writes config/holidays/cn-<from>-<to>.json from the `chinese-days` package (the State Council's
 * yearly holiday arrangements), in the HolidayCalendar shape of src/core/time/workdays.ts.
 *
 *   npx tsx scripts/gen-holidays.ts            # 2023–2026
 *   npx tsx scripts/gen-holidays.ts 2024 2027  # once the package knows 2027
 *
 * A year is written only when the package lists both its Spring Festival and its National Day:
 * for a year not yet published the package silently answers "weekday = workday", and a calendar
 * claiming to cover such a year would defeat the refusal in workdays.ts.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import chineseDays from 'chinese-days';
import chineseDaysPackage from 'chinese-days/package.json';
import { HolidayCalendar } from '../src/core/time/workdays';

const [fromArg, toArg] = process.argv.slice(2);
const from = Number(fromArg ?? 2023);
const to = Number(toArg ?? 2026);
if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
  throw new Error(`usage: gen-holidays.ts [fromYear] [toYear], got ${fromArg ?? ''} ${toArg ?? ''}`);
}

const holidays: string[] = [];
const makeUpWorkdays: string[] = [];

for (let year = from; year <= to; year += 1) {
  const names = new Set<string>();
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const detail = chineseDays.getDayDetail(date);
    // Statutory entries are named "English,中文,days"; plain days are named after the weekday.
    if (!detail.name.includes(',')) continue;
    names.add(detail.name.split(',')[1] ?? '');
    const weekday = new Date(t).getUTCDay();
    if (detail.work) {
      if (weekday !== 0 && weekday !== 6) throw new Error(`${date}: make-up workday on a weekday?`);
      makeUpWorkdays.push(date);
    } else {
      holidays.push(date);
    }
  }
  if (!names.has('春节') || !names.has('国庆节')) {
    throw new Error(`chinese-days has no complete holiday arrangement for ${year}; update the package first`);
  }
}

const calendar = HolidayCalendar.parse({
  source: `chinese-days@${chineseDaysPackage.version}（国务院办公厅部分节假日安排）`,
  scope: '全国法定节假日及调休；不含新疆维吾尔自治区规定的肉孜节、古尔邦节等地方性假日，计算新疆工作日前需另行补入。',
  generatedBy: 'scripts/gen-holidays.ts',
  yearsCovered: Array.from({ length: to - from + 1 }, (_, i) => from + i),
  holidays,
  makeUpWorkdays,
});

const out = join(__dirname, '..', 'config', 'holidays', `cn-${from}-${to}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(calendar, null, 2)}\n`);
console.log(`wrote ${out}: ${holidays.length} holidays, ${makeUpWorkdays.length} make-up workdays`);
