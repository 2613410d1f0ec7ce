import type { Reply } from '../../core/contracts/contract';
import { readSessionToken } from '../session';
import { asReply, failure } from './reply';
import type { Platform, Transport } from './platform.types';

/**
 * The H5 build: the local cloud runtime over HTTP on the same origin (`POST /api/<function>`,
 * `POST /upload`), signed in through the runtime's dev login.
 */
function authHeaders(): Record<string, string> {
  const token = readSessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Gateways answer these when the runtime behind them is down: for the user, the server is unreachable. */
const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

async function readReply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // The runtime always answers JSON; anything else came from something in between.
    return failure(UNREACHABLE_STATUSES.has(response.status) ? 'NETWORK.UNREACHABLE' : 'INTERNAL.ERROR');
  }
  return asReply<T>(body);
}

async function send<T>(path: string, init: RequestInit): Promise<Reply<T>> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    return failure('NETWORK.UNREACHABLE');
  }
  return readReply<T>(response);
}

const transport: Transport = {
  call(name, envelope) {
    return send(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(envelope),
    });
  },
  async upload(name, file, { onProgress }) {
    let blob: Blob;
    try {
      blob = await (await fetch(file.path)).blob();
    } catch {
      return failure('FILE.NOT_FOUND');
    }
    // The runtime puts it under the signed-in person's own folder; XHR, because fetch reports no
    // upload progress.
    const reply = await new Promise<Reply<{ ref: string }>>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/upload?path=${encodeURIComponent(name)}`);
      xhr.setRequestHeader('Content-Type', file.contentType);
      for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        try {
          resolve(asReply<{ ref: string }>(JSON.parse(xhr.responseText)));
        } catch {
          resolve(failure(UNREACHABLE_STATUSES.has(xhr.status) ? 'NETWORK.UNREACHABLE' : 'INTERNAL.ERROR'));
        }
      };
      xhr.onerror = () => resolve(failure('NETWORK.UNREACHABLE'));
      xhr.ontimeout = () => resolve(failure('NETWORK.TIMEOUT'));
      xhr.send(blob);
    });
    if (reply.ok && (typeof reply.data?.ref !== 'string' || reply.data.ref.length === 0)) return failure('INTERNAL.ERROR');
    return reply;
  },
};

export const platform: Platform = { name: 'h5', transport, needsDevLogin: true };
