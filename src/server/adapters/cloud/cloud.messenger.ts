import { err, ok } from '../../../core/result';
import type { Result } from '../../../core/result';
import type { Messenger, MessengerError, SubscriptionMessage } from '../../ports/messenger.port';
import { refusal } from '../../ports/messenger.port';
import type { WxCloud } from './wx.types';

/** WeChat's subscribeMessage.send error codes the callers act on; anything else is MESSAGE.FAILED. */
const CODES: Readonly<Record<number, MessengerError['code']>> = {
  43101: 'MESSAGE.NO_CONSENT', // the user has not subscribed, or the one-time grant is used up
  47003: 'MESSAGE.INVALID_VALUE', // a keyword value breaks its type's rule; errMsg names it
  40003: 'MESSAGE.BAD_OPENID',
  40037: 'MESSAGE.BAD_TEMPLATE',
  41030: 'MESSAGE.BAD_PAGE', // the page is not in the released version
  [-1]: 'MESSAGE.BUSY', // system busy: the one worth retrying
};

/** A send WeChat has not answered by then is treated as busy (the outbox tries again later). */
const SEND_TIMEOUT_MS = 10_000;

/**
 * The production Messenger: `cloud.openapi.subscribeMessage.send` (the function's config.json must
 * grant `subscribeMessage.send`). Refusals, ours (`refusal`) and the platform's, come back as
 * values, never as throws.
 */
export function cloudMessenger(
  cloud: WxCloud,
  options: { miniprogramState: 'formal' | 'trial' | 'developer'; timeoutMs?: number },
): Messenger {
  return {
    async send(message: SubscriptionMessage): Promise<Result<void, MessengerError>> {
      // An invalid message is never sent: the platform would refuse it (47003) and use up nothing,
      // but a wrong value could also pass its check and reach the person garbled.
      const refused = refusal(message);
      if (refused) return refused;
      const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
      try {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error('subscribeMessage.send: no answer in time'), { errCode: -1 })), options.timeoutMs ?? SEND_TIMEOUT_MS);
        });
        const response = await Promise.race([
          cloud.openapi.subscribeMessage.send({
            touser: message.toOpenid,
            templateId: message.templateId,
            page: message.page,
            data,
            miniprogramState: options.miniprogramState,
          }),
          timeout,
        ]).finally(() => clearTimeout(timer));
        // 4.0.2 rejects on a WeChat error, but a resolved non-zero errCode must not pass as sent.
        const code = Number(response?.errCode ?? 0);
        return code === 0 ? ok(undefined) : err(toError(code, response?.errMsg ?? `errCode ${code}`));
      } catch (caught) {
        return err(toError(errCodeOf(caught), errMsgOf(caught)));
      }
    },
  };
}

/** The cause always carries WeChat's errcode, for the outbox's record and the log. */
function toError(code: number | undefined, cause: string): MessengerError {
  const withCode = code === undefined || cause.includes(String(code)) ? cause : `errCode ${code}: ${cause}`;
  return { code: (code !== undefined && CODES[code]) || 'MESSAGE.FAILED', cause: withCode };
}

/** The SDK's errors carry `errCode`; its message also reads `errCode: 43101 | errMsg: …`. */
function errCodeOf(caught: unknown): number | undefined {
  const raw = (caught as { errCode?: unknown } | null)?.errCode;
  if (typeof raw === 'number' || (typeof raw === 'string' && /^-?\d+$/.test(raw))) return Number(raw);
  const match = /errCode:\s*(-?\d+)/.exec(caught instanceof Error ? caught.message : String(caught));
  return match ? Number(match[1]) : undefined;
}

function errMsgOf(caught: unknown): string {
  const errMsg = (caught as { errMsg?: unknown } | null)?.errMsg;
  if (typeof errMsg === 'string' && errMsg.length > 0) return errMsg;
  return caught instanceof Error ? caught.message : String(caught);
}
