import * as z from 'zod';
import { checkKeywords } from './keywords';

/**
 * The subscription-message templates the product sends, as data (`config/messages/templates.json`):
 * each one's title as chosen from WeChat's template library, its keywords (WeChat's key, whose name
 * before the digits is the keyword's type, and the name shown to the person) and its template id
 * per environment. A template id belongs to one AppID: the production ids are written in after the
 * templates are chosen in the mini-program's console; an empty id means "not set up" and the
 * product keeps to in-app notices for it.
 */
export const TemplateKey = z.enum(['defense_scheduled', 'defense_reminder', 'defense_changed', 'materials_returned', 'review_result']);
export type TemplateKey = z.infer<typeof TemplateKey>;

export const MessageEnvironment = z.enum(['development', 'production']);
export type MessageEnvironment = z.infer<typeof MessageEnvironment>;

const KeywordKey = z.string().regex(/^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)\d{1,2}$/, '关键词应为 WeChat 的类型加编号，如 thing1');

export const TemplateSpec = z.strictObject({
  title: z.string().min(1).max(20),
  keywords: z.array(z.strictObject({ key: KeywordKey, name: z.string().min(1).max(10) })).min(1).max(5),
  ids: z.strictObject({ development: z.string(), production: z.string() }),
});
export type TemplateSpec = z.infer<typeof TemplateSpec>;

export const TemplateRegistry = z
  .strictObject({
    /**
     * Long-term subscriptions (长期订阅) are granted only to some services (government, medical,
     * transport, finance, education); off, every template is one-time: one accepted prompt, one message.
     */
    longTerm: z.boolean(),
    /** Defense reminders: the day before (at the same time), and this many minutes before (0: none). */
    defenseReminders: z.strictObject({ dayBefore: z.boolean(), minutesBefore: z.number().int().min(0).max(240) }),
    templates: z.strictObject(Object.fromEntries(TemplateKey.options.map((k) => [k, TemplateSpec])) as Record<TemplateKey, typeof TemplateSpec>),
  })
  .superRefine((registry, ctx) => {
    for (const env of MessageEnvironment.options) {
      const ids = TemplateKey.options.map((k) => registry.templates[k].ids[env]).filter((id) => id !== '');
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `${env}: two templates share an id` });
    }
  });
export type TemplateRegistry = z.infer<typeof TemplateRegistry>;

/**
 * A message's data as its template takes it: exactly the template's keywords (WeChat silently drops
 * a key the template lacks, so a mismatch would send an empty line), each value within its type's rule.
 */
export function templateData(spec: TemplateSpec) {
  const keys = spec.keywords.map((k) => k.key).sort();
  return z.record(z.string(), z.string()).superRefine((data, ctx) => {
    const given = Object.keys(data).sort();
    if (given.join(',') !== keys.join(',')) ctx.addIssue({ code: 'custom', message: `关键词应为 ${keys.join('、')}，现为 ${given.join('、')}` });
    for (const problem of checkKeywords(data)) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** The template ids of one environment; a template not set up there is absent. */
export function templateIds(registry: TemplateRegistry, env: MessageEnvironment): Partial<Record<TemplateKey, string>> {
  return Object.fromEntries(TemplateKey.options.flatMap((k) => (registry.templates[k].ids[env] ? [[k, registry.templates[k].ids[env]]] : [])));
}

/**
 * WeChat shows at most 3 templates in one `requestSubscribeMessage` prompt (the docs say 5, many
 * clients take 3), and never one-time and long-term ones together.
 */
export const MAX_TEMPLATES_PER_PROMPT = 3;
