import { randomUUID } from 'node:crypto';
import { checkKeywords } from '../../../core/messages/keywords';
import { err, ok } from '../../../core/result';
import type { Result } from '../../../core/result';
import type { Clock } from '../../ports/clock.port';
import type { Messenger, MessengerError, SubscriptionMessage } from '../../ports/messenger.port';
import { DEFAULT_LIMIT } from '../../ports/store.port';
import type { CollectionSpec, Store } from '../../ports/store.port';
import { collections } from '../../collections';

/** Where the local messenger keeps what it "sent"; add it to the local store's collections. */
export const outboxCollection: CollectionSpec = collections.outbox;

export interface OutboxEntry {
  readonly _id: string;
  readonly _rev: number;
  readonly toOpenid: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
  /** ISO 8601, from the injected clock. */
  readonly sentAt: string;
}

export interface OutboxOptions {
  /** Ids for new entries; tests pass a counter to get stable ids. */
  readonly newId?: () => string;
}

/** Real openids are 28 URL-safe characters; anything outside this set would be refused (40003). */
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The local Messenger: instead of reaching WeChat it records each message in the `outbox`
 * collection, after refusing what the platform would refuse (bad keyword values, an empty openid
 * or template), so local runs fail where production would.
 */
export function outboxMessenger(
  store: Store,
  clock: Clock,
  options: OutboxOptions = {},
): Messenger & { list(limit?: number): Promise<OutboxEntry[]> } {
  const newId = options.newId ?? randomUUID;
  return {
    async send(message: SubscriptionMessage): Promise<Result<void, MessengerError>> {
      if (!OPENID.test(message.toOpenid)) {
        return err({ code: 'MESSAGE.BAD_OPENID', cause: `invalid openid ${JSON.stringify(message.toOpenid)}` });
      }
      if (message.templateId.trim().length === 0) {
        return err({ code: 'MESSAGE.BAD_TEMPLATE', cause: 'empty templateId' });
      }
      const problems = checkKeywords(message.data);
      if (problems.length > 0) return err({ code: 'MESSAGE.INVALID_VALUE', cause: problems.join('；') });

      const inserted = await store.insert(outboxCollection.name, {
        _id: newId(),
        toOpenid: message.toOpenid,
        templateId: message.templateId,
        page: message.page,
        data: { ...message.data },
        sentAt: clock.now().toISOString(),
      });
      // Ids are fresh, so a failure here is a broken id source: a bug, not a delivery outcome.
      if (!inserted.ok) throw new Error(`Outbox insert failed: ${inserted.error.code} ${inserted.error.id}`);
      return ok(undefined);
    },

    /** The most recent entries first. */
    async list(limit: number = DEFAULT_LIMIT): Promise<OutboxEntry[]> {
      return store.find<Omit<OutboxEntry, '_id' | '_rev'>>(outboxCollection.name, {
        orderBy: [{ field: 'sentAt', direction: 'desc' }],
        limit,
      });
    },
  };
}
