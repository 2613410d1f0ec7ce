import type { IncomingMessage, ServerResponse } from 'node:http';
import { failureReply, type Reply } from '../../core/contracts/contract';
import { appError, type ErrorCode } from '../../core/errors';

/** Thrown by `readBody` when a body is over its limit; answered 413. */
export class BodyTooLarge extends Error {}

/** Reads a request body up to `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
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
  });
  response.end(body);
}

export function sendError(response: ServerResponse, status: number, code: ErrorCode, details?: readonly string[]): void {
  sendJson(response, status, failureReply(appError(code, details)));
}

export function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

/** The bearer token of a request, if any. */
export function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}
