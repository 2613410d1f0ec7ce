import { err, ok, type Result } from '../../../core/result';
import { miniCodeRefusal, type MiniCodeError, type MiniCodeImage, type MiniCodeRequest, type MiniCodes } from '../../ports/minicode.port';
import type { WxCloud } from './wx.types';

/**
 * The production MiniCodes: `cloud.openapi.wxacode.getUnlimited` (the function's config.json must
 * grant `wxacode.getUnlimited`). The released mini-program's codes check the page exists; a trial or
 * developer build's codes open that build and cannot check it (`checkPath: false`).
 */
export function cloudMiniCodes(cloud: WxCloud, options: { envVersion: 'release' | 'trial' | 'develop' }): MiniCodes {
  return {
    async unlimited(request: MiniCodeRequest): Promise<Result<MiniCodeImage, MiniCodeError>> {
      const refused = miniCodeRefusal(request);
      if (refused) return refused;
      try {
        const response = await cloud.openapi.wxacode.getUnlimited({
          scene: request.scene,
          page: request.page,
          checkPath: options.envVersion === 'release',
          envVersion: options.envVersion,
          width: 430,
        });
        const code = Number(response?.errCode ?? 0);
        if (code !== 0 || !response.buffer || response.buffer.length === 0) return err({ code: 'MINICODE.FAILED', cause: response?.errMsg ?? `errCode ${code}` });
        return ok({ bytes: new Uint8Array(response.buffer), contentType: response.contentType === 'image/png' ? 'image/png' : 'image/jpeg' });
      } catch (caught) {
        const { errCode, errMsg } = (caught ?? {}) as { errCode?: unknown; errMsg?: unknown };
        const said = typeof errMsg === 'string' ? errMsg : caught instanceof Error ? caught.message : String(caught);
        return err({ code: 'MINICODE.FAILED', cause: errCode === undefined ? said : `errCode ${String(errCode)}: ${said}` });
      }
    },
  };
}
