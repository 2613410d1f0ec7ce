import * as z from 'zod';
import { DefenseSession } from '../../core/defense/schedule';
import { DefenseSlot } from '../../core/defense/slot.machine';
import { collections } from '../collections';
import { parseFields, toDoc } from '../docs';
import type { StagedWrites } from '../function';
import type { Doc, JsonObject, Store } from '../ports/store.port';
import { repository } from '../repository';

/**
 * A round's defense plan as the store keeps it: its sessions, one slot per applicant (`_id`: the
 * application's), and the schedule (`_id`: the round's: its order, a draw's seed, when published).
 */
export const ScheduleDoc = z.strictObject({
  order: z.enum(['submission', 'draw']),
  seed: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** How many times slots were moved or swapped by hand since the order was made (the order no longer is only that). */
  adjusted: z.number().int().min(0).default(0),
  /** Per application, how many of its published slots were cancelled. */
  cancelled: z.record(z.string(), z.number().int()).default({}),
});
export type ScheduleDoc = z.infer<typeof ScheduleDoc>;

/** A session's document holds its round beside the session; the session's id is the document's. */
export function sessionFromDoc(doc: Doc<JsonObject>): DefenseSession {
  const { _id, _rev, roundId, ...fields } = doc as Doc<JsonObject> & { roundId: string };
  void _rev;
  void roundId;
  return DefenseSession.parse({ ...fields, id: _id });
}

const sessionsBase = repository(collections.defenseSessions, sessionFromDoc);

export const sessions = {
  get: sessionsBase.get,
  remove: sessionsBase.remove,
  /** The round's sessions, by date and start. */
  async ofRound(store: Pick<Store, 'find'>, roundId: string): Promise<DefenseSession[]> {
    const found = await sessionsBase.find(store, { where: [{ field: 'roundId', op: 'eq', value: roundId }], limit: 100 });
    return sortSessions(found.map((s) => s.record));
  },
  /** Whether the stored session belongs to the round. */
  async inRound(store: Pick<Store, 'get'>, id: string, roundId: string): Promise<{ readonly id: string; readonly rev: number } | null> {
    const doc = await store.get(collections.defenseSessions.name, id);
    return doc && doc.roundId === roundId ? { id: doc._id, rev: doc._rev } : null;
  },
  add(writes: StagedWrites, roundId: string, session: DefenseSession): void {
    const { id, ...fields } = session;
    writes.insert(collections.defenseSessions.name, { _id: id, roundId, ...toDoc(fields) });
  },
};

export function sortSessions(list: DefenseSession[]): DefenseSession[] {
  return list.sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
}

export const slots = {
  ...repository(collections.defenseSlots, (doc) => parseFields(DefenseSlot, doc)),
};

export const schedules = repository(collections.defenseSchedules, (doc) => parseFields(ScheduleDoc, doc));
