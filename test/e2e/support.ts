import { expect, type Locator, type Page } from '@playwright/test';
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

/** The self-check screen is ready for a tap (taps are ignored while it changes, as for a person). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.self-check.self-check--settled')).toBeVisible();
}

/** Taps an option of the question on screen once it is ready; a choice moves on by itself. */
export async function choose(page: Page, label: string): Promise<void> {
  await settled(page);
  await page.getByRole('radio', { name: label, exact: true }).click();
}

/** Taps the primary button (下一题 / 查看结果 / 确定) once the screen is ready. */
export async function next(page: Page, label = '下一题'): Promise<void> {
  await settled(page);
  await page.getByText(label, { exact: true }).click();
}

/**
 * Picks a month (YYYY-MM) in the platform's month picker the way a thumb does: drags each wheel
 * until the wanted year and month sit under the indicator, then taps 确定.
 */
export async function pickMonth(page: Page, month: string, field?: Locator): Promise<void> {
  // The self-check has one month on screen and ignores taps while it changes; elsewhere the field is named.
  if (field) await field.click();
  else {
    await settled(page);
    await page.locator('.month-field').click();
  }
  const [year, mm] = month.split('-') as [string, string];
  await turnWheels(page, [`${year}年`, `${mm}月`]);
}

/** Picks a date (YYYY-MM-DD) in the platform's date picker opened by tapping `field`. */
export async function pickDate(page: Page, date: string, field: Locator): Promise<void> {
  await field.click();
  const [year, mm, dd] = date.split('-') as [string, string, string];
  await turnWheels(page, [`${year}年`, `${mm}月`, `${dd}日`]);
}

/** Picks one item of a selector picker (a list) opened by tapping `field`. */
export async function pickOption(page: Page, item: string, field: Locator): Promise<void> {
  await field.click();
  await turnWheels(page, [item]);
}

/** Drags each wheel of the open picker until its wanted item sits under the indicator, then 确定. */
async function turnWheels(page: Page, wanted: readonly string[]): Promise<void> {
  // The picker's sheet is appended to <body>; only the open one is visible.
  const overlay = page.locator('.weui-picker:visible');
  await expect(overlay).toBeVisible();
  for (let column = 0; column < wanted.length; column += 1) {
    const group = overlay.locator('.weui-picker__group').nth(column);
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const texts = await group.locator('.weui-picker__item').allTextContents();
      const target = texts.indexOf(wanted[column]!);
      expect(target, `${wanted[column]} in the picker`).toBeGreaterThanOrEqual(0);
      const transform = await group.locator('.weui-picker__content').evaluate((node) => getComputedStyle(node).transform);
      // matrix(1, 0, 0, 1, 0, ty): the wheel's offset; 102 px is the indicator's top, 34 px a row.
      const ty = Number(transform.split(',')[5]?.replace(')', '') ?? 0);
      const current = Math.round((ty - 102) / -34);
      if (current === target) break;
      // One swipe moves at most five rows and stays inside the wheel (leaving it ends the drag).
      const rows = Math.max(-5, Math.min(5, current - target));
      const box = (await group.boundingBox())!;
      const x = box.x + box.width / 2;
      const from = rows > 0 ? box.y + 20 : box.y + box.height - 20;
      await page.mouse.move(x, from);
      await page.mouse.down();
      await page.mouse.move(x, from + rows * 34, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(350);
    }
  }
  await overlay.getByText('确定', { exact: true }).click();
  await expect(overlay).toBeHidden();
}

/** How many phone screens the page's content is tall (the viewport's height is one screen). */
export async function screensTall(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((node) => node.getBoundingClientRect().height / window.innerHeight);
}

/**
 * Every visible thing a thumb taps that is smaller than 44 × 44 CSS px (WeChat's and Apple's
 * minimum), described so a failure names it.
 */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = '[role="button"], [role="radio"], .nav-button, .chip, .clause-link, .fold__head, .offer__head, .number-field__input, .specialty__search, .month-field';
    return Array.from(document.querySelectorAll(selector)).flatMap((node) => {
      const box = node.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
      // A node inside a page Taro keeps hidden in its stack is not on screen.
      if (!visible || node.closest('.taro_page:not(.taro_page_show)')) return [];
      return box.height < 44 || box.width < 44 ? [`${node.className || node.getAttribute('role')} "${(node.textContent ?? '').slice(0, 12)}" ${Math.round(box.width)}×${Math.round(box.height)}`] : [];
    });
  });
}

/**
 * Calls a cloud function as the person signed in on the page (the session the app keeps), to
 * arrange what a test does not walk through on screen. The reply's data, or the failed reply.
 */
export async function callAsPage<T>(page: Page, name: string, action: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ name, action, payload }) => {
      const stored = JSON.parse(localStorage.getItem('dev-session-token') ?? '{}') as { data?: string };
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stored.data ?? ''}` },
        body: JSON.stringify({ action, payload }),
      });
      return (await response.json()) as { ok: boolean; data?: unknown };
    },
    { name, action, payload },
  );
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.data as T;
}

/** Signs out (the app's session and clock offset are on the phone) and in again as another person. */
export async function switchTo(page: Page, name: string): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await signInAs(page, name);
}

/** Runs the runtime's timers now (dev mode), as their schedule would after the clock moved. */
export async function runTimers(page: Page): Promise<void> {
  const response = await page.request.post('/dev/timers', { data: {} });
  expect(response.ok()).toBe(true);
}

/**
 * The page at 320 px with the phone's font 30 % larger: the lead text grows with it, nothing
 * scrolls sideways, and the last thing to tap still ends inside the screen. Then a screenshot.
 */
export async function narrowAndLarge(page: Page, selectors: { readonly lead: string; readonly lastTap: string }, name: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 568 });
  // Taro's rem script sets the root size again 500 ms after a resize (later on a busy machine):
  // wait until the root size holds still across 700 ms before changing it.
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await rootSize();
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [700], timeout: 15_000 },
    )
    .toBe(true);
  const leadSize = () => page.locator(selectors.lead).first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  const before = await leadSize();
  await page.evaluate(() => {
    const root = document.documentElement;
    root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 1.3}px`;
  });
  expect(await leadSize()).toBeCloseTo(before * 1.3, 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = (await page.locator(selectors.lastTap).last().boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  await snap(page, name);
}

/** Unfolds a section of the application form (证件与学历 …) if it is folded; the page opens only the first one still to do. */
export async function openSection(page: Page, title: string): Promise<void> {
  const head = page.locator('.taro_page_show .form-section__head', { hasText: title });
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  await expect(head).toHaveAttribute('aria-expanded', 'true');
}
