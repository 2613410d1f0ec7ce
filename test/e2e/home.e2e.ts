import { expect, test } from '@playwright/test';
import { signInAs, snap } from './support';

test.describe('home', () => {
  test('a signed-out visitor is sent to the demo login, signs in as the applicant and sees the home page in Chinese', async ({ page }) => {
    await signInAs(page, '李娜');

    await expect(page.getByText('申报人 · 尉犁县农业技术推广中心')).toBeVisible();
    await expect(page.getByText('评审批次', { exact: true })).toBeVisible();
    // The seeded rounds come from config/rounds through the store and the rounds function.
    await expect(page.getByText('尉犁县人力资源和社会保障局', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('申报时间：').first()).toBeVisible();
    await snap(page, 'home-applicant');

    // The page fits a 320 px wide phone without horizontal scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'home-applicant-320');
  });

  test('each role of the review chain can sign in and is greeted with its role', async ({ page }) => {
    await signInAs(page, '赵磊');
    await expect(page.getByText('单位管理员 · 尉犁县农业技术推广中心')).toBeVisible();
    await page.getByText('切换演示身份').click();
    await page.getByLabel(/^以刘文博（/).click();
    await expect(page.getByText('您好，刘文博')).toBeVisible();
    await expect(page.getByText('评审专家', { exact: true })).toBeVisible();
  });

  test('the dev console signs in as any seeded person with one tap and shows the message outbox', async ({ page }) => {
    await page.goto('/dev');
    await expect(page.getByRole('heading', { name: '职称评审通 · 本地开发控制台' })).toBeVisible();
    await expect(page.getByText('还没有发出的订阅消息。')).toBeVisible();
    await snap(page, 'dev-console');
    await page.getByRole('link', { name: /王建新/ }).click();
    await expect(page.getByText('您好，王建新')).toBeVisible();
    await expect(page.getByText('申报人 · 阿克苏地区水利水电勘测设计院')).toBeVisible();
  });
});
