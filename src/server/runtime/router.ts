import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../function';
import { StoreBusy } from '../ports/store.port';
import { apiRoutes } from './api.routes';
import { devRoutes } from './dev.routes';
import { filesRoutes } from './files.routes';
import { sendError, sendErrorAndClose, sendJson } from './http';
import type { RouteFamily, RouteRequest, RuntimeContext } from './runtime.context';
import { serveStatic } from './static';
import { uploadRoutes } from './upload.routes';

const families: readonly RouteFamily[] = [apiRoutes, uploadRoutes, filesRoutes, devRoutes];

/**
 * The Host names the runtime answers to: its loopback address and port. A page on another site
 * can point its own name at 127.0.0.1 (DNS rebinding) and then read the runtime as same-origin;
 * its requests carry that other name, so they are refused.
 */
export function loopbackHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * Parses the request target without trusting it: `//[` or `http://[::1/…` make `new URL` throw,
 * which must be a 400, not a crash of the process.
 */
/** The base an origin-form target (`/path`) is read against: a name no request can give. */
const NO_HOST = 'runtime.invalid';

function parseTarget(raw: string | undefined, hosts: ReadonlySet<string>): { path: string; query: URLSearchParams } | 'other_host' | null {
  try {
    const url = new URL(raw ?? '/', `http://${NO_HOST}`);
    // An absolute-form target (`http://host/path`, or `//host/path`) names its host itself: it must be this one too.
    if (url.host !== NO_HOST && !hosts.has(url.host.toLowerCase())) return 'other_host';
    return { path: url.pathname, query: url.searchParams };
  } catch {
    return null;
  }
}

/** Turns each request into one answer; a fault inside a route is a 500 (a busy store a 503), never a crash. */
export function createRouter(ctx: RuntimeContext, hosts: ReadonlySet<string>, log: Logger) {
  return (raw: IncomingMessage, response: ServerResponse): void => {
    const handled = (async () => {
      if (!hosts.has((raw.headers.host ?? '').toLowerCase())) return sendErrorAndClose(raw, response, 'REQUEST.BAD_HOST');
      const target = parseTarget(raw.url, hosts);
      if (target === 'other_host') return sendErrorAndClose(raw, response, 'REQUEST.BAD_HOST');
      if (!target) return sendErrorAndClose(raw, response, 'REQUEST.MALFORMED', ['请求地址不正确']);
      if (target.path === '/health') return sendJson(response, 200, { ok: true, data: { status: 'up' } });
      const request: RouteRequest = { raw, ...target };
      for (const family of families) if (await family(request, response, ctx)) return;
      if (ctx.staticDir && (raw.method === 'GET' || raw.method === 'HEAD')) return serveStatic(ctx.staticDir, target.path, response);
      return sendError(response, 'NOT_FOUND');
    })();
    handled.catch((cause: unknown) => {
      const busy = cause instanceof StoreBusy;
      if (!busy) log.error(`${raw.method ?? '?'} ${raw.url ?? ''} failed`, cause);
      if (response.headersSent) response.end();
      else sendErrorAndClose(raw, response, busy ? 'SYSTEM.BUSY' : 'INTERNAL.ERROR');
    });
  };
}
