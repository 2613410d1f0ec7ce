import { dispatch, type Caller } from '../dispatch';
import { bearer, decodePathPart, parseJson, readBodyWithin, sendError, sendJson } from './http';
import { verifySession } from './dev-session';
import type { RouteFamily, RouteRequest, RuntimeContext } from './runtime.context';

const API_BODY_LIMIT = 256 * 1024;

/** The caller as the platform would name them: in dev mode, the dev session's OPENID; else nobody. */
export function callerOf(request: RouteRequest, ctx: RuntimeContext): Caller {
  if (!ctx.devMode) return { openid: null };
  return { openid: verifySession(bearer(request.raw), ctx.secret, ctx.wallClock.now()) };
}

/** `POST /api/<function>` with `{ action, payload }`: the same dispatcher as a cloud function's main. */
export const apiRoutes: RouteFamily = async (request, response, ctx) => {
  const match = /^\/api\/([^/]+)$/.exec(request.path);
  if (!match) return false;
  if (request.raw.method !== 'POST') {
    sendError(response, 'REQUEST.METHOD_NOT_ALLOWED');
    return true;
  }
  const name = decodePathPart(match[1] ?? '');
  if (name === null) {
    sendError(response, 'REQUEST.MALFORMED', ['地址中有无法识别的字符']);
    return true;
  }
  const raw = await readBodyWithin(request.raw, response, API_BODY_LIMIT, 'REQUEST.TOO_LARGE');
  if (!raw) return true;
  const body = parseJson(raw);
  if (!body) {
    sendError(response, 'REQUEST.MALFORMED', ['请求内容不是有效的 JSON']);
    return true;
  }
  const outcome = await dispatch(ctx.functions, name, body.value, callerOf(request, ctx), ctx.deps);
  sendJson(response, outcome.status, outcome.reply);
  return true;
};
