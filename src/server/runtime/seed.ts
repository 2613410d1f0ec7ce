import * as z from 'zod';
import { ApplicationRecord, queueFields } from '../../core/application/application.schema';
import { Person, Unit } from '../../core/people/person';
import { collections } from '../collections';
import type { JsonObject, Store, Write } from '../ports/store.port';

/** Demo applications already on their way (the forestry round's 副高 engineers, defended, for an evaluation meeting). */
const DemoApplication = ApplicationRecord.extend({ _id: z.string().min(1) });
const DemoData = z.strictObject({ units: z.array(Unit), people: z.array(Person), applications: z.array(DemoApplication).default([]) });

export interface SeedInput {
  /** config/seed/demo.json */
  readonly demo: unknown;
  /** Validated rounds, each with its `id`. */
  readonly rounds: readonly (JsonObject & { readonly id: string })[];
  /** The notice text behind each round (config/notices), stored beside it. */
  readonly notices?: readonly NoticeSeed[];
}

export interface NoticeSeed {
  readonly roundId: string;
  readonly file: string;
  readonly text: string;
}

export interface SeedReport {
  readonly inserted: number;
  readonly updated: number;
}

/**
 * Seeds the demo people, units and applications (only those missing, so a demo's changes survive restarts) and
 * syncs the rounds with config/rounds (a round file edited on disk replaces the stored round).
 * Idempotent; all writes land in one atomic commit.
 */
export async function seed(store: Store, input: SeedInput): Promise<SeedReport> {
  const demo = DemoData.parse(input.demo);
  const writes: Write[] = [];
  let updated = 0;

  const missing = async (collection: string, docs: readonly (JsonObject & { _id: string })[]) => {
    for (const doc of docs) {
      if (!(await store.get(collection, doc._id))) writes.push({ kind: 'insert', collection, doc });
    }
  };
  await missing(collections.units.name, demo.units as unknown as (JsonObject & { _id: string })[]);
  await missing(collections.people.name, demo.people as unknown as (JsonObject & { _id: string })[]);
  await missing(collections.applications.name, demo.applications.map((a) => ({ ...a, ...queueFields(a) })) as unknown as (JsonObject & { _id: string })[]);
  // Applications stored before the queues' fields existed get them (a local store kept from before).
  for (const doc of await store.find<ApplicationRecord>(collections.applications.name, { where: [{ field: 'everReturned', op: 'eq', value: null }], limit: 1000 })) {
    writes.push({ kind: 'update', collection: collections.applications.name, id: doc._id, rev: doc._rev, set: { ...queueFields({ events: doc.events ?? [], idNumber: doc.idNumber ?? null }) } as JsonObject });
    updated += 1;
  }

  // Rounds and notices follow their files: an edited file replaces what is stored.
  const sync = async (collection: string, id: string, fields: JsonObject) => {
    const doc = { ...fields, _id: id };
    const stored = await store.get(collection, id);
    if (!stored) {
      writes.push({ kind: 'insert', collection, doc });
    } else if (!('publication' in stored)) {
      // A round published from the workshop (a correction of a seeded round) is newer than its file.
      const { _rev, ...current } = stored;
      if (JSON.stringify(current) !== JSON.stringify(doc)) {
        writes.push({ kind: 'update', collection, id, rev: _rev, set: fields });
        updated += 1;
      }
    }
  };
  for (const round of input.rounds) await sync(collections.rounds.name, round.id, round);
  for (const notice of input.notices ?? []) await sync(collections.notices.name, notice.roundId, { ...notice });

  const result = await store.commit(writes);
  if (!result.ok) throw new Error(`seeding failed: ${result.error.code} ${result.error.collection}/${result.error.id}`);
  return { inserted: writes.length - updated, updated };
}
