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
