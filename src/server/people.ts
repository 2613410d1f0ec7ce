import { Person } from '../core/people/person';
import { collections } from './collections';
import { parseDoc } from './docs';
import type { Store } from './ports/store.port';

/** The person the platform's OPENID belongs to, or null when nobody is registered under it. */
export async function findPersonByOpenid(store: Pick<Store, 'find'>, openid: string): Promise<Person | null> {
  const [found] = await store.find(collections.people.name, {
    where: [{ field: 'openid', op: 'eq', value: openid }],
    limit: 1,
  });
  return found ? parseDoc(Person, found) : null;
}
