import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { narrowAndLarge, pickDate, setRuntimeClock, signInAs, smallTapTargets, snap, switchTo } from './support';

/**
 * The committee's evaluation on phones. 王建新 defended in the defense test before this one; the
 * secretary 陈志刚 sets up the water round's meeting, the expert 刘文博 reads his application only as
 * 1号 (blind copies, texts without his name, ID number or unit) and votes; the secretary sees the
 * tally, records 通过 and publishes; 王建新 sees the result. Then the forestry round's meeting with
 * its four seeded 副高级 engineers: four passes are refused above aksu-forestry-2024 四(七)'s 75 %, by one; with
 * one 不通过 the results are published and publicised, and 吐尔洪 sees his.
 */
test.describe('evaluation: blind votes, results within the caps', () => {
  test.setTimeout(240_000);

  test('an expert votes on a blind copy and the secretary publishes the water round’s result', async ({ page }) => {
    await setRuntimeClock(page, '2024-10-10T10:00:00+08:00');
    await signInAs(page, '陈志刚');
    await page.getByText('评审会', { exact: true }).click();
    await expect(page.getByText('还没有评审会', { exact: true })).toBeVisible();
    await page.getByRole('radio', { name: /水利/ }).click();
    await pickDate(page, '2024-10-10', page.getByRole('button', { name: /^评审会日期/ }));
    await page.getByText('安排评审会', { exact: true }).last().dblclick();
    const meeting = page.locator('.meeting');
    await expect(meeting.locator('.committee__item', { hasText: '1号 王建新' })).toContainText('同意 0，不同意 0，弃权 0，未投 2');
    await expect(meeting).toContainText('评审专家：刘文博、古再丽');
    await expect(meeting).toContainText('副高级：评审 1 人，通过 0 人（本批次通知未规定通过率）');
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'meeting-secretary-voting');

    // The expert, on his phone: every reply he receives is read for traces of the applicant.
    await switchTo(page, '刘文博');
    const replies: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/')) void response.text().then((body) => replies.push(body));
    });
    await page.getByText('评审会', { exact: true }).click();
    await page.locator('.committee__entry', { hasText: '2024年10月10日' }).click();
    const panel = page.locator('.meeting');
    await expect(panel.getByText('1号', { exact: true })).toBeVisible();
    await expect(panel).toContainText('副高级 · 水利专业');
    await expect(panel.locator('.meeting__image').first()).toBeVisible();
    await panel.getByRole('radio', { name: '1号的表决：同意' }).dblclick();
    await expect(panel.getByRole('radio', { name: '1号的表决：同意' })).toHaveAttribute('aria-checked', 'true');
    await expect(panel).toContainText('已表决 1 份');
    await snap(page, 'meeting-expert-blind', { wholePage: true });
    const seen = [await page.locator('body').innerText(), ...replies].join('\n');
    for (const trace of ['王建新', '11010519491231002X', '水利水电勘测设计院', '阿克苏地区水利']) expect(seen, `the expert saw ${trace}`).not.toContain(trace);
    // Nor anything that exists to carry identity, not even masked or by name (issue 25, item 5).
    for (const document of ['身份证扫描件', '一寸红底免冠照片', '个人承诺书', '真实性保证书', '推荐单位公示', '公示结果证明', '单位推荐意见']) expect(seen, `the expert was shown ${document}`).not.toContain(document);
    expect(replies.length).toBeGreaterThan(2);
    await narrowAndLarge(page, { lead: '.meeting .committee__heading', lastTap: '.meeting .choice-row__option' }, 'meeting-expert-narrow');

    // The secretary sees the vote, records 通过 and publishes.
    await page.setViewportSize({ width: 390, height: 844 });
    await switchTo(page, '陈志刚');
    await openMeeting(page, /水利/);
    const row = page.locator('.meeting .committee__item', { hasText: '1号 王建新' });
    await expect(row).toContainText('同意 1，不同意 0，弃权 0，未投 1');
    await row.getByRole('radio', { name: /通过$/ }).first().click();
    await expect(row.getByRole('radio', { name: '1号 王建新 的评审结果：通过' })).toHaveAttribute('aria-checked', 'true');
    // One of two experts voted, 同意: the secretary is told before publishing that the votes do not carry it.
    await expect(page.locator('.meeting')).toContainText('1 份有专家还没有投票：1号');
    await expect(page.locator('.meeting')).toContainText('1号 王建新：记录为通过，但同意票 1 张，不到 2 张（2 位专家的三分之二）');
    await publish(page);
    await expect(page.locator('.meeting .committee__badge').first()).toHaveText('结果已发布，待公示');
    await expect(row).toContainText('评审通过，等待公示');

    await switchTo(page, '王建新');
    await page.getByText('我的申报', { exact: true }).click();
    await expect(page.locator('.application-list__item').first()).toContainText('评审通过');
    await page.locator('.application-list__item').first().click();
    await expect(page.locator('.application').first()).toContainText('评审通过，等待公示');
    // Long past applying: the apply deadline is no longer said.
    await expect(page.locator('.application').first()).not.toContainText('网上申报截止');
    await expect(page.locator('.next-steps')).toContainText('评审通过评审委员会将公示通过人员，公示期满无异议后取得资格。');
    await snap(page, 'application-result-passed');
  });

  test('four passes of four 副高级 are refused above the 75 % cap; with one fail they are published and publicised', async ({ page }) => {
    await setRuntimeClock(page, '2024-10-10T10:00:00+08:00');
    await signInAs(page, '陈志刚');
    await page.getByText('评审会', { exact: true }).click();
    await page.getByRole('radio', { name: /林业/ }).click();
    await pickDate(page, '2024-10-10', page.getByRole('button', { name: /^评审会日期/ }));
    await page.getByText('安排评审会', { exact: true }).last().click();
    const meeting = page.locator('.meeting');
    await expect(meeting.locator('.committee__item')).toHaveCount(4);
    for (const [code, name] of [[1, '吐尔洪'], [2, '米娜瓦尔'], [3, '周建国'], [4, '阿不都热合曼']] as const) {
      const radio = meeting.getByRole('radio', { name: `${code}号 ${name} 的评审结果：通过` });
      await radio.click();
      await expect(radio).toHaveAttribute('aria-checked', 'true');
    }
    await expect(meeting.locator('.meeting__over')).toHaveText('超出：副高级：评审 4 人，通过 4 人，最多 3 人（不高于 75%，四(七)）');
    await publish(page);
    await expect(meeting.getByRole('alert')).toContainText('副高级评审了 4 人，通过率不得高于 75%，最多通过 3 人；现在记为通过 4 人，多了 1 人（四(七)）。');
    await snap(page, 'meeting-over-cap');

    await meeting.getByRole('radio', { name: '4号 阿不都热合曼 的评审结果：不通过' }).click();
    await expect(meeting.locator('.meeting__over')).toHaveCount(0);
    await publish(page);
    await expect(meeting.locator('.committee__badge').first()).toHaveText('结果已发布，待公示');
    await pickDate(page, '2024-10-17', page.getByRole('button', { name: /^公示截止日期/ }));
    await page.getByText('开始公示', { exact: true }).dblclick();
    await expect(meeting.locator('.committee__badge').first()).toHaveText('公示中');
    await expect(meeting).toContainText('公示期：2024年10月10日至2024年10月17日');
    await expect(meeting).toContainText('公示期满（2024年10月17日之后）才能确认取得资格。');
    await snap(page, 'meeting-publicised', { wholePage: true });

    // An objection comes in during the publicity: recorded as it came, answered after checking.
    const objections = meeting.locator('.objections');
    await objections.getByRole('radio', { name: '异议针对的人员：1号 吐尔洪' }).click();
    await objections.getByLabel('提出人').locator('input').fill('匿名');
    await objections.getByLabel('异议内容').locator('textarea').fill('反映其业绩中的防护林项目并非本人主持。');
    await objections.getByText('登记异议', { exact: true }).dblclick();
    await expect(objections.locator('.committee__subheading')).toHaveText('异议（1 条）');
    await expect(objections.locator('.committee__item')).toContainText('反映其业绩中的防护林项目并非本人主持。');
    await expect(meeting).toContainText('还有异议没有答复：答复后才能确认取得资格。');
    await objections.getByLabel('1号异议的答复').locator('textarea').fill('经核查项目立项文件，该项目由其本人主持，异议不成立。');
    await objections.getByText('提交答复', { exact: true }).click();
    await expect(objections.locator('.committee__ok')).toHaveText('已答复：经核查项目立项文件，该项目由其本人主持，异议不成立。');
    await expect(meeting).toContainText('公示期满（2024年10月17日之后）才能确认取得资格。');
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'meeting-objection-answered', { wholePage: true });

    // The roster of the round, as Excel: read back, the results in 是否通过.
    await page.goBack();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出：关于开展阿克苏地区林业和草原专业2024年度职称评审及民营企业专项评审工作的通知', { exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('申报人员花名册（关于开展阿克苏地区林业和草原专业2024年度职称评审及民营企业专项评审工作的通知）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows = book.getWorksheet('申报人员花名册')!.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1, 3).concat((r as unknown[])[11]));
    expect(rows).toEqual([
      ['1', '吐尔洪', '是'],
      ['2', '米娜瓦尔', '是'],
      ['3', '周建国', '是'],
      ['4', '阿不都热合曼', '否'],
    ]);
    await expect(page.locator('.export-button__done')).toContainText('共 4 人');

    await switchTo(page, '吐尔洪');
    await page.getByText('我的申报', { exact: true }).click();
    await expect(page.locator('.application-list__item').first()).toContainText('公示中');
  });
});

async function openMeeting(page: Page, round: RegExp): Promise<void> {
  await page.getByText('评审会', { exact: true }).click();
  await page.locator('.committee__entry', { hasText: round }).click();
}

/** 发布评审结果, confirmed in WeChat's modal. */
async function publish(page: Page): Promise<void> {
  await page.locator('.meeting').getByText('发布评审结果', { exact: true }).last().click();
  await page.locator('.taro__modal').getByText('发布', { exact: true }).click();
}
