import sharp from 'sharp';
import type { MiniCodes } from '../../src/server/ports/minicode.port';

/**
 * The behaviour every MiniCodes shares, run over the local QR stand-in and over the cloud adapter
 * on the wx-server-sdk fake: a valid request gives an image that decodes, what WeChat would refuse
 * (a scene over 32 characters or with characters it does not take, a page with a slash or a query)
 * is refused before reaching it.
 */
export function miniCodesContract(name: string, make: () => MiniCodes) {
  describe(`${name} (mini-program code contract)`, () => {
    it('makes an image of a decent size for a valid scene and page', async () => {
      const codes = make();
      const made = await codes.unlimited({ scene: 'c=AB23CD', page: 'pages/unit/index' });
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      expect(['image/png', 'image/jpeg']).toContain(made.value.contentType);
      const meta = await sharp(Buffer.from(made.value.bytes)).metadata();
      expect(meta.format).toBe(made.value.contentType === 'image/png' ? 'png' : 'jpeg');
      expect(meta.width).toBeGreaterThan(0);
    });

    it.each([
      ['a scene over 32 characters', { scene: `c=${'A'.repeat(31)}`, page: 'pages/unit/index' }],
      ['an empty scene', { scene: '', page: 'pages/unit/index' }],
      ['a scene with a Chinese character', { scene: 'c=邀请', page: 'pages/unit/index' }],
      ['a page with a leading slash', { scene: 'c=AB23CD', page: '/pages/unit/index' }],
      ['a page with a query', { scene: 'c=AB23CD', page: 'pages/unit/index?c=AB23CD' }],
    ])('refuses %s as MINICODE.INVALID_REQUEST', async (_what, request) => {
      const codes = make();
      expect(await codes.unlimited(request)).toEqual({ ok: false, error: { code: 'MINICODE.INVALID_REQUEST', cause: expect.any(String) } });
    });
  });
}
