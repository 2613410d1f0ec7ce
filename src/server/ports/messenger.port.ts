import type { Result } from '../../core/result';

/** A WeChat subscription message, keyed by template keyword (`thing1`, `time2`, …). */
export interface SubscriptionMessage {
  readonly toOpenid: string;
  readonly templateId: string;
  /** The mini-program page the message opens, e.g. `pages/defense/index?id=…`. */
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
}

export type MessengerError = {
  readonly code:
    | 'MESSAGE.NO_CONSENT'
    | 'MESSAGE.INVALID_VALUE'
    | 'MESSAGE.BAD_OPENID'
    | 'MESSAGE.BAD_TEMPLATE'
    | 'MESSAGE.FAILED';
  /** What the platform said, for the log. */
  readonly cause: string;
};

export interface Messenger {
  send(message: SubscriptionMessage): Promise<Result<void, MessengerError>>;
}
