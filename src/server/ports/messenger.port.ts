import type { Result } from '../../core/result';
import { checkKeywords } from '../../core/messages/keywords';

/** A WeChat subscription message, keyed by template keyword (`thing1`, `time2`, …). */
export interface SubscriptionMessage {
  readonly toOpenid: string;
  readonly templateId: string;
  /** The mini-program page the message opens, e.g. `apply/pages/defense/index?id=…` (`core/pages.ts`). */
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
}

export type MessengerError = {
  readonly code:
    | 'MESSAGE.NO_CONSENT'
    | 'MESSAGE.INVALID_VALUE'
    | 'MESSAGE.BAD_OPENID'
    | 'MESSAGE.BAD_TEMPLATE'
    | 'MESSAGE.BAD_PAGE'
    /** WeChat busy (-1) or no answer in time: worth trying again later. */
    | 'MESSAGE.BUSY'
    | 'MESSAGE.FAILED';
  /** What the platform said, for the log. */
  readonly cause: string;
};

export interface Messenger {
  send(message: SubscriptionMessage): Promise<Result<void, MessengerError>>;
}

/** Real openids are 28 URL-safe characters; anything outside this set would be refused (40003). */
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What every messenger refuses before reaching the platform, so no invalid message is ever sent
 * and local runs fail where production would: a malformed openid, an empty template id, keyword
 * values that break WeChat's rules (named in the cause). Null when the message may be sent.
 */
export function refusal(message: SubscriptionMessage): { ok: false; error: MessengerError } | null {
  if (!OPENID.test(message.toOpenid)) {
    return { ok: false, error: { code: 'MESSAGE.BAD_OPENID', cause: `invalid openid ${JSON.stringify(message.toOpenid)}` } };
  }
  if (message.templateId.trim().length === 0) return { ok: false, error: { code: 'MESSAGE.BAD_TEMPLATE', cause: 'empty templateId' } };
  const problems = checkKeywords(message.data);
  if (problems.length > 0) return { ok: false, error: { code: 'MESSAGE.INVALID_VALUE', cause: problems.join('；') } };
  return null;
}
