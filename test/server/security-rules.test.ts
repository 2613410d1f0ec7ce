import database from '../../config/security/database.rules.json';
import storage from '../../config/security/storage.rules.json';
import { allCollections } from '../../src/server/collections';

/** The rules shipped for the cloud console: every collection closed to clients, files write-only. */
describe('security rules', () => {
  it('closes every collection the functions use to clients, and lists no other', () => {
    expect(Object.keys(database.collections).sort()).toEqual(allCollections.map((c) => c.name).sort());
    for (const [name, rule] of Object.entries(database.collections)) expect({ name, rule }).toEqual({ name, rule: { read: false, write: false } });
  });

  it('lets the mini-program only upload its own files; reading goes through fileUrl', () => {
    expect(storage.rules).toEqual({ read: false, write: 'auth.openid != null && resource.openid == auth.openid' });
  });
});
