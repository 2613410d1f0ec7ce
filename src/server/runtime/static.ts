import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { decodePathPart, sendError } from './http';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves the built H5 app; the app routes by hash, so every unknown path is its index.html. */
export function serveStatic(root: string, route: string, response: ServerResponse): void {
  const base = path.resolve(root);
  const decoded = decodePathPart(route);
  if (decoded === null) return sendError(response, 'REQUEST.MALFORMED', ['地址中有无法识别的字符']);
  let file = path.resolve(base, `.${decoded}`);
  if (file !== base && !file.startsWith(base + path.sep)) return sendError(response, 'NOT_FOUND');
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(base, 'index.html');
  if (!existsSync(file)) return sendError(response, 'NOT_FOUND');
  const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file);
  response.writeHead(200, {
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file).pipe(response);
}
