import { SYSTEM_ACTOR } from '../../core/review/decide';
import { dueCommand, WAITING_ON_A_DEADLINE } from '../../core/review/deadlines';
import { applications } from '../applications/applications.repo';
import { applicantViewOf } from '../applications/application.view';
import type { TimerDef } from '../function';
import { roundsOnce } from '../rounds.repo';
import { factsOf, moveApplication } from './move';

/**
 * The review table's delayed transitions, ticked: every application in a status a deadline leaves
 * from is asked of the core (`dueCommand`) and moved when one is due — 逾期未重新提交的视为放弃申报,
 * 未缴纳的不予评审 — each once (a second tick finds it moved on). The timer decides nothing itself.
 */
export const deadlineTimer: TimerDef = {
  cron: '0 */5 * * * * *',
  everyMs: 60_000,
  async run(ctx) {
    const waiting = await applications.findAll(ctx.store, { where: [{ field: 'status', op: 'in', values: WAITING_ON_A_DEADLINE }] });
    const roundOf = roundsOnce(ctx.store);
    let changed = 0;
    for (const { id, rev, record } of waiting) {
      const round = await roundOf(record);
      if (!round) continue;
      // Whether a deadline fell due needs only the record and the round; the application's view
      // (its label, whether it defends) only for the one that is moved.
      if (!dueCommand(record, factsOf({ record, round, defenseRequired: false }, ctx.now))) continue;
      const view = await applicantViewOf(ctx.store, id, record, round, ctx.now);
      if (!view) continue;
      const defenseRequired = view.defense.status === 'required';
      const command = dueCommand(record, factsOf({ record, round, view, defenseRequired }, ctx.now));
      if (!command) continue;
      const moved = moveApplication({ id, rev, record, round, view, command, actor: SYSTEM_ACTOR, requestId: null, defenseRequired }, ctx);
      if (moved.ok) changed += 1;
    }
    return changed;
  },
};
