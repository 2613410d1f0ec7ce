import * as z from 'zod';
import { Profile } from '../core/eligibility/profile';
import { collections } from './collections';
import { parseFields, toDoc } from './docs';
import type { StagedWrites } from './function';
import type { Store } from './ports/store.port';

/** The self-check's answers a person saved: one record per person, for the last round answered. */
export const SavedAnswers = z.strictObject({ roundId: z.string(), profile: Profile, savedAt: z.string() });
export type SavedAnswers = z.infer<typeof SavedAnswers>;

const NAME = collections.profiles.name;

/** The person's saved answers, or null. */
export async function loadAnswers(store: Pick<Store, 'get'>, personId: string): Promise<SavedAnswers | null> {
  const doc = await store.get(NAME, personId);
  return doc ? parseFields(SavedAnswers, doc) : null;
}

/** Saves the person's answers over what they saved before (at the revision read). */
export async function saveAnswers(store: Pick<Store, 'get'>, writes: StagedWrites, personId: string, answers: SavedAnswers): Promise<void> {
  const fields = toDoc(answers);
  const existing = await store.get(NAME, personId);
  if (existing) writes.update(NAME, personId, existing._rev, fields);
  else writes.insert(NAME, { _id: personId, ...fields });
}
