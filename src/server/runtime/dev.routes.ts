import * as z from 'zod';
import { roleLabels, Person } from '../../core/people/person';
import { collections } from '../collections';
import { parseDoc, parseFields } from '../docs';
import { OutboxEntry } from '../outbox';
import { templateRegistry } from '../../core/config/message-templates';
import { runTimer } from '../dispatch';
import { renderDevConsole } from './dev-console';
import { signSession } from './dev-session';
import { parseJson, readBodyWithin, sendError, sendErrorAndClose, sendHtml, sendJson } from './http';
import type { RouteFamily, RuntimeContext } from './runtime.context';

const DevLogin = z.strictObject({ personId: z.string().min(1).max(80) });
const SetClock = z.strictObject({
  // An instant with its offset (2024-08-26T10:00:00+08:00), or null for real time.
  now: z.union([z.iso.datetime({ offset: true }), z.null()]),
});

async function demoPeople(ctx: RuntimeContext) {
  const docs = await ctx.deps.store.find(collections.people.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });
  const people = docs.map((doc) => parseDoc(Person, doc));
  const order = Object.keys(roleLabels);
  return people
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((p) => ({ personId: p._id, name: p.name, role: p.role, roleLabel: roleLabels[p.role], note: p.note ?? null }));
}

async function outboxEntries(ctx: RuntimeContext) {
  const docs = await ctx.deps.store.find(collections.outbox.name, { orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 50 });
  return docs.map((d) => {
    const entry = parseFields(OutboxEntry, d);
    const spec = entry.subscription ? templateRegistry().templates[entry.subscription.template] : null;
    const card =
      entry.subscription && spec
        ? { title: spec.title, lines: spec.keywords.map((k) => [k.name, entry.subscription!.data[k.key] ?? ''] as const), page: entry.subscription.page }
        : null;
    return { id: d._id, createdAt: entry.createdAt, personId: entry.personId, title: entry.title, body: entry.body, status: entry.status, outcome: entry.outcome, card };
  });
}

function clockView(ctx: RuntimeContext) {
  return { now: ctx.devClock.now().toISOString(), moved: ctx.devClock.offsetMs() !== 0 };
}

/**
 * Dev mode only (`npm run dev` / `npm run serve`): the dev console, the demo people, the dev
 * login, the sent-message record, the runtime's clock and running the timers now. Outside dev mode these paths do not exist.
 */
export const devRoutes: RouteFamily = async (request, response, ctx) => {
  const route = request.path;
  if (route !== '/dev' && !route.startsWith('/dev/')) return false;
  if (!ctx.devMode) {
    sendError(response, 'NOT_FOUND');
    return true;
  }
  const method = request.raw.method ?? 'GET';

  if (route === '/dev' || route === '/dev/') {
    sendHtml(response, renderDevConsole(await demoPeople(ctx), await ctx.deps.messenger.list(50), clockView(ctx), await outboxEntries(ctx)));
  } else if (route === '/dev/people' && method === 'GET') {
    sendJson(response, 200, { ok: true, data: await demoPeople(ctx) });
  } else if (route === '/dev/messages' && method === 'GET') {
    sendJson(response, 200, { ok: true, data: await ctx.deps.messenger.list(200) });
  } else if (route === '/dev/clock' && method === 'GET') {
    sendJson(response, 200, { ok: true, data: clockView(ctx) });
  } else if (route === '/dev/clock' && method === 'POST') {
    const parsed = await readSmallJson(request.raw, response, SetClock, '请给出带时区的时间，如 2024-08-26T10:00:00+08:00，或 null 回到真实时间');
    if (!parsed) return true;
    ctx.devClock.set(parsed.now === null ? null : new Date(parsed.now));
    sendJson(response, 200, { ok: true, data: clockView(ctx) });
  } else if (route === '/dev/timers' && method === 'POST') {
    // Runs every function's timers now (they also run on their schedule): after moving the clock
    // past a deadline, the demo need not wait for the next tick.
    const results: Record<string, unknown> = {};
    for (const fn of Object.values(ctx.functions)) {
      for (const name of Object.keys(fn.timers)) results[`${fn.name}.${name}`] = (await runTimer(ctx.functions, fn.name, name, ctx.deps)).reply;
    }
    sendJson(response, 200, { ok: true, data: results });
  } else if (route === '/dev/login' && method === 'POST') {
    const parsed = await readSmallJson(request.raw, response, DevLogin, '请选择一个演示身份');
    if (!parsed) return true;
    const doc = await ctx.deps.store.get(collections.people.name, parsed.personId);
    if (!doc) {
      sendError(response, 'AUTH.UNKNOWN_PERSON');
      return true;
    }
    const person = parseDoc(Person, doc);
    sendJson(response, 200, { ok: true, data: { token: signSession(person.openid, ctx.secret, ctx.wallClock.now()) } });
  } else if (['/dev/people', '/dev/messages', '/dev/clock', '/dev/login', '/dev/timers'].includes(route)) {
    sendErrorAndClose(request.raw, response, 'REQUEST.METHOD_NOT_ALLOWED');
  } else {
    sendError(response, 'NOT_FOUND');
  }
  return true;
};

/** A small JSON body checked against `schema`; answers 400 / 413 itself and returns null then. */
async function readSmallJson<T extends z.ZodType>(
  request: Parameters<typeof readBodyWithin>[0],
  response: Parameters<typeof sendJson>[0],
  schema: T,
  invalid: string,
): Promise<z.output<T> | null> {
  const raw = await readBodyWithin(request, response, 4096, 'REQUEST.TOO_LARGE');
  if (!raw) return null;
  const body = parseJson(raw);
  if (!body) {
    sendError(response, 'REQUEST.MALFORMED', ['请求内容不是有效的 JSON']);
    return null;
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    sendError(response, 'REQUEST.INVALID_PAYLOAD', [invalid]);
    return null;
  }
  return parsed.data as z.output<T>;
}
