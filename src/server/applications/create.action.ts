import { type ApplicationRecord, applicationId, emptyApplicationContent } from '../../core/application/application.schema';
import { APPLICATION_REFUSAL } from '../../core/application/refusal-texts';
import { assess } from '../../core/eligibility/assess';
import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import type { Store } from '../ports/store.port';
import { loadRound, loadRoundOf } from '../rounds.repo';
import { applications } from './applications.repo';
import { loadAnswers } from '../answers.repo';
import { withKnownApplications } from '../../core/eligibility/profile';
import { lintContextOf, viewFrom, viewOf } from './application.view';
import type { ActionDefs } from '../function';


/** The label of another application this year for the same series (specialty) and level in another channel. */
/** This person's applications of the year, any round, as the one-channel rule reads them. */
async function applicationsThisYear(store: Pick<Store, 'find'>, personId: string, year: number): Promise<ApplicationRecord[]> {
  const mine = await applications.find(store, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'year', op: 'eq', value: year },
    ],
  });
  // A withdrawn application no longer holds its channel.
  return mine.map((a) => a.record).filter((a) => a.status !== 'withdrawn');
}

/**
 * Starting an application from the answers the self-check saved for its round, judged again by the
 * same engine on the server's clock: a level the engine says cannot be applied for is refused with
 * its reasons, and one channel per year holds where the round says so (aksu-water-2024 二), the
 * applications this person already has this year read as facts beside their answers.
 */
export const createAction: Pick<ActionDefs<'applications'>, 'create'> = {
  create: {
    roles: ['applicant'],
    async handle({ roundId, offerKey }, { caller, store, now, writes }) {
      const round = await loadRound(store, roundId);
      if (!round) return err(appError('ROUND.NOT_FOUND'));
      const id = applicationId(caller._id, roundId, offerKey);

      // Opening the same application again answers it as it is.
      const existing = await applications.get(store, id);
      if (existing) return ok(viewOf(id, existing.record, (await loadRoundOf(store, existing.record)) ?? round, now, await lintContextOf(store, caller, round)));

      const saved = await loadAnswers(store, caller._id);
      if (!saved || saved.roundId !== roundId) return err(appError('APPLICATION.NO_ANSWERS'));

      // The applications the product holds for this person this year are facts beside their answers: the
      // one-channel rule (the core's, where the round states it) reads both.
      const thisYear = await applicationsThisYear(store, caller._id, round.year);
      const offer = assess(withKnownApplications(saved.profile, thisYear), round, now).offers.find((o) => o.key === offerKey);
      if (!offer) return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.noSuchOffer]));
      if (offer.verdict === 'ineligible' || offer.verdict === 'not_yet') {
        const failed = offer.reasons.filter((r) => r.outcome === 'fail' || r.outcome === 'later');
        const reasons = failed.map((r) => APPLICATION_REFUSAL.reason(r.message, r.source.clause));
        return err(appError(failed.some((r) => r.code === 'CHANNEL.ONE_PER_YEAR') ? 'APPLICATION.OTHER_CHANNEL' : 'APPLICATION.INELIGIBLE', reasons));
      }
      if (offer.window.state === 'closed') return err(appError('APPLICATION.WINDOW_CLOSED'));

      const record: ApplicationRecord = {
        personId: caller._id,
        roundId,
        ...(round.publication ? { roundVersion: round.publication.version } : {}),
        year: round.year,
        offerKey,
        offerId: offer.offerId,
        level: offer.level,
        way: offer.way,
        channel: offer.channel,
        series: saved.profile.series ?? null,
        specialty: saved.profile.specialty ?? null,
        profile: saved.profile,
        status: 'draft',
        createdAt: now.toISOString(),
        ...emptyApplicationContent(),
        // A choice the self-check already answered (驻村, the unit's level) starts chosen; the page says so.
        texts: Object.fromEntries(offer.materials.flatMap((m) => (m.choices?.suggested ? [[m.code, m.choices.suggested]] : []))),
        events: [{ kind: 'created', at: now.toISOString(), requestId: null, by: caller._id, role: caller.role, from: null, to: 'draft', reasons: [], opinion: '', checked: [] }],
        applicantName: caller.name,
      };
      applications.insert(writes, id, record);
      return ok(viewFrom(id, record, round, offer, await lintContextOf(store, caller, round), now));
    },
  },
};
