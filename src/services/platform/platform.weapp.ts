import Taro from '@tarojs/taro';
import { cloudFailureCode } from './cloud-failure';
import { asReply, failure } from './reply';
import type { Platform, Transport } from './platform.types';

/**
 * The WeChat build: cloud functions through `wx.cloud.callFunction` and files through cloud
 * storage. The platform identifies the caller, so there is no token and no dev login.
 */

/** Set per environment in config/dev.ts and config/prod.ts; empty means the default environment. */
declare const CLOUD_ENV_ID: string;

let initialised = false;
function cloud(): typeof Taro.cloud {
  if (!initialised) {
    Taro.cloud.init(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID, traceUser: true } : { traceUser: true });
    initialised = true;
  }
  return Taro.cloud;
}

const transport: Transport = {
  async call(name, envelope) {
    try {
      const response = await cloud().callFunction({ name, data: { ...envelope } });
      return asReply(response.result);
    } catch (caught) {
      return failure(cloudFailureCode(caught));
    }
  },
  async upload(name, file, { personId, onProgress }) {
    try {
      const uploaded = await new Promise<Taro.cloud.UploadFileResult>((resolve, reject) => {
        const task = cloud().uploadFile({ cloudPath: `uploads/${personId}/${name}`, filePath: file.path, success: resolve, fail: reject }) as unknown as
          | { onProgressUpdate?: (listener: (p: { progress: number }) => void) => void }
          | undefined;
        task?.onProgressUpdate?.((p) => onProgress?.(p.progress / 100));
      });
      // Like the H5 upload: no file id (or a non-2xx status) means nothing was stored.
      const status = Number(uploaded.statusCode ?? 200);
      if (typeof uploaded.fileID !== 'string' || uploaded.fileID.length === 0 || status < 200 || status >= 300) {
        return failure('INTERNAL.ERROR');
      }
      return { ok: true, data: { ref: uploaded.fileID } };
    } catch (caught) {
      return failure(cloudFailureCode(caught));
    }
  },
};

export const platform: Platform = { name: 'weapp', transport, needsDevLogin: false };
