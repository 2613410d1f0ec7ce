import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { setRuntimeClock, signInAs, snap, switchTo } from './support';
import { HEALTH_NOTICE_2027 } from '../fixtures/health-notice-2027';

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

/** Confirms, one by one, every field carried over that the notice's candidates did not fill. */
async function confirmCarried(page: Page, label: string): Promise<number> {
  const buttons = page.getByText(label, { exact: true });
  let confirmed = 0;
  for (let left = await buttons.count(); left > 0; left = await buttons.count()) {
    await buttons.first().click();
    await expect(buttons).toHaveCount(left - 1);
    confirmed++;
  }
  return confirmed;
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
    // The title, the letterhead and blind review were not in the candidates: each confirmed as unchanged.
    await expect(page.locator('.workshop__check', { hasText: '批次标题：沿用上一版本，尚未与新通知核对' })).toBeVisible();
    expect(await confirmCarried(page, '与新通知一致')).toBe(3);
    await expect(page.locator('#field-issuer')).toContainText('已核对与新通知一致');

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

  test('an HR officer starts 2027年度卫生系列 from nothing, from its notice, and an applicant finds it open', async ({ page }) => {
    // 10:00 Beijing, 10 March 2027: inside the notice's apply window.
    await setRuntimeClock(page, '2027-03-10T10:00:00+08:00');
    await signInAs(page, '买买提江');
    await page.getByText('申报审核', { exact: true }).click();
    await page.getByText('评审批次编制', { exact: true }).click();
    await page.getByText('从空白开始（不复制已有批次）', { exact: true }).click();
    await page.locator('input[placeholder^="批次标题"]').fill('阿克苏地区2027年度卫生系列中级职称评审');
    await page.locator('input[placeholder="年度，如 2026"]').fill('2027');
    await page.getByText('建立空白批次', { exact: true }).click();

    const draft = page.locator('.workshop--draft');
    await expect(draft.locator('.workshop__note').first()).toContainText('从空白开始');
    await expect(page.getByText(/申报系列与级别：尚未添加/)).toBeVisible();
    await snap(page, 'workshop-empty', { wholePage: true });
    await page.locator('textarea[placeholder="粘贴通知全文"]').fill(HEALTH_NOTICE_2027);
    await page.getByText('找出通知中的要点', { exact: true }).click();

    // The series found becomes the round's, with the levels and the conditions' document the officer gives.
    const series = page.locator('.workshop__candidate', { hasText: '新增系列' }).first();
    await expect(series).toContainText('卫生系列');
    await series.getByText('修改后采用', { exact: true }).click();
    await series.locator('.workshop__chip', { hasText: '中级' }).click();
    await series.locator('input[placeholder^="规定申报条件的文件"]').fill('新人社规〔2022〕3号');
    await series.getByText('保存', { exact: true }).click();
    await expect(page.locator('#field-series-health')).toContainText('中级 · 条件见 新人社规〔2022〕3号');
    await decideAll(page);
    await expect(page.locator('#field-window-apply')).toContainText('2027年3月1日 至 2027年3月31日 18:00');
    await expect(page.locator('#field-fee-0')).toContainText('400 元/人');
    await expect(page.locator('#field-contact-0')).toContainText('0997-2129001');

    // What the finder does not read is typed in: the cut-off, the submissions, blind review, the materials.
    const byHand = async (key: string, fill: () => Promise<void>) => {
      const f = page.locator(`#field-${key}`);
      await f.getByText(/^修改/).click();
      await fill();
      await f.getByText('保存', { exact: true }).click();
      await expect(f.locator('.workshop__badge')).toHaveCount(0);
    };
    await byHand('seniority', () => page.locator('#field-seniority input').fill('2026-12-31'));
    await byHand('submissions', () => page.locator('#field-submissions input').fill('1'));
    await byHand('blind', () => page.locator('#field-blind .workshop__chip', { hasText: '隐名评审' }).click());
    expect(await confirmCarried(page, '与通知一致')).toBe(2);
    // Evaluated by the prefecture's engineering committee: its secretary 陈志刚.
    const committee = page.locator('#field-committee');
    await committee.locator('.workshop__chip', { hasText: '陈志刚' }).click();
    await expect(committee.locator('.workshop__chip--on')).toContainText('陈志刚');
    const materials = page.locator('#field-section-materials');
    for (const [name, identity] of [['学历证书', false], ['身份证', true]] as const) {
      await materials.getByText('添加材料', { exact: true }).click();
      await materials.locator('input[placeholder="材料名称，如 学历证书"]').fill(name);
      if (identity) await materials.locator('.workshop__chip', { hasText: '不能看到' }).click();
      await materials.getByText('保存', { exact: true }).click();
      await expect(materials).toContainText(name);
    }
    await expect(materials).toContainText('含身份信息，专家不可见');
    await expect(page.locator('.workshop__ok')).toBeVisible();
    await snap(page, 'workshop-empty-ready', { wholePage: true });

    await page.getByText('发布第 1 版', { exact: true }).click();
    await page.locator('.taro__modal').getByText('发布', { exact: true }).click();
    await expect(page.getByText('已发布第 1 版')).toBeVisible();

    await switchTo(page, '王建新');
    const card = page.locator('.round-card', { hasText: '卫生系列' }).first();
    await expect(card).toContainText('申报中');
    await card.click();
    await expect(page.getByText(/2027年3月1日/).last()).toBeVisible();
    await snap(page, 'workshop-empty-round-open');
  });
});
