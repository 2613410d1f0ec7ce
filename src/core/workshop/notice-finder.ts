import type { Level, Way } from '../round/round.vocabulary';

/**
 * The notice finder: deterministic rules (no model, no network) that read an official notice's
 * text and propose the facts a round is made of, each tied to the passage it came from. Nothing it
 * proposes enters a round until a person accepts it (see `draft.ts`).
 *
 * It is written for the way Xinjiang's notices are written, not for one text: dates with or
 * without the year (`8月15日-20日` takes the year of the date before it, or of the notice), ranges
 * with any dash or 至, times as `18:00`, `18：00` or `18时`, deadlines as `X月X日前` or `截止…`,
 * full-width digits, spaces inside numbers (`2024 年 10 月 9 日`), phone numbers whose area code is
 * written once for several (`0991-3193615、3193501`), fees as `高级600元/人` or `每人 700 元`,
 * caps as `正高级、副高级通过率分别不高于60%、75%`, documents as `新人社发〔2023〕62号` with any
 * bracket.
 *
 * Run any notice through it: `npm run find:notice -- notice.txt [YYYY-MM-DD]` (scripts/find-in-notice.ts).
 */

/** A boundary as a round holds it: a Beijing-time instant, and whether the notice gave the time of day. */
export interface FoundBoundary {
  readonly at: string;
  readonly given: 'date' | 'date_time';
}

export type WindowHint =
  | 'apply'
  | 'review'
  | 'paper_materials'
  | 'fee_payment'
  | 'defense'
  | 'expert_meeting'
  | 'publicity'
  | 'results';

export type FoundValue =
  /** A period or a deadline (`start` absent) or one day (start and end the same day). */
  | { readonly kind: 'window'; readonly start?: FoundBoundary; readonly end: FoundBoundary; readonly hint?: WindowHint; readonly label?: string }
  /** A date that is not a period: the notice's own date, a cut-off for counting years. */
  | { readonly kind: 'date'; readonly date: string; readonly hint?: 'issued_on' | 'seniority_cutoff' }
  /** `5个工作日`, `48小时内`, `2日内`. */
  | { readonly kind: 'duration'; readonly amount: number; readonly unit: 'working_days' | 'days' | 'hours'; readonly hint?: 'resubmit' | 'publicity' }
  /** Yuan per person, for these levels (empty when the passage names none) and ways. */
  | { readonly kind: 'fee'; readonly yuan: number; readonly levels: readonly Level[]; readonly ways: readonly Way[]; readonly label: string }
  /** A phone number with its area code (`0997-2129001`, or a mobile's 11 digits), and who answers it. */
  | { readonly kind: 'phone'; readonly phone: string; readonly role?: string }
  | { readonly kind: 'series'; readonly name: string }
  | { readonly kind: 'specialty'; readonly series?: string; readonly name: string }
  /** A pass-rate cap (`percent`), or none (`percent` absent: 不设置通过率). */
  | { readonly kind: 'pass_rate'; readonly levels: readonly Level[]; readonly percent?: number }
  | { readonly kind: 'defense_minutes'; readonly minutes: number }
  | { readonly kind: 'submission_limit'; readonly count: number }
  /** A document the notice relies on but does not quote: a person must read it. */
  | { readonly kind: 'document'; readonly number: string; readonly title?: string };

export type FoundKind = FoundValue['kind'];

export interface Candidate {
  /** Stable within one text: kind and offset. */
  readonly id: string;
  readonly value: FoundValue;
  /** The passage: `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Other places the same value is written. */
  readonly alsoAt: readonly { readonly start: number; readonly end: number }[];
}

export interface FinderOptions {
  /** The notice's own date (`2024-07-17`), for dates written without a year. */
  readonly noticeDate?: string;
}

