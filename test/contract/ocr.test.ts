import sharp from 'sharp';
import { cloudReader } from '../../src/server/adapters/cloud/cloud.ocr';
import { paddleReader } from '../../src/server/adapters/local/paddle.ocr';
import { createFakeWxCloud } from '../fakes/wx-server-sdk.fake';
import { textReaderContract } from './ocr.contract';

// The model loads once (about 0.2 s) and reads a photo in about 1.5 s on two cores; both adapters
// share one model here.
jest.setTimeout(60_000);
const paddle = paddleReader();
afterAll(() => paddle.close());

textReaderContract('local PaddleOCR (@gutenye/ocr-node)', () => ({ read: (image) => paddle.read(image) }));

// The cloud adapter over the wx-server-sdk fake, whose `ocr.printedText` answers in WeChat's shape
// (corners in pixels, camel-cased keys) from the same model.
textReaderContract('WeChat ocr.printedText (on the SDK fake)', () => {
  const cloud = createFakeWxCloud();
  cloud.printedTextReader = async (image) => {
    const { width = 0, height = 0 } = await sharp(image).metadata();
    const lines = await paddle.read(new Uint8Array(image));
    const at = (x: number, y: number) => ({ x: Math.round(x * width), y: Math.round(y * height) });
    return {
      imgSize: { w: width, h: height },
      items: lines.map((l) => ({
        text: l.text,
        pos: { leftTop: at(l.box.x, l.box.y), rightTop: at(l.box.x + l.box.w, l.box.y), rightBottom: at(l.box.x + l.box.w, l.box.y + l.box.h), leftBottom: at(l.box.x, l.box.y + l.box.h) },
      })),
    };
  };
  return cloudReader(cloud);
});

describe('WeChat ocr.printedText failures', () => {
  it('says what WeChat answered when it refuses', async () => {
    const cloud = createFakeWxCloud();
    const big = Buffer.alloc(2 * 1024 * 1024);
    await expect(cloudReader(cloud).read(big)).rejects.toThrow('invalid media size');
  });
});

describe('local PaddleOCR: bounded', () => {
  it('refuses a decompression bomb (16000 × 16000 declared) before the OCR process sees it', async () => {
    const reader = paddleReader();
    try {
      const bomb = await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#fff' } }).jpeg({ quality: 10 }).toBuffer();
      const started = Date.now();
      await expect(reader.read(bomb)).rejects.toThrow(/more than 36000000 pixels/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await reader.close();
    }
  });

  it('reads a photo larger than it sends, with the boxes as fractions of the original', async () => {
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><rect width="100%" height="100%" fill="#fff"/><text x="400" y="1600" font-size="160" font-family="WenQuanYi Micro Hei, sans-serif">证书编号 20240815</text></svg>`);
    const photo = await sharp(svg).jpeg().toBuffer();
    const lines = await paddle.read(photo);
    const line = lines.find((l) => l.text.includes('20240815'));
    expect(line).toBeDefined();
    expect(line!.box.x).toBeGreaterThan(0.08);
    expect(line!.box.x).toBeLessThan(0.12);
    expect(line!.box.y + line!.box.h).toBeGreaterThan(0.5);
    expect(line!.box.y).toBeLessThan(0.55);
  });
});
