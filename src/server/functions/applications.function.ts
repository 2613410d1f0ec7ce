import { z } from 'zod';
import { ApplicationRecord, applicationId } from '../../core/application/application.schema';
import type { ApplicationSummary, ApplicationView } from '../../core/contracts/api';
import { assess } from '../../core/eligibility/assess';
import type { OfferAssessment } from '../../core/eligibility/assessment';
import { Profile } from '../../core/eligibility/profile';
import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseFields } from '../docs';
import { defineFunction } from '../function';
import type { JsonObject, Store } from '../ports/store.port';
import { roundFromDoc } from '../round.docs';

const SavedAnswers = z.strictObject({ roundId: z.string(), profile: Profile, savedAt: z.string() });

/**
 * `applications`: an applicant's applications. Each is started from the answers the self-check
 * saved for its round and judged again by the same engine on the server's clock: a level the
 * engine says cannot be applied for is refused with its reasons, and one channel per year holds
 * for the same series (specialty) and level (aksu 二).
 */
export const applicationsFunction = defineFunction('applications', {
  create: {
    roles: ['applicant'],
    async handle({ roundId, offerKey }, { caller, store, now, writes }) {
      const roundDoc = await store.get(collections.rounds.name, roundId);
      if (!roundDoc) return err(appError('ROUND.NOT_FOUND'));
      const round = roundFromDoc(roundDoc);
      const id = applicationId(caller._id, roundId, offerKey);

      // Opening the same application again answers it as it is.
      const existing = await store.get(collections.applications.name, id);
      if (existing) return ok(viewOf(id, parseFields(ApplicationRecord, existing), round, now));

      const savedDoc = await store.get(collections.profiles.name, caller._id);
      const saved = savedDoc ? parseFields(SavedAnswers, savedDoc) : null;
      if (!saved || saved.roundId !== roundId) return err(appError('APPLICATION.NO_ANSWERS'));

      const offer = assess(saved.profile, round, now).offers.find((o) => o.key === offerKey);
      if (!offer) return err(appError('REQUEST.INVALID_PAYLOAD', ['本批次没有这个申报项目，请返回自测结果重新选择']));
      if (offer.verdict === 'ineligible' || offer.verdict === 'not_yet') {
        const reasons = offer.reasons.filter((r) => r.outcome === 'fail' || r.outcome === 'later').map((r) => `${r.message}（第${r.source.clause}条）`);
        return err(appError('APPLICATION.INELIGIBLE', reasons));
      }
      if (offer.window.state === 'closed') return err(appError('APPLICATION.WINDOW_CLOSED'));

      const record: ApplicationRecord = {
        personId: caller._id,
        roundId,
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
      };
      const other = await otherChannelThisYear(store, record);
      if (other) return err(appError('APPLICATION.OTHER_CHANNEL', [`已有的申报：${other}`]));
      writes.insert(collections.applications.name, { _id: id, ...(record as unknown as JsonObject) });
      return ok(viewFrom(id, record, round, offer));
    },
  },
  get: {
    roles: ['applicant'],
    async handle({ applicationId: id }, { caller, store, now }) {
      const doc = await store.get(collections.applications.name, id);
      // Another person's application is answered as missing: its existence is not theirs to learn.
      if (!doc) return err(appError('APPLICATION.NOT_FOUND'));
      const record = parseFields(ApplicationRecord, doc);
      if (record.personId !== caller._id) return err(appError('APPLICATION.NOT_FOUND'));
      const roundDoc = await store.get(collections.rounds.name, record.roundId);
      if (!roundDoc) return err(appError('ROUND.NOT_FOUND'));
      return ok(viewOf(id, record, roundFromDoc(roundDoc), now));
    },
  },
  mine: {
    roles: ['applicant'],
    async handle(_payload, { caller, store, now }) {
      const docs = await store.find(collections.applications.name, {
        where: [{ field: 'personId', op: 'eq', value: caller._id }],
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
      });
      const rounds = new Map<string, Round>();
      const summaries: ApplicationSummary[] = [];
      for (const doc of docs) {
        const record = parseFields(ApplicationRecord, doc);
        let round = rounds.get(record.roundId);
        if (!round) {
          const roundDoc = await store.get(collections.rounds.name, record.roundId);
          if (!roundDoc) continue;
          round = roundFromDoc(roundDoc);
          rounds.set(record.roundId, round);
        }
        const view = viewOf(doc._id, record, round, now);
        summaries.push({ id: view.id, roundTitle: view.roundTitle, label: view.label, status: view.status, createdAt: view.createdAt, window: view.window });
      }
      return ok(summaries);
    },
  },
});

/** The label of another application this year for the same series (specialty) and level in another channel. */
async function otherChannelThisYear(store: Pick<Store, 'find'>, record: ApplicationRecord): Promise<string | null> {
  const mine = await store.find(collections.applications.name, {
    where: [
      { field: 'personId', op: 'eq', value: record.personId },
      { field: 'year', op: 'eq', value: record.year },
    ],
  });
  for (const doc of mine) {
    const other = parseFields(ApplicationRecord, doc);
    const sameSubject = other.series === record.series && other.specialty === record.specialty && other.level === record.level;
    if (sameSubject && other.channel !== record.channel) return `${other.roundId}（${other.offerKey}）`;
  }
  return null;
}

function viewOf(id: string, record: ApplicationRecord, round: Round, now: Date): ApplicationView {
  const offer = assess(record.profile, round, now).offers.find((o) => o.key === record.offerKey);
  if (!offer) throw new Error(`application ${id} names offer ${record.offerKey}, which round ${round.id} no longer has`);
  return viewFrom(id, record, round, offer);
}

function viewFrom(id: string, record: ApplicationRecord, round: Round, offer: OfferAssessment): ApplicationView {
  return {
    id,
    roundId: record.roundId,
    roundTitle: round.title,
    offerKey: record.offerKey,
    label: offer.label,
    titleNames: offer.titleNames,
    status: record.status,
    createdAt: record.createdAt,
    verdict: offer.verdict,
    missing: offer.missing,
    window: offer.window,
    materials: offer.materials,
  };
}
