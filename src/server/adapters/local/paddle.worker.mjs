// PaddleOCR in a worker thread: `@gutenye/ocr-node` is an ES module, loaded natively here whatever
// module system the caller runs in (tsx, jest). One model per worker, loaded once on the first
// message (messages arriving meanwhile wait for the same load); a message without an image only
// loads it.
import { parentPort } from 'node:worker_threads';

let loading = null;
const model = () => {
  loading ??= import('@gutenye/ocr-node')
    .then(({ default: Ocr }) => Ocr.create())
    .catch((error) => {
      loading = null;
      throw error;
    });
  return loading;
};

parentPort.on('message', async ({ id, image }) => {
  try {
    const ocr = await model();
    if (!image) return;
    const lines = await ocr.detect(Buffer.from(image));
    parentPort.postMessage({ id, lines: lines.map((l) => ({ text: l.text, box: l.box })) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
