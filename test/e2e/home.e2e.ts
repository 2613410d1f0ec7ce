import { expect, test } from '@playwright/test';
import { setRuntimeClock, signInAs, snap } from './support';

test.describe('home', () => {
  test('a signed-out visitor is sent to the demo login, signs in as the applicant and sees the home page in Chinese', async ({ page }) => {
    // Inside both 阿克苏 rounds' and the 巴州 round's apply windows, before 尉犁's, after 塔城's.
    await setRuntimeClock(page, '2024-08-26T10:00:00+08:00');
    await signInAs(page, '李娜');

    await expect(page.getByText('申报人 · 尉犁县农业技术推广中心')).toBeVisible();
    await expect(page.getByText('评审批次', { exact: true })).toBeVisible();
    // The seeded rounds come from config/rounds through the store and the rounds function.
    await expect(page.getByText('尉犁县人力资源和社会保障局', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('申报时间：').first()).toBeVisible();
    // Each round's state comes from the server's clock, not the phone's (which says 2026).
    const badge = (title: RegExp) => page.locator('.round-card', { hasText: title }).locator('.badge');
    await expect(badge(/阿克苏地区林业和草原/)).toHaveText('申报中');
    await expect(badge(/工程系列水利专业/)).toHaveText('申报中');
    await expect(badge(/自治州工程系列生态环境/)).toHaveText('申报中');
    await expect(badge(/尉犁县初定初级/)).toHaveText('未开始');
    await expect(badge(/塔城地区/)).toHaveText('已截止');
    await snap(page, 'home-applicant');

    // The page fits a 320 px wide phone without horizontal scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'home-applicant-320');
  });

  test('her own region comes first, and a round opens with its dates, fees, contacts and the notice itself', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-26T10:00:00+08:00');
    await signInAs(page, '李娜');
    // 李娜 works in 巴州: its rounds come before 阿克苏's and 塔城's.
    const titles = await page.locator('.round-card__title').allTextContents();
    const firstOther = titles.findIndex((t) => t.includes('阿克苏') || t.includes('塔城'));
    expect(titles.slice(0, firstOther).every((t) => t.includes('尉犁') || t.includes('自治州'))).toBe(true);
    await expect(page.locator('.round-card').first()).toContainText('您所在地区');

    await page.locator('.round-card', { hasText: /尉犁县初定初级/ }).click();
    const round = page.locator('.round');
    await expect(round.getByText('关于开展2024年度尉犁县初定初级职称工作的通知')).toBeVisible();
    // Every date with its year, in Beijing time.
    await expect(round.getByText(/2024年10月9日 至 2024年10月22日/).first()).toBeVisible();
    await expect(round.getByText('0996-4026290')).toBeVisible();
    await expect(round.getByText('https://bz.xjzcsq.com/bz/index.html')).toBeVisible();
    await snap(page, 'round-yuli');

    await page.getByText('通知原文', { exact: true }).click();
    await expect(page.locator('.round__notice')).toContainText('大学本科毕业，从事专业技术工作满 1 年');
    await snap(page, 'round-yuli-notice', { wholePage: false });

    await page.getByText('用这个批次做资格自测', { exact: true }).click();
    await expect(page.getByText('您的工作单位是什么性质？')).toBeVisible();
  });

  test('each role of the review chain can sign in and is greeted with its role', async ({ page }) => {
    await signInAs(page, '赵磊');
    await expect(page.getByText('单位管理员 · 尉犁县农业技术推广中心')).toBeVisible();
    await page.getByText('切换演示身份').click();
    await page.getByLabel(/^以刘文博（/).click();
    await expect(page.getByText('您好，刘文博')).toBeVisible();
    await expect(page.getByText('评审专家', { exact: true })).toBeVisible();
  });

  test('the dev console signs in as any seeded person with one tap, shows the sent messages and moves the clock', async ({ page }) => {
    await page.goto('/dev');
    await expect(page.getByRole('heading', { name: '职称评审通 · 本地开发控制台' })).toBeVisible();
    // The messages the runtime recorded as sent (the defense and review tests check their rows).
    await expect(page.getByRole('heading', { name: /已发送的订阅消息/ })).toBeVisible();
    await expect(page.locator('#sent')).toBeVisible();
    await page.getByLabel('调到（北京时间）').fill('2024-09-10T09:30');
    await page.getByRole('button', { name: '调整时间' }).click();
    await expect(page.locator('#clock-now')).toContainText('2024年9月10日 09:3');
    await expect(page.locator('#clock-now')).toContainText('已调整');
    await snap(page, 'dev-console');
    await page.getByRole('link', { name: /王建新/ }).click();
    await expect(page.getByText('您好，王建新')).toBeVisible();
    await expect(page.getByText('申报人 · 阿克苏地区水利水电勘测设计院')).toBeVisible();
  });

  test('a failure says what happened: the network, a server fault, or a refusal with the server\'s reason', async ({ page }) => {
    await signInAs(page, '李娜');
    const cases = [
      { answer: 'abort' as const, title: '连不上服务器', text: '网络连接失败。请检查网络后重试。', retry: true },
      { answer: { status: 500, body: { ok: false, code: 'INTERNAL.ERROR', message: '服务器出了点问题，您的操作没有生效。请稍后重试，如仍失败请联系管理员。' } }, title: '服务器出错了', text: '您的操作没有生效', retry: true },
      { answer: { status: 503, body: { ok: false, code: 'SYSTEM.BUSY', message: '系统繁忙，请稍后重试。您的操作没有生效。' } }, title: '系统繁忙', text: '系统繁忙，请稍后重试', retry: true },
      { answer: { status: 403, body: { ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限查看评审批次。请联系所在单位的管理员。' } }, title: '无法查看', text: '您没有权限查看评审批次', retry: false },
    ];
    for (const [index, { answer, title, text, retry }] of cases.entries()) {
      await page.unroute('**/api/rounds');
      await page.route('**/api/rounds', (route) =>
        answer === 'abort' ? route.abort('internetdisconnected') : route.fulfill({ status: answer.status, json: answer.body }),
      );
      await page.reload();
      const alert = page.getByRole('alert');
      await expect(alert.getByText(title, { exact: true })).toBeVisible();
      await expect(alert).toContainText(text);
      await expect(alert.getByText('重试', { exact: true })).toHaveCount(retry ? 1 : 0);
      await snap(page, `home-error-${index}`);
    }
  });
});
