import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { roleLabels, Person } from '../../core/people/person';
import { allCollections, collections } from '../collections';
import { dispatch } from '../dispatch';
import { parseDoc } from '../docs';
import { findPersonByOpenid } from '../people';
import type { Deps, FunctionDef, Logger } from '../function';
import { functions as allFunctions } from '../functions';
import { diskFiles } from '../adapters/local/disk.files';
import { outboxMessenger } from '../adapters/local/outbox.messenger';
import { openSqliteStore } from '../adapters/local/sqlite.store';
import { systemClock, type Clock } from '../ports/clock.port';
import { renderDevConsole } from './dev-console';
import { signSession, verifySession } from './dev-session';
import { bearer, BodyTooLarge, readBody, sendError, sendHtml, sendJson } from './http';
import { seed, type SeedInput } from './seed';
import { serveStatic } from './static';

export interface RuntimeOptions {
  readonly port: number;
  readonly dataDir: string;
  /** The built H5 app to serve on the same origin (`npm run serve`); the dev server proxies instead. */
  readonly staticDir?: string;
  readonly seed: SeedInput;
  readonly clock?: Clock;
  readonly log?: Logger;
  readonly functions?: Readonly<Record<string, FunctionDef>>;
}

export interface Runtime {
  readonly url: string;
  readonly server: Server;
  readonly deps: Deps;
  close(): Promise<void>;
}

const API_BODY_LIMIT = 256 * 1024;
const UPLOAD_LIMIT = 10 * 1024 * 1024;
const UPLOAD_TYPES = new Set(['image/jpeg', 'image/png', 'application/pdf']);
const DevLogin = z.strictObject({ personId: z.string().min(1).max(80) });

const consoleLog: Logger = {
  error: (message, cause) => console.error(`[runtime] ${message}`, cause ?? ''),
  warn: (message, cause) => console.warn(`[runtime] ${message}`, cause ?? ''),
};

