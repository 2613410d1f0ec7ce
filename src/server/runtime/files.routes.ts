import { decodePathPart, sendError } from './http';
import type { RouteFamily } from './runtime.context';

/**
 * `GET /files/<ref>?expires=…&sig=…`: a stored file through a signed, expiring URL, like the
 * cloud's temporary file URLs. Served as stored, never sniffed by the browser, and as a download
 * name rather than a page.
 */
export const filesRoutes: RouteFamily = async (request, response, ctx) => {
  const match = /^\/files\/(.+)$/.exec(request.path);
  if (!match || (request.raw.method !== 'GET' && request.raw.method !== 'HEAD')) return false;
  const ref = decodePathPart(match[1] ?? '');
  if (ref === null) {
    sendError(response, 'REQUEST.MALFORMED', ['地址中有无法识别的字符']);
    return true;
  }
  const expires = Number(request.query.get('expires'));
  if (!ctx.deps.files.verify(ref, expires, request.query.get('sig') ?? '')) {
    sendError(response, 'FILE.URL_EXPIRED');
    return true;
  }
  const file = await ctx.deps.files.read(ref);
  if (!file) {
    sendError(response, 'FILE.NOT_FOUND');
    return true;
  }
  // Refs are checked by the file store's guard: the name is plain ASCII, safe in a header. An
  // export asks for its own name to save under (`?download=`, percent-encoded as RFC 6266 says).
  const name = ref.split('/').at(-1) ?? 'file';
  const download = request.query.get('download');
  const disposition = download ? `attachment; filename="${name}"; filename*=UTF-8''${rfc5987(download.slice(0, 120))}` : `inline; filename="${name}"`;
  response.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.content.length,
    'Content-Disposition': disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    'Cache-Control': 'private, max-age=60',
  });
  response.end(request.raw.method === 'HEAD' ? undefined : file.content);
  return true;
};

/** A header value's percent-encoding (RFC 5987 attr-char: also ' ( ) *). */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
