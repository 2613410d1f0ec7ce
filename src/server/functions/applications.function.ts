import { suggestMasks } from '../masking/suggest';
import type { TextReader } from '../ports/ocr.port';
import { FINDING_REASON, PORTRAIT_EYE_BAND, type FindingKind } from '../../core/masking/identity-finder';
import { loadApplication, ownedBy } from '../applications/load';
import * as z from 'zod';
import { AttachedFile, ApplicationRecord, applicationId, isEditable, UnitSnapshot } from '../../core/application/application.schema';
import { mayRead } from '../../core/application/file-access';
import { checkMasks } from '../../core/application/mask-rules';
import { ENTRY_FORMS, entrySchema, isListRecord, type Entry } from '../../core/application/entry-forms';
import type { LintContext } from '../../core/application/text-lint';
import { checkIdNumber } from '../../core/identity/id-number';
import { beijingDate } from '../../core/time/beijing';
import type { ApplicationSummary } from '../../core/contracts/api';
import { assess } from '../../core/eligibility/assess';
import { Profile } from '../../core/eligibility/profile';
import { appError, type AppError } from '../../core/errors';
import { Person, Role, Unit } from '../../core/people/person';
import { err, ok } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseDoc, parseFields } from '../docs';
import { applicationsContract } from '../../core/contracts/functions/applications.contract';
import { defineFunction, type Logger, type StagedWrites } from '../function';
import { burnMasks, sha256Of } from '../images/image-bytes';
import { cleanedUpload, keepUpload, readOwnUpload } from '../images/own-upload';
import { applicationQuotaLeft, removeStaleUploads, reserveUpload, settleUpload } from '../uploads/pending-uploads';
import { parseUploadRef } from '../uploads/upload-ref';
import { returnItems } from '../../core/application/return-items';
import { checkedUploadId, findCheckedByUpload, type CheckedUpload } from '../uploads/checked-uploads';
import type { JsonObject, Store } from '../ports/store.port';
import { roundFromDoc } from '../round.docs';
import { moveApplication } from '../review/move';
import { applicationDoc } from '../applications/application.docs';
import { withKnownApplications } from '../../core/eligibility/profile';
import { inReviewScope } from '../../core/review/scope';
import { routeOf, type ReviewRoute } from '../../core/review/route';
import { lintContextOf, problemsOf, viewFrom, viewOf, withFix } from '../applications/application.view';
import { replayOf } from '../../core/review/request-replay';

const SavedAnswers = z.strictObject({ roundId: z.string(), profile: Profile, savedAt: z.string() });

/**
 * `applications`: an applicant's applications. Each is started from the answers the self-check
 * saved for its round and judged again by the same engine on the server's clock: a level the
 * engine says cannot be applied for is refused with its reasons, and one channel per year holds
 * for the same series (specialty) and level (aksu-water-2024 二).
 */
