import Taro from '@tarojs/taro';
import type { Envelope, Reply } from '../../core/contracts/contract';
import { readSessionToken } from '../session';

/**
 * How the app reaches its cloud functions. The one platform switch: weapp calls WeChat cloud
 * functions; H5 calls the local cloud runtime over HTTP on the same origin. Pages never use either
 * directly; they go through `call` in ./client.
 */
export interface Transport {
  call(functionName: string, envelope: Envelope): Promise<Reply<unknown>>;
  upload(cloudPath: string, file: { path: string; contentType: string }): Promise<Reply<{ ref: string }>>;
}

declare const CLOUD_ENV_ID: string;

let cloudReady = false;
function ensureCloud(): void {
  if (cloudReady) return;
  Taro.cloud.init(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID, traceUser: true } : { traceUser: true });
  cloudReady = true;
}

const weappTransport: Transport = {
  async call(name, envelope) {
    ensureCloud();
    const response = await Taro.cloud.callFunction({ name, data: { ...envelope } });
    return response.result as Reply<unknown>;
  },
  async upload(cloudPath, file) {
    ensureCloud();
    const uploaded = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    return { ok: true, data: { ref: uploaded.fileID } };
  },
};

function authHeaders(): Record<string, string> {
  const token = readSessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function readReply<T>(response: Response): Promise<Reply<T>> {
  // The runtime always answers JSON; anything else means a proxy or network fault in between.
  const text = await response.text();
  try {
    return JSON.parse(text) as Reply<T>;
  } catch {
    return { ok: false, code: 'NETWORK.UNREACHABLE', message: '' };
  }
}

const httpTransport: Transport = {
  async call(name, envelope) {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(envelope),
    });
    return readReply(response);
  },
  async upload(cloudPath, file) {
    const blob = await (await fetch(file.path)).blob();
    const response = await fetch(`/upload?path=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'Content-Type': file.contentType, ...authHeaders() },
      body: blob,
    });
    return readReply(response);
  },
};

export const transport: Transport = process.env.TARO_ENV === 'weapp' ? weappTransport : httpTransport;
