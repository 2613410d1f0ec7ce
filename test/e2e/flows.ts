import { createHash } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import { callAsPage, choose, next, pickMonth, settled, signInAs, setRuntimeClock } from './support';

/** Steps several tests share: opening the self-check on a round, and one person's answers. */

export const YULI = '关于开展2024年度尉犁县初定初级职称工作的通知';
export const AKSU_WATER = /阿克苏地区.*水利/;
export const BAZHOU = '关于开展2024年度自治州工程系列生态环境专业中、初级专业技术人员职称评审工作的通知';

/** Signs in, opens the self-check and picks the round; the first question is on screen. */
export async function startSelfCheck(page: Page, person: string, round: string | RegExp): Promise<void> {
  await signInAs(page, person);
  await page.getByText('资格自测', { exact: true }).click();
  await expect(page.getByText('您要参加哪个评审批次？')).toBeVisible();
  await settled(page);
  await page.getByRole('radio', { name: round }).first().click();
  await expect(page.getByText('您的工作单位是什么性质？')).toBeVisible();
}

/** 王建新, a 中级 water engineer in Aksu since 2018, answers the self-check for the aksu-water round. */
export async function seniorSelfCheck(page: Page): Promise<void> {
  await setRuntimeClock(page, '2024-08-24T10:00:00+08:00');
  await startSelfCheck(page, '王建新', AKSU_WATER);
  await choose(page, '事业单位');
  await choose(page, '是');
  await choose(page, '地（州）直属单位');
  await choose(page, '阿克苏市');
  await settled(page);
  await page.getByLabel('搜索专业').locator('input').fill('水利');
  await choose(page, '水利专业');
  await choose(page, '本科');
  await expect(page.getByText('您是哪年哪月毕业的？')).toBeVisible();
  await pickMonth(page, '2010-07');
  await next(page);
  await pickMonth(page, '2010-08');
  await next(page);
  await choose(page, '中级');
  await expect(page.getByText('您是哪年哪月取得现有职称的？')).toBeVisible();
  await pickMonth(page, '2018-12');
  await next(page);
  await choose(page, '没有，或低于高级工');
  await settled(page);
  for (const year of [2023, 2022, 2021]) await page.getByRole('radio', { name: `${year}年合格` }).click();
  await next(page);
  await settled(page);
  for (const year of [2024, 2023, 2022, 2021]) {
    await page.getByLabel(`${year}年公需科目学时`).locator('input').fill('30');
    await page.getByLabel(`${year}年专业科目学时`).locator('input').fill('60');
  }
  await next(page);
  await settled(page);
  const noes = page.locator('.rows__row [role="radio"][aria-label$="否"]');
  for (let i = 0; i < (await noes.count()); i += 1) await noes.nth(i).click();
  await next(page);
  await choose(page, '二级甲等');
  await choose(page, '没有');
}

type Materials = { materials: { code: string; stage: string; form: string; need: string; providedBy: string; record: string | null; choices: { options: string[]; suggested: string | null } | null }[]; files: { category: string; sha256: string }[]; entries: Record<string, unknown[]> };

/** Uploads a small blank JPEG to every required category still without a file (answered 否), 无 where text is asked, one period where a work history is. */
export async function completeRequired(page: Page, applicationId: string): Promise<void> {
  const view = await callAsPage<Materials>(page, 'applications', 'get', { applicationId });
  const content = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } }).jpeg().toBuffer();
  const { ref, sha256 } = await uploadAsPage(page, content);
  // The server keeps the photo without its metadata, under the SHA-256 of what it keeps.
  let kept = sha256;
  // The unit's papers are the unit's, uploaded on its review page after its publicity.
  for (const m of view.materials.filter((m) => m.stage === 'online' && m.need === 'required' && m.providedBy !== 'unit')) {
    if (m.form === 'upload' && !view.files.some((f) => f.category === m.code)) kept = (await callAsPage<Materials>(page, 'applications', 'attach', { applicationId, category: m.code, ref, sha256 })).files.find((f) => f.category === m.code)?.sha256 ?? kept;
    else if (m.form === 'field' && m.record === null) await callAsPage(page, 'applications', 'saveText', { applicationId, category: m.code, text: m.choices ? (m.choices.suggested ?? m.choices.options[m.choices.options.length - 1]!) : '无' });
    // The unit's name is masked (xxx) for blind review, as the application's check asks.
    else if (m.form === 'field' && m.record === 'work_periods' && !view.entries[m.code]?.length) await callAsPage(page, 'applications', 'saveEntries', { applicationId, category: m.code, entries: [{ from: '2010-07', to: null, unit: 'xxx', post: '技术员' }] });
  }
  await callAsPage(page, 'applications', 'mask', { applicationId, sha256: kept, needsMasking: 'no', masks: [] });
  await callAsPage(page, 'applications', 'checkBlindCopy', { applicationId, sha256: kept });
}


/** Uploads a JPEG under the signed-in person's folder, named by its SHA-256, as the phone does. */
export async function uploadAsPage(page: Page, content: Buffer): Promise<{ ref: string; sha256: string }> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  await callAsPage(page, 'applications', 'beginUpload', { sha256, bytes: content.length, contentType: 'image/jpeg' });
  const ref = await page.evaluate(
    async ({ bytes, name }) => {
      const stored = JSON.parse(localStorage.getItem('dev-session-token') ?? '{}') as { data?: string };
      const response = await fetch(`/upload?path=${name}`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', Authorization: `Bearer ${stored.data ?? ''}` }, body: new Uint8Array(bytes) });
      return ((await response.json()) as { data: { ref: string } }).data.ref;
    },
    { bytes: [...content], name: `${sha256}.jpg` },
  );
  return { ref, sha256 };
}

/** The signed-in unit admin uploads the unit's required papers for an application, as its review page does (a photo checked, then attached). */
export async function uploadUnitDocuments(page: Page, applicationId: string): Promise<void> {
  const content = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#fbfaf6' } }).jpeg().toBuffer();
  const checked = await callAsPage<{ ref: string; sha256: string }>(page, 'applications', 'checkPhoto', await uploadAsPage(page, content));
  const view = await callAsPage<{ unitDocuments: { code: string; required: boolean }[] }>(page, 'review', 'get', { applicationId });
  for (const doc of view.unitDocuments.filter((d) => d.required)) await callAsPage(page, 'review', 'attachUnitDocument', { applicationId, category: doc.code, ...checked });
}
