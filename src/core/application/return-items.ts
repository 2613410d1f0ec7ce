import type { ApplicationRecord } from './application.schema';
import type { Problem } from './completeness';
import { RETURN_REASON_TEXT } from '../review/return-reasons';
import { ACTOR_TEXT } from '../review/timeline-text';

/**
 * A return, item by item: each reason the reviewer gave names a material category (or `identity`,
 * `general`); the applicant answers it by changing that category, or by confirming it was already
 * right (已按意见处理) with a word why. Resubmitting waits until every item is answered. Pure.
 */
export interface ReturnItem {
  readonly category: string;
  /** 照片不清晰（第2张看不清）. */
  readonly reason: string;
  /** Who returned it: 单位管理员. */
  readonly by: string;
  readonly state: 'open' | 'changed' | 'confirmed';
  /** The applicant's word, when confirmed without a change. */
  readonly note: string | null;
}

/** A short fingerprint of a string (53-bit, not cryptographic): enough to see that something changed. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

type Content = Pick<ApplicationRecord, 'files' | 'texts' | 'entries' | 'declarations' | 'idNumber' | 'basics'>;

/** What one category holds now, fingerprinted: its files (with their masking), its text, its rows. */
export function contentFingerprint(record: Content, category: string): string {
  const files = (list: Content['files']) => list.map((f) => [f.category, f.sha256, f.needsMasking, f.masks]);
  const part =
    category === 'identity'
      ? { idNumber: record.idNumber, basics: record.basics }
      : category === 'general'
        ? { files: files(record.files), texts: record.texts, entries: record.entries, declarations: record.declarations, idNumber: record.idNumber }
        : { files: files(record.files.filter((f) => f.category === category)), text: record.texts[category] ?? null, entries: record.entries[category] ?? null };
  return fingerprint(JSON.stringify(part));
}

/** The fingerprints to keep at a return, one per category its reasons name. */
export function returnSnapshot(record: Content, categories: readonly string[]): Record<string, string> {
  return Object.fromEntries([...new Set(categories)].map((c) => [c, contentFingerprint(record, c)]));
}

/** The items of the return the application is in (none unless it is returned). */
export function returnItems(record: ApplicationRecord): ReturnItem[] {
  if (record.status !== 'returned') return [];
  const event = [...record.events].reverse().find((e) => e.kind === 'return');
  return event ? itemsOf(record, event) : [];
}

/**
 * The last return's items as the applicant answered them, once resubmitted after it: what a
 * reviewer checks first (已修改, or the applicant's word why not). None while it is still returned.
 */
export function answeredReturnItems(record: ApplicationRecord): ReturnItem[] {
  if (record.status === 'returned') return [];
  const at = record.events.map((e) => e.kind).lastIndexOf('return');
  const event = record.events[at];
  if (!event || !record.events.slice(at + 1).some((e) => e.kind === 'submit')) return [];
  return itemsOf(record, event);
}

function itemsOf(record: ApplicationRecord, event: ApplicationRecord['events'][number]): ReturnItem[] {
  return event.reasons.map((r) => {
    const before = record.returnSnapshot[r.category];
    const changed = before !== undefined && before !== contentFingerprint(record, r.category);
    const confirmed = record.returnConfirmations[r.category] ?? null;
    return {
      category: r.category,
      reason: `${RETURN_REASON_TEXT[r.kind]}${r.text ? `（${r.text}）` : ''}`,
      by: ACTOR_TEXT(event.role),
      state: changed ? 'changed' : confirmed ? 'confirmed' : 'open',
      note: confirmed?.note ?? null,
    };
  });
}

/** What still blocks resubmitting: each returned item neither changed nor confirmed. */
export function returnProblems(items: readonly ReturnItem[], categoryNames: Readonly<Record<string, string>>): Problem[] {
  return items
    .filter((i) => i.state === 'open')
    .map((i) => ({
      category: i.category,
      name: categoryNames[i.category] ?? (i.category === 'identity' ? '身份证号' : '整体'),
      path: `return.${i.category}`,
      severity: 'block' as const,
      message: `${i.by}退回：${i.reason}。请按意见修改；已经符合的，点“已按意见处理”并说明。`,
    }));
}