export const applicationsFunction = defineFunction('applications', applicationsContract, {
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

      // The applications the product holds for this person this year are facts beside their answers: the
      // one-channel rule (the core's, where the round states it) reads both.
      const thisYear = await applicationsThisYear(store, caller._id, round.year);
      const offer = assess(withKnownApplications(saved.profile, thisYear), round, now).offers.find((o) => o.key === offerKey);
      if (!offer) return err(appError('REQUEST.INVALID_PAYLOAD', ['本批次没有这个申报项目，请返回自测结果重新选择']));
      if (offer.verdict === 'ineligible' || offer.verdict === 'not_yet') {
        const failed = offer.reasons.filter((r) => r.outcome === 'fail' || r.outcome === 'later');
        const reasons = failed.map((r) => `${r.message}（第${r.source.clause}条）`);
        return err(appError(failed.some((r) => r.code === 'CHANNEL.ONE_PER_YEAR') ? 'APPLICATION.OTHER_CHANNEL' : 'APPLICATION.INELIGIBLE', reasons));
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
        // A choice the self-check already answered (驻村, the unit's level) starts chosen; the page says so.
        texts: Object.fromEntries(offer.materials.flatMap((m) => (m.choices?.suggested ? [[m.code, m.choices.suggested]] : []))),
        entries: {},
        declarations: [],
        idNumber: null,
        submissions: 0,
        events: [{ kind: 'created', at: now.toISOString(), requestId: null, by: caller._id, role: caller.role, from: null, to: 'draft', reasons: [], opinion: '' }],
        applicantName: caller.name,
        unit: null,
        returnDeadline: null,
        returnSnapshot: {},
        returnConfirmations: {},
        publicity: null,
        feeReceipt: null,
        basics: { ethnicity: null, politicalStatus: null },
      };
      writes.insert(collections.applications.name, applicationDoc(id, record));
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
    async handle({ applicationId: id, category, ref, sha256 }, ctx) {
      const { caller, store, files, now, writes } = ctx;
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const view = viewOf(id, own.record, own.round, now, own.context);
      // The same upload attached again (a retry whose answer was lost) is the one already there.
      const sameUpload = own.record.files.filter((f) => f.uploadSha256 === sha256 || f.sha256 === sha256);
      if (sameUpload.some((f) => f.category === category)) return ok(view);
      const material = view.materials.find((m) => m.code === category);
      if (!material || material.form !== 'upload' || material.stage !== 'online') {
        return err(appError('REQUEST.INVALID_PAYLOAD', ['这一项不是网上上传的材料，请返回申报页重新选择']));
      }
      const save = (file: AttachedFile) => {
        const next = [...own.record.files, file];
        saveFiles(writes, id, own.rev, next);
        return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
      };
      const fresh = { category, attachedAt: now.toISOString(), masks: [], blindRef: null, stillVisible: [], checkedBlindRef: null };
      // The same photo for another material (an ID card that proves two things): the kept file again, its masking answer asked again.
      const kept = sameUpload[0];
      if (kept?.contentType === 'application/pdf' && !material.formats.includes('pdf')) return err(appError('FILE.BAD_TYPE', ['这一项只收 JPG 图片，请拍照或选择图片上传。']));
      if (kept) {
        // An upload sent again for it (the app uploads before each attach) is used up here too.
        if (parseUploadRef(ref)?.owner === caller._id) await settleUpload(ctx, caller._id, { ref, sha256 });
        return save({ ...kept, ...fresh, needsMasking: kept.contentType === 'application/pdf' ? 'no' : null });
      }
      const read = await readOwnUpload(files, caller._id, { ref, sha256 }, { allowPdf: material.formats.includes('pdf'), incomplete: '上传的内容不完整，请重新上传' });
      if (!read.ok) return read;
      const { inspected } = read.value;
      const cleaned = await cleanedUpload(read.value);
      const quota = applicationQuotaLeft(own.record.files, cleaned.content.length);
      if (!quota.ok) return err(quota.error);
      const stored = await keepUpload(ctx, caller._id, { ref, sha256 }, cleaned, inspected.contentType);
      return save({
        ...fresh,
        sha256: stored.sha256,
        uploadSha256: sha256,
        ref: stored.ref,
        contentType: inspected.contentType,
        bytes: stored.bytes,
        width: inspected.width,
        height: inspected.height,
        // A PDF is not masked here (its pages are prepared before upload); an image is asked.
        needsMasking: inspected.contentType === 'application/pdf' ? 'no' : null,
      });
    },
  },
  detach: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256, category }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const next = own.record.files.filter((f) => !(f.sha256 === sha256 && (category === undefined || f.category === category)));
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
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
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
      // Named by its own bytes: the path tells an expert nothing of whose it is, and a save that
      // fails before its commit leaves the copy the record points to as it was. What experts would
      // still see on it is read after the save (checkBlindCopy), not waited for here.
      const blindRef = await files.put(`blind/${sha256Of(blind)}.jpg`, blind, 'image/jpeg');
      const next = own.record.files.map((f) => (f.sha256 === sha256 ? { ...f, needsMasking, masks: kept, blindRef, stillVisible: [], checkedBlindRef: null } : f));
      saveFiles(writes, id, own.rev, next);
      return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
    },
  },
  checkBlindCopy: {
    roles: ['applicant'],
    /**
     * Reads one image's blind copy, as experts will see it, for the applicant's name, ID number,
     * unit and seals, whether it was answered 是 or 否; keeps the kinds found (never the text).
     */
    async handle({ applicationId: id, sha256 }, { caller, store, files, ocr, log, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      const view = () => ok(viewOf(id, own.record, own.round, now, own.context));
      const file = own.record.files.find((f) => f.sha256 === sha256 && f.blindRef !== null);
      if (!file) return err(appError('FILE.NOT_FOUND'));
      // Checked already, or no longer the applicant's to change: as it is.
      if (file.checkedBlindRef === file.blindRef || !isEditable(own.record.status)) return view();
      const blind = await files.get(file.blindRef!);
      if (!blind) return err(appError('FILE.NOT_FOUND'));
      const stillVisible = await visibleOn(ocr, blind, identityOf(own.record, own.context), log);
      const next = own.record.files.map((f) => (f.sha256 === sha256 && f.blindRef === file.blindRef ? { ...f, stillVisible, checkedBlindRef: file.blindRef } : f));
      saveFiles(writes, id, own.rev, next);
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
      if (!typed) return err(appError('REQUEST.INVALID_PAYLOAD', ['这一项不是网上填写的内容，请返回申报页重新选择']));
      if (item.choices && text !== '' && !item.choices.options.includes(text)) {
        return err(appError('REQUEST.INVALID_PAYLOAD', [`${item.name}请从这几项中选择：${item.choices.options.join('、')}`]));
      }
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
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
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
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
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
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      if (!own.round.materials.rules.some((r) => r.code === rule && r.kind === 'no_work_or_meeting_photos')) {
        return err(appError('REQUEST.INVALID_PAYLOAD', ['本批次没有这条需要确认的要求，请刷新申报页']));
      }
      const declarations = agreed ? [...new Set([...own.record.declarations, rule])] : own.record.declarations.filter((d) => d !== rule);
      writes.update(collections.applications.name, id, own.rev, { declarations });
      return ok(viewOf(id, { ...own.record, declarations }, own.round, now, own.context));
    },
  },
  confirmReturned: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, note }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status !== 'returned') return err(appError('REVIEW.WRONG_STATUS', ['只有被退回的申报才需要逐项确认。']));
      if (!returnItems(own.record).some((i) => i.category === category)) return err(appError('REQUEST.INVALID_PAYLOAD', ['退回意见里没有这一项，请刷新申报页']));
      const returnConfirmations = { ...own.record.returnConfirmations, [category]: { note, at: now.toISOString() } };
      writes.update(collections.applications.name, id, own.rev, { returnConfirmations });
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
      writes.update(collections.applications.name, id, own.rev, { texts: fixed.texts, entries: fixed.entries as unknown as JsonObject });
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
        return err(appError('APPLICATION.WINDOW_CLOSED', ['网上申报还没有开始，请到开始时间后再提交。'], '现在不在网上申报时间内，没有提交。'));
      }
      if (own.record.status === 'draft' && view.window.state !== 'open') return err(appError('APPLICATION.WINDOW_CLOSED', [], '网上申报已经截止，没有提交。'));
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
  saveBasics: {
    roles: ['applicant'],
    async handle({ applicationId: id, basics }, { caller, store, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (own.record.status === 'withdrawn') return err(appError('APPLICATION.NOT_DRAFT'));
      writes.update(collections.applications.name, id, own.rev, { basics });
      return ok(viewOf(id, { ...own.record, basics }, own.round, now, own.context));
    },
  },
  suggestMasks: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256 }, { caller, store, files, ocr, now }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      const file = own.record.files.find((f) => f.sha256 === sha256);
      if (!file) return err(appError('FILE.NOT_FOUND'));
      if (file.contentType !== 'image/jpeg') return err(appError('REQUEST.INVALID_PAYLOAD', ['PDF 文件不在这里遮挡，请上传前处理好']));
      const original = await files.get(file.ref);
      if (!original) return err(appError('FILE.NOT_FOUND'));
      // The text read stays inside this call: only rectangles and reasons are answered. A reader
      // that fails (WeChat's daily quota, a busy model) leaves the applicant to draw, told so.
      try {
        const findings = await suggestMasks(ocr, original, identityOf(own.record, own.context));
        // The 1-inch photo where the round asks for the eyes only: the eye band of its composition.
        const item = viewOf(id, own.record, own.round, now, own.context).materials.find((m) => m.code === file.category);
        const eyes = item?.mask.includes('own_photo_eyes') && file.category === 'photo' ? [{ kind: 'eyes' as const, reason: FINDING_REASON.eyes, rect: PORTRAIT_EYE_BAND }] : [];
        return ok({ suggestions: [...findings, ...eyes].map((f) => ({ kind: f.kind, reason: f.reason, rect: f.rect })) });
      } catch {
        return err(appError('OCR.UNAVAILABLE'));
      }
    },
  },
  checkPhoto: {
    roles: ['committee_secretary'],
    async handle(upload, ctx) {
      const { caller, files, store, writes, now } = ctx;
      // The same upload checked again (a retry whose answer was lost): the file kept the first time.
      const before = await findCheckedByUpload(store, caller._id, upload.sha256);
      if (before) return ok({ ref: before.ref, sha256: before.sha256 });
      const read = await readOwnUpload(files, caller._id, upload, { allowPdf: false, incomplete: '照片没有传完整，请重新拍照' });
      if (!read.ok) return err(read.error);
      const cleaned = await cleanedUpload(read.value);
      const stored = await keepUpload(ctx, caller._id, upload, cleaned, 'image/jpeg');
      const id = checkedUploadId(caller._id, stored.sha256);
      // Another upload of the same picture: one record.
      if (await store.get(collections.uploads.name, id)) return ok({ ref: stored.ref, sha256: stored.sha256 });
      const { width, height } = read.value.inspected;
      const checked: CheckedUpload = { personId: caller._id, ref: stored.ref, sha256: stored.sha256, uploadSha256: upload.sha256, width, height, checkedAt: now.toISOString() };
      writes.insert(collections.uploads.name, { _id: id, ...checked });
      return ok({ ref: stored.ref, sha256: stored.sha256 });
    },
  },
  beginUpload: {
    roles: Role.options,
    async handle(upload, { caller, store, writes, now }) {
      return reserveUpload(store, writes, caller._id, upload, now);
    },
  },
  fileUrl: {
    roles: Role.options,
    async handle({ applicationId: id, sha256, copy }, { caller, store, files, now }) {
      const doc = await store.get(collections.applications.name, id);
      if (!doc) return err(appError('APPLICATION.NOT_FOUND'));
      const record = parseFields(ApplicationRecord, doc);
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
      const docs = await store.find(collections.inbox.name, {
        where: [{ field: 'personId', op: 'eq', value: caller._id }],
        orderBy: [{ field: 'at', direction: 'desc' }],
        limit: 50,
      });
      return ok(docs.map((d) => ({ id: d._id, title: String(d.title), body: String(d.body), page: String(d.page), at: String(d.at) })));
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
        summaries.push({ id: view.id, roundTitle: view.roundTitle, label: view.label, status: view.status, statusText: view.statusText, holderText: view.holderText, returnDeadline: view.returnDeadline, createdAt: view.createdAt, window: view.window });
      }
      return ok(summaries);
    },
  },
}, {
  /** Uploads announced more than a day ago: their files (used or never used) and announcements removed. */
  removeStaleUploads: {
    cron: '0 0 * * * * *',
    everyMs: 60 * 60 * 1000,
    run: (ctx) => removeStaleUploads(ctx.store, ctx.writes, ctx.files, ctx.now),
  },
});

