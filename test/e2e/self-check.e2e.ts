import { expect, test, type Page } from '@playwright/test';
import { setRuntimeClock, signInAs, snap } from './support';

/** Taps the option of the question on screen; the flow moves on by itself. */
async function choose(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: label, exact: true }).click();
}

async function next(page: Page): Promise<void> {
  await page.getByText('下一题', { exact: true }).click();
}

test.describe('self-check', () => {
  test('a 2023 full-time bachelor graduate in a 尉犁 unit reads the verdict for the initial determination of a junior title, with its clause', async ({ page }) => {
    // Three days after the 尉犁 round closed (22 October 2024, Beijing time), on the server's clock.
    await setRuntimeClock(page, '2024-10-25T10:00:00+08:00');
    await signInAs(page, '李娜');
    await page.getByText('资格自测', { exact: true }).click();

    await expect(page.getByText('您要参加哪个评审批次？')).toBeVisible();
    await snap(page, 'self-check-round');
    await choose(page, '关于开展2024年度尉犁县初定初级职称工作的通知');

    await expect(page.getByText('您的工作单位是什么性质？')).toBeVisible();
    await expect(page.getByText(/第 1 题 \/ 共 \d+ 题/)).toBeVisible();
    await snap(page, 'self-check-question');
    await choose(page, '事业单位');
    await expect(page.getByText('您是否已经办理退休？')).toBeVisible();
    await choose(page, '否');
    await expect(page.getByText('您是否在巴音郭楞蒙古自治州从事专业技术工作？')).toBeVisible();
    await choose(page, '是');
    await expect(page.getByText('您与现单位签订了劳动合同或聘用合同吗？')).toBeVisible();
    await choose(page, '是');
    await choose(page, '县（市）单位');
    await choose(page, '尉犁县');
    await choose(page, '农艺专业');
    await choose(page, '本科');
    await expect(page.getByText('这个学历是全日制的吗？')).toBeVisible();
    await choose(page, '是');

    // Graduation: the suggestion for a 2024 round is 2023-07-01; step the day to 2023-07-05.
    await expect(page.getByText('您是什么时候毕业的？')).toBeVisible();
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: '日增加' }).click();
    await expect(page.getByText(/^5日$/)).toBeVisible();
    await snap(page, 'self-check-date');
    await next(page);

    await expect(page.getByText('您从什么时候开始从事专业技术工作？')).toBeVisible();
    await next(page); // the suggestion is the graduation date

    await choose(page, '还没有职称');
    await choose(page, '没有，或低于高级工');

    await expect(page.getByText('近三年的年度考核结果是？')).toBeVisible();
    await page.getByRole('radio', { name: '2023年合格' }).click();
    await page.getByRole('radio', { name: '2022年未参加考核' }).click();
    await page.getByRole('radio', { name: '2021年未参加考核' }).click();
    await next(page);

    await expect(page.getByText('这几年的继续教育学时各是多少？')).toBeVisible();
    for (const year of [2024, 2023]) {
      await page.getByLabel(`${year}年公需科目学时`).locator('input').fill('30');
      await page.getByLabel(`${year}年专业科目学时`).locator('input').fill('60');
    }
    await snap(page, 'self-check-hours');
    await next(page);

    // Only the kinds of service the 尉犁 notice mentions are asked about.
    await expect(page.getByText('您是否参加过以下工作？')).toBeVisible();
    await expect(page.getByText('驻村管寺', { exact: true })).toBeVisible();
    await expect(page.getByText('少数民族特培学员', { exact: true })).toHaveCount(0);
    const noes = page.locator('.rows__row [role="radio"][aria-label$="否"]');
    for (let i = 0; i < (await noes.count()); i += 1) await noes.nth(i).click();
    await snap(page, 'self-check-service');
    await next(page);
    await choose(page, '二级甲等');
    await expect(page.getByText('这是您第一次申报职称吗？')).toBeVisible();
    await choose(page, '是');
    await choose(page, '没有');

    // The result: computed on the phone from the answers and the round's rules.
    const offer = page.locator('.offer', { hasText: '初级（助理级） · 初定' });
    await expect(offer).toBeVisible();
    await expect(offer.getByText('助理农艺师')).toBeVisible();
    await expect(offer.locator('.verdict')).toHaveText('可以申报');
    const years = offer.locator('.reason', { hasText: '本科毕业从事专业技术工作满1年才能初定' });
    await expect(years).toContainText('您从2023年7月5日算起');
    await expect(page.getByText('根据您的回答，可以申报 1 项。')).toBeVisible();
    await expect(page.getByText('答案已保存，正式申报时可以直接使用。')).toBeVisible();
    // The round closed at the end of 22 October, Beijing time, by the server's clock (the phone's says 2026).
    await expect(page.getByText(/本批次网上申报已于 2024年10月22日（北京时间）截止/)).toBeVisible();
    await snap(page, 'self-check-result');
    // Not exempt, so the certificates are asked for and the exemption form is not.
    await expect(offer.getByText('继续教育合格证书', { exact: true })).toBeVisible();
    await expect(offer.getByText('继续教育免试审批表')).toHaveCount(0);
    await expect(offer.getByText('网上填写的内容（1 项必备）')).toBeVisible();
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'self-check-result-320');
    // A phone set to a large font: everything 30 % bigger, still no sideways scrolling.
    const leadSize = () => page.locator('.result__lead').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    // Taro's rem script sets the root size again 500 ms after a resize; let it finish first.
    await page.waitForTimeout(600);
    const before = await leadSize();
    await page.evaluate(() => {
      const root = document.documentElement;
      root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 1.3}px`;
    });
    expect(await leadSize()).toBeCloseTo(before * 1.3, 1);
    const overflowLarge = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflowLarge).toBeLessThanOrEqual(0);
    await snap(page, 'self-check-result-320-large-font', { wholePage: false });

    await years.getByRole('button', { name: '查看通知原文第一条' }).click();
    const sheet = page.getByRole('dialog', { name: '通知原文' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByText('《关于开展2024年度尉犁县初定初级职称工作的通知》第 一 条')).toBeVisible();
    await expect(sheet.getByText(/大学本科毕业，从事专业技术工作满 1 年/)).toBeVisible();
    await snap(page, 'self-check-clause');
    await sheet.getByText('知道了').click();
    await expect(sheet).toBeHidden();
  });

  test('the answers survive a reload, and the verdict needs no network once the round is loaded', async ({ page, context }) => {
    await signInAs(page, '李娜');
    await page.getByText('资格自测', { exact: true }).click();
    await choose(page, '关于开展2024年度自治州工程系列生态环境专业中、初级专业技术人员职称评审工作的通知');
    await choose(page, '事业单位');
    await expect(page.getByText('您是否已经办理退休？')).toBeVisible();

    await page.goto('/');
    await expect(page.getByText('继续上次的自测，已答的题目都保存在本机')).toBeVisible();
    await page.getByText('资格自测', { exact: true }).click();
    await page.reload();
    // Back on the same question, from what was saved on the phone.
    await expect(page.getByText('您是否已经办理退休？')).toBeVisible();

    await context.setOffline(true);
    await choose(page, '是');
    // A retiree is told so, with the clause, without any server call.
    await expect(page.locator('.result')).toBeVisible();
    await expect(page.getByText('不符合', { exact: true }).first()).toBeVisible();
    await expect(page.locator('.result').getByText(/退休/).first()).toBeVisible();
    await expect(page.getByText(/暂时连不上服务器，答案已保存在本机/)).toBeVisible();
    await snap(page, 'self-check-offline-retiree');
    await context.setOffline(false);
  });
});
