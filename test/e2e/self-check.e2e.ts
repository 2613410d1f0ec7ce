import { expect, test, type Page } from '@playwright/test';
import { AKSU_WATER, BAZHOU, YULI, seniorSelfCheck, startSelfCheck } from './flows';
import { choose, narrowAndLarge, next, openSection, pickMonth, screensTall, setRuntimeClock, settled, smallTapTargets, snap } from './support';


/** Answers "不确定" to whatever the screen asks, until the result opens. */
async function unsureUntil(page: Page, title: string): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    if (await page.getByText(title, { exact: true }).isVisible()) return;
    await unsureOne(page);
  }
  throw new Error(`never reached: ${title}`);
}

async function unsureToEverything(page: Page): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (await page.locator('.result').isVisible()) return;
    await unsureOne(page);
  }
}

/** Answers "不确定" to the question on screen (a choice's row, or the button beside 下一题). */
async function unsureOne(page: Page): Promise<void> {
  await settled(page);
  const screen = page.locator('.self-check.self-check--settled');
  const choice = screen.locator('.choice--unsure');
  if ((await choice.count()) > 0) return choice.first().click();
  const button = screen.locator('.nav-button', { hasText: '不确定' });
  if ((await button.count()) > 0) return button.click();
  await screen.locator('.nav-button--primary').click();
}

/** The result's height in phone screens, with a screenshot at this size. */
async function measure(page: Page, name: string): Promise<number> {
  await expect(page.locator('.result')).toBeVisible();
  const screens = await screensTall(page, '.result');
  await snap(page, name);
  // Printed for the record (the list reporter shows it): how tall each person's answer is.
  console.log(`${name}: ${screens.toFixed(2)} screens at ${page.viewportSize()?.width} px`);
  return screens;
}


