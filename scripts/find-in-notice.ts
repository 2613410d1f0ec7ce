/**
 * Runs any notice through the core's notice finder (`findInNotice`) and prints what it proposes,
 * one candidate a line: its kind, the value in words, the normalised value, and the passage.
 *
 *   npm run find:notice -- path/to/notice.txt [notice date, YYYY-MM-DD]
 *
 * The notice date is for dates written without a year; without it, the first year in the text serves.
 */
import { readFileSync } from 'node:fs';
import { findInNotice } from '../src/core/workshop/notice-finder';
import { foundText } from '../src/core/workshop/draft.view';

const [file, noticeDate] = process.argv.slice(2);
if (!file) {
  console.error('用法：npm run find:notice -- <通知文本文件> [发文日期 YYYY-MM-DD]');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
for (const c of findInNotice(text, noticeDate ? { noticeDate } : {})) {
  const passage = text.slice(c.start, c.end).replace(/\s+/g, ' ');
  console.log(`${c.value.kind}\t${foundText(c.value)}\t${JSON.stringify(c.value)}\t[${c.start}, ${c.end}) ${passage}${c.alsoAt.length > 0 ? `\t(another ${c.alsoAt.length} place(s))` : ''}`);
}
