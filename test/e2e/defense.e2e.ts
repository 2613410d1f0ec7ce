import { expect, test } from '@playwright/test';
import { callAsPage, narrowAndLarge, pickDate, runTimers, setRuntimeClock, signInAs, smallTapTargets, snap, switchTo } from './support';
import { uploadUnitDocuments } from './flows';

/**
 * The 10-minute defense (aksu-water-2024 四(一)20) on phones. 王建新's application, submitted by the
 * application test before this one, goes through his unit (李强) and the prefecture's HR bureau
 * (买买提江) to 通过形式审核 (walked on screen by the review test; here through the same functions).
 * He allows the defense reminders; the committee secretary 陈志刚 receives his materials, records
 * the fee, creates a session, schedules and publishes; he sees his slot and confirms; the outbox
 * holds the WeChat message; the day before, the reminder goes out.
 */
test.describe('defense: scheduled, announced and reminded', () => {
  test.setTimeout(240_000);

  test('a senior applicant subscribes, the secretary schedules and publishes, he confirms, and is reminded the day before', async ({ page }) => {
    // Monday 26 August 2024, 10:00 Beijing: the unit's publicity of 19–23 August is over.
    await setRuntimeClock(page, '2024-08-26T10:00:00+08:00');
    await signInAs(page, '王建新');
    const [mine] = await callAsPage<{ id: string; status: string }[]>(page, 'applications', 'mine', {});
    expect(mine?.status).toBe('submitted');
    const id = mine!.id;
    await switchTo(page, '李强');
    await callAsPage(page, 'review', 'recordPublicity', { applicationId: id, from: '2024-08-19', to: '2024-08-23' });
    await uploadUnitDocuments(page, id);
    await callAsPage(page, 'review', 'approve', { applicationId: id, requestId: 'e2e-defense-unit' });
    await switchTo(page, '买买提江');
    await callAsPage(page, 'review', 'approve', { applicationId: id, requestId: 'e2e-defense-prefecture' });

    // He opens his application: it says he defends, and the defense page lets him allow reminders.
    await switchTo(page, '王建新');
    await page.getByText('我的申报', { exact: true }).click();
    await page.locator('.application-list__item').first().click();
    // The fee the notice asks (四(一)21), how and by when.
    await expect(page.locator('.submit__fee')).toContainText('评审费 700 元：请按时缴纳');
    await expect(page.locator('.submit__fee')).toContainText('在阿克苏地区水利局财审室缴纳，2024年9月15日前缴清；未缴纳的不予评审。');
    await snap(page, 'application-fee-due');
    await page.getByText('答辩安排', { exact: true }).click();
    await expect(page.locator('.defense')).toContainText('通过形式审核并缴费后，评审委员会会安排答辩时间并通知您');
    await expect(page.getByText('依据：第 四(二)23 条 ›')).toBeVisible();
    const reminders = page.locator('.defense .reminders');
    await expect(reminders.locator('.reminders__row')).toHaveText([/答辩安排通知\s*未开启/, /答辩提醒\s*未开启/, /答辩变更通知\s*未开启/]);
    await reminders.getByText('接收微信提醒', { exact: true }).click();
    await page.getByText('允许', { exact: true }).click();
    await expect(reminders.locator('.reminders__row')).toHaveText([/答辩安排通知\s*还可提醒 1 次/, /答辩提醒\s*还可提醒 1 次/, /答辩变更通知\s*还可提醒 1 次/]);
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'defense-waiting');

    // The secretary: materials received, fee paid, on his phone.
    await setRuntimeClock(page, '2024-09-02T10:00:00+08:00');
    await switchTo(page, '陈志刚');
    await page.getByText('接收材料与缴费', { exact: true }).click();
    const item = page.locator('.committee__item', { hasText: '王建新' });
    // One tap: the confirmation opens where a second tap of a double tap would land on its 再看看.
    await item.getByText('已接收材料', { exact: true }).click();
    await page.locator('.taro__modal').getByText('已接收', { exact: true }).click();
    await expect(item.locator('.committee__badge')).toHaveText(/已接收材料/);
    await expect(item).toContainText('应缴评审费 700 元');
    // The fee as its receipt says: the amount (the round's to start with), the day, the receipt's number.
    await item.getByText('已缴费', { exact: true }).click();
    await expect(item.getByLabel('缴费金额（元）').locator('input')).toHaveValue('700');
    await expect(item.getByText('请填写收据（票据）号', { exact: true })).toBeVisible();
    await item.getByLabel('收据（票据）号').locator('input').fill('AKS2024-0815');
    await snap(page, 'committee-fee-form');
    await item.getByText('登记缴费', { exact: true }).click();
    await expect(page.locator('.taro__modal')).toContainText('确认王建新已缴清评审费吗？');
    await page.locator('.taro__modal').getByText('确认缴费', { exact: true }).click();
    // Done with both steps, it folds under the round's 已办理.
    const round = page.locator('.committee__card', { hasText: '待办 0 人，已办理 1 人' });
    await expect(round).toContainText('水利');
    await round.getByText('已办理 1 人', { exact: true }).click();
    await expect(item.locator('.committee__badge')).toHaveText(/已缴费/);
    await expect(item).toContainText('已缴 700 元（2024年9月2日，收据号 AKS2024-0815）');
    await snap(page, 'committee-queue');
    await page.goBack();

    // A session on Friday 20 September, 09:30–12:00 with a break, one panel for 水利专业.
    await page.locator('.entry', { hasText: /答辩安排.*水利/ }).click();
    await expect(page.locator('.committee__card').first()).toContainText('需要答辩 1 人（已缴费），已排 0 人');
    await page.getByText('添加答辩场次', { exact: true }).click();
    const form = page.locator('.session-form');
    // Nothing picked: it says what is missing, and nothing is saved.
    await form.getByText('保存场次', { exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('请选择答辩日期。');
    await pickDate(page, '2024-09-20', form.getByRole('button', { name: /^日期/ }));
    await form.getByText('中间休息', { exact: true }).click();
    await form.getByLabel('答辩地点').locator('input').fill('阿克苏地区人社局三楼会议室');
    await form.getByLabel('请携带的物品').locator('input').fill('身份证原件和职称证书原件');
    await snap(page, 'committee-session-form');
    await form.getByText('保存场次', { exact: true }).click();
    await expect(page.locator('.committee__item', { hasText: '9月20日 09:30—12:00（10:30—10:45 休息）' })).toContainText('阿克苏地区人社局三楼会议室 · 第一答辩组 · 13 个时段');

    await page.getByText('按提交时间排', { exact: true }).click();
    const slot = page.locator('.committee__item', { hasText: '王建新' });
    await expect(slot).toContainText('09:30 王建新');
    await expect(slot).toContainText('第一答辩组 · 水利专业');
    await page.getByText('发布并通知申报人', { exact: true }).click();
    await page.locator('.taro__modal').getByText('发布', { exact: true }).click();
    await expect(page.getByText(/^已发布（2024年9月2日 10:00），申报人已收到通知。$/)).toBeVisible();
    await expect(slot.locator('.committee__badge')).toHaveText('未确认');
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'committee-defense-published', { wholePage: true });

    // He sees the slot in Beijing time, with the countdown, and confirms once.
    await switchTo(page, '王建新');
    await page.goto(`/#/apply/pages/defense/index?id=${encodeURIComponent(id)}`);
    await expect(page.locator('.defense__when')).toHaveText('2024年9月20日 09:30');
    await expect(page.locator('.defense__countdown')).toHaveText('还有 17 天 23 小时');
    await expect(page.locator('.defense')).toContainText('阿克苏地区人社局三楼会议室');
    await expect(page.locator('.defense')).toContainText('身份证原件和职称证书原件');
    await page.getByText('确认参加答辩', { exact: true }).dblclick();
    await expect(page.getByText(/^已确认参加（2024年9月2日 10:00）$/)).toBeVisible();
    await expect(page.locator('.defense .reminders__row').first()).toHaveText(/答辩安排通知\s*未开启/);
    await snap(page, 'defense-slot');
    await narrowAndLarge(page, { lead: '.defense__when', lastTap: '.defense .action-button' }, 'defense-slot-320-large-font');
    await page.setViewportSize({ width: 390, height: 844 });

    // The outbox: the WeChat message was sent with its keywords, and the in-app notice written.
    await page.goto('/dev');
    const row = page.locator('#outbox tr', { hasText: '答辩安排' }).first();
    await expect(row).toContainText('已发送微信订阅消息');
    await expect(page.locator('#sent')).toContainText('dev-defense-scheduled');
    await expect(page.locator('#sent')).toContainText('2024年9月20日 09:30');

    // Thursday 19 September, 10:00 Beijing: the day-before reminder goes out, once.
    await setRuntimeClock(page, '2024-09-19T10:00:00+08:00');
    await runTimers(page);
    await runTimers(page);
    await page.goto('/dev');
    await expect(page.locator('#outbox tr', { hasText: '明天答辩' })).toHaveCount(1);
    await expect(page.locator('#outbox tr', { hasText: '明天答辩' })).toContainText('已发送微信订阅消息');
    await snap(page, 'dev-console-defense', { wholePage: true });

    // On the day, 09:40 Beijing: the secretary records his defense as done, on the phone.
    await setRuntimeClock(page, '2024-09-20T09:40:00+08:00');
    await switchTo(page, '陈志刚');
    await page.locator('.entry', { hasText: /答辩安排.*水利/ }).click();
    const onTheDay = page.locator('.committee__item', { hasText: '王建新' });
    await expect(onTheDay.locator('.committee__badge')).toHaveText('已确认参加');
    await onTheDay.getByText('答辩完成', { exact: true }).dblclick();
    await expect(onTheDay.locator('.committee__badge')).toHaveText('已答辩');
    await expect(onTheDay.getByText('调整时段', { exact: true })).toHaveCount(0);
    await snap(page, 'committee-defense-day');
  });
});
