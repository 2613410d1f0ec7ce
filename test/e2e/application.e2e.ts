import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { certificatePhoto } from './fixtures';
import { callAsPage, openSection, pickMonth, screensTall, smallTapTargets, snap } from './support';
import { completeRequired, seniorSelfCheck } from './flows';

/** A finger drag on the screen (real touch events, as a phone sends them). */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= 6; i += 1) {
    const x = from.x + ((to.x - from.x) * i) / 6;
    const y = from.y + ((to.y - from.y) * i) / 6;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test.describe('application: photos from the phone and masking for blind review', () => {
  test.setTimeout(240_000);

  test('a file that is not a photo gets a clear message and nothing is stored', async ({ page }) => {
    await seniorSelfCheck(page);
    await page.locator('.answer__block--maybe').getByText('开始申报副高级', { exact: true }).click();
    // A draft says its deadline by the server's clock (Beijing time, 10:00 on 24 August here).
    await expect(page.locator('.application').getByText(/网上申报截止：2024年8月30日 18:00（北京时间，还剩 6 天）/)).toBeVisible();
    await openSection(page, '证件与学历');
    const education = page.locator('#category-education');
    await expect(education.locator('.upload__add')).toBeVisible();
    const before = await education.locator('.upload__file').count();
    const chooser = page.waitForEvent('filechooser');
    await education.locator('.upload__add').click();
    await (await chooser).setFiles({ name: 'not-a-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html>这不是照片</html>') });
    await expect(education.locator('.upload__pending--failed')).toContainText('打不开');
    await expect(education.locator('.upload__file')).toHaveCount(before);
    await snap(page, 'application-refused-file');
  });

  // Last: it submits 王建新's application, which the runtime keeps for the tests after it.
  test('the senior engineer uploads two certificate photos, masks one, answers 否 for the other, and sees what experts will see', async ({ page }) => {
    const photo = await certificatePhoto();
    await seniorSelfCheck(page);
    await page.locator('.answer__block--maybe').getByText('开始申报副高级', { exact: true }).click();
    // The form opens on its first section still to do (基本信息), the rest folded with their progress.
    await expect(page.locator('#section-profile .form-section__head')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#section-certificates .form-section__head')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#section-certificates')).toContainText('已完成 0/6');
    expect(await smallTapTargets(page)).toEqual([]);
    // Before any upload the whole form is at most six phone screens (it was about fifteen with every material open).
    const screens = await screensTall(page, '.taro_page_show .application');
    console.log(`application-senior-fresh: ${screens.toFixed(2)} screens at ${page.viewportSize()?.width} px`);
    expect(screens).toBeLessThanOrEqual(6);
    await snap(page, 'application-senior-fresh');
    // Choices are chosen, not typed: his unit's level came from the self-check (地直), said so; 二级专业 is one tap.
    const affiliation = page.locator('#text-unit_affiliation');
    await expect(affiliation.getByRole('radio', { name: '地州单位' })).toHaveAttribute('aria-checked', 'true');
    await expect(affiliation).toContainText('按您资格自测时的回答选好了');
    const subSpecialty = page.locator('#text-sub_specialty');
    await subSpecialty.getByRole('radio', { name: '工程建设' }).click();
    await expect(subSpecialty.getByRole('radio', { name: '工程建设' })).toHaveAttribute('aria-checked', 'true');

    // Two photos at once from the album: each made small on the phone, uploaded with its progress.
    await openSection(page, '证件与学历');
    const education = page.locator('#category-education');
    const chooser = page.waitForEvent('filechooser');
    await education.locator('.upload__add').click();
    await (await chooser).setFiles([photo, await certificatePhoto('certificate-2.jpg', 2)]);
    await expect(education.locator('.upload__file')).toHaveCount(2, { timeout: 30_000 });
    await expect(education.locator('.upload__pending')).toHaveCount(0);
    // Uploaded, not yet done: each photo still waits for its 是否遮挡 answer.
    await expect(page.locator('#section-certificates')).toContainText('已完成 0/6');
    // A 4000 × 3000 photo went up at ≤ 600 KB.
    const sizes = await education.locator('.upload__file-name').allTextContents();
    for (const text of sizes) expect(Number(/(\d+) KB/.exec(text)?.[1])).toBeLessThanOrEqual(600);
    await snap(page, 'application-uploaded');

    // The second photo needs no masking.
    await education.getByRole('radio', { name: '第2张不需要遮挡' }).click();
    await expect(education.getByRole('radio', { name: '第2张不需要遮挡' })).toHaveAttribute('aria-checked', 'true');

    // The first: mask the name and the unit by drawing with a finger.
    await education.getByRole('radio', { name: '第1张需要遮挡' }).click();
    const stage = page.locator('#mask-stage');
    await expect(stage.locator('img, taro-image-core').first()).toBeVisible();
    await page.waitForTimeout(300);
    const box = (await stage.boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
    // 姓名 at (400–1100, 800–930) and 单位 at (400–2200, 1000–1130) of 4000 × 3000.
    await drag(page, at(0.09, 0.26), at(0.29, 0.315));
    await drag(page, at(0.09, 0.325), at(0.57, 0.385));
    await expect(page.getByText('已画 2 处遮挡', { exact: false })).toBeVisible();
    await snap(page, 'mask-editor');
    await page.getByText('保存遮挡', { exact: true }).click();

    // Back on the application: 是（2 处）, and the blind copy, made on the server and read there for
    // anything identifying still visible (behind the suggestions' reading of the photo: seconds on a
    // slow machine).
    await expect(education.getByRole('radio', { name: '第1张需要遮挡' })).toContainText('是（2 处）', { timeout: 30_000 });
    const blind = education.locator('.thumb--blind img');
    await expect(blind).toBeVisible();
    // Both photos answered: the material is done, and its section says so.
    await expect(page.locator('#section-certificates')).toContainText('已完成 1/6');
    await snap(page, 'application-masked');
    // The second, answered 否, bears his name and unit: read all the same after its save, and said
    // before submitting (the applicant decides; a reading can be wrong).
    await expect(page.locator('.submit__problem', { hasText: '第 2 张选了不需要遮挡，但上面能看到您的姓名' })).toBeVisible({ timeout: 30_000 });

    // The blind copy's pixels under the masks are solid black; the paper beside them is not.
    const src = await blind.getAttribute('src');
    const response = await page.request.get(src!);
    expect(response.ok()).toBe(true);
    const { data, info } = await sharp(await response.body()).raw().toBuffer({ resolveWithObject: true });
    const pixel = (fx: number, fy: number) => data[(Math.round(fy * info.height) * info.width + Math.round(fx * info.width)) * info.channels]!;
    expect(pixel(0.19, 0.29)).toBeLessThan(30);
    expect(pixel(0.33, 0.355)).toBeLessThan(30);
    expect(pixel(0.8, 0.1)).toBeGreaterThan(200);
    expect((await sharp(await response.body()).metadata()).exif).toBeUndefined();

    // His ID number: a mistyped digit is caught by the check digit, then kept with its middle hidden.
    const identity = page.locator('#category-identity');
    await identity.getByText('填写', { exact: true }).click();
    await identity.locator('input').fill('652901198203151201');
    await identity.getByText('保存', { exact: true }).click();
    await expect(identity.getByRole('alert')).toContainText('校验位不对');
    await identity.locator('input').fill('65290119820315120x');
    await identity.getByText('保存', { exact: true }).click();
    await expect(identity.getByText('6529**********120X')).toBeVisible();

    // The work history, one period typed in the platform's form: his unit's name is caught before
    // submitting (blind review: xxx) and fixed with one tap.
    await openSection(page, '工作经历与业绩');
    const history = page.locator('#category-work_history');
    await history.getByText('添加一段经历', { exact: true }).click();
    const editor = history.locator('.entry-editor');
    await pickMonth(page, '2010-08', editor.getByRole('button', { name: /^开始时间/ }));
    await editor.getByRole('checkbox', { name: '结束时间至今' }).click();
    await editor.getByLabel('工作单位').locator('input').fill('阿克苏地区水利水电勘测设计院');
    await editor.getByLabel('从事工作或职务').locator('input').fill('水利工程设计');
    await snap(page, 'application-entry-editor');
    await editor.getByText('保存', { exact: true }).click();
    await expect(history.locator('.entries__title')).toHaveText('1. 2010年8月—至今 · 阿克苏地区水利水电勘测设计院');
    const check = page.locator('.submit');
    const unitProblem = check.locator('.submit__problem', { hasText: '写了单位名称“阿克苏地区水利水电勘测设计院”' });
    await expect(unitProblem).toBeVisible();
    await unitProblem.getByText('一键改正', { exact: true }).click();
    await expect(history.locator('.entries__title')).toHaveText('1. 2010年8月—至今 · xxx');
    await expect(unitProblem).toHaveCount(0);
    // Still much to upload: submitting is not offered yet, and the count says how much.
    await expect(check.getByText(/还有 \d+ 处要处理/)).toBeVisible();
    await snap(page, 'application-check');

    // 申请回避: he names an expert he is related to; the committee's secretary will see it proposed.
    const conflicts = page.locator('.conflicts');
    await conflicts.getByText('添加回避申请', { exact: true }).click();
    await conflicts.getByLabel('回避人员的姓名').locator('input').fill('何振华');
    await conflicts.getByLabel('回避理由').locator('input').fill('近亲属');
    await conflicts.getByText('保存回避申请', { exact: true }).dblclick();
    await expect(conflicts).toContainText('人员：何振华（近亲属）');
    expect(await smallTapTargets(page)).toEqual([]);

    // The rest of the required materials, arranged through the same functions the page calls
    // (every upload above was walked through on screen); then he submits on screen, once.
    const [mine] = await callAsPage<{ id: string }[]>(page, 'applications', 'mine', {});
    await completeRequired(page, mine!.id);
    await page.reload();
    await expect(check.getByText('提交申报', { exact: true })).toBeVisible({ timeout: 15_000 });
    await check.getByText('提交申报', { exact: true }).dblclick();
    await expect(page.getByText(/^已提交（.*北京时间）。$/)).toBeVisible();
    await expect(page.getByText('现在：已提交，等待单位审核')).toBeVisible();
    await expect(page.getByText('已提交 1 次，按通知最多 3 次。')).toBeVisible();
    await expect(page.locator('.application__status')).toHaveText('已提交，等待单位审核');
    await snap(page, 'application-submitted');
  });
});
