import { isEditable } from '../../core/application/application.schema';
import { APPLICATION_REFUSAL } from '../../core/application/refusal-texts';
import { ENTRY_FORMS, entrySchema, isListRecord, type Entry } from '../../core/application/entry-forms';
import { checkIdNumber } from '../../core/identity/id-number';
import { beijingDate } from '../../core/time/beijing';
import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import { applications } from './applications.repo';
import { returnItems } from '../../core/application/return-items';
import { moveApplication } from '../review/move';
import { routeOf } from '../../core/review/route';
import { problemsOf, viewOf, withFix } from './application.view';
import { replayOf } from '../../core/review/request-replay';
import type { ActionDefs } from '../function';
import { loadOwn, saveFiles, unitOf } from './own';

/** The applicant's edits of a draft (or a returned application), each saved at the revision read, and submitting it. */
export const draftActions: Pick<ActionDefs<'applications'>, 'detach' | 'saveText' | 'saveEntries' | 'saveIdNumber' | 'declare' | 'confirmReturned' | 'fix' | 'submit' | 'saveBasics' | 'declareConflicts'> = {
  detach: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256, category }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      // The unit's papers are the unit's: the applicant cannot remove them.
      const units = new Set(own.round.materials.categories.filter((c) => c.providedBy === 'unit').map((c) => c.code));
      const next = own.record.files.filter((f) => units.has(f.category) || !(f.sha256 === sha256 && (category === undefined || f.category === category)));
      // Detaching twice leaves it detached.
      if (next.length !== own.record.files.length) saveFiles(writes, id, own.rev, next);
      return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
    },
  },
  saveText: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, text }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const item = viewOf(id, own.record, own.round, now, own.context).materials.find((m) => m.code === category);
      const typed = item && item.stage === 'online' && (item.record === 'essay' || (item.form === 'field' && item.record === null));
      if (!typed) return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.notTyped]));
      if (item.choices && text !== '' && !item.choices.options.includes(text)) {
        return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.chooseFrom(item.name, item.choices.options)]));
      }
      const texts = { ...own.record.texts, [category]: text };
      applications.update(writes, { id, rev: own.rev }, { texts });
      return ok(viewOf(id, { ...own.record, texts }, own.round, now, own.context));
    },
  },
  saveEntries: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, entries }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const item = viewOf(id, own.record, own.round, now, own.context).materials.find((m) => m.code === category);
      if (!item || item.stage !== 'online' || !isListRecord(item.record)) return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.notListed]));
      const schema = entrySchema(ENTRY_FORMS[item.record]);
      const checked: Entry[] = [];
      for (const [index, entry] of entries.entries()) {
        const parsed = schema.safeParse(entry);
        if (!parsed.success) return err(appError('REQUEST.INVALID_PAYLOAD', parsed.error.issues.map((i) => APPLICATION_REFUSAL.entry(index, i.message))));
        checked.push(parsed.data);
      }
      const next = { ...own.record.entries, [category]: checked };
      applications.update(writes, { id, rev: own.rev }, { entries: next });
      return ok(viewOf(id, { ...own.record, entries: next }, own.round, now, own.context));
    },
  },
  saveIdNumber: {
    roles: ['applicant'],
    async handle({ applicationId: id, idNumber }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const checked = checkIdNumber(idNumber, beijingDate(now));
      if (!checked.ok) return err(appError('REQUEST.INVALID_PAYLOAD', [checked.message], checked.message));
      applications.update(writes, { id, rev: own.rev }, { idNumber: checked.value });
      return ok(viewOf(id, { ...own.record, idNumber: checked.value }, own.round, now, own.context));
    },
  },
  declare: {
    roles: ['applicant'],
    async handle({ applicationId: id, rule, agreed }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      if (!own.round.materials.rules.some((r) => r.code === rule && r.kind === 'no_work_or_meeting_photos')) {
        return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.noSuchDeclaration]));
      }
      const declarations = agreed ? [...new Set([...own.record.declarations, rule])] : own.record.declarations.filter((d) => d !== rule);
      applications.update(writes, { id, rev: own.rev }, { declarations });
      return ok(viewOf(id, { ...own.record, declarations }, own.round, now, own.context));
    },
  },
  confirmReturned: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, note }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'returned') return err(appError('REVIEW.WRONG_STATUS', [APPLICATION_REFUSAL.onlyReturnedConfirm]));
      if (!returnItems(own.record).some((i) => i.category === category)) return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.notReturnedItem]));
      const returnConfirmations = { ...own.record.returnConfirmations, [category]: { note, at: now.toISOString() } };
      applications.update(writes, { id, rev: own.rev }, { returnConfirmations });
      return ok(viewOf(id, { ...own.record, returnConfirmations }, own.round, now, own.context));
    },
  },
  fix: {
    roles: ['applicant'],
    async handle({ applicationId: id, path }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      // The fix is found again here, on what is saved now: a stale tap cannot write an old text.
      const problem = problemsOf(own.record, own.round, now, own.context).find((p) => p.path === path && p.lint);
      if (!problem) return ok(viewOf(id, own.record, own.round, now, own.context));
      const fixed = withFix(own.record, problem);
      applications.update(writes, { id, rev: own.rev }, { texts: fixed.texts, entries: fixed.entries });
      return ok(viewOf(id, fixed, own.round, now, own.context));
    },
  },
  submit: {
    roles: ['applicant'],
    async handle({ applicationId: id, requestId }, ctx) {
      const { caller, store, now } = ctx;
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      // The same request again (a double tap, a retry after a dropped reply) is the submission already made.
      const replay = replayOf(own.record.events, requestId, 'submit');
      if (replay === 'reused') return err(appError('REQUEST.ID_REUSED'));
      if (replay === 'repeat') return ok(viewOf(id, own.record, own.round, now, own.context));
      const view = viewOf(id, own.record, own.round, now, own.context);
      if (view.verdict === 'ineligible' || view.verdict === 'not_yet') return err(appError('APPLICATION.INELIGIBLE'));
      if (own.record.status === 'draft' && view.window.state === 'not_started') {
        return err(appError('APPLICATION.WINDOW_CLOSED', [APPLICATION_REFUSAL.windowNotStarted.detail], APPLICATION_REFUSAL.windowNotStarted.message));
      }
      if (own.record.status === 'draft' && view.window.state !== 'open') return err(appError('APPLICATION.WINDOW_CLOSED', [], APPLICATION_REFUSAL.windowClosed));
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const moved = moveApplication(
        {
          id,
          rev: own.rev,
          record: { ...own.record, applicantName: caller.name },
          round: own.round,
          view,
          command: 'submit',
          actor: { id: caller._id, role: 'applicant', name: caller.name },
          requestId,
          unit: await unitOf(store, caller, routeOf(own.round, own.record.channel)),
          defenseRequired: false,
        },
        ctx,
      );
      if (!moved.ok) return err(moved.error);
      return ok(viewOf(id, moved.value, own.round, now, own.context));
    },
  },
  declareConflicts: {
    roles: ['applicant'],
    async handle({ applicationId: id, conflicts }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      // Declared when submitting: once submitted, the list is the one the committee reads.
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      applications.update(writes, { id, rev: own.rev }, { conflicts });
      return ok(viewOf(id, { ...own.record, conflicts }, own.round, now, own.context));
    },
  },
  saveBasics: {
    roles: ['applicant'],
    async handle({ applicationId: id, basics }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status === 'withdrawn') return err(appError('APPLICATION.NOT_DRAFT'));
      applications.update(writes, { id, rev: own.rev }, { basics });
      return ok(viewOf(id, { ...own.record, basics }, own.round, now, own.context));
    },
  },
};
