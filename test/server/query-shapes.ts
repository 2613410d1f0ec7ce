import type { QueryShape } from '../../src/server/database.indexes';
import type { Condition, Query, Store } from '../../src/server/ports/store.port';

/**
 * A store that notes the shape of every query it runs, as the cloud store would issue it (a find's
 * sort ends with `_id`, as `cloud.store.ts` adds it), so a test can check that the deployment's
 * declared indexes serve them all (`unservedQueries`).
 */
export function shapeRecording<S extends Store>(store: S): { store: S; shapes: QueryShape[] } {
  const shapes: QueryShape[] = [];
  const note = (shape: QueryShape) => {
    const key = JSON.stringify(shape);
    if (!shapes.some((known) => JSON.stringify(known) === key)) shapes.push(shape);
  };
  const filtersOf = (where: readonly Condition[] | undefined) => (where ?? []).map((c) => ({ field: c.field, op: c.op }));
  const recording = Object.create(store) as S;
  Object.assign(recording, {
    find: (name: string, query?: Query) => {
      const orderBy = [...(query?.orderBy ?? [])];
      if (!orderBy.some((o) => o.field === '_id')) orderBy.push({ field: '_id', direction: 'asc' });
      note({ collection: name, filters: filtersOf(query?.where), orderBy });
      return store.find(name, query);
    },
    count: (name: string, where?: readonly Condition[]) => {
      note({ collection: name, filters: filtersOf(where), orderBy: [] });
      return store.count(name, where);
    },
  });
  return { store: recording, shapes };
}
