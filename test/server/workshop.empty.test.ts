import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import type { DraftView, WorkshopView } from '../../src/core/contracts/views';
import { assess } from '../../src/core/eligibility/assess';
import { Round } from '../../src/core/round/round.schema';
import { aksuEmployee } from '../core/eligibility/people.fixture';
import { HEALTH_NOTICE_2027 } from '../fixtures/health-notice-2027';
import { completeForSubmit, openHarness, type Harness } from './harness';

const aksuHr: Caller = { openid: 'demo-openid-aksu-hr' };
const bazhouHr: Caller = { openid: 'demo-openid-prefecture-hr' };
const yuliHr: Caller = { openid: 'demo-openid-county-hr' };
const secretary: Caller = { openid: 'demo-openid-secretary' };
const applicant: Caller = { openid: 'demo-openid-applicant' };

describe('a round started from nothing in the workshop', () => {
  let harness: Harness;
  let deps: Deps;
  const call = (caller: Caller, action: string, payload: unknown) => dispatch(functions, 'rounds', { action, payload }, caller, deps);
  const reply = async (caller: Caller, action: string, payload: unknown) => (await call(caller, action, payload)).reply as unknown as { ok: boolean; code?: string; details?: string[]; data: unknown };
  const data = async <T>(caller: Caller, action: string, payload: unknown): Promise<T> => {
    const r = await reply(caller, action, payload);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.data as T;
  };
  beforeEach(async () => {
    // 10:00 Beijing, 7 December 2026: next year's round is being prepared.
    harness = await openHarness('workshop-empty', new Date('2026-12-07T02:00:00Z'));
    ({ deps } = harness);
  });
  afterEach(() => harness.close());

  it('is begun by an HR bureau for its own region only, and refuses a secretary and a year far off', async () => {
    const county = await data<DraftView>(yuliHr, 'draftCreateEmpty', { title: '尉犁县2027年度初定初级职称', year: 2027 });
    expect(county).toMatchObject({ kind: 'empty', basedOn: null, version: 1, year: 2027 });
    expect(county.roundId).toMatch(/^yuli-n[a-z0-9]+-2027$/);
    expect(county.sections.find((s) => s.id === 'basics')!.fields.find((f) => f.key === 'issuer')!.value).toBe('尉犁县人力资源和社会保障局');
    // Another office can neither read nor change it, whatever the payload names.
    expect(await reply(bazhouHr, 'draft', { draftId: county.id })).toMatchObject({ code: 'WORKSHOP.NOT_ISSUER' });
    expect(await reply(aksuHr, 'draftEdit', { draftId: county.id, edit: { field: 'title', title: '阿克苏地区改写的标题' } })).toMatchObject({ code: 'WORKSHOP.NOT_ISSUER' });
    expect(await reply(secretary, 'draftCreateEmpty', { title: '2027年度评审', year: 2027 })).toMatchObject({ code: 'REVIEW.REFUSED' });
    expect((await reply(aksuHr, 'draftCreateEmpty', { title: '2030年度评审', year: 2030 })).details!.join()).toContain('2025 至 2027');
    expect((await reply(aksuHr, 'draftCreateEmpty', { title: '评审', year: 2027 })).details!.join()).toContain('标题至少4个字');
    const listed = await data<WorkshopView>(yuliHr, 'workshop', {});
    expect(listed).toMatchObject({ canStartEmpty: true, drafts: [{ id: county.id, kind: 'empty' }] });
    expect((await data<WorkshopView>(secretary, 'workshop', {})).canStartEmpty).toBe(false);
  });

  it('takes series, windows, fees, contacts and materials from the notice and by hand, and publishes a round applicants check themselves against, apply in and submit to their unit', async () => {
    let draft = await data<DraftView>(aksuHr, 'draftCreateEmpty', { title: '阿克苏地区2027年度卫生系列中级职称评审', year: 2027 });
    const open = () => draft.checks.map((c) => c.target);
    expect(open()).toEqual(expect.arrayContaining(['issuedOn', 'window:apply', 'seniority', 'submissions', 'publicity', 'blind', 'section:series', 'section:contacts', 'section:materials', 'notice']));
    expect(draft.checks.find((c) => c.target === 'section:series')!.message).toContain('尚未添加');
    // Nothing to publish yet: refused with every open check.
    const early = await reply(aksuHr, 'publish', { draftId: draft.id });
    expect(early.code).toBe('REVIEW.REFUSED');
    expect(early.details!.join('\n')).toMatch(/申报系列与级别：尚未添加/);

    // A draft: applicants do not see it.
    expect((await data<{ id: string }[]>(applicant, 'list', {})).map((r) => r.id)).not.toContain(draft.roundId);
    draft = await data<DraftView>(aksuHr, 'draftNotice', { draftId: draft.id, text: HEALTH_NOTICE_2027 });
    const find = (kind: string, text: string) => draft.candidates.find((c) => c.kindLabel === kind && c.summary.includes(text))!;
    // A series found is a new one here: its levels and conditions' document are the officer's to give.
    const series = find('系列', '卫生系列');
    expect(series).toMatchObject({ target: 'series:new', targetLabel: '新增系列', proposed: { field: 'addSeries', name: '卫生系列', levels: [] } });
    const noLevels = await reply(aksuHr, 'draftDecide', { draftId: draft.id, candidateId: series.id, decision: 'accept' });
    expect(noLevels.details!.join()).toContain('至少选择一个级别');
    draft = await data<DraftView>(aksuHr, 'draftDecide', {
      draftId: draft.id,
      candidateId: series.id,
      decision: 'accept',
      edit: { field: 'addSeries', name: '卫生系列', levels: ['intermediate'], conditions: '《新疆维吾尔自治区卫生系列专业技术人员职称评价条件》（新人社规〔2022〕3号）' },
    });
    // The other places the series is named are the same series: only to check.
    for (const c of draft.candidates.filter((c) => c.decision === 'pending' && c.kindLabel === '系列')) {
      expect(c).toMatchObject({ target: null, onlyToCheck: expect.stringContaining('已有这个系列') });
    }
    // Windows the round has no place for yet become new ones; a fee and a phone likewise.
    expect(find('时间', '2027年4月1日')).toMatchObject({ target: 'window:new', proposed: { field: 'addWindow', kind: 'review' } });
    expect(find('收费', '400')).toMatchObject({ target: 'fee:new', proposed: { field: 'addFee', levels: ['intermediate'], way: 'evaluation', yuan: 400 } });
    expect(find('电话', '0997-2129001')).toMatchObject({ target: 'contact:new', proposed: { field: 'addContact', role: '人社局专业技术人员管理科', phones: ['0997-2129001'] } });
    for (const c of draft.candidates.filter((c) => c.decision === 'pending')) {
      draft = await data<DraftView>(aksuHr, 'draftDecide', { draftId: draft.id, candidateId: c.id, decision: c.target ? 'accept' : 'dismiss' });
    }
    const field = (key: string) => draft.sections.flatMap((s) => s.fields).find((f) => f.key === key);
    expect(field('series:health')).toMatchObject({ label: '申报系列 · 卫生系列', value: expect.stringContaining('中级 · 条件见'), removable: true, clause: '卫生系列' });
    expect(field('window:apply')).toMatchObject({ value: '2027年3月1日 至 2027年3月31日 18:00', toFill: false });
    expect(field('window:review')).toMatchObject({ label: '审核', value: '2027年4月1日 至 2027年4月10日', removable: true });
    expect(field('fee:0')).toMatchObject({ value: '400 元/人', removable: true });
    expect(field('contact:0')).toMatchObject({ value: '0997-2129001' });
    expect(field('issuedOn')).toMatchObject({ value: '2027年2月10日', toFill: false });
    expect(field('publicity')).toMatchObject({ value: '不少于 5 个工作日', toFill: false });

    // What the notice says in words the finder does not read is typed by hand.
    const edit = async (e: object) => (draft = await data<DraftView>(aksuHr, 'draftEdit', { draftId: draft.id, edit: e }));
    await edit({ field: 'seniority', date: '2026-12-31' });
    await edit({ field: 'submissions', count: 1 });
    await edit({ field: 'blind', on: true });
    // The office's name stands in for the letterhead until checked against it.
    expect(draft.checks.find((c) => c.target === 'issuer')!.message).toBe('发文单位：尚未与通知核对（采用通知中的内容、修改，或确认与通知一致）');
    await edit({ field: 'confirm', key: 'issuer' });
    // The notice sets no time limit after a return: confirmed as such.
    expect(field('resubmit')).toMatchObject({ value: '通知未规定', unchecked: true });
    await edit({ field: 'confirm', key: 'resubmit' });
    // The committee that evaluates it: one of the prefecture's, nobody else's.
    expect(draft.committee).toEqual({ options: [{ id: 'person-secretary', name: '陈志刚', note: expect.stringContaining('评委会秘书') }], chosen: null });
    expect((await reply(aksuHr, 'draftEdit', { draftId: draft.id, edit: { field: 'committee', secretaryId: 'person-prefecture-hr' } })).details!.join()).toContain('请从本地区的评审委员会中选择');
    await edit({ field: 'committee', secretaryId: 'person-secretary' });
    expect(draft.committee!.chosen).toBe('person-secretary');
    await edit({ field: 'addMaterial', name: '学历证书', required: 'always', stage: 'online', identity: false });
    await edit({ field: 'addMaterial', name: '身份证', required: 'always', stage: 'online', identity: true });
    await edit({ field: 'addMaterial', name: '专业技术资格证书', required: 'if_any', stage: 'online', identity: false });
    expect(field('material:m2')).toMatchObject({ value: '必须提交 · 网上上传 · 含身份信息，专家不可见', byHand: true });
    // Bad input is refused with the field's words and changes nothing.
    const before = JSON.stringify(draft.sections);
    expect((await reply(aksuHr, 'draftEdit', { draftId: draft.id, edit: { field: 'addFee', levels: [], way: 'evaluation', yuan: 300 } })).details!.join()).toContain('至少选择一个级别');
    expect((await reply(aksuHr, 'draftEdit', { draftId: draft.id, edit: { field: 'addContact', role: '咨询', phones: ['2129001'] } })).details!.join()).toContain('区号');
    expect(JSON.stringify((await data<DraftView>(aksuHr, 'draft', { draftId: draft.id })).sections)).toBe(before);
    // A second contact added and taken out again; the first keeps its number and its clause.
    await edit({ field: 'addContact', role: '平台技术服务', phones: ['0991-3193615'] });
    expect(field('contact:1')).toMatchObject({ value: '0991-3193615', removable: true });
    await edit({ field: 'remove', key: 'contact:0' });
    expect(field('contact:0')).toMatchObject({ label: '联系方式 · 平台技术服务', value: '0991-3193615', byHand: true });
    expect(field('contact:1')).toBeUndefined();
    await edit({ field: 'addContact', role: '政策咨询', phones: ['0997-2129001'] });
    // What came with the round itself is not removed here.
    expect((await reply(aksuHr, 'draftEdit', { draftId: draft.id, edit: { field: 'remove', key: 'window:apply' } })).details!.join()).toContain('只能删除本次添加的项目');

    expect(draft.checks).toEqual([]);
    const published = await data<{ roundId: string; version: number }>(aksuHr, 'publish', { draftId: draft.id });
    expect(published).toEqual({ roundId: draft.roundId, version: 1, told: 0, toTell: 0 });

    // Its committee's secretary serves it now.
    const me = (await dispatch(functions, 'account', { action: 'me', payload: {} }, secretary, deps)).reply as unknown as { data: { committeeRounds: { id: string }[] } };
    expect(me.data.committeeRounds.map((r) => r.id)).toContain(draft.roundId);
    // Applicants see it, and the self-check reads it: the series' conditions are the document's, named.
    expect((await data<{ id: string }[]>(applicant, 'list', {})).map((r) => r.id)).toContain(draft.roundId);
    const round = Round.parse(await data(applicant, 'get', { roundId: draft.roundId }));
    expect(round).toMatchObject({ region: { prefecture: '阿克苏地区' }, issuer: { name: '阿克苏地区人力资源和社会保障局' }, publication: { version: 1, allFrom: 1 } });
    expect(round.publication?.copiedFrom).toBeUndefined();
    expect(round.materials.categories.map((c) => [c.name, c.experts ?? 'blind'])).toEqual([['学历证书', 'blind'], ['身份证', 'never'], ['专业技术资格证书', 'blind']]);
    expect(round.windows.find((w) => w.id === 'apply')!.source.quote).toBe('2027年3月1日至3月31日18:00');
    const nurse = aksuEmployee({ series: 'health', specialty: undefined, currentTitle: { level: 'junior_assistant', obtainedOn: '2020-12-01' } });
    const inside = assess(nurse, round, new Date('2027-03-10T02:00:00Z'));
    const intermediate = inside.offers.find((o) => o.level === 'intermediate')!;
    expect(intermediate.reasons.find((r) => r.code === 'EXTERNAL.YEARS_AT_CURRENT_LEVEL')).toMatchObject({ outcome: 'cannot_judge', message: expect.stringContaining('新人社规〔2022〕3号') });
    expect(intermediate.reasons.find((r) => r.code === 'WINDOW.APPLY')!.message).toContain('现在可以申报');
    expect(intermediate.verdict).toBe('eligible_if');
    // Before the window opens the self-check says so.
    const beforeOpen = assess(nurse, round, new Date('2027-02-20T02:00:00Z')).offers.find((o) => o.level === 'intermediate')!;
    expect(beforeOpen.reasons.find((r) => r.code === 'WINDOW.APPLY')!.message).not.toContain('现在可以申报');

    // 王建新 applies in it, inside the window: his checklist is the materials the officer listed.
    harness.setNow(new Date('2027-03-10T02:00:00Z'));
    const senior: Caller = { openid: 'demo-openid-senior' };
    const call2 = (fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, senior, deps);
    expect((await call2('eligibility', 'saveAnswers', { roundId: draft.roundId, profile: nurse })).status).toBe(200);
    const created = (await call2('applications', 'create', { roundId: draft.roundId, offerKey: 'health_evaluation:intermediate' })).reply as unknown as { ok: boolean; data: { id: string } };
    expect(created).toMatchObject({ ok: true });
    const app = (await call2('applications', 'get', { applicationId: created.data.id })).reply as unknown as { ok: boolean; data: unknown };
    expect(app.ok).toBe(true);
    expect(JSON.stringify(app.data)).toContain('学历证书');
    expect(JSON.stringify(app.data)).toContain('身份证');
    // Submitted, it reaches the unit's queue like any other round's.
    await completeForSubmit(harness, senior, 'person-senior', created.data.id);
    const submitted = (await call2('applications', 'submit', { applicationId: created.data.id, requestId: 'submit-health-0001' })).reply;
    expect(submitted).toMatchObject({ ok: true });
    const queue = (await dispatch(functions, 'review', { action: 'queue', payload: { tab: 'pending' } }, { openid: 'demo-openid-aksu-admin' }, deps)).reply as unknown as { ok: boolean; data: unknown };
    expect(JSON.stringify(queue)).toContain(created.data.id);
  });
});
