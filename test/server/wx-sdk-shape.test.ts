import { spawnSync } from 'node:child_process';

/**
 * Guards against drift between the `WxCloud` interface (and its fake) and the real wx-server-sdk:
 * every function the interface names must exist on the installed module. Nothing here talks to
 * the network: real calls outside the cloud raise an unhandled rejection that kills Node.
 */

const TOP_LEVEL_FUNCTIONS = ['init', 'database', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile', 'getWXContext'];

describe('wx-server-sdk shape', () => {
  it('exports every top-level function WxCloud names, and DYNAMIC_CURRENT_ENV', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as Record<string, unknown>;
    for (const name of TOP_LEVEL_FUNCTIONS) expect([name, typeof sdk[name]]).toEqual([name, 'function']);
    expect(sdk.DYNAMIC_CURRENT_ENV).toBeDefined();
    expect(typeof sdk.DYNAMIC_CURRENT_ENV).toBe('symbol');
    const openapi = sdk.openapi as { subscribeMessage?: { send?: unknown }; ocr?: { printedText?: unknown } } | undefined;
    expect(typeof openapi?.subscribeMessage?.send).toBe('function');
    expect(typeof openapi?.ocr?.printedText).toBe('function');
  });

  it('builds database, command, collection, query and document objects with every method WxCloud names', () => {
    // `database()` needs `init` first, which changes the module's state: do it in a child process so
    // this test process keeps a pristine module. Building these objects sends nothing.
    const script = `
      const sdk = require('wx-server-sdk');
      sdk.init({ env: 'offline-shape-check' });
      const db = sdk.database({ throwOnNotFound: false });
      const _ = db.command;
      const collection = db.collection('shape');
      const query = collection.where({ a: _.eq(1) });
      const doc = collection.doc('x');
      const kinds = (target, names) => Object.fromEntries(names.map((n) => [n, typeof target[n]]));
      process.stdout.write(JSON.stringify({
        db: kinds(db, ['collection', 'runTransaction']),
        command: kinds(_, ['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'and', 'set', 'remove']),
        collection: kinds(collection, ['doc', 'add', 'where', 'orderBy', 'skip', 'limit', 'get', 'count', 'update', 'remove']),
        query: kinds(query, ['where', 'orderBy', 'skip', 'limit', 'get', 'count', 'update', 'remove']),
        doc: kinds(doc, ['get', 'set', 'update', 'remove']),
        andAcceptsArray: JSON.stringify(_.and([{ a: _.eq(1) }, { b: _.gt(2) }])).includes('"b"'),
      }));
    `;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const shape = JSON.parse(child.stdout) as Record<string, Record<string, string> | boolean>;
    for (const [group, kinds] of Object.entries(shape)) {
      if (typeof kinds === 'boolean') continue;
      for (const [name, kind] of Object.entries(kinds)) expect([group, name, kind]).toEqual([group, name, 'function']);
    }
    expect(shape.andAcceptsArray).toBe(true);
  });
});
