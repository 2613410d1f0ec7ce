import { randomUUID } from 'node:crypto';
import { ok } from '../../../core/result';
import type { Result } from '../../../core/result';
import type { Clock } from '../../ports/clock.port';
import type { Messenger, MessengerError, SubscriptionMessage } from '../../ports/messenger.port';
import { refusal } from '../../ports/messenger.port';
import { DEFAULT_LIMIT } from '../../ports/store.port';
import type { CollectionSpec, Store } from '../../ports/store.port';
import { collections } from '../../collections';

/** Where the local messenger records what it sent; add it to the local store's collections. */
export const sentMessagesCollection: CollectionSpec = collections.sentMessages;

export interface SentMessage {
  readonly _id: string;
  readonly _rev: number;
  readonly toOpenid: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
  /** ISO 8601, from the injected clock. */
  readonly sentAt: string;
}

export interface RecordingOptions {
  /** Ids for new entries; tests pass a counter to get stable ids. */
  readonly newId?: () => string;
}

export type RecordingMessenger = Messenger & {
  /** The most recent messages first. */
  list(limit?: number): Promise<SentMessage[]>;
};

/**
 * The local Messenger: instead of reaching WeChat it records each message it sends in the
 * `sentMessages` collection, for the dev console, after refusing what the platform would refuse
 * (the checks every messenger shares, `refusal`), so local runs fail where production would. It
 * is a record of sends, not an outbox: nothing is queued or retried.
 */
export function recordingMessenger(store: Store, clock: Clock, options: RecordingOptions = {}): RecordingMessenger {
  const newId = options.newId ?? randomUUID;
  return {
    async send(message: SubscriptionMessage): Promise<Result<void, MessengerError>> {
      const refused = refusal(message);
      if (refused) return refused;
      const inserted = await store.insert(sentMessagesCollection.name, {
        _id: newId(),
        toOpenid: message.toOpenid,
        templateId: message.templateId,
        page: message.page,
        data: { ...message.data },
        sentAt: clock.now().toISOString(),
      });
      // Ids are fresh, so a failure here is a broken id source: a bug, not a delivery outcome.
      if (!inserted.ok) throw new Error(`Recording a sent message failed: ${inserted.error.code} ${inserted.error.id}`);
      return ok(undefined);
    },

    async list(limit: number = DEFAULT_LIMIT): Promise<SentMessage[]> {
      return store.find<Omit<SentMessage, '_id' | '_rev'>>(sentMessagesCollection.name, {
        orderBy: [{ field: 'sentAt', direction: 'desc' }],
        limit,
      });
    },
  };
}