/** Every candidate fact in a notice's text, in the order they appear. */
export function findInNotice(text: string, options: FinderOptions = {}): Candidate[] {
  const plain = halfWidth(text);
  const found: Omit<Candidate, 'id' | 'alsoAt'>[] = [
    ...findDates(plain, options),
    ...findDurations(plain),
    ...findFees(plain),
    ...findPhones(plain),
    ...findPassRates(plain),
    ...findDefenseMinutes(plain),
    ...findSubmissionLimits(plain),
    ...findDocuments(plain),
    ...findSeries(plain),
  ];
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const byValue = new Map<string, { start: number; end: number; value: FoundValue; alsoAt: { start: number; end: number }[] }>();
  for (const f of found) {
    const key = JSON.stringify(f.value);
    const first = byValue.get(key);
    if (first) first.alsoAt.push({ start: f.start, end: f.end });
    else byValue.set(key, { ...f, alsoAt: [] });
  }
  const ids = new Map<string, number>();
  return [...byValue.values()].map((c) => {
    const base = `${c.value.kind}@${c.start}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    return { id: n === 1 ? base : `${base}.${n}`, ...c };
  });
}

/** Full-width digits, letters and colons as ASCII: one UTF-16 unit each, so offsets hold. */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ：％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// ---------------------------------------------------------------------------------------------
// Dates and windows

const DATE = String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`;
const TIME = String.raw`(?:\s*(上午|下午|晚上)?\s*(?:(\d{1,2})\s*:\s*(\d{2})|(\d{1,2})\s*[时点](?:\s*(\d{1,2})\s*分)?(?!间)))?`;
/** The end of a range may leave out the year or the month: `8月15日-20日`. */
const END = String.raw`(?:(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号]`;
const DASH = String.raw`\s*(?:[—–－\-―~～]+|至|到)\s*`;
const RANGE = new RegExp(`${DATE}${TIME}(?:${DASH}${END}${TIME})?`, 'g');

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly time?: string;
}

function findDates(text: string, options: FinderOptions): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  let lastYear = options.noticeDate ? Number(options.noticeDate.slice(0, 4)) : firstYear(text);
  for (const m of text.matchAll(RANGE)) {
    const at = m.index;
    const [, y1, mo1, d1, ap1, h1, mi1, hh1, hm1, y2, mo2, d2, ap2, h2, mi2, hh2, hm2] = m;
    if (y1) lastYear = Number(y1);
    if (lastYear === undefined) continue;
    const first: Day = { year: Number(y1 ?? lastYear), month: Number(mo1), day: Number(d1), time: timeOf(ap1, h1 ?? hh1, mi1 ?? hm1) };
    if (!realDay(first)) continue;
    let end = at + m[0].length;
    if (d2) {
      let second: Day = {
        year: Number(y2 ?? first.year),
        month: Number(mo2 ?? first.month),
        day: Number(d2),
        time: timeOf(ap2, h2 ?? hh2, mi2 ?? hm2),
      };
      if (!y2 && dayKey(second) < dayKey(first)) second = { ...second, year: second.year + 1 };
      if (y2) lastYear = Number(y2);
      if (!realDay(second) || dayKey(second) < dayKey(first)) continue;
      const after = /^\s*止/.exec(text.slice(end));
      if (after) end += after[0].length;
      const label = labelBefore(text, at);
      out.push({ start: at, end, value: { kind: 'window', start: boundary(first, 'start'), end: boundary(second, 'end'), ...hinted(label, text, at, end) } });
      continue;
    }
    const before = text.slice(Math.max(lineStart(text, at), at - 16), at);
    const afterText = text.slice(end, end + 4);
    const deadlineAfter = /^\s*(?:之前|以前|前|止)/.exec(afterText);
    const label = labelBefore(text, at);
    if (/资历|年限|计算时间/.test(before)) {
      out.push({ start: at, end, value: { kind: 'date', date: isoDay(first), hint: 'seniority_cutoff' } });
    } else if (deadlineAfter || /截[止至]|最迟|不晚于/.test(before)) {
      if (deadlineAfter) end += deadlineAfter[0].length;
      out.push({ start: at, end, value: { kind: 'window', end: boundary(first, 'end'), ...hinted(label, text, at, end) } });
    } else if (label || /拟[定于]|定于/.test(before)) {
      out.push({ start: at, end, value: { kind: 'window', start: boundary(first, 'start'), end: boundary(first, 'end'), ...hinted(label, text, at, end) } });
    } else if (aloneOnLine(text, at, end)) {
      out.push({ start: at, end, value: { kind: 'date', date: isoDay(first), hint: 'issued_on' } });
    }
  }
  return mergeDeadlines(out);
}

/**
 * `2024年7月22日—2024年8月30日，截止8月30日18:00`: the deadline says the time of the range's last
 * day, so it refines the range instead of standing as a second window.
 */
function mergeDeadlines(found: Omit<Candidate, 'id' | 'alsoAt'>[]): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  for (const f of found) {
    const previous = out.at(-1);
    if (
      previous &&
      f.value.kind === 'window' &&
      !f.value.start &&
      previous.value.kind === 'window' &&
      previous.value.start &&
      f.start - previous.end < 40 &&
      previous.value.end.at.slice(0, 10) === f.value.end.at.slice(0, 10)
    ) {
      const end = f.value.end.given === 'date_time' ? f.value.end : previous.value.end;
      out[out.length - 1] = { start: previous.start, end: f.end, value: { ...previous.value, end } };
      continue;
    }
    out.push(f);
  }
  return out;
}

