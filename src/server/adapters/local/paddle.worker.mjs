// PaddleOCR in a child process: `@gutenye/ocr-node` is an ES module, loaded natively here whatever
// module system the parent runs in (tsx, jest). One model per process, loaded once on the first
// message (messages arriving meanwhile wait for the same load); a message without an image only
// loads it. It ends when its parent goes.
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

process.on('message', async ({ id, image }) => {
  try {
    const ocr = await model();
    if (!image) return;
    const lines = await ocr.detect(Buffer.from(image));
    process.send({ id, lines: lines.map((l) => ({ text: l.text, box: l.box })), rss: process.memoryUsage.rss() });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
