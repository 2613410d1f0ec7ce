import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { setRuntimeClock, signInAs, snap, switchTo } from './support';

/**
 * The round workshop in Chromium: 买买提江 of 阿克苏地区人社局 copies last year's water round to
 * 2025年度, pastes the new notice, takes what the finder found one by one (the windows and fees
 * into their fields, the rest dismissed), fixes the 中级 fee by hand (a bad value refused at the
 * field first), previews a test person against last year's round and publishes; then 王建新 finds
 * the round open on his home page.
 */
const notice2025 = readFileSync(path.resolve(__dirname, '../../config/notices/aksu-water-2024.txt'), 'utf8').replaceAll('2024', '2025');

async function decideAll(page: Page): Promise<void> {
  const candidates = page.locator('.workshop__candidate');
  for (let left = await candidates.count(); left > 0; left = await candidates.count()) {
    const first = candidates.first();
    const accept = first.getByText('采用', { exact: true });
    await ((await accept.count()) > 0 ? accept : first.getByText(/^(忽略|已核对)$/)).click();
    await expect(candidates).toHaveCount(left - 1);
  }
}

test.describe('the round workshop', () => {
  test.setTimeout(180_000);

  test('the prefecture HR officer makes 2025年度 from last year’s water round and an applicant finds it open', async ({ page }) => {
    // 10:00 Beijing, 1 August 2025: inside the new notice's apply window.
    await setRuntimeClock(page, '2025-08-01T10:00:00+08:00');
    await signInAs(page, '买买提江');
    await page.getByText('申报审核', { exact: true }).click();
    await page.getByText('评审批次编制', { exact: true }).click();
    const last = page.locator('.workshop__card', { hasText: '水利专业' });
    await expect(last).toContainText('2024 年度');
    await snap(page, 'workshop-list');
    await last.getByText('复制为 2025 年度', { exact: true }).click();

    const draft = page.locator('.workshop--draft');
    await expect(draft.locator('.workshop__name').first()).toContainText('2025');
    await expect(draft.locator('.workshop__badge').first()).toBeVisible();
    await expect(page.getByText(/网上申报.*：尚未填写/)).toBeVisible();
    await page.locator('textarea[placeholder="粘贴通知全文"]').fill(notice2025);
    await page.getByText('找出通知中的要点', { exact: true }).click();
    await expect(page.locator('.workshop__candidate').first()).toBeVisible();
    await expect(page.locator('.workshop__mark').first()).toBeVisible();
    await snap(page, 'workshop-candidates');
    await decideAll(page);
    await expect(page.getByText(/已全部处理/)).toBeVisible();

    const apply = page.locator('#field-window-apply');
    await expect(apply).toContainText('2025年7月22日 至 2025年8月30日 18:00');
    await expect(apply).toContainText('依据：');
    await expect(page.locator('#field-fee-0')).toContainText('700 元/人');
    // Two numbers under one role stay two.
    await expect(page.locator('#field-contact-1')).toContainText('0991-3193615、0991-3193501');

    // The 中级 fee by hand: 0 is refused at the field, 420 kept.
    const fee = page.locator('#field-fee-1');
    await fee.getByText(/^修改/).click();
    const amount = fee.locator('input[placeholder="数字"]');
    await amount.fill('0');
    await fee.getByText('保存', { exact: true }).click();
    await expect(fee.getByText('金额至少1元')).toBeVisible();
    await amount.fill('420');
    await fee.getByText('保存', { exact: true }).click();
    await expect(fee).toContainText('420 元/人');
    await expect(page.locator('.workshop__ok')).toBeVisible();

    // Preview: a test person under the draft beside last year's round.
    await page.getByText('添加测试人员', { exact: true }).click();
    await page.locator('input[placeholder="称呼，如：测试-本科工程师"]').fill('测试-本科工程师');
    await page.getByText('添加并预览', { exact: true }).click();
    const person = page.locator('.workshop__person', { hasText: '测试-本科工程师' });
    await expect(person).toContainText('有变化');
    await expect(person.locator('.workshop__verdict--changed').first()).toContainText('420 元');
    await snap(page, 'workshop-draft', { wholePage: true });

    // At desktop width the notice and the form stand side by side.
    await page.setViewportSize({ width: 1280, height: 900 });
    const [notice, form] = await page.locator('.workshop__column').all();
    expect((await form!.boundingBox())!.x).toBeGreaterThan((await notice!.boundingBox())!.x + 300);
    await snap(page, 'workshop-desktop');
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByText('发布第 1 版', { exact: true }).click();
    await page.locator('.taro__modal').getByText('发布', { exact: true }).click();
    await expect(page.getByText('已发布第 1 版')).toBeVisible();
    await snap(page, 'workshop-published');

    // An applicant of the prefecture finds it open, and its page cites the new notice.
    await switchTo(page, '王建新');
    const card = page.locator('.round-card', { hasText: '2025' }).first();
    await expect(card).toContainText('申报中');
    await card.click();
    await expect(page.getByText(/2025年7月22日/).last()).toBeVisible();
    await snap(page, 'workshop-round-open');
  });
});
