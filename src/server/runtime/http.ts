import type { IncomingMessage, ServerResponse } from 'node:http';
import { failureReply, type Reply } from '../../core/contracts/contract';
import { appError, type ErrorCode } from '../../core/errors';
import { httpStatusOf } from '../dispatch';

/** Thrown by `readBody` when a body is over its limit; answered 413. */
export class BodyTooLarge extends Error {}

/** Reads a request body up to `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(`body of ${declared} bytes over ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge(`body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, reply: Reply<unknown>): void {
  const body = JSON.stringify(reply);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

/** Answers a failure with the status its code maps to (see `httpStatusOf`), or `status` when given. */
export function sendError(response: ServerResponse, code: ErrorCode, details?: readonly string[], status = httpStatusOf(code)): void {
  sendJson(response, status, failureReply(appError(code, details)));
}

/** How much of a refused request's body is read and dropped, and how long a pause in it may be, before the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_IDLE_MS = 1000;

/**
 * Answers a request whose body was not read (over the limit, not allowed), then reads what the
 * client still sends and drops it, and closes the connection once the body has ended. A socket
 * closed with unread data is reset, and a client that writes its whole body before reading (many
 * do) would see only the reset, never the answer. Draining is bounded: past 16 MB, or when the
 * client pauses for a second (it has its answer), the connection is cut.
 */
export function sendErrorAndClose(request: IncomingMessage, response: ServerResponse, code: ErrorCode, details?: readonly string[]): void {
  sendError(response, code, details);
  let drained = 0;
  let idle: NodeJS.Timeout | undefined;
  const cut = () => request.destroy();
  const wait = () => {
    clearTimeout(idle);
    idle = setTimeout(cut, DRAIN_IDLE_MS);
    idle.unref();
  };
  wait();
  request.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) cut();
    else wait();
  });
  request.once('end', () => {
    clearTimeout(idle);
    request.socket.end();
  });
  request.once('close', () => clearTimeout(idle));
  request.resume();
}

export function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(html);
}

/** The bearer token of a request, if any. */
export function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** `decodeURIComponent`, or null for bad percent-encoding such as `%ZZ` (answered 400, not 500). */
export function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads the body up to `limit` bytes; over it, answers `tooLarge` (413), closes the connection
 * and returns null, so every route refuses an oversized body the same way.
 */
export async function readBodyWithin(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
  tooLarge: 'REQUEST.TOO_LARGE' | 'FILE.TOO_LARGE',
): Promise<Buffer | null> {
  try {
    return await readBody(request, limit);
  } catch (caught) {
    if (!(caught instanceof BodyTooLarge)) throw caught;
    sendErrorAndClose(request, response, tooLarge);
    return null;
  }
}

/** The JSON a body holds, or null when it is not JSON. */
export function parseJson(body: Buffer): { value: unknown } | null {
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return null;
  }
}