function firstYear(text: string): number | undefined {
  const m = /(\d{4})\s*年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function timeOf(ampm: string | undefined, hour: string | undefined, minute: string | undefined): string | undefined {
  if (hour === undefined) return undefined;
  let h = Number(hour);
  if ((ampm === '下午' || ampm === '晚上') && h < 12) h += 12;
  const min = Number(minute ?? 0);
  if (h > 24 || min > 59) return undefined;
  return `${String(h === 24 ? 23 : h).padStart(2, '0')}:${String(h === 24 ? 59 : min).padStart(2, '0')}:${h === 24 ? '59' : '00'}`;
}

function realDay(d: Day): boolean {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day && d.year >= 2000 && d.year <= 2100;
}

const dayKey = (d: Day): number => d.year * 10000 + d.month * 100 + d.day;
const isoDay = (d: Day): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function boundary(d: Day, side: 'start' | 'end'): FoundBoundary {
  if (d.time) return { at: `${isoDay(d)}T${d.time}+08:00`, given: 'date_time' };
  return { at: `${isoDay(d)}T${side === 'start' ? '00:00:00' : '23:59:59'}+08:00`, given: 'date' };
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  const from = lineStart(text, start);
  const to = text.indexOf('\n', end);
  const line = text.slice(from, to < 0 ? text.length : to);
  return line.trim().length <= end - start + 6 || /印发?$|印\s*$/.test(line.trim());
}

/** `（一）申报时间：` → 申报时间: the heading of the line the date is on, if it has one. */
function labelBefore(text: string, at: number): string | undefined {
  const before = text.slice(lineStart(text, at), at);
  const m = /([\u4e00-\u9fa5、（）()]{2,24}?(?:时间|日期|时限|期限))(?:为|是)?\s*[:：]?\s*(?:拟定于|定于|截[止至])?\s*$/.exec(before.replace(/^[\s（(]*[一二三四五六七八九十\d]+[)）.、．]\s*/, ''));
  return m ? m[1] : undefined;
}

const HINTS: readonly [RegExp, WindowHint][] = [
  [/缴费|评审费|交费/, 'fee_payment'],
  [/纸质/, 'paper_materials'],
  [/答辩/, 'defense'],
  [/公示/, 'publicity'],
  [/评审会|专家评审|评审会议/, 'expert_meeting'],
  [/印发|证书|审批/, 'results'],
  [/审核/, 'review'],
  [/申报|报名|提交/, 'apply'],
];

/** What a window is for, from its heading, or the words right after it on the line (`9月11日-28日工程系列`). */
function hinted(label: string | undefined, text: string, start: number, end: number): { hint?: WindowHint; label?: string } {
  const after = /^[^，。；;\n]{0,30}/.exec(text.slice(end))![0];
  const around = `${label ?? ''}${text.slice(Math.max(lineStart(text, start), start - 20), start)}${after}`;
  const hint = HINTS.find(([re]) => re.test(label ?? '') || re.test(around))?.[1];
  const subject = /^[\u4e00-\u9fa5、]{2,30}/.exec(after)?.[0];
  const named = label ?? subject;
  return { ...(hint ? { hint } : {}), ...(named ? { label: named } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Durations

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function numberOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  if (word.length === 2 && word[0] === '十') return 10 + (CN_DIGITS[word[1]!] ?? 0);
  if (word.length === 2 && word[1] === '十') return (CN_DIGITS[word[0]!] ?? 0) * 10;
  if (word.length === 3 && word[1] === '十') return (CN_DIGITS[word[0]!] ?? 0) * 10 + (CN_DIGITS[word[2]!] ?? 0);
  return CN_DIGITS[word] ?? NaN;
}

const NUM = '(\\d+|[一二两三四五六七八九十]{1,3})';

function findDurations(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  const re = new RegExp(`${NUM}\\s*个?\\s*(工作日|小时|日|天)(内|以内|之内)?`, 'g');
  for (const m of text.matchAll(re)) {
    const [whole, amountText, unitText, within] = m;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/[月年]\s*$/.test(before) || /\d$/.test(before)) continue;
    const unit = unitText === '工作日' ? 'working_days' : unitText === '小时' ? 'hours' : 'days';
    if (unit === 'days' && !within && !/后\s*$/.test(before)) continue;
    const amount = numberOf(amountText!);
    if (!Number.isFinite(amount) || amount <= 0) continue;
    const sentence = sentenceAround(text, m.index, m.index + whole.length);
    const hint = /退回|修改|补正|完善/.test(sentence) ? 'resubmit' : /公示/.test(sentence) ? 'publicity' : undefined;
    out.push({ start: m.index, end: m.index + whole.length, value: { kind: 'duration', amount, unit, ...(hint ? { hint } : {}) } });
  }
  return out;
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(...['。', '；', '\n'].map((p) => text.lastIndexOf(p, start - 1))) + 1;
  const stops = ['。', '；', '\n'].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length > 0 ? Math.min(...stops) : text.length);
}

// ---------------------------------------------------------------------------------------------
// Fees

const LEVEL_WORDS: readonly [RegExp, readonly Level[]][] = [
  [/^正高级?/, ['senior']],
  [/^副高级?/, ['deputy_senior']],
  [/^高级(?:.{1,4}师)?$/, ['deputy_senior']],
  [/^高级$/, ['senior', 'deputy_senior']],
  [/^中级$/, ['intermediate']],
  [/^初级$/, ['junior_assistant', 'junior_yuan']],
  [/^助理级?$|^助理.{1,4}师$/, ['junior_assistant']],
  [/^员级$|^技术员$/, ['junior_yuan']],
  [/师$/, ['intermediate']],
];

const LEVEL_TOKEN = /正高级[\u4e00-\u9fa5]{0,4}?师|高级[\u4e00-\u9fa5]{0,4}?师|助理[\u4e00-\u9fa5]{0,4}?师|正高级|副高级|高级|中级|初级|员级|助理级|技术员|(?<![高理])(?:工程|农艺|畜牧|兽医|经济|会计|统计|审计)师/g;

function levelsOf(token: string): readonly Level[] {
  if (token === '高级') return ['senior', 'deputy_senior'];
  return LEVEL_WORDS.find(([re]) => re.test(token))?.[1] ?? [];
}

function findFees(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  const re = /(?:每人\s*)?(\d+(?:\.\d+)?)\s*元(\s*\/\s*人|\s*每人)?/g;
  let previousEnd = 0;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/万\s*$/.test(before)) continue;
    const paragraph = text.slice(paragraphStart(text, m.index), m.index);
    const perPerson = /每人/.test(m[0]) || Boolean(m[2]);
    if (!perPerson && !/费|收费|缴纳/.test(sentenceAround(text, m.index, m.index + m[0].length) + paragraph)) continue;
    const from = Math.max(previousEnd, paragraphStart(text, m.index), m.index - 60);
    const segment = text.slice(from, m.index);
    previousEnd = m.index + m[0].length;
    const tokens = [...segment.matchAll(LEVEL_TOKEN)].map((t) => t[0]);
    const levels = [...new Set(tokens.flatMap((t) => levelsOf(t)))];
    const ways: Way[] = [];
    if (/初次确定|初定/.test(segment)) ways.push('initial');
    if (/授予/.test(segment)) ways.push('grant');
    if (ways.length === 0) ways.push('evaluation');
    const label = segment.replace(/^[\s，,；;。、：:]+/, '').replace(/\s+/g, ' ').trim().slice(-24);
    out.push({ start: Math.max(from, m.index - Math.max(0, label.length)), end: m.index + m[0].length, value: { kind: 'fee', yuan: Number(m[1]), levels, ways, label } });
  }
  return out;
}