/** The label of another application this year for the same series (specialty) and level in another channel. */
/** This person's applications of the year, any round, as the one-channel rule reads them. */
async function applicationsThisYear(store: Pick<Store, 'find'>, personId: string, year: number): Promise<ApplicationRecord[]> {
  const mine = await store.find(collections.applications.name, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'year', op: 'eq', value: year },
    ],
  });
  // A withdrawn application no longer holds its channel.
  return mine.map((doc) => parseFields(ApplicationRecord, doc)).filter((a) => a.status !== 'withdrawn');
}

type Owned =
  | { readonly ok: true; readonly rev: number; readonly record: ApplicationRecord; readonly round: Round; readonly context: LintContext }
  | { readonly ok: false; readonly error: AppError };

/** The caller's own application and its round, with what its texts are linted against; another person's is answered as missing. */
async function loadOwn(store: Pick<Store, 'get'>, caller: Person, id: string): Promise<Owned> {
  const loaded = await loadApplication(store, id, ownedBy(caller));
  return loaded.ok ? { ...loaded, context: await lintContextOf(store, caller, loaded.round) } : loaded;
}

/** Writes the record's files back, at the revision read (a concurrent change is a conflict, not an overwrite). */
function saveFiles(writes: StagedWrites, id: string, rev: number, files: readonly AttachedFile[]): void {
  writes.update(collections.applications.name, id, rev, { files: files as unknown as JsonObject[] });
}

