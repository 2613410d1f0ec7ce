import { UNIT_DOCUMENT_TEXT } from '../../core/application/unit-documents';
import { suggestMasks } from '../masking/suggest';
import { APPLICATION_REFUSAL } from '../../core/application/refusal-texts';
import { FINDING_REASON, PORTRAIT_EYE_BAND } from '../../core/masking/identity-finder';
import { AttachedFile, isEditable } from '../../core/application/application.schema';
import { checkMasks, type MaskRect } from '../../core/application/mask-rules';
import { appError } from '../../core/errors';
import { Role } from '../../core/people/person';
import { err, ok } from '../../core/result';
import { burnMasks, sha256Of } from '../images/image-bytes';
import { keepUpload, readAndClean } from '../images/own-upload';
import { applicationQuotaLeft, reserveUpload, settleUpload } from '../uploads/pending-uploads';
import { parseUploadRef } from '../uploads/upload-ref';
import { checkedUploadId, checkedUploads, findCheckedByUpload, type CheckedUpload } from '../uploads/checked-uploads';
import { viewOf } from './application.view';
import type { ActionDefs } from '../function';
import { identityOf, loadOwn, saveFiles, visibleOn } from './own';

/**
 * Files: announcing an upload, attaching it (checked, kept without its metadata), masking for blind
 * review (the blind copy made here from the original), reading the blind copy for what experts would
 * still see, suggesting masks, and the secretary's checked photo (a fee receipt).
 */
/** Whether two lists of mask rectangles are the same, in order. */
function sameMasks(a: readonly MaskRect[], b: readonly MaskRect[]): boolean {
  return a.length === b.length && a.every((m, i) => m.x === b[i]!.x && m.y === b[i]!.y && m.w === b[i]!.w && m.h === b[i]!.h);
}

