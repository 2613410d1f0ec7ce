// PaddleOCR in a worker thread: `@gutenye/ocr-node` is an ES module, loaded natively here whatever
// module system the caller runs in (tsx, jest). One model per worker, loaded on the first photo.
import { parentPort } from 'node:worker_threads';

let model = null;

parentPort.on('message', async ({ id, image }) => {
  try {
    if (!model) {
      const { default: Ocr } = await import('@gutenye/ocr-node');
      model = await Ocr.create();
    }
    const lines = await model.detect(Buffer.from(image));
    parentPort.postMessage({ id, lines: lines.map((l) => ({ text: l.text, box: l.box })) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
