import registry from '../../../config/messages/templates.json';
import { TemplateRegistry } from '../messages/templates';
import { once } from '../once';

/** The subscription-message template registry (config/messages/templates.json), validated on first use. */
export const templateRegistry = once(() => TemplateRegistry.parse(registry));
