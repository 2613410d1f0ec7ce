import type { NoticeKind } from '../review/review.machine';
import type { SubscriptionDraft } from './subscription';

/**
 * A notice a state change causes, complete as the person will read it: the in-app notice (title,
 * body, the page it opens) and the WeChat subscription message where there is one, with the key
 * that makes it one notice however often the change is retried. The server's outbox keeps it.
 */
export interface NoticeDraft {
  readonly dedupeKey: string;
  readonly personId: string;
  readonly applicationId: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly body: string;
  readonly page: string;
  /** The WeChat subscription message, where this notice has one. */
  readonly subscription?: SubscriptionDraft | null;
}
