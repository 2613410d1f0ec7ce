/**
 * Photo figures for `npm run bench`: the phone-side compression of a 4000 × 3000 certificate photo
 * in headless Chromium (the same steps `photos.h5.ts` takes, with the browser's own JPEG encoder),
 * with the legibility of its small print read by OCR before and after (`bench-legibility.ts`),
 * and the server's burn-in of 3 masks into a blind copy (sharp).
 */
import { readFileSync } from 'node:fs';
import { performance as nodeClock } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { PHOTO_STEPS, PHOTO_TARGET_BYTES } from '../src/core/photos/compression';
import { burnMasks } from '../src/server/images/image-bytes';
import { certificatePhoto } from '../test/e2e/fixtures';
import { benchLegibility } from './bench-legibility';

type Print = (name: string, value: number, unit: string) => void;

export async function benchPhotos(print: Print): Promise<void> {
  const input = readFileSync(await certificatePhoto('bench-certificate.jpg'));

  const masks = [
    { x: 0.09, y: 0.26, w: 0.2, h: 0.05 },
    { x: 0.09, y: 0.325, w: 0.48, h: 0.06 },
    { x: 0.72, y: 0.68, w: 0.18, h: 0.24 },
  ];
  await burnMasks(input, masks); // warm-up
  const burns: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = nodeClock.now();
    await burnMasks(input, masks);
    burns.push(nodeClock.now() - start);
  }
  burns.sort((a, b) => a - b);
  print('server_burn_in_3_masks_4000x3000_median', burns[2]!, 'ms');

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const result = await page.evaluate(
      async ({ base64, steps, target }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const start = self.performance.now();
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
        let out: Blob | null = null;
        for (const step of steps) {
          const scale = Math.min(1, step.longEdge / Math.max(bitmap.width, bitmap.height));
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(bitmap.width * scale);
          canvas.height = Math.round(bitmap.height * scale);
          const context = canvas.getContext('2d')!;
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
          out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', step.quality));
          if (out && out.size <= target) break;
        }
        const ms = self.performance.now() - start;
        const output = new Uint8Array(await (out ?? new Blob()).arrayBuffer());
        let binary = '';
        for (const byte of output) binary += String.fromCharCode(byte);
        return { bytes: output.length, ms, base64: btoa(binary) };
      },
      { base64: input.toString('base64'), steps: PHOTO_STEPS, target: PHOTO_TARGET_BYTES },
    );
    print('client_compression_input', input.length, 'bytes');
    print('client_compression_output', result.bytes, 'bytes');
    print('client_compression_ratio', Math.round((result.bytes / input.length) * 1000) / 1000, 'output/input');
    print('client_compression_time', result.ms, 'ms');
    await benchLegibility(print, input, Buffer.from(result.base64, 'base64'));
  } finally {
    await browser.close();
  }
}
