import PizZip from 'pizzip';
import { dispatch, runTimer, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { privateEngineer, yuliGraduate } from '../core/eligibility/people.fixture';
import { answerReturn, completeForSubmit, openHarness, uploadUnitDocuments, type Harness } from './harness';
import { withLatency } from './latency.store';

/**
 * The review chain over the real local adapters: 李娜 (尉犁县农业技术推广中心, a county unit)
 * submits; 赵磊 (her unit) records the publicity and recommends; 马红梅 (尉犁县人社局) and 阿依古丽
 * (巴州人社局) approve to 通过形式审核. Returns, resubmission, the return timer, scopes.
 */
describe('review function', () => {
  let harness: Harness;
  let deps: Deps;
  const applicant: Caller = { openid: 'demo-openid-applicant' };
  const unitAdmin: Caller = { openid: 'demo-openid-unit-admin' };
  const countyHr: Caller = { openid: 'demo-openid-county-hr' };
  const prefectureHr: Caller = { openid: 'demo-openid-prefecture-hr' };
  const otherUnitAdmin: Caller = { openid: 'demo-openid-other-admin' };
  let id = '';
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => (outcome.reply as { data: T }).data;
  type View = { status: string; statusText: string; holderText: string; returnDeadline: string | null; returnReasons: string[]; events: { what: string; who: string; reasons: string[] }[] };
  const appView = async () => data<View>(await call(applicant, 'applications', 'get', { applicationId: id }));
  const inbox = async () => data<{ title: string; body: string }[]>(await call(applicant, 'applications', 'inbox', {}));

  // 10:00 Beijing, Saturday 12 October 2024 (a make-up workday): yuli's apply window is open.
  const submitDay = new Date('2024-10-12T02:00:00Z');

  beforeEach(async () => {
    harness = await openHarness('review', submitDay);
    ({ deps } = harness);
    await deps.store.insert('people', { _id: 'person-other-admin', openid: 'demo-openid-other-admin', name: '王芳', role: 'unit_admin', unitId: 'unit-bazhou-eco', prefecture: '巴音郭楞蒙古自治州', county: null });
    await call(applicant, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    id = data<{ id: string }>(await call(applicant, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).id;
    await completeForSubmit(harness, applicant, 'person-applicant', id);
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0001' })).status).toBe(200);
  });

  afterEach(() => harness.close());

  const publicity = (from: string, to: string) => call(unitAdmin, 'review', 'recordPublicity', { applicationId: id, from, to });

  it('walks a county unit through unit → county → prefecture to 通过形式审核, telling the applicant at each step', async () => {
    const queue = data<{ counts: Record<string, number>; items: { id: string; applicantName: string }[] }>(await call(unitAdmin, 'review', 'queue', { tab: 'pending' }));
    // Done: the demo's three of this unit already recommended.
    expect(queue.counts).toEqual({ pending: 1, returned: 0, done: 3 });
    expect(queue.items).toEqual([expect.objectContaining({ id, applicantName: '李娜' })]);
    // Search by the start of the name.
    expect(data<{ items: unknown[] }>(await call(unitAdmin, 'review', 'queue', { tab: 'pending', search: '李' })).items).toHaveLength(1);
    expect(data<{ items: unknown[] }>(await call(unitAdmin, 'review', 'queue', { tab: 'pending', search: '王' })).items).toHaveLength(0);

    // Not before the unit's publicity: at least 5 working days on Xinjiang's calendar, and over.
    expect((await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' })).reply).toMatchObject({ code: 'REVIEW.REFUSED' });
    // 8–11 October 2024: Tuesday to Friday, 4 working days.
    expect((await publicity('2024-10-08', '2024-10-11')).reply).toMatchObject({ ok: false, message: '2024年10月8日至2024年10月11日只有 4 个工作日，通知要求公示不少于 5 个工作日。' });
    expect((await publicity('2024-10-08', '2042-10-14')).reply).toMatchObject({ ok: false, message: '公示结束日期应在本批次的年度（2024 年）内，2042年10月14日不在。请检查年份。' });
    // 8–14 October: the Saturday 12th was a make-up workday (调休上班), so 6.
    const recorded = data<{ publicityTexts: { attachment: string; text: string }[] }>(await publicity('2024-10-08', '2024-10-14'));
    // 附件2 filled with her data, as the notice words it; no blank left.
    expect(recorded.publicityTexts.find((t) => t.attachment === '附件2')?.text).toBe(
      '李娜同志申报材料于2024年10月8日至2024年10月14日在本单位公示7天，公示无异议，未收到投诉、举报，申报材料真实、完整、有效，同意推荐李娜同志申报农业系列农艺专业初级（助理级）专业技术任职资格。\n\n尉犁县农业技术推广中心（公章）',
    );
    for (const t of recorded.publicityTexts) expect(t.text).not.toMatch(/\{[a-z]+\}/);
    // 附件1's 基本信息 filled from what the product knows (李娜 has not given 族别 and 政治面貌 yet: named, not left blank).
    expect(recorded.publicityTexts.find((t) => t.attachment === '附件1')?.text).toContain('基本信息：女，身份证号');
    expect(recorded.publicityTexts.find((t) => t.attachment === '附件1')?.text).toMatch(/基本信息：.*现任专业技术职务：无；待申报人补充：族别、政治面貌\n/);
    expect((await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' })).reply).toMatchObject({ code: 'REVIEW.REFUSED' });

    // The unit's papers in the notice's order (yuli-initial-junior-2024 五(二)): during the publicity only the 公示 itself.
    const during = data<{ unitDocuments: { code: string; waits: string | null; mayUpload: boolean; template: unknown }[] }>(await call(unitAdmin, 'review', 'get', { applicationId: id }));
    expect(during.unitDocuments.map((d) => [d.code, d.mayUpload, d.waits])).toEqual([
      ['unit_publicity', true, null],
      ['unit_publicity_result', false, '公示2024年10月14日结束，之后才能出具推荐单位公示结果。'],
      ['unit_recommendation', false, '公示2024年10月14日结束，之后才能出具单位推荐意见。'],
    ]);
    expect((await call(unitAdmin, 'documents', 'document', { applicationId: id, template: 'unit_publicity_result' })).reply).toMatchObject({ ok: false, details: ['公示2024年10月14日结束，之后才能出具推荐单位公示结果。'] });
    expect((await call(unitAdmin, 'documents', 'document', { applicationId: id, template: 'unit_publicity' })).reply).toMatchObject({ ok: true });
    // The applicant no longer uploads them, nor is asked to.
    const mine = data<{ problems: { category: string }[] }>(await call(applicant, 'applications', 'get', { applicationId: id }));
    expect(mine.problems.map((p) => p.category)).not.toContain('unit_publicity');

    harness.setNow(new Date('2024-10-15T02:00:00Z'));
    // Over: recommended only with its stamped papers uploaded, each named while missing.
    expect((await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' })).reply).toMatchObject({
      code: 'REVIEW.REFUSED',
      details: ['请先上传单位出具的材料：推荐单位公示、推荐单位公示结果、单位推荐意见。'],
    });
    // The 公示结果 in Word says what the screen says: one wording for the publicity's days.
    const word = data<{ url: string }>(await call(unitAdmin, 'documents', 'document', { applicationId: id, template: 'unit_publicity_result' }));
    const wordText = new PizZip((await harness.files.get(decodeURIComponent(/\/files\/([^?]+)/.exec(word.url)![1]!)))!).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    expect(wordText).toContain('李娜同志申报材料于2024年10月8日至2024年10月14日在本单位公示7天，公示无异议');
    expect(await uploadUnitDocuments(harness, unitAdmin, 'person-unit-admin', id)).toEqual(['unit_publicity', 'unit_publicity_result', 'unit_recommendation']);
    const approved = await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' });
    expect(approved.reply).toMatchObject({ ok: true, data: { application: { status: 'unit_approved' } } });
    expect(data<{ counts: Record<string, number> }>(await call(unitAdmin, 'review', 'queue', { tab: 'done' })).counts).toEqual({ pending: 0, returned: 0, done: 4 });
    expect(data<{ counts: Record<string, number> }>(await call(countyHr, 'review', 'queue', { tab: 'pending' })).counts.pending).toBe(5);
    // The prefecture does not see it as theirs until the county has approved.
    expect(data<{ counts: Record<string, number> }>(await call(prefectureHr, 'review', 'queue', { tab: 'pending' })).counts.pending).toBe(0);
    expect((await call(prefectureHr, 'review', 'approve', { applicationId: id, requestId: 'approve-0002' })).reply).toMatchObject({ code: 'REVIEW.REFUSED' });

    expect((await call(countyHr, 'review', 'approve', { applicationId: id, requestId: 'approve-0003' })).status).toBe(200);
    expect((await call(prefectureHr, 'review', 'approve', { applicationId: id, requestId: 'approve-0004' })).status).toBe(200);

    const view = await appView();
    expect(view).toMatchObject({ status: 'formal_review_passed', statusText: '通过形式审核，等待评审委员会接收材料' });
    expect(view.events.map((e) => `${e.what}/${e.who}`)).toEqual([
      '开始准备申报材料/申报人',
      '提交申报/申报人',
      '审核通过/单位管理员',
      '审核通过/县（市）人社局审核员',
      '审核通过（通过形式审核）/地（州）人社局审核员',
    ]);
    // One notice per step (several share a moment here: the test's clock stands still between them).
    expect((await inbox()).map((n) => n.title).sort()).toEqual(['申报已提交', '审核通过', '审核通过', '通过形式审核'].sort());
  });

  it('returns with reasons and a 48-hour deadline; the applicant fixes and resubmits in time', async () => {
    const returned = await call(unitAdmin, 'review', 'return', {
      applicationId: id,
      requestId: 'return-0001',
      reasons: [{ category: 'education', kind: 'unclear_photo', text: '毕业证看不清' }],
    });
    expect(returned.status).toBe(200);
    const view = await appView();
    expect(view).toMatchObject({ status: 'returned', returnDeadline: '2024-10-14T02:00:00.000Z', holderText: '在您手上：按退回意见修改后重新提交' });
    expect(view.returnReasons).toEqual(['学历学位情况及毕业证书：照片不清晰（毕业证看不清）']);
    const notice = (await inbox()).find((n) => n.title === '申报被退回');
    expect(notice!.body).toContain('请在2024年10月14日 10:00（北京时间）前修改后重新提交，逾期视为放弃申报。');
    expect(data<{ counts: Record<string, number> }>(await call(unitAdmin, 'review', 'queue', { tab: 'returned' })).counts.returned).toBe(1);

    // The applicant may change materials again, and resubmits: the second of three submissions.
    expect((await call(applicant, 'applications', 'saveText', { applicationId: id, category: 'xinjiang_aid', text: '否' })).status).toBe(200);
    harness.setNow(new Date('2024-10-14T01:59:00Z'));
    await answerReturn(harness, applicant, id);
    const again = await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0002' });
    expect(again.reply).toMatchObject({ ok: true, data: { status: 'submitted', submissions: 2, returnDeadline: null } });
  });

  it('refuses a resubmission after the deadline, and the timer marks it abandoned once however often it runs', async () => {
    await call(unitAdmin, 'review', 'return', { applicationId: id, requestId: 'return-0001', reasons: [{ category: 'general', kind: 'other', text: '请补充' }] });
    harness.setNow(new Date('2024-10-14T02:00:01Z'));
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0002' })).reply).toMatchObject({ code: 'APPLICATION.RETURN_OVERDUE' });
    expect((await runTimer(functions, 'review', 'deadlines', deps)).reply).toEqual({ ok: true, data: { changed: 1 } });
    expect((await runTimer(functions, 'review', 'deadlines', deps)).reply).toEqual({ ok: true, data: { changed: 0 } });
    const view = await appView();
    expect(view.status).toBe('abandoned');
    expect(view.events.filter((e) => e.what.startsWith('逾期'))).toEqual([expect.objectContaining({ who: '系统' })]);
    expect((await inbox()).filter((n) => n.title === '视为放弃申报')).toHaveLength(1);
  });

  it('returns after the third submission as 不予受理 (rejected), not returned', async () => {
    for (const n of [1, 2]) {
      await call(unitAdmin, 'review', 'return', { applicationId: id, requestId: `return-000${n}`, reasons: [{ category: 'general', kind: 'incomplete', text: '' }] });
      await answerReturn(harness, applicant, id);
      expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: `submit-100${n}` })).status).toBe(200);
    }
    await call(unitAdmin, 'review', 'return', { applicationId: id, requestId: 'return-0003', reasons: [{ category: 'general', kind: 'incomplete', text: '' }] });
    expect((await appView()).status).toBe('rejected');
  });

  it('keeps every reviewer inside their scope, and identity from the platform only', async () => {
    expect((await call(otherUnitAdmin, 'review', 'get', { applicationId: id })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect(data<{ counts: Record<string, number> }>(await call(otherUnitAdmin, 'review', 'queue', { tab: 'pending' })).counts.pending).toBe(0);
    expect((await call(otherUnitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect((await call(applicant, 'review', 'queue', { tab: 'pending' })).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect((await call({ openid: null }, 'review', 'queue', { tab: 'pending' })).reply).toMatchObject({ code: 'AUTH.NOT_SIGNED_IN' });
    // The unit admin may read the originals of an application in scope; the other unit's admin may not.
    const sha = data<{ files: { sha256: string }[] }>(await call(applicant, 'applications', 'get', { applicationId: id })).files[0]!.sha256;
    expect((await call(unitAdmin, 'applications', 'fileUrl', { applicationId: id, sha256: sha, copy: 'original' })).status).toBe(200);
    expect((await call(otherUnitAdmin, 'applications', 'fileUrl', { applicationId: id, sha256: sha, copy: 'original' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
  });

  it('answers the same request twice as one act, and two reviewers at once with one success', async () => {
    await publicity('2024-10-08', '2024-10-14');
    harness.setNow(new Date('2024-10-15T02:00:00Z'));
    await uploadUnitDocuments(harness, unitAdmin, 'person-unit-admin', id);
    const first = await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' });
    const again = await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect((await appView()).events.filter((e) => e.what === '审核通过')).toHaveLength(1);

    const [a, b] = await Promise.all([
      call(countyHr, 'review', 'approve', { applicationId: id, requestId: 'approve-0002' }),
      call(countyHr, 'review', 'return', { applicationId: id, requestId: 'return-0002', reasons: [{ category: 'general', kind: 'incomplete', text: '' }] }),
    ]);
    // The one that lost is told plainly that the application moved on, not "changed by someone else".
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a.reply, b.reply].find((r) => !r.ok)).toMatchObject({ code: 'REVIEW.WRONG_STATUS' });
  });

  describe('over a store that answers a few milliseconds late, as the cloud database does', () => {
    let slow: Deps;
    const slowCall = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, slow);
    beforeEach(async () => {
      slow = { ...deps, store: withLatency(deps.store, 4) };
      await publicity('2024-10-08', '2024-10-14');
      harness.setNow(new Date('2024-10-15T02:00:00Z'));
      await uploadUnitDocuments(harness, unitAdmin, 'person-unit-admin', id);
    });

    it('answers a double tap (the same request twice at once) as one act, never as "changed by someone else"', async () => {
      const [a, b] = await Promise.all([
        slowCall(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0009' }),
        slowCall(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0009' }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect((await appView()).events.filter((e) => e.what === '审核通过')).toHaveLength(1);
      expect((await inbox()).filter((n) => n.title === '审核通过')).toHaveLength(1);
    });

    it('lets exactly one of two reviewers acting at once succeed, and tells the other plainly', async () => {
      const [a, b] = await Promise.all([
        slowCall(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0010' }),
        slowCall(unitAdmin, 'review', 'return', { applicationId: id, requestId: 'return-0010', reasons: [{ category: 'general', kind: 'incomplete', text: '' }] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect([a.reply, b.reply].find((r) => !r.ok)).toMatchObject({ code: 'REVIEW.WRONG_STATUS', message: '这份申报已经不在这一步了，可能别人刚刚办理过。请刷新后再看。' });
      expect((await appView()).events).toHaveLength(3);
    });
  });
});

/**
 * The private-enterprise channel (aksu-water-2024 二(二)): 经各级公共就业服务机构审核、推荐. 艾合买提 of a
 * private enterprise in 温宿县 submits; his unit recommends; the county's and the prefecture's
 * public employment-service agencies take the steps the HR bureaus take on the other route, and the
 * county HR bureau neither sees nor may act on it.
 */
describe('review function: the employment-service agencies’ route', () => {
  let harness: Harness;
  let deps: Deps;
  const applicant: Caller = { openid: 'demo-openid-private-applicant' };
  const unitAdmin: Caller = { openid: 'demo-openid-private-admin' };
  const countyAgency: Caller = { openid: 'demo-openid-county-agency' };
  const prefectureAgency: Caller = { openid: 'demo-openid-prefecture-agency' };
  const countyHr: Caller = { openid: 'demo-openid-wensu-hr' };
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => (outcome.reply as { data: T }).data;
  const pending = async (caller: Caller) => data<{ counts: Record<string, number> }>(await call(caller, 'review', 'queue', { tab: 'pending' })).counts.pending;

  afterEach(() => harness.close());

  it('goes unit → county agency → prefecture agency to 通过形式审核', async () => {
    // 10:00 Beijing, Monday 12 August 2024: aksu's apply window is open.
    harness = await openHarness('agency-route', new Date('2024-08-12T02:00:00Z'));
    ({ deps } = harness);
    await deps.store.insert('people', { _id: 'person-wensu-hr', openid: 'demo-openid-wensu-hr', name: '吐尔逊', role: 'county_hr', unitId: null, prefecture: '阿克苏地区', county: '温宿县' });
    await call(applicant, 'eligibility', 'saveAnswers', { roundId: 'aksu-water-2024', profile: privateEngineer({ facts: { employer_licence_registered_in_prefecture: true, retired: false } }) });
    const created = await call(applicant, 'applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'private_enterprise_evaluation:deputy_senior' });
    const id = data<{ id: string }>(created).id;
    await completeForSubmit(harness, applicant, 'person-private-applicant', id);
    const submitted = await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0001' });
    expect(submitted.reply).toMatchObject({ ok: true, data: { status: 'submitted' } });

    // 12–16 August: five working days of publicity, recommended on Monday the 19th.
    expect((await call(unitAdmin, 'review', 'recordPublicity', { applicationId: id, from: '2024-08-12', to: '2024-08-16' })).status).toBe(200);
    harness.setNow(new Date('2024-08-19T02:00:00Z'));
    await uploadUnitDocuments(harness, unitAdmin, 'person-private-admin', id);
    expect((await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'approve-0001' })).status).toBe(200);

    const mine = data<{ statusText: string; holderText: string }>(await call(applicant, 'applications', 'get', { applicationId: id }));
    expect(mine).toMatchObject({ statusText: '单位已推荐，等待公共就业服务机构审核', holderText: '在县（市）公共就业服务机构：等待审核' });
    expect(await pending(countyHr)).toBe(0);
    expect((await call(countyHr, 'review', 'approve', { applicationId: id, requestId: 'approve-0002' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect(await pending(countyAgency)).toBe(1);
    expect(await pending(prefectureAgency)).toBe(0);

    const recommended = await call(countyAgency, 'review', 'approve', { applicationId: id, requestId: 'approve-0003' });
    expect(recommended.reply).toMatchObject({ ok: true, data: { application: { status: 'county_approved' } } });
    expect(await pending(prefectureAgency)).toBe(1);
    expect((await call(prefectureAgency, 'review', 'approve', { applicationId: id, requestId: 'approve-0004' })).reply).toMatchObject({ ok: true, data: { application: { status: 'formal_review_passed' } } });

    const view = data<{ events: { what: string; who: string; opinion: string }[] }>(await call(applicant, 'applications', 'get', { applicationId: id }));
    expect(view.events.slice(-2).map((e) => `${e.who}/${e.opinion}`)).toEqual(['县（市）公共就业服务机构审核员/经审核，同意推荐。', '地（州）公共就业服务机构审核员/经审核，同意推荐。']);
  });
});
