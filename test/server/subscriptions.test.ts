import { reviewMessage } from '../../src/core/messages/subscription';
import { err, ok } from '../../src/core/result';
import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { deliverOutbox, outboxInsert, DELIVERY_CONCURRENCY, MAX_SEND_ATTEMPTS } from '../../src/server/outbox';
import { creditId } from '../../src/server/subscriptions/credits.repo';
import type { Messenger, MessengerError, SubscriptionMessage } from '../../src/server/ports/messenger.port';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { answerReturn, completeForSubmit, openHarness, type Harness } from './harness';
import { withLatency } from './latency.store';

const liNa: Caller = { openid: 'demo-openid-applicant' };
const zhaoLei: Caller = { openid: 'demo-openid-unit-admin' };
const REVIEW_RESULT = 'dev-review-result';
const RETURNED = 'dev-materials-returned';

/** A messenger that records what it sends and answers from a script (ok by default). */
function scriptedMessenger(script: (MessengerError | 'ok' | 'hang')[] = []) {
  const sent: SubscriptionMessage[] = [];
  const messenger: Messenger = {
    async send(message) {
      const next = script.shift() ?? 'ok';
      if (next === 'hang') throw new Error('process killed while sending');
      if (next !== 'ok') return err(next);
      sent.push(message);
      return ok(undefined);
    },
  };
  return { messenger, sent };
}

