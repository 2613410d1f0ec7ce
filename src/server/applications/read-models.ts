import { mayRead } from '../../core/application/file-access';
import { inboxOf } from '../outbox';
import type { LintContext } from '../../core/application/text-lint';
import type { ApplicationSummary } from '../../core/contracts/api';
import { appError } from '../../core/errors';
import { Role } from '../../core/people/person';
import { err, ok } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { loadRoundOf } from '../rounds.repo';
import { applications, loadFor } from './applications.repo';
import { inReviewScope } from '../../core/review/scope';
import { lintContextOf, viewOf } from './application.view';
import type { ActionDefs } from '../function';

/** What the app reads: one application, a file's short-lived URL (by who may read which copy), the in-app notices, the applicant's list. */
export const readActions: Pick<ActionDefs<'applications'>, 'get' | 'fileUrl' | 'inbox' | 'mine'> = {
  get: {
    roles: ['applicant'],
    async handle({ applicationId: id }, { caller, store, now }) {
      // Another person's application is answered as missing: its existence is not theirs to learn.
      const loaded = await loadFor(store, caller, id, 'own');
      if (!loaded.ok) return err(loaded.error);
      return ok(viewOf(id, loaded.record, loaded.round, now, await lintContextOf(store, caller, loaded.round)));
    },
  },
  fileUrl: {
    roles: Role.options,
    async handle({ applicationId: id, sha256, copy }, { caller, store, files, now }) {
      const found = await applications.get(store, id);
      if (!found) return err(appError('APPLICATION.NOT_FOUND'));
      const { record } = found;
      const relation = record.personId === caller._id ? 'owner' : inReviewScope(caller, record.unit) ? 'in_scope' : 'out_of_scope';
      // Outside one's scope an application is answered as missing: its existence is not theirs to learn.
      if (relation === 'out_of_scope') return err(appError('APPLICATION.NOT_FOUND'));
      if (!mayRead(caller.role, relation, copy)) return err(appError('AUTH.FORBIDDEN'));
      const file = record.files.find((f) => f.sha256 === sha256);
      const ref = copy === 'original' ? file?.ref : file?.blindRef;
      if (!ref) return err(appError('FILE.NOT_FOUND'));
      const ttlSeconds = 600;
      const url = await files.url(ref, ttlSeconds);
      if (!url) return err(appError('FILE.NOT_FOUND'));
      return ok({ url, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() });
    },
  },
  inbox: {
    roles: Role.options,
    async handle(_payload, { caller, store }) {
      return ok(await inboxOf(store, caller._id, 50));
    },
  },
  mine: {
    roles: ['applicant'],
    async handle(_payload, { caller, store, now }) {
      const mine = await applications.find(store, {
        where: [{ field: 'personId', op: 'eq', value: caller._id }],
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
      });
      // Each round (and the lint context, which reads the caller's unit) is loaded once, not per application.
      const rounds = new Map<string, { round: Round; context: LintContext }>();
      const summaries: ApplicationSummary[] = [];
      for (const { id, record } of mine) {
        const roundKey = `${record.roundId}@${record.roundVersion ?? 1}`;
        let loaded = rounds.get(roundKey);
        if (!loaded) {
          const round = await loadRoundOf(store, record);
          if (!round) continue;
          loaded = { round, context: await lintContextOf(store, caller, round) };
          rounds.set(roundKey, loaded);
        }
        const view = viewOf(id, record, loaded.round, now, loaded.context);
        summaries.push({ id: view.id, roundTitle: view.roundTitle, label: view.label, status: view.status, statusText: view.statusText, holderText: view.holderText, returnDeadline: view.returnDeadline, createdAt: view.createdAt, window: view.window });
      }
      return ok(summaries);
    },
  },
};