/** The runtime's signing secret, made once per data folder so sessions and URLs survive restarts. */
function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/**
 * The local cloud runtime: the very same function handlers as in the cloud, on local adapters
 * (SQLite, files on disk, a message outbox), behind `POST /api/<function>`. Binds 127.0.0.1 only.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLog;
  const functionsByName = options.functions ?? allFunctions;
  const secret = loadSecret(options.dataDir);
  const store = openSqliteStore({ file: path.join(options.dataDir, 'store.sqlite'), collections: allCollections });
  await seed(store, options.seed);

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const files = diskFiles({ root: path.join(options.dataDir, 'files'), baseUrl: url, secret, clock });
  const messenger = outboxMessenger(store, clock);
  const deps: Deps = { store, files, messenger, clock, log };

  const callerOf = (request: IncomingMessage) => ({ openid: verifySession(bearer(request), secret) });

  async function personOf(request: IncomingMessage): Promise<Person | null> {
    const { openid } = callerOf(request);
    return openid ? findPersonByOpenid(store, openid) : null;
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') return sendError(response, 405, 'REQUEST.METHOD_NOT_ALLOWED');
    let envelope: unknown;
    try {
      envelope = JSON.parse((await readBody(request, API_BODY_LIMIT)).toString('utf8'));
    } catch (cause) {
      if (cause instanceof BodyTooLarge) return sendError(response, 413, 'REQUEST.TOO_LARGE');
      return sendError(response, 400, 'REQUEST.MALFORMED', ['请求内容不是有效的 JSON']);
    }
    const outcome = await dispatch(functionsByName, name, envelope, callerOf(request), deps);
    sendJson(response, outcome.status, outcome.reply);
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse, query: URLSearchParams): Promise<void> {
    if (request.method !== 'POST') return sendError(response, 405, 'REQUEST.METHOD_NOT_ALLOWED');
    const person = await personOf(request);
    if (!person) return sendError(response, 401, 'AUTH.NOT_SIGNED_IN');
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!UPLOAD_TYPES.has(contentType)) return sendError(response, 415, 'FILE.BAD_TYPE');
    const cloudPath = query.get('path') ?? '';
    if (!/^[\w\-./]{1,200}$/.test(cloudPath) || cloudPath.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      return sendError(response, 400, 'REQUEST.INVALID_PAYLOAD', ['文件路径不正确']);
    }
    let content: Buffer;
    try {
      content = await readBody(request, UPLOAD_LIMIT);
    } catch (cause) {
      if (cause instanceof BodyTooLarge) return sendError(response, 413, 'FILE.TOO_LARGE');
      throw cause;
    }
    if (content.length === 0) return sendError(response, 400, 'REQUEST.INVALID_PAYLOAD', ['文件是空的，请重新选择']);
    // Each person uploads under their own folder, as cloud storage rules would scope it.
    const ref = await files.put(`uploads/${person._id}/${cloudPath}`, content, contentType);
    sendJson(response, 200, { ok: true, data: { ref } });
  }

  async function handleFile(response: ServerResponse, ref: string, query: URLSearchParams): Promise<void> {
    const expires = Number(query.get('expires'));
    const signature = query.get('sig') ?? '';
    if (!files.verify(ref, expires, signature)) return sendError(response, 403, 'FILE.URL_EXPIRED');
    const file = await files.read(ref);
    if (!file) return sendError(response, 404, 'FILE.NOT_FOUND');
    response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'private, max-age=60' });
    response.end(file.content);
  }

  async function demoPeople() {
    const docs = await store.find(collections.people.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });
    const people = docs.map((doc) => parseDoc(Person, doc));
    const order = Object.keys(roleLabels);
    return people
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((p) => ({ personId: p._id, name: p.name, role: p.role, roleLabel: roleLabels[p.role], note: p.note ?? null }));
  }

  async function handleDev(request: IncomingMessage, response: ServerResponse, route: string): Promise<void> {
    if (route === '/dev' || route === '/dev/') {
      return sendHtml(response, renderDevConsole(await demoPeople(), await messenger.list(50)));
    }
    if (route === '/dev/people') return sendJson(response, 200, { ok: true, data: await demoPeople() });
    if (route === '/dev/outbox') return sendJson(response, 200, { ok: true, data: await messenger.list(200) });
    if (route === '/dev/login') {
      if (request.method !== 'POST') return sendError(response, 405, 'REQUEST.METHOD_NOT_ALLOWED');
      let parsed;
      try {
        parsed = DevLogin.safeParse(JSON.parse((await readBody(request, 4096)).toString('utf8')));
      } catch {
        return sendError(response, 400, 'REQUEST.MALFORMED', ['请求内容不是有效的 JSON']);
      }
      if (!parsed.success) return sendError(response, 400, 'REQUEST.INVALID_PAYLOAD', ['请选择一个演示身份']);
      const doc = await store.get(collections.people.name, parsed.data.personId);
      if (!doc) return sendError(response, 404, 'AUTH.UNKNOWN_PERSON');
      const person = parseDoc(Person, doc);
      return sendJson(response, 200, { ok: true, data: { token: signSession(person.openid, secret) } });
    }
    return sendError(response, 404, 'NOT_FOUND');
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const parsed = new URL(request.url ?? '/', url);
    const route = parsed.pathname;
    const handled = (async () => {
      if (route === '/health') return sendJson(response, 200, { ok: true, data: { status: 'up' } });
      const api = /^\/api\/([^/]+)$/.exec(route);
      if (api) return handleApi(request, response, decodeURIComponent(api[1] ?? ''));
      if (route === '/upload') return handleUpload(request, response, parsed.searchParams);
      const file = /^\/files\/(.+)$/.exec(route);
      if (file && request.method === 'GET') return handleFile(response, decodeURIComponent(file[1] ?? ''), parsed.searchParams);
      if (route === '/dev' || route.startsWith('/dev/')) return handleDev(request, response, route);
      if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
        return serveStatic(options.staticDir, route, response);
      }
      return sendError(response, 404, 'NOT_FOUND');
    })();
    handled.catch((cause: unknown) => {
      log.error(`${request.method ?? '?'} ${route} failed`, cause);
      if (!response.headersSent) sendError(response, 500, 'INTERNAL.ERROR');
      else response.end();
    });
  });

  return {
    url,
    server,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
