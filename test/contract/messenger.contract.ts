import type { Messenger, SubscriptionMessage } from '../../src/server/ports/messenger.port';

/** What a messenger has delivered, in the platform-neutral shape. */
export interface Delivered {
  readonly toOpenid: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface MessengerHarness {
  readonly messenger: Messenger;
  /** Everything that reached the platform (or the local record), oldest first. */
  delivered(): Promise<Delivered[]>;
}

/**
 * The behaviour every Messenger shares, run over the local recording messenger and over the
 * cloud messenger on the wx-server-sdk fake: what is sent arrives as sent, and what WeChat would
 * refuse is refused before it is sent, with the same code and a cause naming the problem.
 */
export function messengerContract(name: string, make: () => Promise<MessengerHarness>, cleanup: () => Promise<void> = async () => undefined) {
  describe(`${name} (messenger contract)`, () => {
    let harness: MessengerHarness;
    beforeEach(async () => {
      harness = await make();
    });
    afterEach(cleanup);

    it('delivers a valid message as it was given', async () => {
      expect(await harness.messenger.send(reviewNotice())).toEqual({ ok: true, value: undefined });
      expect(await harness.delivered()).toEqual([reviewNotice()]);
    });

    it('refuses a keyword value WeChat would refuse, naming the keyword, and delivers nothing', async () => {
      const result = await harness.messenger.send({ ...reviewNotice(), data: { thing1: '评'.repeat(21), phrase2: '已通过' } });
      expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.INVALID_VALUE', cause: expect.stringContaining('thing1') } });
      expect(await harness.delivered()).toEqual([]);
    });

    it('names every bad keyword in the cause', async () => {
      const result = await harness.messenger.send({ ...reviewNotice(), data: { thing1: '', phrase2: '通过了审核啦', date3: '明天' } });
      expect(result.ok).toBe(false);
      if (!result.ok) for (const key of ['thing1', 'phrase2', 'date3']) expect(result.error.cause).toContain(key);
    });

    it.each([[''], ['has space'], ['换行\n']])('refuses the openid %j as MESSAGE.BAD_OPENID and delivers nothing', async (toOpenid) => {
      const result = await harness.messenger.send({ ...reviewNotice(), toOpenid });
      expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.BAD_OPENID', cause: expect.any(String) } });
      expect(await harness.delivered()).toEqual([]);
    });

    it('refuses an empty template id as MESSAGE.BAD_TEMPLATE', async () => {
      const result = await harness.messenger.send({ ...reviewNotice(), templateId: ' ' });
      expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.BAD_TEMPLATE', cause: expect.any(String) } });
      expect(await harness.delivered()).toEqual([]);
    });

    it('delivers its own copy of the data', async () => {
      const data: Record<string, string> = { thing1: '职称评审材料', phrase2: '已通过' };
      await harness.messenger.send({ ...reviewNotice(), data });
      data.thing1 = '改过了';
      expect((await harness.delivered())[0]?.data).toEqual({ thing1: '职称评审材料', phrase2: '已通过' });
    });
  });
}

export function reviewNotice(): SubscriptionMessage {
  return {
    toOpenid: 'oAbc123_openid-000000000000',
    templateId: 'tmpl-review',
    page: 'pages/review/index?id=r1',
    data: { thing1: '职称评审材料', phrase2: '已通过' },
  };
}
