import { cloudMessenger } from '../../src/server/adapters/cloud/cloud.messenger';
import type { SubscriptionMessage } from '../../src/server/ports/messenger.port';
import { createFakeWxCloud } from '../fakes/wx-server-sdk.fake';

describe('cloudMessenger', () => {
  it('sends the message in the shape subscribeMessage.send expects', async () => {
    const fake = createFakeWxCloud();
    const result = await cloudMessenger(fake, { miniprogramState: 'trial' }).send(defenseNotice());
    expect(result).toEqual({ ok: true, value: undefined });
    expect(fake.sentMessages).toEqual([
      {
        touser: 'oAbc123_openid-000000000000',
        templateId: 'tmpl-defense',
        page: 'pages/defense/index?id=d1',
        data: { thing1: { value: '答辩安排' }, time2: { value: '2025年3月1日 10:00' } },
        miniprogramState: 'trial',
      },
    ]);
  });

  it.each<[number, string]>([
    [43101, 'MESSAGE.NO_CONSENT'],
    [47003, 'MESSAGE.INVALID_VALUE'],
    [40003, 'MESSAGE.BAD_OPENID'],
    [40037, 'MESSAGE.BAD_TEMPLATE'],
    [41030, 'MESSAGE.BAD_PAGE'],
    [-1, 'MESSAGE.BUSY'],
    [45009, 'MESSAGE.FAILED'],
    [-501002, 'MESSAGE.FAILED'],
  ])('maps errCode %d to %s when the SDK rejects', async (errCode, code) => {
    const fake = createFakeWxCloud();
    fake.failNextSend(errCode, `errmsg for ${errCode}`, 'reject');
    const result = await cloudMessenger(fake, { miniprogramState: 'formal' }).send(defenseNotice());
    expect(result).toEqual({ ok: false, error: { code, cause: expect.stringContaining(`errmsg for ${errCode}`) } });
    expect(fake.sentMessages).toEqual([]);
  });

  it.each<[number, string]>([
    [43101, 'MESSAGE.NO_CONSENT'],
    [47003, 'MESSAGE.INVALID_VALUE'],
    [40003, 'MESSAGE.BAD_OPENID'],
    [40037, 'MESSAGE.BAD_TEMPLATE'],
    [45009, 'MESSAGE.FAILED'],
  ])('maps errCode %d to %s when the SDK resolves with it', async (errCode, code) => {
    const fake = createFakeWxCloud();
    fake.failNextSend(errCode, `errmsg for ${errCode}`, 'resolve');
    const result = await cloudMessenger(fake, { miniprogramState: 'formal' }).send(defenseNotice());
    expect(result).toEqual({ ok: false, error: { code, cause: expect.stringContaining(`errmsg for ${errCode}`) } });
  });

  it('answers a send WeChat does not answer in time as busy (tried again later)', async () => {
    const fake = createFakeWxCloud();
    jest.spyOn(fake.openapi.subscribeMessage, 'send').mockReturnValue(new Promise(() => undefined));
    const result = await cloudMessenger(fake, { miniprogramState: 'formal', timeoutMs: 20 }).send(defenseNotice());
    expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.BUSY', cause: expect.stringContaining('no answer in time') } });
  });

  it('reads the code from the message text when the error has no errCode property', async () => {
    const fake = createFakeWxCloud();
    jest
      .spyOn(fake.openapi.subscribeMessage, 'send')
      .mockRejectedValue(new Error('errCode: 43101 | errMsg: user refuse to accept the msg'));
    const result = await cloudMessenger(fake, { miniprogramState: 'formal' }).send(defenseNotice());
    expect(result).toEqual({
      ok: false,
      error: { code: 'MESSAGE.NO_CONSENT', cause: 'errCode: 43101 | errMsg: user refuse to accept the msg' },
    });
  });

  it('turns a rejection that is not an Error into MESSAGE.FAILED', async () => {
    const fake = createFakeWxCloud();
    jest.spyOn(fake.openapi.subscribeMessage, 'send').mockRejectedValue('network down');
    const result = await cloudMessenger(fake, { miniprogramState: 'formal' }).send(defenseNotice());
    expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.FAILED', cause: 'network down' } });
  });

  it('sends the next message normally after a failure', async () => {
    const fake = createFakeWxCloud();
    const messenger = cloudMessenger(fake, { miniprogramState: 'formal' });
    fake.failNextSend(43101, 'user refuse to accept the msg');
    expect((await messenger.send(defenseNotice())).ok).toBe(false);
    expect((await messenger.send(defenseNotice())).ok).toBe(true);
    expect(fake.sentMessages).toHaveLength(1);
  });
});

function defenseNotice(): SubscriptionMessage {
  return {
    toOpenid: 'oAbc123_openid-000000000000',
    templateId: 'tmpl-defense',
    page: 'pages/defense/index?id=d1',
    data: { thing1: '答辩安排', time2: '2025年3月1日 10:00' },
  };
}
