import { remindersDue, REMINDER_HORIZON_MS } from '../../core/defense/reminders';
import { outboxHolds } from '../outbox';
import { sessions as sessionStore, slots } from './plans.repo';
import type { DefenseSession } from '../../core/defense/schedule';
import { templateRegistry } from '../../core/config/message-templates';
import type { TimerDef } from '../function';
import { decideSlot } from '../../core/defense/slot.machine';

/**
 * Reminders of published slots: the day before and shortly before (config/messages, timed by the
 * core's `remindersDue`), each once (its outbox key), only while the person has reminders left (the
 * outbox uses a credit per send; without one the reminder is an in-app notice).
 */
export const reminderTimers: Readonly<Record<string, TimerDef>> = {
    remindDefenses: {
      cron: '0 */5 * * * * *',
      everyMs: 60_000,
      async run(ctx) {
        const policy = templateRegistry().defenseReminders;
        const soon = await slots.find(ctx.store, {
          where: [
            { field: 'published', op: 'eq', value: true },
            { field: 'startsAt', op: 'gt', value: ctx.now.toISOString() },
            { field: 'startsAt', op: 'lte', value: new Date(ctx.now.getTime() + REMINDER_HORIZON_MS).toISOString() },
          ],
          limit: 1000,
        });
        let queued = 0;
        const sessions = new Map<string, DefenseSession | null>();
        for (const { id, record: slot } of soon) {
          for (const when of remindersDue(new Date(slot.startsAt), ctx.now, policy)) {
            if (!sessions.has(slot.sessionId)) {
              sessions.set(slot.sessionId, (await sessionStore.get(ctx.store, slot.sessionId))?.record ?? null);
            }
            const session = sessions.get(slot.sessionId);
            if (!session) continue;
            const decided = decideSlot(slot, { kind: 'remind', when, minutesBefore: policy.minutesBefore }, { applicationId: id, now: ctx.now, session });
            if (!decided.ok) continue;
            for (const notice of decided.notices) {
              if (await outboxHolds(ctx.store, notice.dedupeKey)) continue;
              ctx.notify(notice);
              queued += 1;
            }
          }
        }
        return queued;
      },
    },
};