export const fileActions: Pick<ActionDefs<'applications'>, 'attach' | 'mask' | 'checkBlindCopy' | 'suggestMasks' | 'checkPhoto' | 'beginUpload'> = {
  attach: {
    roles: ['applicant'],
    async handle({ applicationId: id, category, ref, sha256 }, ctx) {
      const { caller, store, now, writes } = ctx;
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const view = viewOf(id, own.record, own.round, now, own.context);
      // The same upload attached again (a retry whose answer was lost) is the one already there.
      const sameUpload = own.record.files.filter((f) => f.uploadSha256 === sha256 || f.sha256 === sha256);
      if (sameUpload.some((f) => f.category === category)) return ok(view);
      const material = view.materials.find((m) => m.code === category);
      if (!material || material.form !== 'upload' || material.stage !== 'online') {
        return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.notUploaded]));
      }
      // The unit's papers are the unit's to upload, after its publicity (yuli-initial-junior-2024 五(二)).
      if (material.providedBy === 'unit') return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_DOCUMENT_TEXT.notTheApplicants]));
      const save = (file: AttachedFile) => {
        const next = [...own.record.files, file];
        saveFiles(writes, id, own.rev, next);
        return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
      };
      const fresh = { category, attachedAt: now.toISOString(), masks: [], blindRef: null, stillVisible: [], checkedBlindRef: null };
      // The same photo for another material (an ID card that proves two things): the kept file again, its masking answer asked again.
      const kept = sameUpload[0];
      if (kept?.contentType === 'application/pdf' && !material.formats.includes('pdf')) return err(appError('FILE.BAD_TYPE', [APPLICATION_REFUSAL.jpegOnly]));
      if (kept) {
        // An upload sent again for it (the app uploads before each attach) is used up here too.
        if (parseUploadRef(ref)?.owner === caller._id) await settleUpload(ctx, caller._id, { ref, sha256 });
        return save({ ...kept, ...fresh, needsMasking: kept.contentType === 'application/pdf' ? 'no' : null });
      }
      const read = await readAndClean(ctx, caller._id, { ref, sha256 }, { allowPdf: material.formats.includes('pdf'), incomplete: APPLICATION_REFUSAL.incompleteUpload });
      if (!read.ok) return read;
      const { inspected, cleaned } = read.value;
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
  mask: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256, needsMasking, masks }, { caller, store, files, made, now, writes }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      if (!isEditable(own.record.status)) return err(appError('APPLICATION.NOT_DRAFT'));
      const file = own.record.files.find((f) => f.sha256 === sha256);
      if (!file) return err(appError('FILE.NOT_FOUND'));
      if (file.contentType !== 'image/jpeg') return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.pdfNotMaskedHere]));
      const kept = needsMasking === 'yes' ? masks : [];
      if (needsMasking === 'yes' && kept.length === 0) return err(appError('APPLICATION.MASKS_REFUSED', [APPLICATION_REFUSAL.drawAMask]));
      const check = checkMasks(kept);
      if (!check.ok) return err(appError('APPLICATION.MASKS_REFUSED', check.problems));
      // The same answer again (a double tap, a retry whose reply was lost): the copy already made,
      // read again for what experts would see if its last check could not run (saving again is how
      // the applicant asks for that).
      if (file.blindRef !== null && file.needsMasking === needsMasking && sameMasks(file.masks, kept)) {
        if (file.stillVisible !== null) return ok(viewOf(id, own.record, own.round, now, own.context));
        const next = own.record.files.map((f) => (f.sha256 === sha256 ? { ...f, stillVisible: [], checkedBlindRef: null } : f));
        saveFiles(writes, id, own.rev, next);
        return ok(viewOf(id, { ...own.record, files: next }, own.round, now, own.context));
      }
      // The blind copy is what experts see: made here from the original, never sent by the phone,
      // once per call (a commit that meets a concurrent change does not burn it again). Named by
      // its own bytes: the path tells an expert nothing of whose it is. What experts would still
      // see on it is read after the save (checkBlindCopy), not waited for here.
      const blindRef = await made.once(`blind:${file.ref}:${kept.map((m) => `${m.x},${m.y},${m.w},${m.h}`).join(';')}`, async () => {
        const original = await files.get(file.ref);
        if (!original) return null;
        const blind = await burnMasks(original, kept);
        return made.put(`blind/${sha256Of(blind)}.jpg`, blind, 'image/jpeg');
      });
      if (!blindRef) return err(appError('FILE.NOT_FOUND'));
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
  suggestMasks: {
    roles: ['applicant'],
    async handle({ applicationId: id, sha256 }, { caller, store, files, ocr, now }) {
      const own = await loadOwn(store, caller, id);
      if (!own.ok) return err(own.error);
      const file = own.record.files.find((f) => f.sha256 === sha256);
      if (!file) return err(appError('FILE.NOT_FOUND'));
      if (file.contentType !== 'image/jpeg') return err(appError('REQUEST.INVALID_PAYLOAD', [APPLICATION_REFUSAL.pdfNotMaskedHere]));
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
    roles: ['committee_secretary', 'unit_admin'],
    async handle(upload, ctx) {
      const { caller, store, writes, now } = ctx;
      // The same upload checked again (a retry whose answer was lost): the file kept the first time.
      const before = await findCheckedByUpload(store, caller._id, upload.sha256);
      if (before) return ok({ ref: before.ref, sha256: before.sha256 });
      const read = await readAndClean(ctx, caller._id, upload, { allowPdf: false, incomplete: APPLICATION_REFUSAL.incompletePhoto });
      if (!read.ok) return err(read.error);
      const { inspected, cleaned } = read.value;
      const id = checkedUploadId(caller._id, cleaned.sha256);
      // Another upload of the same picture: one record, the file kept the first time.
      const same = await checkedUploads.get(store, id);
      if (same) {
        await settleUpload(ctx, caller._id, upload);
        return ok({ ref: same.record.ref, sha256: cleaned.sha256 });
      }
      const stored = await keepUpload(ctx, caller._id, upload, cleaned, 'image/jpeg');
      const { width, height } = inspected;
      const checked: CheckedUpload = { personId: caller._id, ref: stored.ref, sha256: stored.sha256, uploadSha256: upload.sha256, width, height, bytes: cleaned.content.length, checkedAt: now.toISOString() };
      checkedUploads.insert(writes, id, checked);
      return ok({ ref: stored.ref, sha256: stored.sha256 });
    },
  },
  beginUpload: {
    roles: Role.options,
    async handle(upload, { caller, store, writes, now }) {
      return reserveUpload(store, writes, caller._id, upload, now);
    },
  },
};
