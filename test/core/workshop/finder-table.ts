import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findInNotice, type Candidate } from '../../../src/core/workshop/notice-finder';
import { allRounds } from '../../../config/rounds';
import type { Round } from '../../../src/core/round/round.schema';
import { parseRounds } from '../../../src/core/round/round.loader';

/** A fact a round file holds that the finder is measured on, with the quote that locates it. */
export interface HeldFact {
  readonly what: string;
  readonly quote?: string;
  readonly found: (c: Candidate) => boolean;
}

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Every dated window, fee, phone and cap the round file holds. */
export function heldFacts(round: Round): HeldFact[] {
  const facts: HeldFact[] = [];
  for (const w of round.windows) {
    const start = w.start.kind === 'at' ? w.start.at : undefined;
    const end = w.end.kind === 'at' ? w.end.at : undefined;
    if (!start && !end) continue;
    facts.push({
      what: `window ${w.id} ${start ?? '…'}—${end ?? '…'}`,
      quote: w.source.quote,
      found: (c) => c.value.kind === 'window' && (!start || c.value.start?.at === start) && (!end || c.value.end.at === end),
    });
  }
  for (const f of round.fees.items) {
    facts.push({
      what: `fee ${f.levels.join(',')} ${f.way} ${f.amountYuan}`,
      quote: f.source.quote,
      found: (c) => c.value.kind === 'fee' && c.value.yuan === f.amountYuan && f.levels.every((l) => (c.value as { levels: readonly string[] }).levels.includes(l)) && (c.value as { ways: readonly string[] }).ways.includes(f.way),
    });
  }
  for (const contact of round.contacts) {
    for (const phone of contact.phones) {
      facts.push({ what: `phone ${phone}`, quote: contact.source.quote, found: (c) => c.value.kind === 'phone' && c.value.phone === phone });
    }
  }
  for (const p of round.passRates) {
    if (p.cap.kind !== 'max_percent') continue;
    const percent = p.cap.percent;
    facts.push({
      what: `cap ${p.levels.join(',')} ${percent}%`,
      quote: p.source.quote,
      found: (c) => c.value.kind === 'pass_rate' && c.value.percent === percent && sameSet(c.value.levels, p.levels),
    });
  }
  return facts;
}

/** Whether a candidate of a measured kind stands for something the round file holds (any date it keeps counts). */
export function isHeld(round: Round, c: Candidate): boolean {
  const v = c.value;
  switch (v.kind) {
    case 'window': {
      const instants = round.windows.flatMap((w) => [w.start, w.end]).flatMap((b) => (b.kind === 'at' ? [b.at] : []));
      return instants.includes(v.end.at) && (!v.start || instants.includes(v.start.at));
    }
    case 'date':
      return v.date === round.issuedOn.date || (round.seniority.kind === 'cutoff' && round.seniority.cutoff === v.date);
    case 'fee':
      return round.fees.items.some((f) => f.amountYuan === v.yuan && f.levels.every((l) => v.levels.includes(l)) && v.ways.includes(f.way));
    case 'phone':
      return round.contacts.some((contact) => contact.phones.includes(v.phone));
    case 'pass_rate':
      return round.passRates.some((p) => sameSet(p.levels, v.levels) && (p.cap.kind === 'max_percent' ? p.cap.percent === v.percent : v.percent === undefined));
    default:
      return true;
  }
}

export const MEASURED = new Set(['window', 'date', 'fee', 'phone', 'pass_rate']);

export function measure(round: Round) {
  const text = readFileSync(join(__dirname, '../../../config/notices', round.sourceFile), 'utf8');
  const candidates = findInNotice(text, { noticeDate: round.issuedOn.date });
  const passages = (c: Candidate) => [c, ...c.alsoAt].map((p) => ({ start: p.start, end: p.end }));
  const rightPassage = (fact: HeldFact, c: Candidate): boolean => {
    if (c.value.kind === 'phone') {
      const digits = c.value.phone.split('-').at(-1)!;
      return passages(c).some((p) => text.slice(p.start, p.end).includes(digits));
    }
    if (!fact.quote) return true;
    const quote = fact.quote.replace(/…+/g, '');
    const places: number[] = [];
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) places.push(i);
    if (places.length === 0) return true;
    return passages(c).some((p) => places.some((q) => p.start < q + quote.length && q < p.end));
  };
  const facts = heldFacts(round).map((fact) => ({ fact, by: candidates.find((c) => fact.found(c) && rightPassage(fact, c)) }));
  const measured = candidates.filter((c) => MEASURED.has(c.value.kind));
  const falseOnes = measured.filter((c) => !isHeld(round, c));
  return { text, candidates, facts, measured, falseOnes };
}

export function roundsMeasured(): readonly Round[] {
  const parsed = parseRounds(allRounds);
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  return parsed.value;
}
