import { z } from 'zod';
import { AttachedFile, ApplicationRecord, applicationId } from '../../core/application/application.schema';
import { mayRead } from '../../core/application/file-access';
import { checkMasks } from '../../core/application/mask-rules';
import { completenessProblems, type ApplicationContent, type Problem } from '../../core/application/completeness';
import { ENTRY_FORMS, entrySchema, isListRecord, type Entry } from '../../core/application/entry-forms';
import { applyFix, type LintContext } from '../../core/application/text-lint';
import { checkIdNumber } from '../../core/identity/id-number';
import { beijingDate } from '../../core/time/beijing';
import type { ApplicationSummary, ApplicationView } from '../../core/contracts/api';
import { assess } from '../../core/eligibility/assess';
import type { OfferAssessment } from '../../core/eligibility/assessment';
import { Profile } from '../../core/eligibility/profile';
import { appError, type AppError } from '../../core/errors';
import { Person, Role, Unit } from '../../core/people/person';
import { err, ok } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseDoc, parseFields } from '../docs';
import { defineFunction, type StagedWrites } from '../function';
import { burnMasks, inspectUpload, sha256Of } from '../images/image-bytes';
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
      if (existing) return ok(viewOf(id, parseFields(ApplicationRecord, existing), round, now, await lintContextOf(store, caller, round)));

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
        files: [],
        texts: {},
        entries: {},
        declarations: [],
        idNumber: null,
        submissions: 0,
        events: [{ kind: 'created', at: now.toISOString(), requestId: null }],
      };
      const other = await otherChannelThisYear(store, record);
      if (other) return err(appError('APPLICATION.OTHER_CHANNEL', [`已有的申报：${other}`]));
      writes.insert(collections.applications.name, { _id: id, ...(record as unknown as JsonObject) });
      return ok(viewFrom(id, record, round, offer, await lintContextOf(store, caller, round), now));
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
      const round = roundFromDoc(roundDoc);
      return ok(viewOf(id, record, round, now, await lintContextOf(store, caller, round)));
    },
  },
  attach: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, ref, sha256 }, { caller, store, files, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      // The same photo attached again is the one already there: nothing is duplicated.
      if (own.record.files.some((f) => f.sha256 === sha256 && f.category === category)) return ok(viewOf(id, own.record, own.round, now, own.context));
      const view = viewOf(id, own.record, own.round, now, own.context);
      const material = view.materials.find((m) => m.code === category);
      if (!material || material.form !== 'upload' || material.stage !== 'online') {
        return err(appError('REQUEST.INVALID_PAYLOAD', ['这一项不是网上上传的材料，请返回申报页重新选择']));
      }
      if (!ref.includes(ownFolder(caller._id))) return err(appError('APPLICATION.FILE_NOT_YOURS'));
      const content = await files.get(ref);
      if (!content) return err(appError('FILE.NOT_FOUND'));
      if (content.length === 0) return err(appError('REQUEST.INVALID_PAYLOAD', ['文件是空的，请重新拍照或选择']));
      if (content.length > UPLOAD_LIMIT_BYTES) return err(appError('FILE.TOO_LARGE'));
      if (sha256Of(content) !== sha256) return err(appError('FILE.CONTENT_MISMATCH', ['上传的内容不完整，请重新上传']));
      const inspected = await inspectUpload(content, material.formats.includes('pdf'));
      if (!inspected.ok) return err(appError(inspected.code, [inspected.detail]));
      const attached: AttachedFile = {
        sha256,
        category,
        ref,
        contentType: inspected.contentType,
        bytes: content.length,
        width: inspected.width,
        height: inspected.height,
        attachedAt: now.toISOString(),
        // A PDF is not masked here (its pages are prepared before upload); an image is asked.
        needsMasking: inspected.contentType === 'application/pdf' ? 'no' : null,
        masks: [],
        blindRef: null,
      };
      const next = [...own.record.files, attached];
      saveFiles(writes, id, own.rev, next);
      return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
    },
  },
  detach: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256 }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      const next = own.record.files.filter((f) => f.sha256 !== sha256);
      // Detaching twice leaves it detached.
      if (next.length !== own.record.files.length) saveFiles(writes, id, own.rev, next);
      return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
    },
  },
  mask: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256, needsMasking, masks }, { caller, store, files, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      const file = own.record.files.find((f) => f.sha256 === sha256);
      if (!file) return err(appError('FILE.NOT_FOUND'));
      if (file.contentType !== 'image/jpeg') return err(appError('REQUEST.INVALID_PAYLOAD', ['PDF 文件不在这里遮挡，请上传前处理好']));
      const kept = needsMasking === 'yes' ? masks : [];
      if (needsMasking === 'yes' && kept.length === 0) return err(appError('APPLICATION.MASKS_REFUSED', ['选了“需要遮挡”，请至少画一个遮挡框；不需要遮挡请选“否”']));
      const check = checkMasks(kept);
      if (!check.ok) return err(appError('APPLICATION.MASKS_REFUSED', check.problems));
      const original = await files.get(file.ref);
      if (!original) return err(appError('FILE.NOT_FOUND'));
      // The blind copy is what experts see: made here from the original, never sent by the phone.
      const blind = await burnMasks(original, kept);
      const blindRef = await files.put(`blind/${caller._id}/${sha256}.jpg`, blind, 'image/jpeg');
      const next = own.record.files.map((f) => (f.sha256 === sha256 ? { ...f, needsMasking, masks: kept, blindRef } : f));
      saveFiles(writes, id, own.rev, next);
      return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
    },
  },
  saveText: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, text }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      const item = viewOf(id, own.record, own.round, now, own.context).materials.find((m) => m.code === category);
      const typed = item && item.stage === 'online' && (item.record === 'essay' || (item.form === 'field' && item.record === null));
      if (!typed) return err(appError('REQUEST.INVALID_PAYLOAD', ['这一项不是网上填写的内容，请返回申报页重新选择']));
      const texts = { ...own.record.texts, [category]: text };
      writes.update(collections.applications.name, id, own.rev, { texts });
      return ok(viewOf(id, { ...own.record, texts }, own.round, now, own.context));
    },
  },
  saveEntries: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, entries }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      const item = viewOf(id, own.record, own.round, now, own.context).materials.find((m) => m.code === category);
      if (!item || item.stage !== 'online' || !isListRecord(item.record)) return err(appError('REQUEST.INVALID_PAYLOAD', ['这一项没有要逐条填写的内容，请返回申报页重新选择']));
      const schema = entrySchema(ENTRY_FORMS[item.record]);
      const checked: Entry[] = [];
      for (const [index, entry] of entries.entries()) {
        const parsed = schema.safeParse(entry);
        if (!parsed.success) return err(appError('REQUEST.INVALID_PAYLOAD', parsed.error.issues.map((i) => `第${index + 1}条：${i.message}`)));
        checked.push(parsed.data);
      }
      const next = { ...own.record.entries, [category]: checked };
      writes.update(collections.applications.name, id, own.rev, { entries: next as unknown as JsonObject });
      return ok(viewOf(id, { ...own.record, entries: next }, own.round, now, own.context));
    },
  },
  saveIdNumber: {
    roles: ['applicant'],
    async handle({ applicationId: id, idNumber }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      const checked = checkIdNumber(idNumber, beijingDate(now));
      if (!checked.ok) return err(appError('REQUEST.INVALID_PAYLOAD', [checked.message], checked.message));
      writes.update(collections.applications.name, id, own.rev, { idNumber: checked.value });
      return ok(viewOf(id, { ...own.record, idNumber: checked.value }, own.round, now, own.context));
    },
  },
  declare: {
    roles: ['applicant'],
    async handle({ applicationId: id, rule, agreed }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      if (!own.round.materials.rules.some((r) => r.code === rule && r.kind === 'no_work_or_meeting_photos')) {
        return err(appError('REQUEST.INVALID_PAYLOAD', ['本批次没有这条需要确认的要求，请刷新申报页']));
      }
      const declarations = agreed ? [...new Set([...own.record.declarations, rule])] : own.record.declarations.filter((d) => d !== rule);
      writes.update(collections.applications.name, id, own.rev, { declarations });
      return ok(viewOf(id, { ...own.record, declarations }, own.round, now, own.context));
    },
  },
  fix: {
    roles: ['applicant'],
    async handle({ applicationId: id, path }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      // The fix is found again here, on what is saved now: a stale tap cannot write an old text.
      const problem = problemsOf(own.record, own.round, now, own.context).find((p) => p.path === path && p.lint);
      if (!problem) return ok(viewOf(id, own.record, own.round, now, own.context));
      const fixed = withFix(own.record, problem);
      writes.update(collections.applications.name, id, own.rev, { texts: fixed.texts, entries: fixed.entries as unknown as JsonObject });
      return ok(viewOf(id, fixed, own.round, now, own.context));
    },
  },
  submit: {
    roles: ['applicant'],
    async handle({ applicationId: id, requestId }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      // The same request again (a double tap, a retry after a dropped reply) is the submission already made.
      if (own.record.events.some((e) => e.requestId === requestId)) return ok(viewOf(id, own.record, own.round, now, own.context));
      if (own.record.status !== 'draft') return err(appError('APPLICATION.NOT_DRAFT'));
      const view = viewOf(id, own.record, own.round, now, own.context);
      if (view.verdict === 'ineligible' || view.verdict === 'not_yet') return err(appError('APPLICATION.INELIGIBLE'));
      if (view.window.state === 'not_started') return err(appError('APPLICATION.WINDOW_CLOSED', ['网上申报还没有开始，请到开始时间后再提交。'], '现在不在网上申报时间内，没有提交。'));
      if (view.window.state !== 'open') return err(appError('APPLICATION.WINDOW_CLOSED', [], '网上申报已经截止，没有提交。'));
      if (own.record.submissions >= view.maxSubmissions) return err(appError('APPLICATION.SUBMISSION_LIMIT'));
      const blocking = view.problems.filter((p) => p.severity === 'block');
      if (blocking.length > 0) return err(appError('APPLICATION.INCOMPLETE', blocking.map((p) => `${p.name}：${p.message}`)));
      const submitted: ApplicationRecord = {
        ...own.record,
        status: 'submitted',
        submissions: own.record.submissions + 1,
        events: [...own.record.events, { kind: 'submitted', at: now.toISOString(), requestId }],
      };
      writes.update(collections.applications.name, id, own.rev, { status: submitted.status, submissions: submitted.submissions, events: submitted.events as unknown as JsonObject[] });
      return ok(viewOf(id, submitted, own.round, now, own.context));
    },
  },
  fileUrl: {
    roles: Role.options,
    async handle({ applicationId: id, sha256, copy }, { caller, store, files, now }) {
      const doc = await store.get(collections.applications.name, id);
      if (!doc) return err(appError('APPLICATION.NOT_FOUND'));
      const record = parseFields(ApplicationRecord, doc);
      // Reviewers' scopes come with the review chain; until then only the applicant relates to it.
      const relation = record.personId === caller._id ? 'owner' : 'out_of_scope';
      if (relation === 'out_of_scope' && caller.role === 'applicant') return err(appError('APPLICATION.NOT_FOUND'));
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
  mine: {
    roles: ['applicant'],
    async handle(_payload, { caller, store, now }) {
      const docs = await store.find(collections.applications.name, {
        where: [{ field: 'personId', op: 'eq', value: caller._id }],
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
      });
      // Each round (and the lint context, which reads the caller's unit) is loaded once, not per application.
      const rounds = new Map<string, { round: Round; context: LintContext }>();
      const summaries: ApplicationSummary[] = [];
      for (const doc of docs) {
        const record = parseFields(ApplicationRecord, doc);
        let loaded = rounds.get(record.roundId);
        if (!loaded) {
          const roundDoc = await store.get(collections.rounds.name, record.roundId);
          if (!roundDoc) continue;
          const round = roundFromDoc(roundDoc);
          loaded = { round, context: await lintContextOf(store, caller, round) };
          rounds.set(record.roundId, loaded);
        }
        const view = viewOf(doc._id, record, loaded.round, now, loaded.context);
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

function viewOf(id: string, record: ApplicationRecord, round: Round, now: Date, context: LintContext): ApplicationView {
  const offer = assess(record.profile, round, now).offers.find((o) => o.key === record.offerKey);
  if (!offer) throw new Error(`application ${id} names offer ${record.offerKey}, which round ${round.id} no longer has`);
  return viewFrom(id, record, round, offer, context, now);
}

function viewFrom(id: string, record: ApplicationRecord, round: Round, offer: OfferAssessment, context: LintContext, now: Date): ApplicationView {
  const problems = completenessProblems(offer.materials, contentOf(record), completenessRound(round), context, beijingDate(now).slice(0, 7));
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
    files: record.files.map((f) => ({
      sha256: f.sha256,
      category: f.category,
      contentType: f.contentType,
      bytes: f.bytes,
      width: f.width,
      height: f.height,
      needsMasking: f.needsMasking,
      masks: f.masks,
      hasBlindCopy: f.blindRef !== null,
    })),
    texts: record.texts,
    entries: record.entries,
    declarations: record.declarations,
    idNumberShown: record.idNumber ? `${record.idNumber.slice(0, 4)}${'*'.repeat(10)}${record.idNumber.slice(14)}` : null,
    problems: problems.map((p) => ({
      category: p.category,
      name: p.name,
      path: p.path,
      severity: p.severity,
      message: p.message,
      fix: p.lint ? { to: textAt(withFix(record, p), p.path) } : null,
      declaration: p.declaration ?? null,
    })),
    submissions: record.submissions,
    maxSubmissions: round.submission.maxSubmissions.count,
    events: record.events.map((e) => ({ kind: e.kind, at: e.at })),
  };
}

function contentOf(record: ApplicationRecord): ApplicationContent {
  return {
    files: record.files.map((f) => ({ category: f.category, contentType: f.contentType, needsMasking: f.needsMasking, hasBlindCopy: f.blindRef !== null })),
    texts: record.texts,
    entries: record.entries,
    declarations: record.declarations,
    idNumber: record.idNumber,
  };
}

const completenessRound = (round: Round) => ({ rules: round.materials.rules, blindReview: round.materials.masking.blindReview });

function problemsOf(record: ApplicationRecord, round: Round, now: Date, context: LintContext): Problem[] {
  const offer = assess(record.profile, round, now).offers.find((o) => o.key === record.offerKey);
  if (!offer) return [];
  return completenessProblems(offer.materials, contentOf(record), completenessRound(round), context, beijingDate(now).slice(0, 7));
}

/** The record with a text finding's fix applied where it is: a category's text, or one field of one entry. */
function withFix(record: ApplicationRecord, problem: Problem): ApplicationRecord {
  const lint = problem.lint!;
  const [category, index, key] = problem.path.split('.');
  if (index === undefined || key === undefined) return { ...record, texts: { ...record.texts, [category!]: applyFix(record.texts[category!] ?? '', lint) } };
  const rows = (record.entries[category!] ?? []).map((row, i) => (i === Number(index) ? { ...row, [key]: applyFix(row[key] ?? '', lint) } : row));
  return { ...record, entries: { ...record.entries, [category!]: rows } };
}

/** The text at a problem's path (a category's text, or an entry's field). */
function textAt(record: ApplicationRecord, path: string): string {
  const [category, index, key] = path.split('.');
  if (index === undefined || key === undefined) return record.texts[category!] ?? '';
  return record.entries[category!]?.[Number(index)]?.[key] ?? '';
}

/** What the text lint checks against: the applicant's name and unit, and what the round says to write instead. */
async function lintContextOf(store: Pick<Store, 'get'>, person: Person, round: Round): Promise<LintContext> {
  const unitDoc = person.unitId ? await store.get(collections.units.name, person.unitId) : null;
  const replacement = round.materials.masking.textReplacements.find((r) => r.what === 'unit_name')?.replaceWith[0];
  return { ownName: person.name, unitName: unitDoc ? parseDoc(Unit, unitDoc).name : null, unitReplacement: replacement ?? '本单位' };
}

type Owned =
  | { readonly ok: true; readonly rev: number; readonly record: ApplicationRecord; readonly round: Round; readonly context: LintContext }
  | { readonly ok: false; readonly error: AppError };

/** The caller's own application and its round; another person's is answered as missing. */
async function loadOwn(store: Pick<Store, 'get'>, caller: Person, id: string): Promise<Owned> {
  const doc = await store.get(collections.applications.name, id);
  if (!doc) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const record = parseFields(ApplicationRecord, doc);
  if (record.personId !== caller._id) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const roundDoc = await store.get(collections.rounds.name, record.roundId);
  if (!roundDoc) return { ok: false, error: appError('ROUND.NOT_FOUND') };
  const round = roundFromDoc(roundDoc);
  return { ok: true, rev: doc._rev, record, round, context: await lintContextOf(store, caller, round) };
}

/** Writes the record's files back, at the revision read (a concurrent change is a conflict, not an overwrite). */
function saveFiles(writes: StagedWrites, id: string, rev: number, files: readonly AttachedFile[]): void {
  writes.update(collections.applications.name, id, rev, { files: files as unknown as JsonObject[] });
}

/** Where a person's own uploads live, in local refs and cloud fileIDs alike. */
const ownFolder = (personId: string) => `uploads/${personId}/`;

const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
