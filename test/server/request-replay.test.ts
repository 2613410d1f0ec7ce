import { replayOf } from '../../src/core/review/request-replay';
import { api } from '../../src/core/contracts/api';
import { dispatch, type Caller } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { answerReturn, completeForSubmit, openHarness, type Harness } from './harness';

/**
 * A request id names one act (issue 22, item 8): the same act again is answered as done; the id of
 * an earlier act used for another (`approve` with a `return`'s id) is refused with 409
 * REQUEST.ID_REUSED, never a success that did nothing.
 */
describe('replayOf', () => {
  const reason = { category: 'general', kind: 'incomplete' as const, text: '' };
  const events = [
    { kind: 'submit' as const, requestId: 'submit-0001' },
    { kind: 'return' as const, requestId: 'return-0001', reasons: [reason], opinion: '' },
  ];
  it.each([
    ['an id not seen', 'approve-0001', 'approve', 'new'],
    ['the same act again', 'return-0001', 'return', 'repeat'],
    ['another act’s id', 'return-0001', 'approve', 'reused'],
    ['the submission’s id for a receipt of materials', 'submit-0001', 'receive_materials', 'reused'],
  ] as const)('%s: %s as %s is %s', (_what, requestId, command, expected) => {
    expect(replayOf(events, requestId, command)).toBe(expected);
  });

  it('takes the same id with other words for another act: a return repeated with other reasons', () => {
    expect(replayOf(events, 'return-0001', 'return', { reasons: [reason] })).toBe('repeat');
    expect(replayOf(events, 'return-0001', 'return', { reasons: [{ ...reason, kind: 'unclear_photo' }] })).toBe('reused');
  });
});

describe('a request id reused for another command', () => {
  let harness: Harness;
  const applicant: Caller = { openid: 'demo-openid-applicant' };
  const unitAdmin: Caller = { openid: 'demo-openid-unit-admin' };
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, harness.deps);
  let id = '';

  beforeAll(async () => {
    // 10:00 Beijing, 12 October 2024: yuli's apply window is open.
    harness = await openHarness('replay', new Date('2024-10-12T02:00:00Z'));
    await call(applicant, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    id = ((await call(applicant, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).reply as { data: { id: string } }).data.id;
    await completeForSubmit(harness, applicant, 'person-applicant', id);
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0001' })).status).toBe(200);
    const returned = await call(unitAdmin, 'review', 'return', { applicationId: id, requestId: 'return-0001', reasons: [{ category: 'general', kind: 'incomplete', text: '' }] });
    expect(returned.reply).toMatchObject({ ok: true });
    await answerReturn(harness, applicant, id);
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0002' })).status).toBe(200);
  });
  afterAll(() => harness.close());

  const status = async () => String((await harness.store.get('applications', id))!.status);

  it('refuses approve with the return’s id, and changes nothing', async () => {
    const before = await harness.store.get('applications', id);
    const outcome = await call(unitAdmin, 'review', 'approve', { applicationId: id, requestId: 'return-0001' });
    expect(outcome.status).toBe(409);
    expect(outcome.reply).toMatchObject({ ok: false, code: 'REQUEST.ID_REUSED', message: expect.stringContaining('请刷新页面后重新操作') });
    expect(await harness.store.get('applications', id)).toEqual(before);
  });

  it('refuses a return repeated under its id with other reasons', async () => {
    const before = await harness.store.get('applications', id);
    const outcome = await call(unitAdmin, 'review', 'return', { applicationId: id, requestId: 'return-0001', reasons: [{ category: 'general', kind: 'other', text: '换了理由' }] });
    expect(outcome.reply).toMatchObject({ ok: false, code: 'REQUEST.ID_REUSED' });
    expect(await harness.store.get('applications', id)).toEqual(before);
  });

  it('refuses a submission under a return’s id, and still answers a real retry as done', async () => {
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'return-0001' })).reply).toMatchObject({ code: 'REQUEST.ID_REUSED' });
    // The same submission again (a retry after a dropped reply): answered as it stands.
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0002' })).reply).toMatchObject({ ok: true });
    expect(await status()).toBe('submitted');
  });
});

