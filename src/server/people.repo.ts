import { Person, Unit } from '../core/people/person';
import { collections } from './collections';
import { parseDoc } from './docs';
import type { Store } from './ports/store.port';
import { repository } from './repository';

/** People as the store keeps them (their record carries its own `_id`). */
export const people = {
  ...repository(collections.people, (doc) => parseDoc(Person, doc)),
  /** The person the platform's OPENID belongs to, or null when nobody is registered under it. */
  async byOpenid(store: Pick<Store, 'find'>, openid: string): Promise<Person | null> {
    const [found] = await store.find(collections.people.name, { where: [{ field: 'openid', op: 'eq', value: openid }], limit: 1 });
    return found ? parseDoc(Person, found) : null;
  },
};

/** Units (employers) as the store keeps them (their record carries its own `_id`). */
export const units = repository(collections.units, (doc) => parseDoc(Unit, doc));
