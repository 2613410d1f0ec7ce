import { ok } from '../../src/core/result';
import { dispatch, runTimer, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import type { Messenger, SubscriptionMessage } from '../../src/server/ports/messenger.port';
import { aksuEmployee } from '../core/eligibility/people.fixture';
import { refusedByOracle } from '../core/messages/wechat-keywords.oracle';
import { completeForSubmit, openHarness, uploadUnitDocuments, type Harness } from './harness';

/**
 * The committee's steps and the 10-minute defenses of aksu-water-2024 (四(一)20, 四(二)23) over the
 * real local adapters: three engineers of 阿克苏地区水利水电勘测设计院 go through their unit (李强)
 * and the prefecture's HR bureau (买买提江) to 通过形式审核; the secretary (陈志刚) receives their
 * materials and records their fees; two defend, one is exempt (本年驻村). Sessions, the schedule,
 * publishing with WeChat messages, moves, reminders by the timer, attendance and 下一位.
 */
const secretary: Caller = { openid: 'demo-openid-secretary' };
const unitAdmin: Caller = { openid: 'demo-openid-aksu-admin' };
const prefectureHr: Caller = { openid: 'demo-openid-aksu-hr' };
const wang: Caller = { openid: 'demo-openid-senior' };
const second: Caller = { openid: 'demo-openid-senior-2' };
const villager: Caller = { openid: 'demo-openid-village' };
const ROUND = 'aksu-water-2024';

interface Plan {
  defenders: { applicationId: string; applicantName: string }[];
  others: { applicationId: string; applicantName: string; why: string }[];
  sessions: { id: string; capacity: number }[];
  schedule: { order: string; seed: number | null; publishedAt: string | null; slots: { applicationId: string; applicantName: string; sessionId: string; panelId: string; startsAt: string; endsAt: string; confirmed: boolean; published: boolean; attendance: string | null }[] } | null;
}

/** A session of aksu-water's committee, 20 September 2024 (Beijing), one panel for water engineering. */
const session = (patch: Record<string, unknown> = {}) => ({
  date: '2024-09-20',
  start: '09:30',
  end: '10:00',
  breaks: [],
  place: { kind: 'room', name: '阿克苏地区人社局三楼会议室' },
  panels: [{ id: 'water', name: '水利工程组', specialties: ['engineering.water'] }],
  slotMinutes: 10,
  bring: '身份证原件和职称证书原件',
  ...patch,
});

describe('committee and defense functions', () => {
  let harness: Harness;
  let deps: Deps;
  let sent: SubscriptionMessage[];
  const ids = { wang: '', second: '', villager: '' };
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => (outcome.reply as { data: T }).data;
  const plan = async () => data<Plan>(await call(secretary, 'defense', 'plan', { roundId: ROUND }));
  const outbox = async (id: string) => deps.store.get('outbox', id);
  const inbox = async (caller: Caller) => data<{ title: string; body: string }[]>(await call(caller, 'applications', 'inbox', {}));

  /** Answers, materials, submission, the unit's publicity and recommendation, the prefecture's formal review. */
  async function toFormalReview(caller: Caller, personId: string, submitMinute: number, facts: Record<string, boolean> = {}): Promise<string> {
    harness.setNow(new Date(Date.parse('2024-08-12T02:00:00Z') + submitMinute * 60_000));
    const base = aksuEmployee();
    await call(caller, 'eligibility', 'saveAnswers', { roundId: ROUND, profile: { ...base, facts: { ...base.facts, ...facts } } });
    const created = await call(caller, 'applications', 'create', { roundId: ROUND, offerKey: 'directed_evaluation:deputy_senior' });
    expect(created.reply).toMatchObject({ ok: true });
    const id = data<{ id: string }>(created).id;
    await completeForSubmit(harness, caller, personId, id);
    expect((await call(caller, 'applications', 'submit', { applicationId: id, requestId: `submit-${personId}` })).reply).toMatchObject({ ok: true });
    expect((await call(unitAdmin, 'review', 'recordPublicity', { applicationId: id, from: '2024-08-12', to: '2024-08-16' })).status).toBe(200);
    harness.setNow(new Date('2024-08-19T02:00:00Z'));
    await uploadUnitDocuments(harness, unitAdmin, 'person-aksu-admin', id);
    expect((await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: `unit-${personId}` })).reply).toMatchObject({ ok: true });
    expect((await call(prefectureHr, 'review', 'approve', { applicationId: id, requestId: `hr-${personId}` })).reply).toMatchObject({ ok: true, data: { application: { status: 'formal_review_passed' } } });
    return id;
  }

  async function feePaid(id: string): Promise<void> {
    const received = await call(secretary, 'committee', 'receive', { applicationId: id, requestId: `receive-${id.split(":")[0]}` });
    expect(received.reply).toMatchObject({ ok: true });
    // The list answered shows the step taken (its write commits after the answer is built).
    expect(data<{ id: string; status: string }[]>(received).find((i) => i.id === id)?.status).toMatch(/materials_received|fee_paid/);
    const paid = await call(secretary, 'committee', 'recordFee', { applicationId: id, requestId: `fee-${id.split(":")[0]}`, payment: { amountYuan: 700, paidOn: "2024-08-17", receiptNo: "AKS-0001" } });
    expect(data<{ id: string; status: string }[]>(paid).find((i) => i.id === id)).toMatchObject({ status: 'fee_paid', mayReceive: false, mayRecordFee: false });
  }

  beforeEach(async () => {
    harness = await openHarness('defense', new Date('2024-08-12T02:00:00Z'));
    sent = [];
    const messenger: Messenger = {
      async send(message) {
        sent.push(message);
        return ok(undefined);
      },
    };
    deps = { ...harness.deps, messenger };
    const colleague = { unitId: 'unit-aksu-water', prefecture: '阿克苏地区', county: null, role: 'applicant' };
    await deps.store.insert('people', { _id: 'person-senior-2', openid: 'demo-openid-senior-2', name: '阿不都热合曼', ...colleague });
    await deps.store.insert('people', { _id: 'person-village', openid: 'demo-openid-village', name: '刘海燕', ...colleague });
    ids.wang = await toFormalReview(wang, 'person-senior', 0);
    ids.second = await toFormalReview(second, 'person-senior-2', 5);
    ids.villager = await toFormalReview(villager, 'person-village', 10, { village_work_this_year: true });
    harness.setNow(new Date('2024-09-02T02:00:00Z'));
  });

  afterEach(() => harness.close());

  it('lets the secretary receive the materials and record the fee once per request, for their own rounds only', async () => {
    // The secretary also serves the forestry round, whose seeded engineers have defended already.
    const queue = data<{ id: string; roundId: string; status: string; mayReceive: boolean; mayRecordFee: boolean }[]>(await call(secretary, 'committee', 'queue', {})).filter((q) => q.roundId === ROUND);
    expect(queue.map((q) => [q.status, q.mayReceive, q.mayRecordFee])).toEqual([
      ['formal_review_passed', true, false],
      ['formal_review_passed', true, false],
      ['formal_review_passed', true, false],
    ]);
    // aksu-water-2024 四(一)21: 高级工程师 700 元, payable after formal review, at the office, by 15 September.
    expect(queue.every((q) => (q as unknown as { feeYuan: number }).feeYuan === 700)).toBe(true);
    const due = data<{ fee: { amountYuan: number; state: string; when: string; source: { clause: string } } }>(await call(wang, 'applications', 'get', { applicationId: ids.wang })).fee;
    expect(due).toMatchObject({ amountYuan: 700, state: 'due', when: '通过形式审核后，在阿克苏地区水利局财审室缴纳，2024年9月15日前缴清；未缴纳的不予评审。', source: { clause: '四(一)21' } });
    // The fee before the materials arrived: refused, nothing changed.
    expect((await call(secretary, 'committee', 'recordFee', { applicationId: ids.wang, requestId: 'fee-early', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' } })).reply).toMatchObject({ ok: false });
    await feePaid(ids.wang);
    // The same taps again: one act each.
    await feePaid(ids.wang);
    const mine = data<{ status: string; events: { what: string }[] }>(await call(wang, 'applications', 'get', { applicationId: ids.wang }));
    expect(mine.status).toBe('fee_paid');
    expect(data<{ fee: { state: string } }>(await call(wang, 'applications', 'get', { applicationId: ids.wang })).fee.state).toBe('paid');
    expect(mine.events.filter((e) => /接收材料|缴纳评审费/.test(e.what))).toHaveLength(2);

    // A secretary of another round's committee sees none of it and may not act on it.
    await deps.store.insert('people', { _id: 'person-other-secretary', openid: 'demo-openid-other-secretary', name: '吴静', role: 'committee_secretary', unitId: null, prefecture: '巴音郭楞蒙古自治州', county: null, rounds: ['bazhou-ecoenv-2024'] });
    const other: Caller = { openid: 'demo-openid-other-secretary' };
    expect(data<unknown[]>(await call(other, 'committee', 'queue', {}))).toEqual([]);
    expect((await call(other, 'committee', 'receive', { applicationId: ids.second, requestId: 'receive-other' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect((await call(other, 'defense', 'plan', { roundId: ROUND })).reply).toMatchObject({ code: 'ROUND.NOT_FOUND' });
  });

  it('marks those without the fee by the deadline not evaluated, once, and tells them; a fee paid in time can still be recorded', async () => {
    await feePaid(ids.wang);
    // 23:59 Beijing on 15 September, the last minute of aksu-water's fee window: nothing yet.
    harness.setNow(new Date('2024-09-15T15:59:00Z'));
    expect((await runTimer(functions, 'review', 'deadlines', deps)).reply).toMatchObject({ data: { changed: 0 } });
    harness.setNow(new Date('2024-09-16T02:00:00Z'));
    expect((await runTimer(functions, 'review', 'deadlines', deps)).reply).toMatchObject({ data: { changed: 2 } });
    expect((await runTimer(functions, 'review', 'deadlines', deps)).reply).toMatchObject({ data: { changed: 0 } });
    const view = data<{ status: string; statusText: string }>(await call(second, 'applications', 'get', { applicationId: ids.second }));
    expect(view).toMatchObject({ status: 'not_evaluated', statusText: '未按期缴纳评审费，不予评审' });
    expect((await inbox(second)).filter((n) => n.title === '未按期缴费')).toHaveLength(1);
    expect(data<{ status: string }>(await call(wang, 'applications', 'get', { applicationId: ids.wang })).status).toBe('fee_paid');
    // He paid on the 15th; the office records it on the 16th.
    const late = await call(secretary, 'committee', 'recordFee', { applicationId: ids.second, requestId: 'fee-late-0001', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' } });
    expect(data<{ id: string; status: string }[]>(late).find((i) => i.id === ids.second)?.status).toBe('fee_paid');
  });

  it('schedules only those who defend, with the fee paid; the exempt are listed with the notice’s reason', async () => {
    await feePaid(ids.wang);
    await feePaid(ids.villager);
    const before = await plan();
    expect(before.defenders.map((d) => d.applicantName)).toEqual(['王建新']);
    expect(before.others.find((o) => o.applicationId === ids.villager)?.why).toMatch(/驻村/);
    expect(before.others.find((o) => o.applicationId === ids.second)?.why).toBe('还没有缴费：缴费后才排答辩。');
    // The round's slot length is the notice's: 10 minutes.
    expect((await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session({ slotMinutes: 15 }) })).reply).toMatchObject({
      ok: false,
      message: '通知规定每人答辩 10 分钟（四(一)20），请按 10 分钟设置。',
    });
    expect((await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session({ end: '09:00' }) })).reply).toMatchObject({ ok: false });
    // A real day, but not this round's year (a typo of the year): refused, saying so.
    expect((await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session({ date: '2042-10-24' }) })).reply).toMatchObject({
      ok: false,
      message: '答辩日期应在本批次的年度（2024 年）内，2042年10月24日不在。请检查年份。',
    });
    expect((await plan()).sessions).toEqual([]);
  });

  describe('with two defenders', () => {
    beforeEach(async () => {
      await feePaid(ids.wang);
      await feePaid(ids.second);
      await feePaid(ids.villager);
    });

    it('says how many slots are missing, assigns in submission order, and publishes once with a valid WeChat message', async () => {
      // A session of 10 minutes holds one: one slot short.
      await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session({ end: '09:40' }) });
      const short = await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'submission' });
      expect(short.reply).toMatchObject({ ok: false });
      expect((short.reply as { message: string }).message).toBe('答辩名额不够：还差 1 个时段（水利专业缺 1 个）。请延长答辩时间、增加答辩组或场次。');
      expect((await call(secretary, 'defense', 'publish', { roundId: ROUND })).reply).toMatchObject({ ok: false, message: '还没有排答辩时段，请先自动排。' });

      const sessionId = (await plan()).sessions[0]!.id;
      await call(secretary, 'defense', 'removeSession', { roundId: ROUND, sessionId });
      await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session() });
      const assigned = data<Plan>(await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'submission' }));
      expect(assigned.schedule?.slots.map((s) => [s.applicantName, s.startsAt])).toEqual([
        ['王建新', '2024-09-20T01:30:00.000Z'],
        ['阿不都热合曼', '2024-09-20T01:40:00.000Z'],
      ]);
      // Not yet published: the applicant is told it is being arranged.
      expect(data<{ slot: unknown; waiting: string }>(await call(wang, 'defense', 'mine', { applicationId: ids.wang }))).toMatchObject({ slot: null, waiting: expect.stringContaining('正在安排') });

      // 王建新 allowed the defense notice once in WeChat; 阿不都热合曼 did not.
      await call(wang, 'subscriptions', 'record', { requestId: 'prompt-0001', results: { 'dev-defense-scheduled': 'accept' }, errCode: null });
      const published = data<Plan>(await call(secretary, 'defense', 'publish', { roundId: ROUND }));
      expect(published.schedule?.publishedAt).toBe('2024-09-02T02:00:00.000Z');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ toOpenid: 'demo-openid-senior', templateId: 'dev-defense-scheduled', page: `apply/pages/defense/index?id=${encodeURIComponent(ids.wang)}` });
      expect(refusedByOracle(sent[0]!.data)).toEqual([]);
      expect(sent[0]!.data.time2).toBe('2024年9月20日 09:30');
      expect(await outbox(`${ids.wang}#defense-scheduled`)).toMatchObject({ status: 'sent' });
      expect(await outbox(`${ids.second}#defense-scheduled`)).toMatchObject({ status: 'skipped', outcome: 'no_credit' });
      // Both are told in 我的申报 too, in Beijing time.
      expect((await inbox(second)).find((n) => n.title === '答辩安排')?.body).toContain('2024年9月20日 09:40（北京时间），阿克苏地区人社局三楼会议室，水利工程组，每人 10 分钟。请携带身份证原件和职称证书原件');
      // Publishing again sends nothing more; the automatic assignment is closed.
      await call(secretary, 'defense', 'publish', { roundId: ROUND });
      expect(sent).toHaveLength(1);
      expect((await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'draw' })).reply).toMatchObject({ ok: false });

      const mine = data<{ slot: { startsAt: string; place: { name: string }; panelName: string; confirmedAt: string | null } }>(await call(wang, 'defense', 'confirm', { applicationId: ids.wang }));
      expect(mine.slot).toMatchObject({ startsAt: '2024-09-20T01:30:00.000Z', place: { name: '阿克苏地区人社局三楼会议室' }, panelName: '水利工程组', confirmedAt: '2024-09-02T02:00:00.000Z' });
      // Nobody sees another's defense.
      expect((await call(wang, 'defense', 'mine', { applicationId: ids.second })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    });

    it('draws with the chance it is given: the seed recorded is the one drawn, and the same seed orders the same way', async () => {
      await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session({ end: '10:30', breaks: [{ start: '09:50', end: '10:00' }] }) });
      const fixed = { int: () => 20240920, id: () => 'fixed-id' };
      deps = { ...deps, random: fixed };
      const first = data<Plan>(await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'draw' }));
      expect(first.schedule).toMatchObject({ order: 'draw', seed: 20240920 });
      const again = data<Plan>(await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'draw' }));
      expect(again.schedule?.slots.map((s) => s.applicationId)).toEqual(first.schedule?.slots.map((s) => s.applicationId));
    });

    it('records the seed of a draw, announces each move once, and reminds the day before and shortly before, once each', async () => {
      await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session({ end: '10:30', breaks: [{ start: '09:50', end: '10:00' }] }) });
      const drawn = data<Plan>(await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'draw' }));
      expect(drawn.schedule).toMatchObject({ order: 'draw', seed: expect.any(Number) });
      await call(secretary, 'defense', 'publish', { roundId: ROUND });
      await call(wang, 'defense', 'confirm', { applicationId: ids.wang });
      const sessionId = drawn.sessions[0]!.id;

      // After the break, 10:10 Beijing: 王建新 is told, once, and asked to confirm again.
      const moved = data<Plan>(await call(secretary, 'defense', 'move', { roundId: ROUND, applicationId: ids.wang, to: { sessionId, panelId: 'water', startsAt: '2024-09-20T10:10:00+08:00' } }));
      expect(moved.schedule?.slots.find((s) => s.applicationId === ids.wang)).toMatchObject({ startsAt: '2024-09-20T02:10:00.000Z', confirmed: false });
      // The plan says it was adjusted by hand: the order is no longer only the draw's.
      expect(moved.schedule).toMatchObject({ order: 'draw', adjusted: 1 });
      expect(data<Plan>(await call(secretary, 'defense', 'plan', { roundId: ROUND })).schedule).toMatchObject({ adjusted: 1 });
      expect(await outbox(`${ids.wang}#defense-changed-1`)).toMatchObject({ title: '答辩时间变更' });
      // Into the break: refused, nothing changed.
      expect((await call(secretary, 'defense', 'move', { roundId: ROUND, applicationId: ids.wang, to: { sessionId, panelId: 'water', startsAt: '2024-09-20T09:50:00+08:00' } })).reply).toMatchObject({ ok: false });
      expect(await outbox(`${ids.wang}#defense-changed-2`)).toBeNull();

      // 10:00 Beijing the day before: the day-before reminders, once however often the timer runs.
      harness.setNow(new Date('2024-09-19T02:00:00Z'));
      expect((await runTimer(functions, 'defense', 'remindDefenses', deps)).reply).toMatchObject({ data: { changed: 2 } });
      expect((await runTimer(functions, 'defense', 'remindDefenses', deps)).reply).toMatchObject({ data: { changed: 0 } });
      expect(await outbox(`${ids.wang}#defense-day-before-1`)).toMatchObject({ title: '明天答辩', status: 'skipped', outcome: 'no_credit' });
      expect((await inbox(wang)).filter((n) => n.title === '明天答辩')).toHaveLength(1);

      // 9:35 Beijing on the day: 王建新 (10:10) is not yet due; at 9:41, 29 minutes before, he is, and
      // as he allowed one reminder in the meantime it goes to WeChat.
      harness.setNow(new Date('2024-09-20T01:35:00Z'));
      await runTimer(functions, 'defense', 'remindDefenses', deps);
      expect(await outbox(`${ids.wang}#defense-soon-1`)).toBeNull();
      await call(wang, 'subscriptions', 'record', { requestId: 'prompt-0002', results: { 'dev-defense-reminder': 'accept' }, errCode: null });
      harness.setNow(new Date('2024-09-20T01:41:00Z'));
      await runTimer(functions, 'defense', 'remindDefenses', deps);
      expect(await outbox(`${ids.wang}#defense-soon-1`)).toMatchObject({ title: '答辩即将开始', status: 'sent' });
      expect(sent.filter((m) => m.templateId === 'dev-defense-reminder')).toHaveLength(1);
    });

    it('cancels a published slot with its reason, fills it in again later and announces only the new slot', async () => {
      await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session() });
      await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'submission' });
      await call(secretary, 'defense', 'publish', { roundId: ROUND });
      expect((await call(secretary, 'defense', 'cancel', { roundId: ROUND, applicationId: ids.wang, reason: '' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });

      const cancelled = data<Plan>(await call(secretary, 'defense', 'cancel', { roundId: ROUND, applicationId: ids.wang, reason: '申报人请假' }));
      expect(cancelled.schedule?.slots.map((s) => s.applicantName)).toEqual(['阿不都热合曼']);
      expect(await outbox(`${ids.wang}#defense-cancelled`)).toMatchObject({ title: '答辩时间取消', body: expect.stringContaining('已取消：申报人请假。新的答辩时间确定后会再通知您。') });
      expect(data<{ slot: unknown; waiting: string }>(await call(wang, 'defense', 'mine', { applicationId: ids.wang }))).toMatchObject({ slot: null, waiting: expect.stringContaining('正在安排') });
      // Not publishable while he has no slot.
      expect((await call(secretary, 'defense', 'publish', { roundId: ROUND })).reply).toMatchObject({ ok: false, message: expect.stringContaining('王建新') });

      // Filled in around the published slot (he gets 09:30 again, the first free one), then announced: only him.
      const filled = data<Plan>(await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'draw' }));
      expect(filled.schedule!.slots.map((s) => [s.applicantName, s.startsAt, s.published])).toEqual([
        ['王建新', '2024-09-20T01:30:00.000Z', false],
        ['阿不都热合曼', '2024-09-20T01:40:00.000Z', true],
      ]);
      expect(filled.schedule!.seed).toBeNull();
      const before = (await inbox(second)).length;
      await call(secretary, 'defense', 'publish', { roundId: ROUND });
      expect(await outbox(`${ids.wang}#defense-scheduled-g1`)).toMatchObject({ title: '答辩安排' });
      expect((await inbox(second)).length).toBe(before);
      expect((await inbox(wang)).filter((n) => n.title === '答辩安排')).toHaveLength(2);

      // The new slot is reminded on its own, though the old one's reminder key was never used.
      harness.setNow(new Date('2024-09-19T02:00:00Z'));
      await runTimer(functions, 'defense', 'remindDefenses', deps);
      expect(await outbox(`${ids.wang}#defense-day-before-0-g1`)).toMatchObject({ title: '明天答辩' });
    });

    it('marks attendance on the day, tells the next of the panel to get ready, and records the defense', async () => {
      await call(secretary, 'defense', 'addSession', { roundId: ROUND, session: session() });
      await call(secretary, 'defense', 'assign', { roundId: ROUND, order: 'submission' });
      // Not before publishing.
      expect((await call(secretary, 'defense', 'mark', { roundId: ROUND, applicationId: ids.wang, attendance: 'present' })).reply).toMatchObject({ ok: false });
      await call(secretary, 'defense', 'publish', { roundId: ROUND });
      // Not before the day.
      expect((await call(secretary, 'defense', 'mark', { roundId: ROUND, applicationId: ids.wang, attendance: 'present' })).reply).toMatchObject({ ok: false, message: '答辩当天（2024年9月20日）才能登记到场和答辩情况。' });
      harness.setNow(new Date('2024-09-20T01:30:00Z'));

      await call(secretary, 'defense', 'mark', { roundId: ROUND, applicationId: ids.wang, attendance: 'present' });
      expect(await outbox(`${ids.second}#defense-next`)).toBeNull();
      const done = data<Plan>(await call(secretary, 'defense', 'mark', { roundId: ROUND, applicationId: ids.wang, attendance: 'done' }));
      expect(done.schedule?.slots.find((s) => s.applicationId === ids.wang)?.attendance).toBe('done');
      expect(await outbox(`${ids.second}#defense-next`)).toMatchObject({ title: '下一位答辩' });
      expect(data<{ status: string }>(await call(wang, 'applications', 'get', { applicationId: ids.wang })).status).toBe('defended');
      // Done is final; the same mark again changes nothing.
      expect((await call(secretary, 'defense', 'mark', { roundId: ROUND, applicationId: ids.wang, attendance: 'absent' })).reply).toMatchObject({ ok: false, message: '已经记为答辩完成，不能再改。' });
      await call(secretary, 'defense', 'mark', { roundId: ROUND, applicationId: ids.wang, attendance: 'done' });
      expect(data<{ events: { what: string }[] }>(await call(wang, 'applications', 'get', { applicationId: ids.wang })).events.filter((e) => /答辩/.test(e.what))).toHaveLength(1);
      // Once started, a slot is not moved.
      expect((await call(secretary, 'defense', 'swap', { roundId: ROUND, a: ids.wang, b: ids.second })).reply).toMatchObject({ ok: false });
    });
  });
});