test.describe('self-check, as five real people', () => {
  test('a 2023 本科 graduate in 尉犁 learns on one screen she can apply for 助理农艺师 now, with its clause', async ({ page }) => {
    await setRuntimeClock(page, '2024-10-12T10:00:00+08:00');
    await startSelfCheck(page, '李娜', YULI);
    await snap(page, 'self-check-question');
    // The account knows her unit: 事业单位 is already selected, one tap confirms it.
    await expect(page.getByRole('radio', { name: '事业单位', exact: true })).toHaveAttribute('aria-checked', 'true');
    await choose(page, '事业单位');
    // The 尉犁 notice excludes nobody by retirement, so that is not asked.
    await expect(page.getByText('您是否在巴音郭楞蒙古自治州从事专业技术工作？')).toBeVisible();
    await choose(page, '是');
    await choose(page, '县（市）单位');
    await choose(page, '尉犁县');

    // 43 specialties grouped by series; 农艺 found by typing, not by scrolling.
    await expect(page.getByText('您申报哪个系列、哪个专业？')).toBeVisible();
    await settled(page);
    await page.getByLabel('搜索专业').locator('input').fill('农艺');
    await snap(page, 'self-check-specialty-search');
    await choose(page, '农艺专业');
    await choose(page, '本科');
    await choose(page, '是');

    await expect(page.getByText('您是哪年哪月毕业的？')).toBeVisible();
    await pickMonth(page, '2023-06');
    await expect(page.locator('.month-field')).toContainText('2023年6月');
    await snap(page, 'self-check-month');
    await next(page);
    await expect(page.getByText('您从哪年哪月开始从事专业技术工作？')).toBeVisible();
    await pickMonth(page, '2023-07');
    await next(page);

    await choose(page, '还没有职称');
    await expect(page.getByText('近三年的年度考核结果是？')).toBeVisible();
    await settled(page);
    // She began work in July 2023: only 2023's appraisal is asked, not years before she worked.
    await expect(page.getByRole('radio', { name: '2022年未参加考核' })).toHaveCount(0);
    await page.getByRole('radio', { name: '2023年合格' }).click();
    await next(page);

    await expect(page.getByText('这几年的继续教育学时各是多少？')).toBeVisible();
    await settled(page);
    // "12.5" stays 12.5; "-5" and "999" (a slip for 99) are refused with a message and block moving on.
    const hours = page.getByLabel('2024年公需科目学时').locator('input');
    await hours.fill('-5');
    await expect(page.getByText('不能是负数，请重新填写。')).toBeVisible();
    await hours.fill('999');
    await expect(page.getByText('一年的学时不会超过 500（那相当于 60 多个整天的培训），请检查是否多输了数字。')).toBeVisible();
    await page.getByText('下一题', { exact: true }).click();
    await expect(page.getByText('这几年的继续教育学时各是多少？')).toBeVisible();
    await snap(page, 'self-check-hours-refused');
    await hours.fill('30');
    await page.getByLabel('2024年专业科目学时').locator('input').fill('60');
    await page.getByLabel('2023年公需科目学时').locator('input').fill('32.5');
    await page.getByLabel('2023年专业科目学时').locator('input').fill('60');
    await expect(page.locator('.field-error')).toHaveCount(0);
    expect(await smallTapTargets(page)).toEqual([]);
    await next(page);

    await expect(page.getByText('您是否参加过以下工作？')).toBeVisible();
    await settled(page);
    const noes = page.locator('.rows__row [role="radio"][aria-label$="否"]');
    for (let i = 0; i < (await noes.count()); i += 1) await noes.nth(i).click();
    await next(page, '查看结果');

    // The answer first: the round's state, then what she can apply for; the next step is the app's own.
    await expect(page.locator('.result__state')).toContainText(/^申报中：.+ 截止（北京时间，还剩/);
    await expect(page.locator('.next')).toContainText('点上面的“开始申报”，在本小程序里准备材料并提交');
    await expect(page.locator('.next')).not.toContainText('管理平台');
    const now = page.locator('.answer__block--now');
    await expect(now).toContainText('初级（助理级）（助理农艺师）');
    await expect(now).toContainText('初定');
    await expect(page.getByText('答案已保存到您的账号，开始申报时直接使用。')).toBeVisible();
    // The lower 员级 is folded into the better answer, not a card of its own.
    await expect(page.locator('.offer', { hasText: '员级' })).toHaveCount(0);
    expect(await measure(page, 'self-check-result-graduate')).toBeLessThanOrEqual(3);

    // Details on tap: the reason behind the verdict, with the clause.
    await page.getByText(/判断依据、费用和时间/).click();
    const card = page.locator('.offer', { hasText: '初级（助理级） · 初定' });
    await card.locator('.offer__head').click();
    const years = card.locator('.reason', { hasText: '本科毕业从事专业技术工作满1年才能初定' });
    await expect(years).toContainText('您从2023年7月31日算起');
    await years.getByRole('button', { name: '查看通知原文第一条' }).click();
    const sheet = page.getByRole('dialog', { name: '通知原文' });
    await expect(sheet.getByText(/大学本科毕业，从事专业技术工作满 1 年/)).toBeVisible();
    await snap(page, 'self-check-clause');
    await sheet.getByText('知道了').click();

    // Materials once, in one fold; the 尉犁 round has no blind review, so nothing to mask.
    await page.getByText(/要准备的材料（\d+ 项）/).click();
    await expect(page.getByText('继续教育合格证书', { exact: true })).toBeVisible();
    await expect(page.getByText('继续教育免试审批表')).toHaveCount(0);
    await snap(page, 'self-check-result-graduate-details');
    // Every tap target of the opened result, 依据 links included, is at least 44 px…
    expect(await smallTapTargets(page)).toEqual([]);
    // …and the check does see a link that shrinks.
    const shrink = await page.addStyleTag({ content: '.clause-link { min-height: 0 !important; height: 30px; }' });
    expect((await smallTapTargets(page)).join()).toContain('clause-link');
    await shrink.evaluate((node) => (node as Element).remove());
    await narrowAndLarge(page, { lead: '.answer__heading', lastTap: '.result__again' }, 'self-check-result-graduate-320-large-font');
  });

  test('a 中级 water engineer in Aksu since 2018 learns what to check for 高级工程师, with his own years beside the document', async ({ page }) => {
    await seniorSelfCheck(page);

    const maybe = page.locator('.answer__block--maybe');
    await expect(maybe).toContainText('副高级（高级工程师）');
    await expect(maybe).toContainText('定向评价');
    // His own facts, counted to the round's cut-off, beside the document that decides.
    const confirm = page.locator('.confirm__item', { hasText: '正常晋升所需的学历' });
    await expect(confirm).toContainText('任现职（中级）：2018年12月31日取得，截至2024年12月31日满6年。');
    await expect(confirm).toContainText('从事专业技术工作：2010年8月31日起，截至2024年12月31日满14年。');
    await expect(confirm).toContainText('最高学历：本科');
    // The levels he holds are folded away, and said so.
    await expect(page.getByText('您已有中级职称，初级（员级）至中级不再列出。')).toBeVisible();
    expect(await measure(page, 'self-check-result-senior')).toBeLessThanOrEqual(3);
    await narrowAndLarge(page, { lead: '.answer__heading', lastTap: '.result__again' }, 'self-check-result-senior-320-large-font');
    await page.setViewportSize({ width: 390, height: 664 });

    // 开始申报 opens his application from the saved answers, with the materials' format, masks and
    // clause. (The application, defense and evaluation e2e, earlier in the same runtime, have taken it
    // through to its result, so the deadline a draft shows is asserted in the application e2e.)
    await maybe.getByText('开始申报副高级', { exact: true }).click();
    const application = page.locator('.application');
    await expect(application.getByText('副高级 · 评审 · 定向评价（高级工程师）')).toBeVisible();
    await openSection(page, '证件与学历');
    await expect(application.locator('#category-mandarin_certificate')).toContainText('普通话等级证书');
    await expect(application.getByText('社保缴费证明')).toHaveCount(0);
    await expect(application.locator('.clause-link').first()).toBeVisible();
    await snap(page, 'application-senior');
    expect(await smallTapTargets(page)).toEqual([]);

    await page.goto('/');
    await page.getByText('我的申报', { exact: true }).click();
    await expect(page.locator('.application-list__item', { hasText: '副高级 · 评审 · 定向评价' })).toBeVisible();
    await snap(page, 'applications-senior');
  });

  test('a private-enterprise engineer posted from outside Xinjiang sees the private channel, the posting counted to the last day of applying, and 中级 offered first with its own button', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-24T10:00:00+08:00');
    await startSelfCheck(page, '王建新', AKSU_WATER);
    await choose(page, '民营企业');
    await choose(page, '是');
    await choose(page, '县（市）单位');
    await choose(page, '库车市');
    await settled(page);
    await page.getByLabel('搜索专业').locator('input').fill('水利');
    await choose(page, '水利专业');
    await choose(page, '本科');
    await pickMonth(page, '2016-07');
    await next(page);
    await pickMonth(page, '2016-07');
    await next(page);
    await choose(page, '初级（助理级）');
    await pickMonth(page, '2019-12');
    await next(page);
    await unsureUntil(page, '您单位的营业执照是在本地区注册的吗？');
    await choose(page, '否');
    await expect(page.getByText('您是疆外民营企业派驻到本地区工作的吗？')).toBeVisible();
    await choose(page, '是');
    await expect(page.getByText('您从哪年哪月起连续在本地区工作？')).toBeVisible();
    await pickMonth(page, '2022-03');
    await next(page);
    await unsureToEverything(page);

    const lines = page.locator('.answer');
    await expect(lines).toContainText('民营企业专项评审');
    // He holds 助理级 since 2019 (like 艾合买提): 中级, the level he would apply for next, has its own
    // entry and button, first; 副高级 follows as its own, never hidden in a range.
    const maybe = page.locator('.answer__block--maybe');
    await expect(maybe.getByText('开始申报中级', { exact: true }).first()).toBeVisible();
    expect(await maybe.locator('.answer__level-name').allTextContents()).toEqual([expect.stringMatching(/^中级/), expect.stringMatching(/^副高级/)]);
    expect(await maybe.locator('.action-button').allTextContents()).toEqual(['开始申报中级', '开始申报中级', '开始申报副高级', '开始申报副高级']);
    await expect(lines).not.toContainText('至副高级');
    // Four entries with a button each (two levels × two channels) where a range took two rows: a
    // little over three screens is their price (3.07 measured); more than a quarter screen more is not.
    expect(await measure(page, 'self-check-result-posted')).toBeLessThanOrEqual(3.25);
    await narrowAndLarge(page, { lead: '.answer__heading', lastTap: '.result__again' }, 'self-check-result-posted-320-large-font');
  });

  test('a retiree gets one sentence with its clause, not a card per level', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-30T10:00:00+08:00');
    await startSelfCheck(page, '李娜', BAZHOU);
    await choose(page, '事业单位');
    await choose(page, '是');
    const barred = page.locator('.answer--barred');
    await expect(barred).toContainText('您不能申报本批次');
    await expect(barred).toContainText('退休');
    await expect(barred.getByRole('button', { name: /查看通知原文第/ })).toBeVisible();
    await expect(page.locator('.offer')).toHaveCount(0);
    expect(await measure(page, 'self-check-result-retiree')).toBeLessThanOrEqual(3);
    await narrowAndLarge(page, { lead: '.answer__heading', lastTap: '.result__again' }, 'self-check-result-retiree-320-large-font');
  });

  test('someone unsure of everything learns what to find out, each thing once', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-24T10:00:00+08:00');
    await startSelfCheck(page, '王建新', AKSU_WATER);
    await unsureToEverything(page);
    await expect(page.locator('.answer__block--maybe')).toBeVisible();
    const items = await page.locator('.confirm__what').allTextContents();
    expect(new Set(items).size).toBe(items.length);
    expect(await measure(page, 'self-check-result-unsure')).toBeLessThanOrEqual(5);
    await narrowAndLarge(page, { lead: '.answer__heading', lastTap: '.result__again' }, 'self-check-result-unsure-320-large-font');
  });
});

