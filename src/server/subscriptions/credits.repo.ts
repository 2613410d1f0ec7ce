import * as z from 'zod';
import type { TemplateKey } from '../../core/messages/templates';
import { collections } from '../collections';
import { parseFields } from '../docs';
import { repository } from '../repository';

/**
 * A person's one-time subscription-message credits for one template: each 允许 in WeChat's prompt
 * adds one (the same prompt's answers counted once, by its request id), each message sent uses one.
 */
export const Credit = z.object({
  personId: z.string(),
  template: z.string(),
  count: z.number().int(),
  /** The last prompts counted (their request ids). */
  requests: z.array(z.string()).default([]),
  updatedAt: z.string(),
});
export type Credit = z.infer<typeof Credit>;

export const credits = repository(collections.subscriptionCredits, (doc) => parseFields(Credit, doc));

/** The credits document of a person and template. */
export const creditId = (personId: string, template: TemplateKey) => `${personId}:${template}`;
