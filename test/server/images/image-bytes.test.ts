import sharp from 'sharp';
import { burnMasks, declaredPixels, inspectUpload, MAX_IMAGE_PIXELS } from '../../../src/server/images/image-bytes';
import { suggestMasks } from '../../../src/server/masking/suggest';

/**
 * Images from outside are decoded bounded (issue 22, item 1): a header declaring more pixels than
 * the limit is refused before anything is decoded; a phone photo and a 600-dpi A4 scan's size pass;
 * a file cut off in the middle is refused at the door, not at the burn-in.
 */

/** A small real JPEG whose header (SOF0) is rewritten to declare `width` × `height`: a "bomb". */
async function declaring(width: number, height: number): Promise<Uint8Array> {
  const jpeg = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } }).jpeg().toBuffer());
  for (let i = 2; i < jpeg.length - 9; i += 1) {
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return new Uint8Array(jpeg);
    }
  }
  throw new Error('no SOF marker');
}

describe('images bounded at the door', () => {
  it('allows an A4 page scanned at 600 dpi and a 12-megapixel photo, by their pixel count', () => {
    expect(4961 * 7016).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(4000 * 3000).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(8000 * 8000).toBeGreaterThan(MAX_IMAGE_PIXELS);
  });

  it('refuses a JPEG declaring 16000 × 16000 from its header, with what to do', async () => {
    const bomb = await declaring(16000, 16000);
    expect(await declaredPixels(bomb)).toBe(256_000_000);
    const inspected = await inspectUpload(bomb, false);
    expect(inspected).toEqual({ ok: false, code: 'FILE.TOO_MANY_PIXELS', detail: expect.stringContaining('请用手机重新拍照') });
  });

  it('refuses a bomb at the burn-in and before the text reader too', async () => {
    const bomb = await declaring(9000, 9000);
    await expect(burnMasks(bomb, [])).rejects.toThrow();
    const reader = { read: jest.fn(async () => []) };
    await expect(suggestMasks(reader, bomb, { name: '王建新', idNumber: null, unitName: null })).rejects.toThrow(/pixels/);
    expect(reader.read).not.toHaveBeenCalled();
  });

  it('passes a whole photo and refuses one cut off in the middle (an end marker appended)', async () => {
    const whole = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#c8b89a' } }).jpeg().toBuffer();
    expect(await inspectUpload(whole, false)).toEqual({ ok: true, contentType: 'image/jpeg', width: 800, height: 500 });
    const cut = Buffer.concat([whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from([0xff, 0xd9])]);
    expect(await inspectUpload(cut, false)).toMatchObject({ ok: false, code: 'FILE.CONTENT_MISMATCH' });
  });
});
