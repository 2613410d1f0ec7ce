import { appError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import type { AppError } from '../../core/errors';
import { Round } from '../../core/round/round.schema';
import { beijingDate } from '../../core/time/beijing';
import { currentVersion } from '../../core/round/round.version';
import { defaultTarget, draftChecks, draftFrom, draftVersion, editFromFound, fieldKey, nextYearId, withField, type FieldEdit } from '../../core/workshop/draft';
import { RoundDraftRecord } from '../../core/workshop/draft.record';
import { draftView, type DraftView } from '../../core/workshop/draft.view';
import { emptyRound } from '../../core/workshop/draft.structure';
import { ISSUER_ROLES, issuesRound, WORKSHOP_REFUSAL } from '../../core/workshop/issuer';
import { findInNotice } from '../../core/workshop/notice-finder';
import { testPersonProfile } from '../../core/workshop/test-people';
import { collections } from '../collections';
import { parseFields, toDoc } from '../docs';
import type { ActionContext, ActionDefs } from '../function';
import { people } from '../people.repo';
import { nextPage, roundNoticeJobId, roundNoticeJobs } from './round-notices';
import type { Person } from '../../core/people/person';
import type { Store } from '../ports/store.port';
import { repository, type Stored } from '../repository';
import { findRounds, loadNotice, loadRound, roundFromDoc, versionId } from '../rounds.repo';

/**
 * The round workshop (试编批次): the issuer's staff copy a published round, paste the new notice,
 * decide the finder's candidates one by one, fix fields by hand, preview test people and publish a
 * version. Every step checks that the caller's office issues the round (`issuesRound`).
 */
const drafts = repository<RoundDraftRecord>(collections.roundDrafts, (doc) => parseFields(RoundDraftRecord, doc));

type Reader = Pick<Store, 'get' | 'find' | 'count'>;
type Loaded = { readonly id: string; readonly found: Stored<RoundDraftRecord>; readonly draft: RoundDraftRecord };

async function loadDraft(store: Reader, caller: Person, id: string, editable: boolean): Promise<Result<Loaded, AppError>> {
  const found = await drafts.get(store, id);
  if (!found) return err(appError('NOT_FOUND'));
  const draft = found.record;
  if (!issuesRound(caller, draft.round, draft.basedOn?.roundId)) return err(appError('WORKSHOP.NOT_ISSUER'));
  if (editable && draft.status !== 'draft') return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.published]));
  return ok({ id, found, draft });
}

async function viewOf(store: Reader, id: string, draft: RoundDraftRecord, now: Date): Promise<DraftView> {
  const published = draft.basedOn ? await loadRound(store, draft.basedOn.roundId) : null;
  const applications = draft.kind === 'correction' ? await store.count(collections.applications.name, [{ field: 'roundId', op: 'eq', value: draft.roundId }]) : 0;
  const secretaries = draft.kind === 'empty' ? (await secretariesOf(store, draft.prefecture)).map((p) => ({ id: p._id, name: p.name, note: p.note ?? '' })) : [];
  return draftView(id, draft, published, now, applications, secretaries);
}

/** The published rounds the caller's office issues, newest year first. */
async function roundsIssuedBy(store: Reader, caller: Person): Promise<Round[]> {
  const rounds = await findRounds(store, { where: [], orderBy: [{ field: 'year', direction: 'desc' }, { field: '_id', direction: 'asc' }], limit: 100 });
  return rounds.filter((r) => issuesRound(caller, r));
}

/** The committee secretaries of a prefecture: who may be given a round begun from nothing there. */
async function secretariesOf(store: Reader, prefecture: string): Promise<Person[]> {
  const found = await people.findAll(store, { where: [{ field: 'role', op: 'eq', value: 'committee_secretary' }] });
  return found.map((p) => p.record).filter((p) => p.prefecture === prefecture);
}

/** Writes the changed draft and answers it as the page shows it. */
async function saved(ctx: ActionContext, loaded: Loaded, changes: Partial<RoundDraftRecord>): Promise<Result<DraftView, AppError>> {
  const next = { ...loaded.draft, ...changes, updatedAt: ctx.now.toISOString() };
  drafts.update(ctx.writes, loaded.found, { ...changes, updatedAt: next.updatedAt });
  return ok(await viewOf(ctx.store, loaded.id, next, ctx.now));
}

/** One field written (see `withField`), a refusal said as the review's are. */
function written(draft: RoundDraftRecord, edit: FieldEdit, passage?: { start: number; end: number }): Result<Partial<RoundDraftRecord>, AppError> {
  const changes = withField(draft, edit, passage);
  return changes.ok ? changes : err(appError('REVIEW.REFUSED', [changes.error]));
}