describe('subscription credits and the outbox', () => {
  let harness: Harness;
  let deps: Deps;
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => (outcome.reply as { data: T }).data;
  const credits = async (template: string) => Number((await deps.store.get('subscriptionCredits', `person-applicant:${template}`))?.count ?? 0);

  beforeEach(async () => {
    harness = await openHarness('subscriptions', new Date('2024-10-12T02:00:00Z'));
    deps = harness.deps;
  });
  afterEach(() => harness.close());

  it('counts one credit per accepted one-time template, once per prompt, and says what each refusal means', async () => {
    const status = data<{ setUp: boolean; templates: { key: string; templateId: string; credits: number }[] }>(await call(liNa, 'subscriptions', 'status', {}));
    expect(status.setUp).toBe(true);
    expect(status.templates.map((t) => t.credits)).toEqual([0, 0, 0, 0, 0]);

    const first = data<{ templates: { key: string; credits: number }[]; messages: string[] }>(
      await call(liNa, 'subscriptions', 'record', { requestId: 'prompt-0001', results: { [REVIEW_RESULT]: 'accept', [RETURNED]: 'reject' }, errCode: null }),
    );
    expect(first.templates.find((t) => t.key === 'review_result')?.credits).toBe(1);
    expect(first.messages).toEqual(['您没有允许“材料退回通知”，这类通知只显示在“我的申报”里。需要时可再点“接收微信提醒”。']);
    // The same answers again (a retry): nothing more. Another prompt: one more.
    await call(liNa, 'subscriptions', 'record', { requestId: 'prompt-0001', results: { [REVIEW_RESULT]: 'accept' }, errCode: null });
    expect(await credits('review_result')).toBe(1);
    await call(liNa, 'subscriptions', 'record', { requestId: 'prompt-0002', results: { [REVIEW_RESULT]: 'accept', [RETURNED]: 'accept' }, errCode: null });
    expect(await credits('review_result')).toBe(2);
    expect(await credits('materials_returned')).toBe(1);

    const refused = data<{ messages: string[] }>(await call(liNa, 'subscriptions', 'record', { requestId: 'prompt-0003', results: { [REVIEW_RESULT]: 'ban', [RETURNED]: 'filter' }, errCode: null }));
    expect(refused.messages).toEqual([
      '“材料退回通知”与其他提醒的标题相同，被微信过滤了，这类通知只显示在“我的申报”里。',
      '“审核结果通知”已被微信停用，这类通知只显示在“我的申报”里。',
    ]);
    const off = data<{ messages: string[] }>(await call(liNa, 'subscriptions', 'record', { requestId: 'prompt-0004', results: {}, errCode: 20004 }));
    expect(off.messages[0]).toContain('关闭了本小程序的消息通知');
  });

  it('sends a return by WeChat while a credit lasts, then tells in 我的申报 only', async () => {
    const { messenger, sent } = scriptedMessenger();
    deps = { ...deps, messenger };
    await call(liNa, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    const id = data<{ id: string }>(await call(liNa, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).id;
    await completeForSubmit(harness, liNa, 'person-applicant', id);
    await call(liNa, 'applications', 'submit', { applicationId: id, requestId: 'submit-0001' });
    await call(liNa, 'subscriptions', 'record', { requestId: 'prompt-0001', results: { [RETURNED]: 'accept' }, errCode: null });

    const reasons = [{ category: 'general', kind: 'incomplete', text: '' }];
    await call(zhaoLei, 'review', 'return', { applicationId: id, requestId: 'return-0001', reasons });
    expect(sent).toEqual([expect.objectContaining({ toOpenid: 'demo-openid-applicant', templateId: RETURNED, page: `apply/pages/application/index?id=${encodeURIComponent(id)}` })]);
    expect(sent[0]!.data).toMatchObject({ thing2: expect.stringContaining('材料不全'), time3: '2024年10月14日 10:00' });
    expect(await credits('materials_returned')).toBe(0);

    await answerReturn(harness, liNa, id);
    await call(liNa, 'applications', 'submit', { applicationId: id, requestId: 'submit-0002' });
    await call(zhaoLei, 'review', 'return', { applicationId: id, requestId: 'return-0002', reasons });
    expect(sent).toHaveLength(1);
    const entries = await harness.store.find('outbox', { where: [{ field: 'kind', op: 'eq', value: 'returned' }], limit: 10 });
    expect(entries.map((e) => `${e.status}/${e.outcome}`).sort()).toEqual(['sent/null', 'skipped/no_credit']);
    // Both returns are in 我的申报, once each.
    expect(data<{ title: string }[]>(await call(liNa, 'applications', 'inbox', {})).filter((n) => n.title === '申报被退回')).toHaveLength(2);
  });

  describe('under send failures', () => {
    const message = reviewMessage({ applicationId: 'a1', kind: 'approved', label: '初级', status: 'unit_approved', statusText: '单位已推荐', actor: '单位管理员', reasons: [], categoryNames: {}, deadline: null, at: new Date('2024-10-12T02:00:00Z') });
    const give = async (count: number) => {
      await deps.store.insert('subscriptionCredits', { _id: creditId('person-applicant', 'review_result'), personId: 'person-applicant', template: 'review_result', count, updatedAt: '' });
    };
    const queue = async (key = 'a1#1') => {
      const committed = await deps.store.commit([outboxInsert({ dedupeKey: key, personId: 'person-applicant', applicationId: 'a1', kind: 'approved', title: '审核通过', body: 'x', page: 'pages/index/index', subscription: message }, harness.deps.clock.now())]);
      expect(committed.ok).toBe(true);
    };
    const entry = async (key = 'a1#1') => deps.store.get('outbox', key);

    it('zeroes the credit on 43101 and does not retry', async () => {
      await give(2);
      await queue();
      deps = { ...deps, messenger: scriptedMessenger([{ code: 'MESSAGE.NO_CONSENT', cause: 'errCode: 43101 | errMsg: user refuse to accept the msg' }]).messenger };
      await deliverOutbox(deps);
      expect(await entry()).toMatchObject({ status: 'skipped', outcome: expect.stringContaining('43101') });
      expect(await credits('review_result')).toBe(0);
      expect(await deps.store.count('inbox')).toBe(1);
    });

    it('retries a busy WeChat with backoff, giving the credit back meanwhile, and sends once', async () => {
      await give(1);
      await queue();
      const { messenger, sent } = scriptedMessenger([{ code: 'MESSAGE.BUSY', cause: 'errCode -1: system error' }]);
      deps = { ...deps, messenger };
      await deliverOutbox(deps);
      expect(await entry()).toMatchObject({ status: 'pending', notBefore: expect.any(String) });
      expect(await credits('review_result')).toBe(1);
      // Not before its backoff.
      await deliverOutbox(deps);
      expect(sent).toHaveLength(0);
      harness.setNow(new Date('2024-10-12T02:05:00Z'));
      await deliverOutbox(deps);
      expect(sent).toHaveLength(1);
      expect(await entry()).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await credits('review_result')).toBe(0);
    });

    it('gives up on a WeChat that stays busy, without losing the notice', async () => {
      await give(1);
      await queue();
      deps = { ...deps, messenger: scriptedMessenger(Array.from({ length: MAX_SEND_ATTEMPTS }, () => ({ code: 'MESSAGE.BUSY' as const, cause: 'errCode -1: system error' }))).messenger };
      for (let minute = 0; minute < 120; minute += 5) {
        harness.setNow(new Date(Date.parse('2024-10-12T02:00:00Z') + minute * 60_000));
        await deliverOutbox(deps);
      }
      expect(await entry()).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS });
      expect(await credits('review_result')).toBe(1);
      expect(await deps.store.count('inbox')).toBe(1);
    });

    it.each([
      ['47003', { code: 'MESSAGE.INVALID_VALUE' as const, cause: 'errCode 47003: argument invalid! data.thing1.value invalid' }],
      ['40003', { code: 'MESSAGE.BAD_OPENID' as const, cause: 'errCode 40003: invalid openid' }],
      ['40037', { code: 'MESSAGE.BAD_TEMPLATE' as const, cause: 'errCode 40037: invalid template id' }],
      ['41030', { code: 'MESSAGE.BAD_PAGE' as const, cause: 'errCode 41030: invalid page' }],
    ])('ends %s as failed with its errcode, logged, not retried, the credit kept', async (errcode, error) => {
      await give(1);
      await queue();
      const logged: string[] = [];
      deps = { ...deps, messenger: scriptedMessenger([error]).messenger, log: { error: (m) => logged.push(m), warn: () => undefined } };
      await deliverOutbox(deps);
      harness.setNow(new Date('2024-10-12T04:00:00Z'));
      await deliverOutbox(deps);
      expect(await entry()).toMatchObject({ status: 'failed', outcome: expect.stringContaining(errcode), attempts: 1 });
      expect(logged).toEqual([expect.stringContaining(errcode)]);
      expect(await credits('review_result')).toBe(1);
    });

    it('never sends again a message whose process died while sending; its notice still arrives', async () => {
      await give(1);
      await queue();
      const { messenger, sent } = scriptedMessenger(['hang']);
      deps = { ...deps, messenger };
      await deliverOutbox(deps);
      expect(await entry()).toMatchObject({ status: 'sending' });
      await deliverOutbox(deps);
      harness.setNow(new Date('2024-10-12T02:11:00Z'));
      await deliverOutbox(deps);
      expect(sent).toHaveLength(0);
      expect(await entry()).toMatchObject({ status: 'failed', outcome: 'unconfirmed' });
      expect(await deps.store.count('inbox')).toBe(1);
      expect(await credits('review_result')).toBe(0);
    });

    it('sends each message once and never takes a credit below zero, with concurrent runs over a slow store', async () => {
      await give(3);
      for (let i = 1; i <= 6; i += 1) await queue(`a1#${i}`);
      const { messenger, sent } = scriptedMessenger();
      const slow = { ...deps, messenger, store: withLatency(deps.store, 3) };
      for (let round = 0; round < 4; round += 1) await Promise.all([deliverOutbox(slow), deliverOutbox(slow), deliverOutbox(slow)]);
      expect(sent).toHaveLength(3);
      expect(await credits('review_result')).toBe(0);
      const all = await deps.store.find('outbox', { limit: 10 });
      expect(all.map((e) => e.status).sort()).toEqual(['sent', 'sent', 'sent', 'skipped', 'skipped', 'skipped']);
      expect(await deps.store.count('inbox')).toBe(6);
    });

    it('stops claiming when its time is up, and the next run continues: each message once, none lost', async () => {
      // 25 people, one message each: more than the sends allowed at once (DELIVERY_CONCURRENCY).
      const people = Array.from({ length: DELIVERY_CONCURRENCY + 5 }, (_, i) => `person-bulk-${i}`);
      for (const id of people) {
        await deps.store.insert('people', { _id: id, openid: `openid-${id}`, name: '张三', role: 'applicant', unitId: null, prefecture: '阿克苏地区', county: null });
        await deps.store.insert('subscriptionCredits', { _id: creditId(id, 'review_result'), personId: id, template: 'review_result', count: 1, updatedAt: '' });
        const queued = await deps.store.commit([outboxInsert({ dedupeKey: `${id}#1`, personId: id, applicationId: 'a1', kind: 'approved', title: '审核通过', body: 'x', page: 'pages/index/index', subscription: message }, harness.deps.clock.now())]);
        expect(queued.ok).toBe(true);
      }
      const { messenger, sent } = scriptedMessenger();
      // Each send answers after 1 s; the run may start sends for 0.3 s only (reading and claiming take far less).
      const slow: Messenger = { send: (m) => new Promise((resolve) => setTimeout(() => void messenger.send(m).then(resolve), 1_000)) };
      const first = await deliverOutbox({ ...deps, messenger: slow }, undefined, { ms: 300 });
      // The first DELIVERY_CONCURRENCY were claimed at once and sent; the others wait, still pending.
      expect(first).toBe(DELIVERY_CONCURRENCY);
      expect(await deps.store.count('outbox', [{ field: 'status', op: 'eq', value: 'pending' }])).toBe(5);
      expect(await deps.store.count('outbox', [{ field: 'status', op: 'eq', value: 'sending' }])).toBe(0);
      expect(await deliverOutbox({ ...deps, messenger: slow }, undefined, { ms: 300 })).toBe(5);
      expect(sent).toHaveLength(people.length);
      expect(new Set(sent.map((m) => m.toOpenid)).size).toBe(people.length);
      expect(await deps.store.count('inbox')).toBe(people.length);
    });

    it('sends without credits where the account has long-term subscriptions', async () => {
      await queue();
      const { messenger, sent } = scriptedMessenger();
      deps = { ...deps, messenger, subscriptions: { ...deps.subscriptions, longTerm: true } };
      await deliverOutbox(deps);
      expect(sent).toHaveLength(1);
      expect(await entry()).toMatchObject({ status: 'sent' });
    });

    it('keeps to in-app notices where the template is not set up', async () => {
      await give(1);
      await queue();
      const { messenger, sent } = scriptedMessenger();
      deps = { ...deps, messenger, subscriptions: { ids: {}, longTerm: false } };
      await deliverOutbox(deps);
      expect(sent).toHaveLength(0);
      expect(await entry()).toMatchObject({ status: 'skipped', outcome: 'not_set_up' });
    });
  });
});
