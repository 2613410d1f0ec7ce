import registry from '../../../config/messages/templates.json';
import { TemplateRegistry, templateIds, type MessageEnvironment, type TemplateKey } from '../../core/messages/templates';

/** The template registry, validated once. */
export const templateRegistry = TemplateRegistry.parse(registry);

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
  return { ids: templateIds(templateRegistry, env), longTerm: templateRegistry.longTerm };
}
