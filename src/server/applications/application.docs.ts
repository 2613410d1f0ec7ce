import type { ApplicationRecord } from '../../core/application/application.schema';
import { toDoc } from '../docs';
import type { JsonObject } from '../ports/store.port';

/**
 * An application record as the store keeps it: the record is plain JSON by its schema (strings,
 * numbers, booleans, null, arrays and objects of them), so this is the one place that says so to
 * the store's types. Handlers stage records through these, never casting themselves.
 */
export const applicationFields = (changes: Partial<ApplicationRecord>): JsonObject => toDoc(changes);

/** The document to insert for a new application. */
export function applicationDoc(id: string, record: ApplicationRecord): JsonObject & { _id: string } {
  return { _id: id, ...applicationFields(record) };
}

/** The fields of the record to update, as the store takes them. */
export function applicationChanges(record: ApplicationRecord, fields: readonly (keyof ApplicationRecord)[]): JsonObject {
  return applicationFields(Object.fromEntries(fields.map((f) => [f, record[f]])) as Partial<ApplicationRecord>);
}
