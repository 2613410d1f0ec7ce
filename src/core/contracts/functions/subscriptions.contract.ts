import * as z from 'zod';
import { action } from '../contract';
import { Empty, RequestId } from '../fields';
import type { SubscriptionStatusView } from '../views';

/** The `subscriptions` function's actions: each payload's schema and, as a type, what it answers. */
export const subscriptionsContract = {
  /** The WeChat reminders the caller can have here: each template's id and how many messages are left. */
  status: action<SubscriptionStatusView>()(Empty),
  /** What WeChat's subscription prompt answered: one credit per accepted one-time template. */
  record: action<SubscriptionStatusView>()(
    z.strictObject({
      requestId: RequestId,
      results: z.record(z.string().trim().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter'], { message: '订阅结果不正确' })),
      /** The prompt's own failure, e.g. 20004 (notifications switched off in WeChat). */
      errCode: z.number().int().nullable().default(null),
    }),
  ),
} as const;
