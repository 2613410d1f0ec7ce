import { z } from 'zod';
import { Person, Unit } from '../../core/people/person';
import { collections } from '../collections';
import type { JsonObject, Store, Write } from '../ports/store.port';

const DemoData = z.strictObject({ units: z.array(Unit), people: z.array(Person) });

export interface SeedInput {
  /** config/seed/demo.json */
  readonly demo: unknown;
  /** Validated rounds, each with its `id`. */
  readonly rounds: readonly (JsonObject & { readonly id: string })[];
}

export interface SeedReport {
  readonly inserted: number;
  readonly updated: number;
}

/**
 * Seeds the demo people and units (only those missing, so a demo's changes survive restarts) and
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

  for (const round of input.rounds) {
    const doc = { ...round, _id: round.id };
    const stored = await store.get(collections.rounds.name, round.id);
    if (!stored) {
      writes.push({ kind: 'insert', collection: collections.rounds.name, doc });
    } else {
      const { _rev, ...fields } = stored;
      if (JSON.stringify(fields) !== JSON.stringify(doc)) {
        writes.push({ kind: 'update', collection: collections.rounds.name, id: round.id, rev: _rev, set: round });
        updated += 1;
      }
    }
  }

  const result = await store.commit(writes);
  if (!result.ok) throw new Error(`seeding failed: ${result.error.code} ${result.error.collection}/${result.error.id}`);
  return { inserted: writes.length - updated, updated };
}
