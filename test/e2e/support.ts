import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const screenshotDir = path.resolve(__dirname, 'screenshots');

/** Saves a full-page screenshot under test/e2e/screenshots (git-ignored) to look at afterwards. */
export async function snap(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the app's dev-login page as the seeded person with this name. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('选择一个演示身份')).toBeVisible();
  await snap(page, 'login');
  await page.getByLabel(new RegExp(`^以${name}（`)).click();
  await expect(page.getByText(`您好，${name}`)).toBeVisible();
}
