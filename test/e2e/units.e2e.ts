import { creditCodeCheckChar } from '../../src/core/people/credit-code';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { pickOption, signInAs, smallTapTargets, snap, switchTo } from './support';

/**
 * A unit joins the product: 张伟 registers his unit, 尉犁县人社局 (马红梅) approves it, he shares its
 * invite code and its QR code, and 热依拉, after a wrong code, scans it and joins.
 */
/** A valid 统一社会信用代码 (GB 32100-2015: its check character computed). */
const CODE = `12652828MB1234567${creditCodeCheckChar('12652828MB1234567')}`;

test('a unit is registered, approved by the county HR bureau, and joined by invite code', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, '张伟');
  await page.getByText('我的单位', { exact: true }).click();
  await expect(page.getByText('用邀请码加入单位')).toBeVisible();
  expect(await smallTapTargets(page)).toEqual([]);
  await page.getByLabel('单位全称').locator('input').fill('尉犁县水利工作站');
  await page.getByRole('radio', { name: '县（市）单位' }).click();
  await pickOption(page, '尉犁县', page.getByRole('button', { name: '选择所在县（市）', exact: true }));
  await expect(page.getByRole('button', { name: /^所在县（市）：尉犁县/ })).toBeVisible();
  await page.getByRole('radio', { name: '事业单位' }).click();
  // The 统一社会信用代码 is checked as soon as it is typed whole: a wrong last character is said at once.
  await page.getByLabel('统一社会信用代码').locator('input').fill('12652828MB12345670');
  await expect(page.getByText('统一社会信用代码的最后一位（校验码）对不上', { exact: false })).toBeVisible();
  await page.getByLabel('统一社会信用代码').locator('input').fill(CODE);
  await page.getByLabel('联系人姓名').locator('input').fill('张伟');
  await page.getByLabel('联系电话').locator('input').fill('13912345678');
  await snap(page, 'unit-register');
  await page.getByText('提交登记', { exact: true }).click();
  await expect(page.getByText('登记已提交，等待县（市）人社局审核')).toBeVisible();

  await switchTo(page, '马红梅');
  await page.getByText('单位登记审核', { exact: true }).click();
  const request = page.locator('.unit-request', { hasText: '尉犁县水利工作站' });
  await expect(request).toContainText('登记人 张伟');
  await expect(request).toContainText(`统一社会信用代码：${CODE}`);
  await expect(request).toContainText('联系人：张伟 13912345678');
  await snap(page, 'unit-requests');
  await request.getByText('通过', { exact: true }).click();
  await expect(page.locator('.taro__modal')).toContainText('确定通过“尉犁县水利工作站”的登记吗？张伟将成为单位管理员');
  await page.locator('.taro__modal').getByText('通过', { exact: true }).click();
  await expect(page.getByText('没有待审核的单位')).toBeVisible();

  await switchTo(page, '张伟');
  await expect(page.getByText('单位管理员 · 尉犁县水利工作站')).toBeVisible();
  await page.getByText('我的单位', { exact: true }).click();
  // Shown in two groups of five, to read out over the phone.
  const shown = (await page.locator('.unit__code').textContent())!.trim();
  expect(shown).toMatch(/^[A-HJ-NP-Z2-9]{5} [A-HJ-NP-Z2-9]{5}$/);
  const code = shown.replace(' ', '');
  // The code as a mini-program code (locally a QR code of the H5 page): read it as a camera would.
  const image = page.locator('.unit__qr-image img');
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(200);
  await snap(page, 'unit-invite-code', { wholePage: true });
  const png = await (await page.request.get((await image.getAttribute('src'))!)).body();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const scannedAddress = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? '';
  expect(scannedAddress).toContain(`/#/pages/unit/index?scene=c%3D${code}`);

  await switchTo(page, '热依拉');
  await page.getByText('我的单位', { exact: true }).click();
  await page.getByLabel('邀请码').locator('input').fill('ZZZZZZZZZZ');
  await page.getByText('加入单位', { exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('邀请码不对');
  await expect(page.getByRole('alert')).toContainText('这一小时还可以试 9 次');
  // She scans the unit's code instead: 我的单位 opens with the code filled in.
  await page.goto(scannedAddress);
  await expect(page.getByText('已从您扫的单位二维码填好邀请码')).toBeVisible();
  await expect(page.getByLabel('邀请码').locator('input')).toHaveValue(code);
  await snap(page, 'unit-join-scanned');
  await page.getByText('加入单位', { exact: true }).click();
  await expect(page.getByText('您已加入本单位，申报由本单位先审核')).toBeVisible();
  await expect(page.locator('.unit__name')).toHaveText('尉犁县水利工作站');
});
