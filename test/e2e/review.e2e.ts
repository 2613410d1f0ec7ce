import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { completeRequired } from './flows';
import { callAsPage, narrowAndLarge, pickDate, pickOption, runTimers, setRuntimeClock, signInAs, smallTapTargets, snap, switchTo } from './support';

/**
 * The review chain on phones: 李娜 (尉犁县农业技术推广中心, a county unit) submits; her unit admin
 * 赵磊 returns it with a reason; she fixes it and resubmits; 赵磊 records the unit's publicity and
 * recommends; 马红梅 (尉犁县人社局) and 阿依古丽 (巴州人社局) approve to 通过形式审核. Then a
 * return left past its 48 hours (古丽娜's, of the same unit) becomes 视为放弃申报.
 */
async function submittedBy(page: Page, name: '李娜' | '古丽娜' | '热娜', idNumber = '11010519491231002X'): Promise<string> {
  await signInAs(page, name);
  await callAsPage(page, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
  const { id } = await callAsPage<{ id: string }>(page, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' });
  await callAsPage(page, 'applications', 'saveIdNumber', { applicationId: id, idNumber });
  await completeRequired(page, id);
  await callAsPage(page, 'applications', 'submit', { applicationId: id, requestId: `submit-${Date.now()}` });
  return id;
}

/** The reviewer opens 申报审核 from the home page and the one application waiting in a tab. */
/** The unit admin photographs one stamped paper of the unit's and uploads it on the review page. */
async function uploadStamped(page: Page, paper: string): Promise<void> {
  const slot = page.locator('.unit-documents .review__material', { has: page.getByText(paper, { exact: true }) });
  const chooser = page.waitForEvent('filechooser');
  await slot.getByText('拍照上传盖章件', { exact: true }).click();
  await (await chooser).setFiles({ name: 'stamped.jpg', mimeType: 'image/jpeg', buffer: await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#fbfaf6' } }).jpeg().toBuffer() });
  await expect(slot.locator('.review__file')).toHaveCount(1, { timeout: 20_000 });
}

/** Answers WeChat's confirmation modal with its confirm button. */
async function confirmModal(page: Page, confirmText: string): Promise<void> {
  await page.locator('.taro__modal').getByText(confirmText, { exact: true }).click();
}

async function openFromQueue(page: Page, tab: '待审核' | '已退回' = '待审核'): Promise<void> {
  await page.getByText('申报审核', { exact: true }).click();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  const item = page.locator('.queue__item', { hasText: '李娜' });
  await expect(item).toBeVisible();
  // Each item says its round: a reviewer in season has several.
  await expect(item).toContainText('关于开展2024年度尉犁县初定初级职称工作的通知');
  await item.click();
  await expect(page.locator('.review__name')).toHaveText('李娜');
}

test.describe('review chain: unit admins and HR reviewers on their phones', () => {
  test.setTimeout(180_000);

  test('returned with a reason, fixed and resubmitted, recommended after the publicity, approved to 通过形式审核', async ({ page }) => {
    // 10:00 Beijing, Saturday 12 October 2024 (a make-up workday); 尉犁's apply window is open.
    await setRuntimeClock(page, '2024-10-12T10:00:00+08:00');
    const applicationId = await submittedBy(page, '李娜');

    // She allows WeChat reminders of the review's steps (the H5 stand-in of WeChat's prompt).
    await page.getByText('我的申报', { exact: true }).click();
    await page.locator('.application-list__item').first().click();
    const reminders = page.locator('.reminders');
    await expect(reminders.locator('.reminders__row')).toHaveText([/材料退回通知\s*未开启/, /审核结果通知\s*未开启/]);
    await reminders.getByText('接收微信提醒', { exact: true }).click();
    await expect(page.getByText('“职称评审通”想给您发送')).toBeVisible();
    await snap(page, 'reminders-prompt');
    await page.getByText('允许', { exact: true }).click();
    await expect(reminders.locator('.reminders__row')).toHaveText([/材料退回通知\s*还可提醒 1 次/, /审核结果通知\s*还可提醒 1 次/]);
    await snap(page, 'reminders-on');

    // 赵磊 finds it waiting, reads it, and returns it: the graduation photo cannot be read.
    await switchTo(page, '赵磊');
    await openFromQueue(page);
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'review-unit-admin');
    const form = page.locator('.reason-form', { hasText: '退回修改' });
    await pickOption(page, '学历学位情况及毕业证书', form.getByRole('button', { name: /^退回的材料/ }));
    await form.getByRole('radio', { name: '照片不清晰' }).click();
    await form.getByLabel('退回说明').locator('input').fill('毕业证照片看不清，请重新拍照');
    await form.getByText('加入退回原因', { exact: true }).click();
    await expect(form.locator('.reason-form__reason')).toContainText('照片不清晰（毕业证照片看不清，请重新拍照）');
    await form.getByText('退回（1 项原因）', { exact: true }).dblclick();
    // What follows is said before it happens: the deadline and the submission count.
    await expect(page.locator('.taro__modal')).toContainText('确定退回李娜的申报吗？退回后要在通知规定的时间内改好并重新提交，逾期视为放弃；已提交 1 次，最多 3 次。');
    // Taro's H5 modal fades in; the picture is taken once it has.
    await page.waitForTimeout(500);
    await snap(page, 'review-return-confirm', { wholePage: false });
    await page.locator('.taro__modal').getByText('退回', { exact: true }).click();
    await expect(page.locator('.review__status')).toHaveText('已退回，请按意见修改后重新提交');

    // 李娜 sees why and by when (48 hours, Beijing time), fixes it and resubmits. The home page leads with it.
    await switchTo(page, '李娜');
    await expect(page.locator('.entry').first()).toHaveClass(/entry--alert/);
    await expect(page.locator('.entry--alert')).toContainText('初级（助理级）申报被退回，请修改后重新提交');
    await expect(page.locator('.entry--alert')).toContainText('截止 2024年10月14日 10:00（北京时间，还剩 4');
    await snap(page, 'home-returned');
    await page.getByText('我的申报', { exact: true }).click();
    // Told in the app (no subscription message yet): what happened, why, by when.
    await expect(page.locator('.inbox__item', { hasText: '申报被退回' })).toContainText('原因：学历学位情况及毕业证书：照片不清晰（毕业证照片看不清，请重新拍照）');
    // The return's deadline leads: in the list, and first on the application (the apply window does not show).
    await expect(page.locator('.application-list__item').first().locator('.application__deadline')).toContainText('请在 2024年10月14日 10:00 前重新提交（北京时间，还剩 4');
    await page.locator('.application-list__item').first().click();
    await expect(page.locator('.application .application__deadline')).toContainText('请在 2024年10月14日 10:00 前修改后重新提交（北京时间，还剩 4');
    await expect(page.locator('.application').getByText(/^网上申报截止/)).toHaveCount(0);
    const returned = page.locator('.application__card--problem', { hasText: '申报被退回' });
    await expect(returned).toContainText('0 / 1 项已处理');
    await expect(returned).toContainText('学历学位情况及毕业证书：照片不清晰（毕业证照片看不清，请重新拍照）');
    // The returned material is marked where it is, with the reason and who returned it.
    const item = page.locator('.application__item', { hasText: '学历学位情况及毕业证书' });
    await expect(item.locator('.return-mark')).toContainText('单位管理员退回：照片不清晰（毕业证照片看不清，请重新拍照）');
    // Unchanged, it cannot be resubmitted: the check lists it first.
    await expect(page.locator('.submit__problem').first()).toContainText('单位管理员退回：照片不清晰');
    await expect(page.locator('.submit .action-button')).toHaveText('还有 1 处要处理');
    // The form opens on the returned material's section.
    await expect(page.locator('#section-certificates .form-section__head')).toHaveAttribute('aria-expanded', 'true');
    await item.locator('.return-mark').scrollIntoViewIfNeeded();
    await snap(page, 'review-returned-applicant');
    expect(await smallTapTargets(page)).toEqual([]);
    await narrowAndLarge(page, { lead: '.application .application__deadline', lastTap: '.submit .action-button' }, 'review-returned-applicant-320-large-font');
    await page.setViewportSize({ width: 390, height: 664 });
    // She removes the photo and takes a clearer one.
    const before = (await callAsPage<{ files: { category: string; sha256: string }[] }>(page, 'applications', 'get', { applicationId: applicationId })).files;
    await item.getByRole('button', { name: '删除第1张' }).click();
    await page.locator('.taro__modal').getByText('删除', { exact: true }).click();
    await expect(item.locator('.upload__file')).toHaveCount(0);
    const chooser = page.waitForEvent('filechooser');
    await item.locator('.upload__add').first().click();
    await (await chooser).setFiles({ name: 'diploma.jpg', mimeType: 'image/jpeg', buffer: await sharp({ create: { width: 900, height: 640, channels: 3, background: '#f7f3ea' } }).jpeg().toBuffer() });
    await expect(item.locator('.upload__file')).toHaveCount(1);
    await item.getByRole('radio', { name: '第1张不需要遮挡' }).click();
    await expect(item.locator('.return-mark')).toContainText('已修改');
    await expect(returned).toContainText('1 / 1 项已处理');
    await page.getByText('修改好了，重新提交', { exact: true }).click();
    await expect(page.locator('.application__status')).toHaveText('已提交，等待单位审核');
    const after = (await callAsPage<{ files: { category: string; sha256: string }[] }>(page, 'applications', 'get', { applicationId: applicationId })).files;
    const diploma = (files: typeof before) => files.filter((f) => f.category === 'education').map((f) => f.sha256);
    expect(diploma(after)).toHaveLength(1);
    expect(diploma(after)).not.toEqual(diploma(before));

    // 赵磊 finds the new photo, marked as changed after his return.
    await switchTo(page, '赵磊');
    await openFromQueue(page);
    const diplomaSeen = page.locator('#material-education');
    await expect(diplomaSeen.locator('.review__answered')).toHaveText('退回后已修改（单位管理员退回：照片不清晰（毕业证照片看不清，请重新拍照））');
    await expect(diplomaSeen.locator('.review__file img')).toHaveCount(1);
    await expect(diplomaSeen.locator('.review__file img')).toHaveAttribute('src', new RegExp(diploma(after)[0]!));
    await snap(page, 'review-unit-admin-after-return');

    // He records the unit's publicity: 8–14 October has 6 working days (the 12th was a make-up day).
    const publicity = page.locator('.publicity-form');
    await pickDate(page, '2024-10-08', publicity.getByRole('button', { name: /^开始日期/ }));
    await pickDate(page, '2024-10-14', publicity.getByRole('button', { name: /^结束日期/ }));
    await publicity.getByText('登记公示日期', { exact: true }).click();
    await expect(publicity).toContainText('共 6 个工作日');
    // The publicity is not over yet: recommending waits.
    await expect(page.getByText('公示结束后才能推荐', { exact: false }).first()).toBeVisible();
    // The unit's papers in the notice's order (yuli-initial-junior-2024 五(二)): the 公示 now, stamped and
    // photographed; its result and the recommendation only once the publicity is over.
    const papers = page.locator('.unit-documents');
    await expect(papers.locator('.review__material', { hasText: '推荐单位公示结果' })).toContainText('公示2024年10月14日结束，之后才能出具推荐单位公示结果。');
    await expect(papers.locator('.review__material', { hasText: '推荐单位公示结果' }).getByText('拍照上传盖章件')).toHaveCount(0);
    await uploadStamped(page, '推荐单位公示（必传）');
    await snap(page, 'review-unit-papers-during-publicity', { wholePage: true });

    // Tuesday 15 October: the result and the recommendation, then he recommends with the unit's standard opinion.
    await setRuntimeClock(page, '2024-10-15T10:00:00+08:00');
    await page.reload();
    await expect(page.getByRole('button', { name: '审核通过' })).toHaveAttribute('aria-disabled', 'true');
    await uploadStamped(page, '推荐单位公示结果（必传）');
    await uploadStamped(page, '单位推荐意见（必传）');
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'review-unit-papers-uploaded', { wholePage: true });
    await expect(page.getByLabel('审核意见').locator('textarea')).toHaveValue(/本单位已对提供的申报材料逐一审核/);
    await page.getByRole('button', { name: '审核通过' }).dblclick();
    await confirmModal(page, '确定通过');
    await expect(page.locator('.review__status')).toHaveText('单位已推荐，等待人社部门审核');
    await snap(page, 'review-unit-approved');

    // 尉犁县人社局, then 巴州人社局 (通过形式审核).
    await switchTo(page, '马红梅');
    await openFromQueue(page);
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirmModal(page, '确定通过');
    await expect(page.locator('.review__status')).toHaveText('县（市）人社局已审核，等待地（州）人社局审核');
    await switchTo(page, '阿依古丽');
    await openFromQueue(page);
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirmModal(page, '确定通过');
    await expect(page.locator('.review__status')).toHaveText('通过形式审核，等待评审委员会接收材料');

    // 李娜 sees it, with every step on her timeline.
    await switchTo(page, '李娜');
    await page.getByText('我的申报', { exact: true }).click();
    await page.locator('.application-list__item').first().click();
    await expect(page.locator('.application__status')).toHaveText('通过形式审核，等待评审委员会接收材料');
    await expect(page.locator('.timeline__what')).toHaveText(['审核通过（通过形式审核）', '审核通过', '审核通过', '修改后重新提交', '退回修改', '提交申报', '开始准备申报材料']);
    await snap(page, 'review-formal-review-passed');

    // The dev console's outbox: each message written with its step. The return and the unit's
    // approval went to WeChat (one reminder each); later steps, with none left, in the app only.
    await page.goto('/dev');
    const returnRow = page.locator('#outbox tr', { hasText: '申报被退回' }).first();
    await expect(returnRow).toContainText('已发送微信订阅消息');
    await expect(returnRow.locator('.notice-card')).toContainText('材料退回通知');
    await expect(returnRow.locator('.notice-card')).toContainText('2024年10月14日 10:00');
    await expect(page.locator('#outbox tr', { hasText: '通过形式审核' }).first()).toContainText('未发订阅消息，改为站内通知（no_credit）');
    await snap(page, 'dev-console-outbox', { wholePage: true });
  });

  test('a return left past its 48 hours becomes 视为放弃申报, told to the applicant', async ({ page }) => {
    await setRuntimeClock(page, '2024-10-16T10:00:00+08:00');
    const id = await submittedBy(page, '古丽娜');
    await switchTo(page, '赵磊');
    await callAsPage(page, 'review', 'return', { applicationId: id, requestId: `return-${Date.now()}`, reasons: [{ category: 'general', kind: 'incomplete', text: '' }] });
    await setRuntimeClock(page, '2024-10-18T11:00:00+08:00');
    await runTimers(page);
    await switchTo(page, '古丽娜');
    await page.getByText('我的申报', { exact: true }).click();
    await expect(page.locator('.application-list__item').first()).toContainText('逾期未重新提交，视为放弃申报');
    await snap(page, 'review-abandoned');
  });

  test('at volume: the county filters to one unit, checks what was declared beside the materials, returns one for a single material, approves three at once; the unit exports its roster', async ({ page }) => {
    await setRuntimeClock(page, '2024-10-12T10:00:00+08:00');
    const applicationId = await submittedBy(page, '热娜', '652823199506150025');
    // 热娜's unit recommends her (its pages are walked in the test above): publicity, stamped papers, approval.
    await switchTo(page, '赵磊');
    await callAsPage(page, 'review', 'recordPublicity', { applicationId, from: '2024-10-08', to: '2024-10-14' });
    await setRuntimeClock(page, '2024-10-15T10:00:00+08:00');
    await page.getByText('申报审核', { exact: true }).click();
    await page.locator('.queue__item', { hasText: '热娜' }).click();
    await expect(page.locator('.review__name')).toHaveText('热娜');
    for (const paper of ['推荐单位公示（必传）', '推荐单位公示结果（必传）', '单位推荐意见（必传）']) await uploadStamped(page, paper);
    await callAsPage(page, 'review', 'approve', { applicationId, requestId: `approve-${Date.now()}` });

    // 马红梅 (尉犁县人社局): five wait for her, from two units; she narrows to 热娜's unit.
    await switchTo(page, '马红梅');
    await page.getByText('申报审核', { exact: true }).click();
    await expect(page.getByRole('tab', { name: /^待审核/ })).toHaveText('待审核（5）');
    await pickOption(page, '尉犁县农业技术推广中心', page.getByRole('button', { name: /^单位：/ }));
    await expect(page.getByRole('tab', { name: /^待审核/ })).toHaveText('待审核（4）');
    await expect(page.locator('.queue__item .queue__name')).toHaveCount(4);
    await expect(page.locator('.queue__item', { hasText: '张丽' })).toHaveCount(0);
    await expect(page.locator('.queue__total')).toHaveText('共 4 份，勾选后可批量审核通过');
    // Search as typed, by the ID number's last digits, no Enter needed.
    await page.getByLabel('搜索姓名或身份证号后几位').locator('input').fill('0025');
    await expect(page.locator('.queue__item .queue__name')).toHaveText(['热娜']);
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'review-queue-filtered');

    // What she declared, above the materials; each fact beside the material that proves it.
    await page.locator('.queue__item', { hasText: '热娜' }).click();
    const declared = page.locator('.declared');
    await expect(declared.locator('.declared__row', { hasText: '学历' })).toContainText(/本科.*毕业/);
    await expect(declared.locator('.declared__row', { hasText: '学历' })).toContainText('见材料：学历学位情况及毕业证书 ›');
    await expect(declared.locator('.declared__row', { hasText: '单位公示' })).toContainText('2024年10月8日至2024年10月14日，6 个工作日');
    await expect(declared.locator('.declared__row', { hasText: '自查结论' })).toContainText('符合申报条件');
    const diploma = page.locator('#material-education');
    await expect(diploma.locator('.review__declared')).toContainText(/申报填写 · 学历：本科.*毕业/);
    await expect(diploma.locator('.review__file img')).toHaveCount(1);
    expect(await smallTapTargets(page)).toEqual([]);
    await snap(page, 'review-declared-facts');

    // She returns it for that one material, from where it is.
    await diploma.getByText('退回此项', { exact: true }).click();
    const form = page.locator('.reason-form', { hasText: '退回修改' });
    await expect(form.getByRole('button', { name: /^退回的材料/ })).toContainText('学历学位情况及毕业证书');
    await form.getByRole('radio', { name: '照片不清晰' }).click();
    await form.getByText('加入退回原因', { exact: true }).click();
    await form.getByText('退回（1 项原因）', { exact: true }).click();
    await confirmModal(page, '退回');
    await expect(page.locator('.review__status')).toHaveText('已退回，请按意见修改后重新提交');

    // Back in the queue (still one unit), she ticks the other three and approves them at once.
    await page.goBack();
    await page.getByLabel('搜索姓名或身份证号后几位').locator('input').fill('');
    await expect(page.locator('.queue__item .queue__name')).toHaveCount(3);
    for (const name of ['阿力木', '王秀英', '买合木提']) await page.getByRole('checkbox', { name: `选择${name}` }).click();
    await expect(page.locator('.batch-bar__count')).toHaveText('已选 3 份');
    await page.getByText('审核通过所选 3 份', { exact: true }).dblclick();
    await expect(page.locator('.taro__modal')).toContainText('确定审核通过以下 3 份申报吗？');
    await expect(page.locator('.taro__modal')).toContainText('阿力木');
    await page.waitForTimeout(500);
    await snap(page, 'review-batch-confirm', { wholePage: false });
    await confirmModal(page, '确定通过');
    await expect(page.locator('.batch-result')).toContainText('已审核通过 3 份');
    await expect(page.getByRole('tab', { name: /^待审核/ })).toHaveText('待审核（0）');
    // Taro's H5 modal fades out; the picture is taken once it has.
    await page.waitForTimeout(500);
    await snap(page, 'review-batch-done');
    // Each its own step: the three now wait for the prefecture.
    for (const person of ['person-yuli-3', 'person-yuli-4', 'person-yuli-5']) {
      const view = await callAsPage<{ application: { status: string } }>(page, 'review', 'get', { applicationId: `${person}:yuli-initial-junior-2024:initial_junior:junior_assistant` });
      expect(view.application.status).toBe('county_approved');
    }

    // 赵磊 exports his unit's roster of the round from his queue.
    await switchTo(page, '赵磊');
    await page.getByText('申报审核', { exact: true }).click();
    await expect(page.getByText('选择批次后，可在这里导出本单位该批次的花名册。')).toBeVisible();
    await pickOption(page, '关于开展2024年度尉犁县初定初级职称工作的通知', page.getByRole('button', { name: /^批次：/ }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出本单位花名册（Excel）', { exact: true }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const names = book.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.filter((c) => typeof c === 'string') : []));
    expect(names).toEqual(expect.arrayContaining(['热娜', '阿力木', '王秀英', '买合木提']));
    await expect(page.locator('.export-button__done')).toContainText('人');
    await snap(page, 'review-queue-roster');
  });
});