export const workshopActions: Pick<ActionDefs<'rounds'>, 'workshop' | 'draftCreate' | 'draftCreateEmpty' | 'draft' | 'draftNotice' | 'draftDecide' | 'draftEdit' | 'draftTestPerson' | 'publish'> = {
  workshop: {
    roles: ISSUER_ROLES,
    async handle(_payload, { caller, store }) {
      const rounds = await roundsIssuedBy(store, caller);
      const mine = (await drafts.find(store, { where: [{ field: 'prefecture', op: 'eq', value: caller.prefecture }], orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 })).filter((d) =>
        issuesRound(caller, d.record.round, d.record.basedOn?.roundId),
      );
      return ok({
        canStartEmpty: caller.role !== 'committee_secretary',
        rounds: rounds.map((r) => ({ id: r.id, title: r.title, year: r.year, version: currentVersion(r) })),
        drafts: mine
          .map((d) => ({
            id: d.id,
            roundId: d.record.roundId,
            title: d.record.round.title,
            kind: d.record.kind,
            status: d.record.status,
            version: draftVersion(d.record),
            updatedAt: d.record.updatedAt,
            open: draftChecks(d.record).length,
          }))
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
      });
    },
  },
  draftCreate: {
    roles: ISSUER_ROLES,
    async handle({ fromRoundId, kind, year }, ctx) {
      const { caller, store, now, writes } = ctx;
      const published = await loadRound(store, fromRoundId);
      if (!published) return err(appError('ROUND.NOT_FOUND'));
      if (!issuesRound(caller, published)) return err(appError('WORKSHOP.NOT_ISSUER'));
      const targetYear = kind === 'correction' ? published.year : (year ?? published.year + 1);
      if (kind === 'new_year' && targetYear <= published.year) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.sameYear]));
      const roundId = kind === 'correction' ? published.id : nextYearId(published.id, targetYear);
      if (kind === 'new_year' && (await loadRound(store, roundId))) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.nextYearExists(roundId)]));
      const id = `${roundId}:v${kind === 'correction' ? currentVersion(published) + 1 : 1}`;
      // Asking again opens the draft already begun.
      const existing = await drafts.get(store, id);
      if (existing) return ok(await viewOf(store, id, existing.record, now));
      const publishedNotice = kind === 'correction' ? ((await loadNotice(store, published.id))?.text ?? null) : null;
      const draft = draftFrom(published, { kind, year: targetYear, today: beijingDate(now), createdBy: caller._id, now: now.toISOString(), publishedNotice });
      drafts.insert(writes, id, draft);
      return ok(await viewOf(store, id, draft, now));
    },
  },
  draftCreateEmpty: {
    roles: ISSUER_ROLES,
    async handle({ title, year }, ctx) {
      const { caller, store, now, writes } = ctx;
      // A round is its region's: an HR bureau starts one for its own prefecture or county. A committee's
      // secretary serves the rounds on their account and starts from one of those.
      if (caller.role === 'committee_secretary') return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.emptyBySecretary]));
      const today = beijingDate(now);
      const thisYear = Number(today.slice(0, 4));
      if (year < thisYear - 1 || year > thisYear + 1) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.yearOutOfRange(thisYear)]));
      const county = caller.role === 'county_hr' ? (caller.county ?? undefined) : undefined;
      const region = { prefecture: caller.prefecture, ...(county ? { county } : {}) };
      // The id names the region as the office's other rounds do, and the moment it was begun.
      const prefix = (await roundsIssuedBy(store, caller))[0]?.id.split('-')[0] ?? 'xj';
      const roundId = `${prefix}-n${Math.floor(now.getTime() / 1000).toString(36)}-${year}`;
      const id = `${roundId}:v1`;
      if (await drafts.get(store, id)) return err(appError('STORE.CONFLICT'));
      const { round, toFill } = emptyRound({ id: roundId, year, title, today, region });
      const draft: RoundDraftRecord = {
        roundId,
        prefecture: caller.prefecture,
        year,
        kind: 'empty',
        basedOn: null,
        round,
        noticeText: null,
        candidates: [],
        toFill: [...toFill],
        clauses: {},
        // The title is the officer's own words.
        byHand: ['title'],
        // The office's name (for the letterhead) and "no time limit after a return" stand until checked against the notice.
        unchecked: ['issuer', 'resubmit'],
        committee: null,
        added: [],
        testPeople: [],
        status: 'draft',
        createdBy: caller._id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      drafts.insert(writes, id, draft);
      return ok(await viewOf(store, id, draft, now));
    },
  },
  draft: {
    roles: ISSUER_ROLES,
    async handle({ draftId }, { caller, store, now }) {
      const loaded = await loadDraft(store, caller, draftId, false);
      return loaded.ok ? ok(await viewOf(store, draftId, loaded.value.draft, now)) : loaded;
    },
  },
  draftNotice: {
    roles: ISSUER_ROLES,
    async handle({ draftId, text }, ctx) {
      const loaded = await loadDraft(ctx.store, ctx.caller, draftId, true);
      if (!loaded.ok) return loaded;
      // A new text: new offsets, so what was found in the old one goes, and so do the clauses that cited it.
      const candidates = findInNotice(text).map((c) => ({ id: c.id, value: c.value, start: c.start, end: c.end, decision: 'pending' as const, target: null }));
      return saved(ctx, loaded.value, { noticeText: text, candidates, clauses: {} });
    },
  },
  draftDecide: {
    roles: ISSUER_ROLES,
    async handle({ draftId, candidateId, decision, target, edit }, ctx) {
      const loaded = await loadDraft(ctx.store, ctx.caller, draftId, true);
      if (!loaded.ok) return loaded;
      const { draft } = loaded.value;
      if (!draft.noticeText) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.noNotice]));
      const candidate = draft.candidates.find((c) => c.id === candidateId);
      if (!candidate) return err(appError('NOT_FOUND', [WORKSHOP_REFUSAL.noCandidate]));
      if (candidate.decision !== 'pending') return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.decided]));
      const decided = (d: 'accepted' | 'corrected' | 'dismissed', to: string | null) => draft.candidates.map((c) => (c.id === candidateId ? { ...c, decision: d, target: to } : c));
      if (decision === 'dismiss') return saved(ctx, loaded.value, { candidates: decided('dismissed', null) });
      const to = target ?? defaultTarget(draft.round, candidate.value);
      if (!to) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.noTarget]));
      const found = editFromFound(candidate.value, to, draft.round);
      if (!found.ok) return err(appError('REVIEW.REFUSED', [found.error]));
      const chosen = edit ?? found.value;
      if (fieldKey(chosen) !== fieldKey(found.value)) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.noTarget]));
      const changes = written(draft, chosen, { start: candidate.start, end: candidate.end });
      if (!changes.ok) return changes;
      const corrected = JSON.stringify(chosen) !== JSON.stringify(found.value);
      return saved(ctx, loaded.value, { ...changes.value, candidates: decided(corrected ? 'corrected' : 'accepted', to) });
    },
  },
  draftEdit: {
    roles: ISSUER_ROLES,
    async handle({ draftId, edit }, ctx) {
      const loaded = await loadDraft(ctx.store, ctx.caller, draftId, true);
      if (!loaded.ok) return loaded;
      const changes = written(loaded.value.draft, edit);
      if (!changes.ok) return changes;
      if (edit.field === 'committee') {
        // Only a secretary of the office's own prefecture, for a round begun from nothing.
        if (loaded.value.draft.kind !== 'empty') return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.committeeKept]));
        if (!(await secretariesOf(ctx.store, loaded.value.draft.prefecture)).some((p) => p._id === edit.secretaryId)) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.noSuchCommittee]));
        return saved(ctx, loaded.value, { ...changes.value, committee: edit.secretaryId });
      }
      return saved(ctx, loaded.value, changes.value);
    },
  },
  draftTestPerson: {
    roles: ISSUER_ROLES,
    async handle({ draftId, add, removeId }, ctx) {
      const loaded = await loadDraft(ctx.store, ctx.caller, draftId, true);
      if (!loaded.ok) return loaded;
      const { draft } = loaded.value;
      let testPeople = draft.testPeople.filter((p) => p.id !== removeId);
      if (add) {
        if (testPeople.length >= 10) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.tooManyTestPeople]));
        const next = Math.max(0, ...draft.testPeople.map((p) => Number(p.id.replace(/\D/g, '')) || 0)) + 1;
        testPeople = [...testPeople, { id: `tp${next}`, name: add.name, profile: testPersonProfile(add, draft.round) }];
      }
      return saved(ctx, loaded.value, { testPeople });
    },
  },
  publish: {
    roles: ISSUER_ROLES,
    async handle({ draftId, changeNote, appliesToAll }, ctx) {
      const { caller, store, now, writes } = ctx;
      const loaded = await loadDraft(store, caller, draftId, false);
      if (!loaded.ok) return loaded;
      const { draft, found } = loaded.value;
      const version = draftVersion(draft);
      // Publishing again answers what the first publishing did.
      if (draft.status === 'published') return ok({ roundId: draft.roundId, version, told: 0, toTell: 0 });
      const checks = draftChecks(draft);
      if (checks.length > 0) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.checksOpen(checks.length), ...checks.map((c) => c.message)]));
      if (draft.kind === 'correction' && !changeNote) return err(appError('REVIEW.REFUSED', [WORKSHOP_REFUSAL.changeNoteNeeded]));
      const previous = await store.get(collections.rounds.name, draft.roundId);
      const before = previous ? roundFromDoc(previous) : null;
      if (draft.kind === 'correction' && (before ? currentVersion(before) : 1) !== draft.basedOn?.version) return err(appError('STORE.CONFLICT'));
      // A first version (a new year's, or a round begun from nothing) takes an id nobody has published under.
      if (draft.kind !== 'correction' && before) return err(appError('STORE.CONFLICT'));
      // A first version applies to everything in it; a correction from its own version when it says so.
      const allFrom = appliesToAll || draft.kind !== 'correction' ? version : (before?.publication?.allFrom ?? 1);
      const copiedFrom = draft.kind === 'new_year' ? draft.basedOn?.roundId : before?.publication?.copiedFrom;
      const round = Round.parse({
        ...draft.round,
        publication: { version, publishedAt: now.toISOString(), publishedBy: caller.name, ...(changeNote ? { changeNote } : {}), allFrom, ...(copiedFrom ? { copiedFrom } : {}) },
      });
      if (previous && before) {
        // The version being replaced stays readable for the applications started under it.
        const { _id, _rev, ...fields } = previous;
        void _id;
        writes.insert(collections.roundVersions.name, { ...fields, _id: versionId(draft.roundId, currentVersion(before)) });
        writes.update(collections.rounds.name, draft.roundId, _rev, toDoc(round));
      } else {
        writes.insert(collections.rounds.name, { ...toDoc(round), _id: draft.roundId });
      }
      const notice = await store.get(collections.notices.name, draft.roundId);
      const noticeDoc = { roundId: draft.roundId, file: round.sourceFile, text: draft.noticeText ?? '' };
      if (notice) writes.update(collections.notices.name, draft.roundId, notice._rev, noticeDoc);
      else writes.insert(collections.notices.name, { ...noticeDoc, _id: draft.roundId });
      drafts.update(writes, found, { status: 'published', updatedAt: now.toISOString() });
      // A round begun from nothing is served by the committee chosen for it: its secretary from now on.
      if (draft.kind === 'empty' && draft.committee) {
        const secretary = await people.get(store, draft.committee);
        if (secretary) people.update(writes, secretary, { rounds: [...(secretary.record.rounds ?? []), draft.roundId].slice(-50) });
      }
      // Next year's round is evaluated by the committee of the round it was copied from: its secretary
      // and experts serve it from now on (a person serves at most 50 rounds: the oldest go first).
      if (draft.kind === 'new_year' && copiedFrom) {
        const committee = await people.findAll(store, { where: [{ field: 'role', op: 'in', values: ['committee_secretary', 'expert'] }] });
        for (const member of committee) {
          const served = member.record.rounds ?? [];
          if (served.includes(copiedFrom) && !served.includes(draft.roundId)) people.update(writes, member, { rounds: [...served, draft.roundId].slice(-50) });
        }
      }
      // Everyone with an application in a corrected round is told what changed and which version theirs
      // reads: the first page now, in this commit; the rounds timer tells the rest, a page a commit.
      if (draft.kind !== 'correction') return ok({ roundId: draft.roundId, version, told: 0, toTell: 0 });
      const total = await store.count(collections.applications.name, [{ field: 'roundId', op: 'eq', value: draft.roundId }]);
      const job = { roundId: draft.roundId, version, changeNote: changeNote ?? '', appliesToAll: allFrom === version, after: null };
      const first = await nextPage(store, job, round);
      for (const notice of first.notices) ctx.notify(notice);
      roundNoticeJobs.insert(writes, roundNoticeJobId(draft.roundId, version), { ...job, after: first.last, told: first.notices.length, done: !first.more, createdAt: now.toISOString() });
      return ok({ roundId: draft.roundId, version, told: first.notices.length, toTell: total - first.notices.length });
    },
  },
};
