import type { Store } from '../../src/server/ports/store.port';

/**
 * A store that answers every read and commit a few milliseconds late, as the cloud database does:
 * the local SQLite store answers at once and so hides the races two phones cause.
 */
export function withLatency(store: Store, ms = 5): Store {
  const later = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => void work().then(resolve, reject), ms));
  return {
    ...store,
    get: (collection, id) => later(() => store.get(collection, id)),
    find: (collection, query) => later(() => store.find(collection, query)),
    count: (collection, where) => later(() => store.count(collection, where)),
    insert: (collection, doc) => later(() => store.insert(collection, doc)),
    update: (collection, id, rev, set) => later(() => store.update(collection, id, rev, set)),
    commit: (writes) => later(() => store.commit(writes)),
  } as Store;
}