/**
 * Where the paragraph holding `at` starts: a line break counts only after a finished sentence, so a
 * line broken by the page (`初次确定\n\n初级 100 元`) stays one paragraph.
 */
function paragraphStart(text: string, at: number): number {
  for (let i = text.lastIndexOf('\n', at - 1); i >= 0; i = text.lastIndexOf('\n', i - 1)) {
    const before = text.slice(0, i).trimEnd();
    if (before === '' || /[。；;：:！？!?]$/.test(before)) return i + 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Phones

function findPhones(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  const re = /(?<!\d)(0\d{2,3})\s*[—–－\-―]?\s*(\d{7,8})(?!\d)((?:\s*[、,，/]\s*\d{7,8}(?!\d))*)|(?<!\d)(1[3-9]\d{9})(?!\d)/g;
  for (const m of text.matchAll(re)) {
    const role = roleBefore(text, m.index);
    if (m[4]) {
      out.push({ start: m.index, end: m.index + m[0].length, value: { kind: 'phone', phone: m[4], ...(role ? { role } : {}) } });
      continue;
    }
    const area = m[1]!;
    const mainEnd = m.index + m[0].length - (m[3]?.length ?? 0);
    out.push({ start: m.index, end: mainEnd, value: { kind: 'phone', phone: `${area}-${m[2]}`, ...(role ? { role } : {}) } });
    for (const more of (m[3] ?? '').matchAll(/\d{7,8}/g)) {
      const at = mainEnd + more.index;
      out.push({ start: m.index, end: at + more[0].length, value: { kind: 'phone', phone: `${area}-${more[0]}`, ...(role ? { role } : {}) } });
    }
  }
  return out;
}

/** `咨询电话：` / `平台技术服务：` / `联系人：张三 ` before a number on its line. */
function roleBefore(text: string, at: number): string | undefined {
  const before = text.slice(lineStart(text, at), at);
  const m = /([\u4e00-\u9fa5]{2,12})\s*[:：]\s*[\u4e00-\u9fa5]{0,4}\s*$/.exec(before);
  return m?.[1];
}

// ---------------------------------------------------------------------------------------------
// Caps, defense, submissions

/** `正高级、副高级` / `中、初级` / `正、副高级` → levels, in order. */
function levelList(words: string): Level[][] {
  const groups: Level[][] = [];
  const parts = words.split(/[、和及与,，]/).map((p) => p.trim()).filter(Boolean);
  const suffix = /高级$/.test(parts.at(-1) ?? '') ? '高级' : '级';
  for (const part of parts) {
    const word = /级/.test(part) ? part : /^[正副]$/.test(part) ? `${part}高级` : `${part}${suffix === '高级' && /^[正副]/.test(part) ? '高级' : '级'}`;
    const levels = /^[正副]高级?$/.test(word) || /^[正副]$/.test(part) ? levelsOf(word) : levelsOf(word.replace(/职称$/, ''));
    if (levels.length > 0) groups.push([...levels]);
  }
  return groups;
}

function findPassRates(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  for (const m of text.matchAll(/通过率/g)) {
    const sentence = sentenceAround(text, m.index, m.index + 3);
    const sentenceStart = text.indexOf(sentence, Math.max(0, m.index - sentence.length));
    const levelsMatch = /((?:[正副中初]高?级?[、和及与]){0,4}[正副中初]高?级)(?:职称)?(?:评审)?(?:的)?(?:通过率|不设)/.exec(sentence);
    if (!levelsMatch) continue;
    const groups = levelList(levelsMatch[1]!);
    const rest = sentence.slice(levelsMatch.index);
    if (/不设置?|不设定|不限/.test(rest.slice(0, 20)) || /不设置?通过率/.test(rest)) {
      const at = sentenceStart + levelsMatch.index;
      out.push({ start: at, end: at + rest.indexOf('通过率') + 3, value: { kind: 'pass_rate', levels: groups.flat() } });
      continue;
    }
    const percents = [...rest.matchAll(/(\d{1,3})\s*%/g)];
    if (percents.length === 0) continue;
    const at = sentenceStart + levelsMatch.index;
    const end = at + percents.at(-1)!.index + percents.at(-1)![0].length;
    if (percents.length === groups.length) {
      groups.forEach((levels, i) => out.push({ start: at, end, value: { kind: 'pass_rate', levels, percent: Number(percents[i]![1]) } }));
    } else {
      out.push({ start: at, end, value: { kind: 'pass_rate', levels: groups.flat(), percent: Number(percents[0]![1]) } });
    }
  }
  return out;
}

function findDefenseMinutes(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  for (const m of text.matchAll(/(\d{1,3})\s*分钟/g)) {
    const around = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 8);
    if (!/答辩|陈述/.test(around)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: { kind: 'defense_minutes', minutes: Number(m[1]) } });
  }
  return out;
}