test.describe('self-check input that cannot go silently wrong', () => {
  test('a double tap answers one question, not the next one too', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-30T10:00:00+08:00');
    await startSelfCheck(page, '李娜', BAZHOU);
    await settled(page);
    await page.getByRole('radio', { name: '事业单位', exact: true }).dblclick();
    await expect(page.getByText('您是否已经办理退休？')).toBeVisible();
    // The second tap landed on 是 of the next screen and was ignored: nothing is answered there.
    await page.waitForTimeout(500);
    await expect(page.getByText('您是否已经办理退休？')).toBeVisible();
    await expect(page.getByRole('radio', { name: '是', exact: true })).toHaveAttribute('aria-checked', 'false');
  });

  test('a double tap on 下一题 moves one question, and an unpicked month is never recorded', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-30T10:00:00+08:00');
    await startSelfCheck(page, '李娜', BAZHOU);
    await choose(page, '事业单位');
    await choose(page, '否');
    await choose(page, '是');
    await choose(page, '县（市）单位');
    await choose(page, '库尔勒市');
    await choose(page, '生态环境专业');
    await choose(page, '本科');
    await expect(page.getByText('您是哪年哪月毕业的？')).toBeVisible();
    // Nothing picked yet: 下一题 says so instead of recording a date the person never saw.
    await settled(page);
    await page.getByText('下一题', { exact: true }).click();
    await expect(page.getByText('请选择年月；记不清可以点“不确定”。')).toBeVisible();
    await expect(page.getByText('您是哪年哪月毕业的？')).toBeVisible();
    await pickMonth(page, '2015-07');
    await settled(page);
    await page.getByText('下一题', { exact: true }).dblclick();
    await expect(page.getByText('您从哪年哪月开始从事专业技术工作？')).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.getByText('您从哪年哪月开始从事专业技术工作？')).toBeVisible();
    // A start of work before graduation is said, and may stand (在职学历).
    await pickMonth(page, '2014-09');
    await expect(page.getByText(/开始从事专业技术工作的时间早于毕业时间（2015年7月）/)).toBeVisible();
    await snap(page, 'self-check-month-warning');
  });

  test('修改回答 opens every answer on one screen; one tap changes one and comes back', async ({ page }) => {
    await setRuntimeClock(page, '2024-08-30T10:00:00+08:00');
    await startSelfCheck(page, '李娜', BAZHOU);
    await choose(page, '事业单位');
    await choose(page, '是');
    await expect(page.locator('.answer--barred')).toBeVisible();
    await page.getByText('修改回答', { exact: true }).click();
    await expect(page.getByText('您的回答', { exact: true })).toBeVisible();
    const retired = page.getByRole('button', { name: '修改：您是否已经办理退休？' });
    await expect(retired).toContainText('是');
    await snap(page, 'self-check-answers');
    await settled(page);
    await retired.click();
    await choose(page, '否');
    // No longer barred: the questions that now apply are asked before going back.
    await expect(page.getByText('您是否在巴音郭楞蒙古自治州从事专业技术工作？')).toBeVisible();
  });
});
