import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const fixtureDir = path.resolve(__dirname, '../../.tmp/e2e-fixtures');

/** The certificate's 24 lines of 22 px small print (x 400, baselines y 1500 … 2420 of 4000 × 3000): what legibility is measured on. */
export function smallPrintLines(serial = 1): string[] {
  return Array.from({ length: 24 }, (_, i) => `第${i + 1}行 经审核，该同志具备工程师专业技术资格，特发此证。编号 XJ2018-${String(serial * 1000 + i)}`);
}

/** Where the small print is, as fractions of the page (with a margin): x, y, width, height. */
export const SMALL_PRINT_REGION = { x: 0.095, y: 0.487, w: 0.475, h: 0.333 } as const;

/**
 * A 4000 × 3000 certificate-like JPEG, as a 12-megapixel phone camera takes it: off-white paper,
 * a title, the holder's name and unit, an ID number, a red seal, lines of 22 px small print and
 * the grain of paper and sensor that makes a real photo several megabytes
 * (numbered by `serial`, so two certificates are two different files).
 * Generated on the spot (Chinese text rendered by the system's CJK font).
 */
export async function certificatePhoto(name = 'certificate.jpg', serial = 1): Promise<string> {
  mkdirSync(fixtureDir, { recursive: true });
  const small = smallPrintLines(serial).map((line, i) => `<text x="400" y="${1500 + i * 40}" font-size="22" font-family="WenQuanYi Micro Hei">${line}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000">
    <rect width="4000" height="3000" fill="#f6f1e4"/>
    <text x="1400" y="500" font-size="160" font-family="WenQuanYi Micro Hei">专业技术资格证书</text>
    <text x="400" y="900" font-size="90" font-family="WenQuanYi Micro Hei">姓名：王建新</text>
    <text x="400" y="1100" font-size="90" font-family="WenQuanYi Micro Hei">单位：阿克苏地区水利水电勘测设计院</text>
    <text x="400" y="1300" font-size="90" font-family="WenQuanYi Micro Hei">身份证号：652901198001011234</text>
    ${small}
    <circle cx="3200" cy="2400" r="300" fill="none" stroke="#d22" stroke-width="30"/>
  </svg>`;
  // Paper grain and sensor noise, as a camera records them: what makes a real photo megabytes.
  const width = 4000;
  const height = 3000;
  const grain = Buffer.alloc(width * height);
  let seed = serial * 2654435761;
  for (let i = 0; i < grain.length; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    grain[i] = 128 + ((seed >>> 16) % 48) - 24;
  }
  const page = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  const noisy = Buffer.alloc(page.length);
  for (let i = 0; i < page.length; i += 1) noisy[i] = Math.max(0, Math.min(255, page[i]! + grain[Math.floor(i / 3)]! - 128));
  const file = path.join(fixtureDir, name);
  writeFileSync(file, await sharp(noisy, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer());
  return file;
}
