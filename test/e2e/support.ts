import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const screenshotDir = path.resolve(__dirname, 'screenshots');

/** Saves a full-page screenshot under test/e2e/screenshots (git-ignored) to look at afterwards. */
export async function snap(page: Page, name: string, options: { wholePage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  if (options.wholePage === false) {
    await page.screenshot({ path: file });
    return file;
  }
  // Taro's H5 pages scroll inside their own container; let it grow for the shot so the whole
  // page is seen, then put it back.
  const unfold = `.taro_router > .taro_page.taro_page_show { position: static !important; height: auto !important; overflow: visible !important; }
    body, html, #app, .taro_router { height: auto !important; overflow: visible !important; }`;
  const style = await page.addStyleTag({ content: unfold });
  await page.screenshot({ path: file, fullPage: true });
  await style.evaluate((node) => (node as Element).remove());
  return file;
}

/**
 * Sets the runtime's clock (dev mode), so a test does not depend on the wall clock; the app takes
 * "now" from the server when it signs in, so set the clock before `signInAs`. null: real time.
 */
export async function setRuntimeClock(page: Page, now: string | null): Promise<void> {
  const response = await page.request.post('/dev/clock', { data: { now } });
  expect(response.ok()).toBe(true);
}

/** Signs in through the app's dev-login page as the seeded person with this name. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('选择一个演示身份')).toBeVisible();
  await snap(page, 'login');
  await page.getByLabel(new RegExp(`^以${name}（`)).click();
  await expect(page.getByText(`您好，${name}`)).toBeVisible();
}
