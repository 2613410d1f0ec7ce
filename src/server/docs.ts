import type { z } from 'zod';
import type { Doc, JsonObject } from './ports/store.port';

/**
 * Validates a stored document against its schema ("adapters validate documents they read"),
 * without the store's own `_rev`. A document that fails is a data fault and throws.
 */
export function parseDoc<S extends z.ZodType>(schema: S, doc: Doc<object>): z.output<S> {
  const { _rev, ...fields } = doc;
  void _rev;
  return schema.parse(fields);
}

/** Like `parseDoc`, for documents whose schema has no `_id` (a round keeps its own `id`). */
export function parseFields<S extends z.ZodType>(schema: S, doc: Doc<object>): z.output<S> {
  const { _id, _rev, ...fields } = doc;
  void _id;
  void _rev;
  return schema.parse(fields);
}

/**
 * A value of one of the schemas the store keeps, as the store's types take it. The schemas hold
 * plain JSON only (strings, numbers, booleans, null, arrays and objects of them), so this is the
 * one place that says so: handlers never cast a record themselves.
 */
export function toDoc(value: object): JsonObject {
  return value as unknown as JsonObject;
}
