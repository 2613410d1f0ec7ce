import type { SubscriptionStatusView } from '../../core/contracts/api';
import { promptAnswerTexts } from '../../core/messages/prompt-answers';
import { TemplateKey } from '../../core/messages/templates';
import type { Person } from '../../core/people/person';
import { ok } from '../../core/result';
import { subscriptionsContract } from '../../core/contracts/functions/subscriptions.contract';
import { defineFunction, type WorkContext } from '../function';
import { creditId, credits } from '../subscriptions/credits.repo';
import { templateRegistry } from '../../core/config/message-templates';

/** How many request ids a credit remembers, so a retried `record` adds nothing twice. */
const REMEMBERED_REQUESTS = 20;

/**
 * `subscriptions`: the person's WeChat reminders. The app asks with `requestSubscribeMessage` at a
 * natural tap and reports WeChat's answers here; each accepted one-time template is one credit
 * (one message) for that person and template, used by the outbox when it sends. What the answers
 * came from is the person's own phone, so a forged accept only earns a send WeChat refuses (43101),
 * after which the credit is zero.
 */
export const subscriptionsFunction = defineFunction('subscriptions', subscriptionsContract, {
  status: {
    roles: ['applicant'],
    async handle(_payload, ctx) {
      return ok(await statusOf(ctx, ctx.caller, []));
    },
  },
  record: {
    roles: ['applicant'],
    async handle({ requestId, results, errCode }, ctx) {
      const { caller, store, writes, now, subscriptions } = ctx;
      const answered: { title: string; answer: string }[] = [];
      for (const key of TemplateKey.options) {
        const templateId = subscriptions.ids[key];
        const answer = templateId ? results[templateId] : undefined;
        if (!answer) continue;
        answered.push({ title: templateRegistry().templates[key].title, answer });
        if (answer !== 'accept' || subscriptions.longTerm) continue;
        const id = creditId(caller._id, key);
        const held = await credits.get(store, id);
        const seen = held?.record.requests ?? [];
        // The same prompt's answers again (a retry, a double tap): counted once.
        if (seen.includes(requestId)) continue;
        const requests = [...seen, requestId].slice(-REMEMBERED_REQUESTS);
        if (held) credits.update(writes, held, { count: held.record.count + 1, requests, updatedAt: now.toISOString() });
        else credits.insert(writes, id, { personId: caller._id, template: key, count: 1, requests, updatedAt: now.toISOString() });
      }
      const status = await statusOf(ctx, caller, promptAnswerTexts(errCode, answered), results, requestId);
      return ok(status);
    },
  },
});

/**
 * The templates set up here with the caller's credits; after `record`, the accepted ones already
 * counted (the writes commit after the handler).
 */
async function statusOf(ctx: Pick<WorkContext, 'store' | 'subscriptions'>, caller: Person, messages: string[], results: Readonly<Record<string, string>> = {}, requestId = ''): Promise<SubscriptionStatusView> {
  const templates = [];
  for (const key of TemplateKey.options) {
    const templateId = ctx.subscriptions.ids[key];
    if (!templateId) continue;
    const held = (await credits.get(ctx.store, creditId(caller._id, key)))?.record;
    const counted = held?.requests.includes(requestId) ?? false;
    const added = results[templateId] === 'accept' && !counted && !ctx.subscriptions.longTerm ? 1 : 0;
    templates.push({ key, title: templateRegistry().templates[key].title, templateId, credits: (held?.count ?? 0) + added });
  }
  return { setUp: templates.length > 0, longTerm: ctx.subscriptions.longTerm, templates, messages };
}
