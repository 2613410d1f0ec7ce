import type { Doc, JsonObject, Query, Store } from './ports/store.port';
import { MAX_LIMIT } from './ports/store.port';

/**
 * Every document a query matches, a page of 1,000 at a time (the cloud database answers at most
 * that many a call). The query must be ordered, or pages could overlap; `_id` is added last so
 * equal keys keep one order across pages.
 */
export async function findAll<T extends object = JsonObject>(store: Pick<Store, 'find'>, collection: string, query: Query, pageSize = MAX_LIMIT): Promise<Doc<T>[]> {
  const orderBy = [...(query.orderBy ?? []), { field: '_id', direction: 'asc' as const }];
  const all: Doc<T>[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.find<T>(collection, { ...query, orderBy, limit: pageSize, offset });
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}
