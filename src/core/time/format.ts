/**
 * Beijing-time formatting for people and for WeChat message keywords. Asia/Shanghai has had no
 * daylight saving since 1991, so a fixed +08:00 offset is exact for every date this product sees,
 * whatever the phone's or server's own time zone.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

interface BeijingParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function beijingParts(instant: Date): BeijingParts {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Round files write a day-only boundary as 00:00 (start) or 23:59:59 (end): show the day alone. */
const isWholeDay = (p: BeijingParts) => (p.hour === 23 && p.minute === 59) || (p.hour === 0 && p.minute === 0);

/** `2024年8月30日` */
export function formatBeijingDate(instant: Date): string {
  const p = beijingParts(instant);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** `2024年8月30日 18:00`: the format of WeChat's `time` keyword. */
export function formatBeijingDateTime(instant: Date): string {
  const p = beijingParts(instant);
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2024年8月30日 18:00`, or `2024年10月22日` when the instant is the start or the end of that day. */
export function formatBeijingMoment(instant: Date): string {
  return isWholeDay(beijingParts(instant)) ? formatBeijingDate(instant) : formatBeijingDateTime(instant);
}

/** `8月30日 18:00`, or `8月30日` when the instant is the start or the end of that day. */
export function formatBeijingShort(instant: Date): string {
  const p = beijingParts(instant);
  return isWholeDay(p) ? `${p.month}月${p.day}日` : `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The time of day in Beijing, 24-hour: `09:30`. */
export function formatBeijingClock(instant: Date): string {
  const p = beijingParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar year in Beijing at this instant. */
export function beijingYear(instant: Date): number {
  return beijingParts(instant).year;
}

