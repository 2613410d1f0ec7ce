import { appError } from '../../core/errors';
import { err } from '../../core/result';
import { loadFor } from '../applications/applications.repo';
import { units } from '../people.repo';
import { servesRound } from '../../core/review/scope';
import { documentFile, meetingRecordFile, rosterFile } from '../exports/export-files';
import { expertsOf, loadMeeting, membersOf } from '../evaluation/meetings';
import { stageOf } from '../../core/evaluation/meeting';
import { MEETING_TEXT } from '../../core/evaluation/meeting.machine';
import { documentsContract } from '../../core/contracts/functions/documents.contract';
import { defineFunction } from '../function';
import { loadRound } from '../rounds.repo';

/**
 * `documents`: the round's Word documents, the 申报人员花名册 and the meetings' records, filled on request. A function of
 * its own because the libraries that write Word and Excel files (docxtemplater, exceljs) are most of
 * what any function would carry: the others start without them.
 */
export const documentsFunction = defineFunction('documents', documentsContract, {
  document: {
    roles: ['applicant', 'unit_admin'],
    async handle({ applicationId: id, template }, ctx) {
      // The applicant fills their own documents; the unit admin the unit's, for its applications.
      const applicant = ctx.caller.role === 'applicant';
      const loaded = await loadFor(ctx.store, ctx.caller, id, applicant ? 'own' : 'review');
      if (!loaded.ok) return err(loaded.error);
      return documentFile(ctx, id, loaded.record, loaded.round, template, applicant ? 'applicant' : 'unit');
    },
  },
  meetingRecord: {
    roles: ['committee_secretary'],
    async handle({ meetingId }, ctx) {
      const loaded = await loadMeeting(ctx.store, meetingId);
      if (!loaded || !servesRound(ctx.caller, loaded.meeting.roundId)) return err(appError('MEETING.NOT_FOUND'));
      if (stageOf(loaded.meeting) === 'voting') return err(appError('MEETING.REFUSED', [MEETING_TEXT.recordAfterPublishing]));
      return meetingRecordFile(ctx, loaded, await membersOf(ctx.store, loaded.meeting), await expertsOf(ctx.store, loaded.meeting.roundId));
    },
  },
  roster: {
    roles: ['unit_admin', 'committee_secretary'],
    async handle({ roundId }, ctx) {
      const secretary = ctx.caller.role === 'committee_secretary';
      if (secretary && !servesRound(ctx.caller, roundId)) return err(appError('ROUND.NOT_FOUND'));
      const round = await loadRound(ctx.store, roundId);
      if (!round) return err(appError('ROUND.NOT_FOUND'));
      // Every unit for the secretary; a unit admin's own unit's applicants only.
      if (secretary) return rosterFile(ctx, round, null);
      const unit = ctx.caller.unitId ? await units.get(ctx.store, ctx.caller.unitId) : null;
      if (!unit) return err(appError('AUTH.FORBIDDEN'));
      return rosterFile(ctx, round, { id: unit.id, name: unit.record.name });
    },
  },
});
