import type { SubscriptionStatusView } from '../../core/contracts/api';
import { promptAnswerTexts } from '../../core/messages/prompt-answers';
import { TemplateKey } from '../../core/messages/templates';
import type { Person } from '../../core/people/person';
import { ok } from '../../core/result';
import { collections } from '../collections';
import { subscriptionsContract } from '../../core/contracts/functions/subscriptions.contract';
import { defineFunction, type WorkContext } from '../function';
import type { Write } from '../ports/store.port';
import { creditId } from '../outbox';
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
        const doc = await store.get(collections.subscriptionCredits.name, id);
        const seen = Array.isArray(doc?.requests) ? (doc.requests as string[]) : [];
        // The same prompt's answers again (a retry, a double tap): counted once.
        if (seen.includes(requestId)) continue;
        const requests = [...seen, requestId].slice(-REMEMBERED_REQUESTS);
        const write: Write = doc
          ? { kind: 'update', collection: collections.subscriptionCredits.name, id, rev: doc._rev, set: { count: Number(doc.count) + 1, requests, updatedAt: now.toISOString() } }
          : { kind: 'insert', collection: collections.subscriptionCredits.name, doc: { _id: id, personId: caller._id, template: key, count: 1, requests, updatedAt: now.toISOString() } };
        if (write.kind === 'insert') writes.insert(write.collection, write.doc);
        else writes.update(write.collection, write.id, write.rev, write.set);
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
    const doc = await ctx.store.get(collections.subscriptionCredits.name, creditId(caller._id, key));
    const counted = Array.isArray(doc?.requests) && (doc.requests as string[]).includes(requestId);
    const added = results[templateId] === 'accept' && !counted && !ctx.subscriptions.longTerm ? 1 : 0;
    templates.push({ key, title: templateRegistry().templates[key].title, templateId, credits: Number(doc?.count ?? 0) + added });
  }
  return { setUp: templates.length > 0, longTerm: ctx.subscriptions.longTerm, templates, messages };
}
