/**
 * The reviewer's application page in a browser (issue 23, item 8: opens in ≤ 1 s): 李娜 submits an
 * application with a phone photo in every material (each its own file, as sent from the phone);
 * her unit admin 赵磊 signs in to the built H5 app in headless Chromium at a phone's size, opens
 * 申报审核 and taps her application. Timed from the tap until her name, every material and every
 * photo's thumbnail are on screen (each image decoded), over 5 opens (back to the queue between):
 * the first open and the median are printed. Needs the runtime to serve dist/h5 (bench.ts builds it).
 */
import { createHash } from 'node:crypto';
import { chromium, devices } from '@playwright/test';
import sharp from 'sharp';
import { yuliGraduate } from '../test/core/eligibility/people.fixture';

type Print = (name: string, value: number, unit: string) => void;
type Post = (route: string, body: unknown, token?: string) => Promise<{ ok: boolean; code?: string; data?: unknown }>;
type Materials = { materials: { code: string; stage: string; form: string; need: string; providedBy: string; record: string | null; choices: { options: string[]; suggested: string | null } | null }[]; files: { category: string; sha256: string }[] };

/** A phone photo of a certificate as the app sends it (≤ 600 KB, 1920 px on its long side), its own lines. */
async function phonePhoto(i: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1440"><rect width="100%" height="100%" fill="#f6f1e4"/>${Array.from({ length: 8 }, (_, line) => `<text x="160" y="${240 + line * 150}" font-size="64" font-family="WenQuanYi Micro Hei, sans-serif">材料 ${i + 1} · 第${line + 1}行 尉犁县农业技术推广中心</text>`).join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

export async function benchReviewPage(print: Print, url: string, post: Post): Promise<void> {
  await post('/dev/clock', { now: '2024-10-12T10:00:00+08:00' });
  const token = ((await post('/dev/login', { personId: 'person-applicant-2' })) as { data: { token: string } }).data.token;
  const api = async <T>(fn: string, action: string, payload: unknown): Promise<T> => {
    const reply = await post(`/api/${fn}`, { action, payload }, token);
    if (!reply.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(reply)}`);
    return reply.data as T;
  };
  await api('eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
  const { id } = await api<{ id: string }>('applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' });
  await api('applications', 'saveIdNumber', { applicationId: id, idNumber: '11010519491231002X' });
  const view = await api<Materials>('applications', 'get', { applicationId: id });
  let photos = 0;
  // The unit's papers are the unit's to upload after its publicity (not on her page to time here).
  for (const m of view.materials.filter((m) => m.stage === 'online' && m.need === 'required' && m.providedBy !== 'unit')) {
    if (m.form === 'upload') {
      const content = await phonePhoto(photos);
      photos += 1;
      const sha256 = createHash('sha256').update(content).digest('hex');
      const announced = await api<{ name: string }>('applications', 'beginUpload', { sha256, bytes: content.length, contentType: 'image/jpeg' });
      const stored = await fetch(`${url}/upload?path=${announced.name}`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', Authorization: `Bearer ${token}` }, body: new Uint8Array(content) });
      const ref = ((await stored.json()) as { data: { ref: string } }).data.ref;
      const attached = await api<Materials>('applications', 'attach', { applicationId: id, category: m.code, ref, sha256 });
      const kept = attached.files.find((f) => f.category === m.code)!.sha256;
      await api('applications', 'mask', { applicationId: id, sha256: kept, needsMasking: 'no', masks: [] });
    } else if (m.record === null) {
      await api('applications', 'saveText', { applicationId: id, category: m.code, text: m.choices ? (m.choices.suggested ?? m.choices.options.at(-1)!) : '无' });
    } else if (m.record === 'work_periods') {
      await api('applications', 'saveEntries', { applicationId: id, category: m.code, entries: [{ from: '2023-07', to: null, unit: 'xxx', post: '技术员' }] });
    }
  }
  await api('applications', 'submit', { applicationId: id, requestId: `bench-submit-${Date.now()}` });

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ ...devices['iPhone 12'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: url })).newPage();
    await page.goto('/');
    await page.getByLabel(/^以赵磊（/).click();
    await page.getByText('您好，赵磊').waitFor();
    await page.getByText('申报审核', { exact: true }).click();
    const item = page.locator('.queue__item', { hasText: '古丽娜' });
    await item.waitFor();
    /** Her page is open: name, materials, and every thumbnail decoded. */
    const shown = async () =>
      page.waitForFunction(
        (expected) => {
          // The review page is the only one of its kind in Taro's page stack.
          const name = document.querySelector('.review__name')?.textContent === '古丽娜';
          const images = Array.from(document.querySelectorAll<HTMLImageElement>('.review__file img'));
          return name && images.length === expected && images.every((img) => img.complete && img.naturalWidth > 0);
        },
        photos,
        { polling: 'raf', timeout: 30_000 },
      );
    const opens: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      await item.click();
      await shown().catch(async (error: unknown) => {
        const state = await page.evaluate(() => {
          const images = Array.from(document.querySelectorAll<HTMLImageElement>('.review__file img'));
          return { name: document.querySelector('.review__name')?.textContent, images: images.length, done: images.filter((img) => img.complete && img.naturalWidth > 0).length };
        });
        throw new Error(`the reviewer's page did not show ${photos} thumbnails: ${JSON.stringify(state)} (${String(error)})`);
      });
      opens.push(Date.now() - started);
      await page.goBack();
      await item.waitFor();
    }
    // The first open fetches every thumbnail; later ones may find some in the browser's cache.
    print('review_page_open_browser_first', opens[0]!, `ms (tap to all ${photos} thumbnails shown, Chromium at 390 px)`);
    print('review_page_open_browser_median', [...opens].sort((a, b) => a - b)[2]!, 'ms (of 5 opens)');
  } finally {
    await browser.close();
  }
}
