import jsQR from 'jsqr';
import sharp from 'sharp';
import { cloudMiniCodes } from '../../src/server/adapters/cloud/cloud.minicode';
import { localCodeAddress, qrMiniCodes } from '../../src/server/adapters/local/qr.minicode';
import { createFakeWxCloud } from '../fakes/wx-server-sdk.fake';
import { miniCodesContract } from './minicode.contract';

miniCodesContract('qrMiniCodes (local stand-in)', () => qrMiniCodes({ appUrl: 'http://127.0.0.1:10086/' }));

miniCodesContract('cloudMiniCodes over the wx-server-sdk fake', () => cloudMiniCodes(createFakeWxCloud(), { envVersion: 'release' }));

describe('the local stand-in', () => {
  it('draws a QR code a camera reads as the H5 page with the same scene', async () => {
    const request = { scene: 'c=AB23CD', page: 'pages/unit/index' };
    const made = await qrMiniCodes({ appUrl: 'http://127.0.0.1:10086' }).unlimited(request);
    if (!made.ok) throw new Error(made.error.cause);
    const { data, info } = await sharp(Buffer.from(made.value.bytes)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(read?.data).toBe('http://127.0.0.1:10086/#/pages/unit/index?scene=c%3DAB23CD');
    expect(localCodeAddress('http://127.0.0.1:10086/', request)).toBe(read?.data);
  });
});

describe('the cloud adapter', () => {
  it('asks WeChat for the released page, checked, and a trial build’s code unchecked', async () => {
    const cloud = createFakeWxCloud();
    await cloudMiniCodes(cloud, { envVersion: 'release' }).unlimited({ scene: 'c=AB23CD', page: 'pages/unit/index' });
    await cloudMiniCodes(cloud, { envVersion: 'trial' }).unlimited({ scene: 'c=AB23CD', page: 'pages/new/index' });
    expect(cloud.miniCodes).toEqual([
      expect.objectContaining({ scene: 'c=AB23CD', page: 'pages/unit/index', checkPath: true, envVersion: 'release' }),
      expect.objectContaining({ page: 'pages/new/index', checkPath: false, envVersion: 'trial' }),
    ]);
    // A platform failure comes back as a value with WeChat's code, never as a throw.
    cloud.failNextMiniCode(45009, 'reach max api daily quota limit');
    expect(await cloudMiniCodes(cloud, { envVersion: 'release' }).unlimited({ scene: 'c=AB23CD', page: 'pages/unit/index' })).toEqual({ ok: false, error: { code: 'MINICODE.FAILED', cause: expect.stringContaining('45009') } });
    // A page the released version lacks is WeChat's 41030, answered as a value.
    expect(await cloudMiniCodes(cloud, { envVersion: 'release' }).unlimited({ scene: 'c=AB23CD', page: 'pages/new/index' })).toMatchObject({ ok: false, error: { code: 'MINICODE.FAILED', cause: expect.stringContaining('invalid page') } });
  });
});