describe('every action that takes a request id', () => {
  let harness: Harness;
  const APP = 'person-forestry-1:aksu-forestry-2024:directed_evaluation:deputy_senior';
  /** One caller allowed to act and one payload for each action whose payload has a request id. */
  const ACTS: Readonly<Record<string, { readonly openid: string; readonly person: string; readonly payload: Record<string, unknown> }>> = {
    'applications.submit': { openid: 'demo-openid-forestry-1', person: 'person-forestry-1', payload: { applicationId: APP } },
    'committee.receive': { openid: 'demo-openid-secretary', person: 'person-secretary', payload: { applicationId: APP } },
    'committee.recordFee': { openid: 'demo-openid-secretary', person: 'person-secretary', payload: { applicationId: APP, payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' } } },
    'committee.createMeeting': { openid: 'demo-openid-secretary', person: 'person-secretary', payload: { roundId: 'aksu-forestry-2024', heldOn: '2024-10-15', experts: { kind: 'draw', count: 3 } } },
    'committee.publishResults': { openid: 'demo-openid-secretary', person: 'person-secretary', payload: { meetingId: 'meeting-none' } },
    'committee.recordObjection': { openid: 'demo-openid-secretary', person: 'person-secretary', payload: { meetingId: 'meeting-none', applicationId: APP, from: '匿名', text: '业绩不实' } },
    'review.approve': { openid: 'demo-openid-prefecture-hr', person: 'person-prefecture-hr', payload: { applicationId: APP, opinion: '' } },
    'review.return': { openid: 'demo-openid-prefecture-hr', person: 'person-prefecture-hr', payload: { applicationId: APP, reasons: [{ category: 'general', kind: 'incomplete', text: '' }] } },
    'subscriptions.record': { openid: 'demo-openid-forestry-1', person: 'person-forestry-1', payload: { results: {}, errCode: null } },
  };
  /** Every collection an act may write: unchanged after a refusal. */
  const snapshot = async () => {
    const all: Record<string, unknown[]> = {};
    for (const name of ['applications', 'meetings', 'subscriptionCredits', 'requests', 'outbox', 'uploads']) all[name] = await harness.store.find(name, {});
    return all;
  };

  beforeAll(async () => {
    harness = await openHarness('replay-all', new Date('2024-10-12T02:00:00Z'));
  });
  afterAll(() => harness.close());

  it('lists every such action the contracts have', () => {
    const taking = Object.entries(api).flatMap(([fn, actions]) =>
      Object.entries(actions as Record<string, { payload: { shape?: Record<string, unknown> } }>)
        .filter(([, a]) => a.payload.shape !== undefined && 'requestId' in a.payload.shape)
        .map(([action]) => `${fn}.${action}`),
    );
    expect(Object.keys(ACTS).sort()).toEqual(taking.sort());
  });

  it.each(Object.keys(ACTS))('%s: an id that named another act is 409 REQUEST.ID_REUSED, and nothing changes', async (key) => {
    const [fn, action] = key.split('.') as [string, string];
    const { openid, person, payload } = ACTS[key]!;
    const requestId = `used-elsewhere-${action}`;
    await harness.store.insert('requests', { _id: `${person}:${requestId}`, personId: person, action: 'units.somethingElse', fingerprint: 'x', at: '2024-10-01T00:00:00.000Z' });
    const before = await snapshot();
    const outcome = await dispatch(functions, fn, { action, payload: { ...payload, requestId } }, { openid }, harness.deps);
    expect({ key, status: outcome.status, code: outcome.reply.ok ? null : outcome.reply.code }).toEqual({ key, status: 409, code: 'REQUEST.ID_REUSED' });
    expect(await snapshot()).toEqual(before);
  });

  it.each(Object.keys(ACTS))('%s: the same act again under its id is never refused as reused; other words under it are', async (key) => {
    const [fn, action] = key.split('.') as [string, string];
    const { openid, payload } = ACTS[key]!;
    const requestId = `same-act-${action}`;
    const send = (words: Record<string, unknown>) => dispatch(functions, fn, { action, payload: { ...words, requestId } }, { openid }, harness.deps);
    const first = await send(payload);
    // These two are done from the seeded state, so the words check below runs for them at least.
    if (key === 'subscriptions.record' || key === 'committee.createMeeting') expect(first.reply).toMatchObject({ ok: true });
    const again = await send(payload);
    expect({ key, again: again.reply.ok ? 'ok' : again.reply.code }).toEqual({ key, again: first.reply.ok ? 'ok' : (first.reply as { code: string }).code });
    // Only an act that was done holds its id: then other words under it are refused.
    if (first.reply.ok) {
      const other = await send({ ...payload, ...(key === 'committee.createMeeting' ? { heldOn: '2024-10-16' } : key === 'subscriptions.record' ? { errCode: 20004 } : { applicationId: 'person-forestry-2:aksu-forestry-2024:directed_evaluation:deputy_senior' }) });
      expect({ key, code: other.reply.ok ? null : other.reply.code }).toEqual({ key, code: 'REQUEST.ID_REUSED' });
    }
  });
});