/** The applicant's unit now, with the route the round's chain gives the application's channel. */
export async function unitOf(store: Pick<Store, 'get'>, person: Person, route: ReviewRoute): Promise<UnitSnapshot | null> {
  if (!person.unitId) return null;
  const doc = await store.get(collections.units.name, person.unitId);
  if (!doc) return null;
  const unit = parseDoc(Unit, doc);
  return { unitId: unit._id, name: unit.name, level: unit.level, prefecture: unit.prefecture, county: unit.county, route };
}

/** Who the photos must not show: the applicant's name, ID number and unit, from the application and the account. */
function identityOf(record: ApplicationRecord, context: LintContext) {
  return { name: record.applicantName || context.ownName, idNumber: record.idNumber, unitName: record.unit?.name ?? context.unitName };
}

/**
 * What experts would still see on a blind copy, by kind; null when it could not be read (the save
 * goes on: the applicant is told the check did not run, not that the copy is clean).
 */
async function visibleOn(ocr: TextReader, blind: Uint8Array, who: ReturnType<typeof identityOf>, log: Logger): Promise<Exclude<FindingKind, 'eyes'>[] | null> {
  try {
    // The eyes are estimated, not read: nothing to check on the copy.
    return [...new Set((await suggestMasks(ocr, blind, who)).map((f) => f.kind).filter((k): k is Exclude<FindingKind, 'eyes'> => k !== 'eyes'))];
  } catch (error) {
    log.warn(`the blind copy could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