function findSubmissionLimits(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  const re = new RegExp(`(?:提交|申报|报送)[^。；\\n]{0,16}?(?:不得超过|不超过|不能超过|最多(?:只能|可)?(?:提交)?)\\s*${NUM}\\s*次`, 'g');
  for (const m of text.matchAll(re)) {
    const count = numberOf(m[1]!);
    if (!Number.isFinite(count)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: { kind: 'submission_limit', count } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Documents and series

function findDocuments(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  const re = /([\u4e00-\u9fa5]{1,8})\s*[〔【[［(（]\s*(\d{4})\s*[〕】\]］)）]\s*(\d{1,4})\s*号/g;
  for (const m of text.matchAll(re)) {
    const prefix = m[1]!.replace(/^.*?(?:按照|依据|根据|参照|执行|印发|转发|关于|详见|见|和|及|与|的)/, '');
    if (!/[发规函字办令通]$/.test(prefix) || prefix.length < 2) continue;
    const start = m.index + m[0].length - (m[0].length - m[0].indexOf(prefix));
    const title = /《([^《》]{2,60})》\s*[（(]?\s*$/.exec(text.slice(Math.max(0, start - 70), start))?.[1]?.replace(/\s+/g, '');
    out.push({ start, end: m.index + m[0].length, value: { kind: 'document', number: `${prefix}〔${m[2]}〕${m[3]}号`, ...(title ? { title } : {}) } });
  }
  return out;
}

function findSeries(text: string): Omit<Candidate, 'id' | 'alsoAt'>[] {
  const out: Omit<Candidate, 'id' | 'alsoAt'>[] = [];
  const clean = (raw: string): string | undefined => {
    const name = raw
      .replace(/系列$/, '')
      .replace(/^.*(?:年度|地区|自治区|自治州|维吾尔|的|从事|提交至|提交|取得|开展|做好|申报|参加|和|及|与)/, '')
      .replace(/^[年月日](?=[\u4e00-\u9fa5]{2})/, '');
    return name.length >= 2 && name.length <= 8 && !/各|相应|相关|等|职称|级|其他|所有|上述|以下|本|该|同一|初定|评审/.test(name) ? name : undefined;
  };
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2,12}?)系列(?:[（(]?([\u4e00-\u9fa5]{2,8}?)专业)?/g)) {
    const name = clean(m[1]!);
    if (!name) continue;
    const nameStart = m.index + m[1]!.length - name.length;
    const end = m.index + m[1]!.length + 2;
    // `新闻、体育教练员、播音、少数民族翻译系列`: every name of the list is a series.
    const listed = /((?:[\u4e00-\u9fa5]{2,12}、)+)$/.exec(text.slice(Math.max(0, nameStart - 60), nameStart));
    for (const item of listed ? listed[1]!.split('、').filter(Boolean) : []) {
      const other = clean(item);
      if (other) out.push({ start: nameStart - listed![1]!.length, end, value: { kind: 'series', name: `${other}系列` } });
    }
    out.push({ start: nameStart, end, value: { kind: 'series', name: `${name}系列` } });
    const specialty = m[2];
    if (specialty && !/各|相应|相关|其他|和|的|职称|级/.test(specialty)) {
      out.push({ start: nameStart, end: m.index + m[0].length, value: { kind: 'specialty', series: `${name}系列`, name: `${specialty}专业` } });
    }
  }
  return out;
}
