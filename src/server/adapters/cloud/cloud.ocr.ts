import { lineFromCorners, type TextReader } from '../../ports/ocr.port';
import type { WxCloud } from './wx.types';

/**
 * WeChat's 通用印刷体识别 (`openapi.ocr.printedText`, declared in the function's config.json) as the
 * text reader in production. Chosen over running PaddleOCR in a cloud function: onnxruntime-node
 * and the models are about 335 MB, far over a cloud function's code package, and the model needs
 * ~1 GB of memory to run. The photo goes as bytes (ours are under 600 KB; the API takes under 2 MB).
 */
export function cloudReader(cloud: Pick<WxCloud, 'openapi'>): TextReader {
  return {
    async read(image) {
      const answer = await cloud.openapi.ocr.printedText({ type: 'photo', img: { contentType: 'image/jpeg', value: Buffer.from(image) } });
      const code = Number(answer.errCode ?? 0);
      if (code !== 0) throw new Error(`ocr.printedText failed: ${code} ${answer.errMsg ?? ''}`);
      const size = answer.imgSize;
      if (!size || !size.w || !size.h) return [];
      return (answer.items ?? [])
        .filter((item) => item.text.trim().length > 0)
        .map((item) => lineFromCorners(item.text, [item.pos.leftTop, item.pos.rightTop, item.pos.rightBottom, item.pos.leftBottom].map((p) => [p.x, p.y] as const), size.w, size.h));
    },
  };
}
