import QRCode from 'qrcode';
import { err, ok, type Result } from '../../../core/result';
import { miniCodeRefusal, type MiniCodeError, type MiniCodeImage, type MiniCodeRequest, type MiniCodes } from '../../ports/minicode.port';

/**
 * The local stand-in for `wxacode.getUnlimited`: a standard QR code of the H5 app's address of the
 * page with the same `scene` (the app is hash-routed), so a phone's camera opens what WeChat would.
 */
export function qrMiniCodes(options: { appUrl: string }): MiniCodes {
  return {
    async unlimited(request: MiniCodeRequest): Promise<Result<MiniCodeImage, MiniCodeError>> {
      const refused = miniCodeRefusal(request);
      if (refused) return refused;
      const address = localCodeAddress(options.appUrl, request);
      try {
        const bytes = await QRCode.toBuffer(address, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
        return ok({ bytes: new Uint8Array(bytes), contentType: 'image/png' });
      } catch (caught) {
        return err({ code: 'MINICODE.FAILED', cause: caught instanceof Error ? caught.message : String(caught) });
      }
    },
  };
}

/** The address a local code holds (for tests and the dev console). */
export function localCodeAddress(appUrl: string, request: MiniCodeRequest): string {
  return `${appUrl.replace(/\/+$/, '')}/#/${request.page}?scene=${encodeURIComponent(request.scene)}`;
}
