import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { idCheckCharacter } from '../../src/core/identity/id-number';
import { privateEngineer } from '../core/eligibility/people.fixture';
import { certificate } from '../fixtures/certificates';
import { completeRequired, uploadAsPage } from './flows';
import { callAsPage, openSection, setRuntimeClock, signInAs, smallTapTargets, snap } from './support';

/**
 * Masking suggestions on the phone (issue 12): 艾合买提 uploads a certificate with his name, ID
 * number, unit and a red seal. The editor suggests all four; he accepts his name and ID number,
 * dismisses the seal and leaves the unit. The blind copy is solid under what he accepted; before
 * submitting he is warned that experts would still see his unit's name; he submits.
 */
const BASE = '65292219850615003';
const ID = `${BASE}${idCheckCharacter(BASE)}`;
const UNIT = '温宿县天源水利工程有限公司';

test.describe('masking: suggestions from the photo', () => {
  test.setTimeout(240_000);

  test('suggestions on a certificate: two accepted, one dismissed, solid under them, a warning for what is still visible, then submitted', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-24T10:00:00+08:00');
    await signInAs(page, '艾合买提');
    await callAsPage(page, 'eligibility', 'saveAnswers', { roundId: 'aksu-water-2024', profile: privateEngineer() });
    const { id } = await callAsPage<{ id: string }>(page, 'applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'private_enterprise_evaluation:deputy_senior' });
    await callAsPage(page, 'applications', 'saveIdNumber', { applicationId: id, idNumber: ID });
    const made = await certificate(4, { name: '艾合买提', idNumber: ID, unitName: UNIT });
    const uploaded = await uploadAsPage(page, made.jpeg);
    const attached = await callAsPage<{ files: { sha256: string }[] }>(page, 'applications', 'attach', { applicationId: id, category: 'education', ...uploaded });
    // The server keeps the photo without its metadata, named by what it keeps.
    const sha256 = attached.files[0]!.sha256;

    await page.getByText('我的申报', { exact: true }).click();
    await page.locator('.application-list__item').first().click();
    await openSection(page, '证件与学历');
    const education = page.locator('#category-education');
    await education.getByRole('radio', { name: '第1张需要遮挡' }).click();
    const suggestions = page.locator('.mask-editor__suggestion-row');
    await expect(suggestions).toHaveCount(4, { timeout: 60_000 });
    await expect(page.locator('.mask-editor__suggestion')).toHaveCount(4);
    await snap(page, 'mask-suggestions', { wholePage: true });
    expect(await smallTapTargets(page)).toEqual([]);
    await suggestions.filter({ hasText: '识别到您的姓名' }).getByText('采用', { exact: true }).click();
    await suggestions.filter({ hasText: '识别到您的身份证号' }).getByText('采用', { exact: true }).click();
    await suggestions.filter({ hasText: '识别到红色印章' }).getByText('不采用', { exact: true }).click();
    await expect(suggestions).toHaveCount(1);
    await expect(page.getByText('已画 2 处遮挡', { exact: false })).toBeVisible();
    await page.getByText('保存遮挡', { exact: true }).click();
    await expect(education.getByRole('radio', { name: '第1张需要遮挡' })).toContainText('是（2 处）', { timeout: 30_000 });

    // The blind copy is solid under both accepted rectangles.
    const found = await callAsPage<{ suggestions: { kind: string; rect: { x: number; y: number; w: number; h: number } }[] }>(page, 'applications', 'suggestMasks', { applicationId: id, sha256 });
    const { url } = await callAsPage<{ url: string }>(page, 'applications', 'fileUrl', { applicationId: id, sha256, copy: 'blind' });
    const blind = Buffer.from(await (await page.request.get(url)).body());
    const { data, info } = await sharp(blind).raw().toBuffer({ resolveWithObject: true });
    for (const kind of ['name', 'id_number']) {
      const r = found.suggestions.find((s) => s.kind === kind)!.rect;
      for (const [fx, fy] of [[0.3, 0.5], [0.5, 0.5], [0.7, 0.5]] as const) {
        const x = Math.round((r.x + r.w * fx) * info.width);
        const y = Math.round((r.y + r.h * fy) * info.height);
        const at = (y * info.width + x) * info.channels;
        expect(Math.max(data[at]!, data[at + 1]!, data[at + 2]!), `${kind} at ${fx},${fy}`).toBeLessThan(40);
      }
    }

    // Before submitting: what experts would still see, said with the photo's place.
    await completeRequired(page, id);
    await page.reload();
    const check = page.locator('.submit');
    await expect(check).toContainText('第 1 张遮挡后仍能看到您的单位名称、红色印章，专家会看到。', { timeout: 15_000 });
    await snap(page, 'mask-still-visible');
    await check.getByText('提交申报', { exact: true }).dblclick();
    await expect(page.getByText(/^已提交（.*北京时间）。$/)).toBeVisible();
  });
});
