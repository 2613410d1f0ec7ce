import type { ApplicationEvent, Boundary, Consequence, Round, Source, Window } from '../round/round.schema';
import { beijingDate, parseBeijingInstant } from '../time/beijing';
import type { KeyDate, OfferAssessment, Reason } from './assessment';
import { chineseDate } from './calendar-date';
import { reason } from './offer-context';
import { matchSelector, type MatchSubject, type Tri } from './selector.match';

type WindowState = OfferAssessment['window'];

/** A round's windows of one kind as they apply to this person (`yes`) or might (`unknown`). */
function windowsFor(round: Round, subject: MatchSubject, kind: Window['kind']): { window: Window; applies: Tri }[] {
  return round.windows
    .filter((w) => w.kind === kind)
    .map((w) => ({ window: w, applies: matchSelector(w.who, subject).value }))
    .filter((w) => w.applies !== 'no');
}

/** The person's apply window: the intersection of every apply window that applies to them. */
export interface ApplyWindow {
  readonly state: WindowState;
  /** The window(s) behind it, for the reason's source. */
  readonly source: Source | null;
  /** Last Beijing day of the known intersection, for counting years when the round has no cut-off. */
  readonly endDate: string | null;
  /** Some window applies only if an unanswered question (the series) goes one way. */
  readonly pending: boolean;
}

/**
 * Whether the apply window is open at `asOf`: ends inclusive to the second (18:00:00 counts,
 * 18:00:01 does not), compared as instants, so the server's UTC clock never shifts a deadline.
 * Windows that might apply (series not yet known) can only narrow it, so a time outside the known
 * part is decided; inside it the state stays `unknown` until the person's series is known.
 */
export function applyWindowFor(round: Round, subject: MatchSubject, asOf: Date): ApplyWindow {
  const windows = windowsFor(round, subject, 'apply');
  const certain = windows.filter((w) => w.applies === 'yes').map((w) => w.window);
  const pending = windows.some((w) => w.applies === 'unknown');
  if (certain.length === 0) {
    return { state: { state: 'unknown', start: null, end: null }, source: windows[0]?.window.source ?? null, endDate: latestEnd(round), pending };
  }
  const starts = certain.map((w) => w.start);
  const ends = certain.map((w) => w.end);
  const knownStarts = starts.flatMap(instantOf);
  const knownEnds = ends.flatMap(instantOf);
  const start = knownStarts.length > 0 ? knownStarts.reduce((a, b) => (a >= b ? a : b)) : null;
  const end = knownEnds.length > 0 ? knownEnds.reduce((a, b) => (a <= b ? a : b)) : null;
  const allKnown = knownStarts.length === starts.length && knownEnds.length === ends.length;
  const now = Math.floor(asOf.getTime() / 1000) * 1000;
  const at = (instant: string) => mustParse(instant).getTime();
  let state: WindowState['state'];
  if (end !== null && now > at(end)) state = 'closed';
  else if (start !== null && now < at(start)) state = 'not_started';
  else if (start !== null && end !== null && at(start) > at(end)) state = 'closed';
  else state = allKnown && !pending ? 'open' : 'unknown';
  const narrowest = certain.find((w) => w.end.kind === 'at' && w.end.at === end) ?? certain[0]!;
  return {
    state: { state, start: allKnown ? start : null, end: allKnown ? end : null },
    source: narrowest.source,
    endDate: end !== null ? beijingDate(mustParse(end)) : null,
    pending,
  };
}

/** The window as a reason the applicant reads: open until when, or closed since when. */
export function applyWindowReason(window: ApplyWindow): Reason[] {
  if (!window.source) return [];
  const { state, start, end } = window.state;
  const span = start && end ? `网上申报时间为${longText(start)}至${longText(end)}（北京时间）` : '网上申报';
  const text: Record<WindowState['state'], string> = {
    open: `${span}，现在可以申报。`,
    not_started: `${span}，还没有开始。`,
    closed: `${span}，已经截止。`,
    unknown: window.pending ? '您的申报时间要看您申报的系列，请先选择系列和专业。' : '通知没有写这一项的申报时间。',
  };
  return [reason('WINDOW.APPLY', 'info', text[state], window.source)];
}

const EVENT_WORDS: Readonly<Record<ApplicationEvent, string>> = {
  formal_review_passed: '通过形式审核后',
  materials_accepted: '显示“已接收材料”后',
  review_meeting_ended: '评审会结束后',
  returned: '被退回后',
};

const MISSED_WORDS: Readonly<Record<Consequence, string>> = {
  deemed_abandoned: '逾期视为放弃',
  not_accepted: '逾期不予受理',
  not_evaluated: '逾期不予评审',
  not_recognised: '逾期不予认可',
  not_stated: '',
};

/** The round's dates for this person, in the round's order, with what is only relative or tentative. */
export function keyDatesFor(round: Round, subject: MatchSubject): KeyDate[] {
  return round.windows.filter((w) => matchSelector(w.who, subject).value !== 'no').map(keyDate);
}

/** Every dated step of the round, for everyone (the round page); per-person dates come from `keyDatesFor`. */
export function roundKeyDates(round: Round): KeyDate[] {
  return round.windows.map(keyDate);
}

function keyDate(w: Window): KeyDate {
  return {
    kind: w.kind,
    label: w.label,
    start: w.start.kind === 'at' ? w.start.at : null,
    end: w.end.kind === 'at' ? w.end.at : null,
    note: noteOf(w),
    source: w.source,
  };
}

function noteOf(w: Window): string | null {
  const parts: string[] = [];
  const boundary = (b: Boundary, which: '开始' | '结束') => {
    if (b.kind === 'announced_later') return `${which}时间另行通知`;
    if (b.kind === 'after_event') return `${EVENT_WORDS[b.event]}${which}`;
    return null;
  };
  const s = boundary(w.start, '开始');
  const e = boundary(w.end, '结束');
  if (s && e && w.start.kind === 'announced_later' && w.end.kind === 'announced_later') parts.push('时间另行通知');
  else parts.push(...[s, e].filter((x): x is string => x !== null));
  if (w.firmness === 'tentative') parts.push('拟定，以正式通知为准');
  if (w.location?.kind === 'stated') parts.push(`地点：${w.location.place}`);
  if (w.location?.kind === 'announced_later') parts.push('地点另行通知');
  if (w.onMissed && MISSED_WORDS[w.onMissed.consequence]) parts.push(MISSED_WORDS[w.onMissed.consequence]);
  return parts.length > 0 ? parts.join('；') : null;
}

function instantOf(b: Boundary): string[] {
  return b.kind === 'at' ? [b.at] : [];
}

function latestEnd(round: Round): string | null {
  const ends = round.windows.filter((w) => w.kind === 'apply').flatMap((w) => instantOf(w.end));
  if (ends.length === 0) return null;
  return beijingDate(mustParse(ends.reduce((a, b) => (a >= b ? a : b))));
}

/** `2024年8月30日 18:00`, or `2024年8月30日` for a boundary given as a whole day. */
function longText(instant: string): string {
  const time = instant.slice(11, 16);
  const date = chineseDate(instant.slice(0, 10));
  return time === '00:00' || time === '23:59' ? date : `${date} ${time}`;
}

function mustParse(instant: string): Date {
  const parsed = parseBeijingInstant(instant);
  // Round files are validated on load; a bad instant here is a bug, not an applicant's problem.
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}
