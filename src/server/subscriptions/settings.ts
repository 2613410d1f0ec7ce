import { templateRegistry } from '../../core/config/message-templates';
import { once } from '../../core/once';
import { templateIds, type MessageEnvironment, type TemplateKey } from '../../core/messages/templates';


/**
 * What the functions know of subscription messages where they run: the template ids of this
 * environment (a template without one is not set up: in-app notices only) and whether the account
 * has long-term subscriptions (then a send uses no credit).
 */
export interface SubscriptionSettings {
  readonly ids: Partial<Record<TemplateKey, string>>;
  readonly longTerm: boolean;
}

export function subscriptionSettings(env: MessageEnvironment): SubscriptionSettings {
  // Read on first use: a cloud function builds its settings at module scope, on every cold start.
  const ids = once(() => templateIds(templateRegistry(), env));
  return {
    get ids() {
      return ids();
    },
    get longTerm() {
      return templateRegistry().longTerm;
    },
  };
}
