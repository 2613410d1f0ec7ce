import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { dispatch, type Caller } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { completeForSubmit, openHarness, type Harness } from './harness';

/**
 * A return, item by item (issue 23, item 2): the returned material is marked with its reason and
 * who returned it; resubmitting waits until it is changed (a photo removed and replaced) or
 * confirmed as already right with a word why.
 */
type View = {
  status: string;
  submissions: number;
  files: { category: string; sha256: string }[];
  materials: { code: string; form: string; stage: string; need: string }[];
  returnItems: { category: string; reason: string; by: string; state: string; note: string | null }[];
  problems: { path: string; severity: string; message: string; returned?: boolean }[];
};

describe('a returned application, answered item by item', () => {
  let harness: Harness;
  const applicant: Caller = { openid: 'demo-openid-applicant' };
  const unitAdmin: Caller = { openid: 'demo-openid-unit-admin' };
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, harness.deps);
  const view = async () => ((await call(applicant, 'applications', 'get', { applicationId: id })).reply as { data: View }).data;
  let id = '';
  let photoCategory = '';

  beforeEach(async () => {
    harness = await openHarness('return-fix', new Date('2024-10-12T02:00:00Z'));
    await call(applicant, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    id = ((await call(applicant, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).reply as { data: { id: string } }).data.id;
    await completeForSubmit(harness, applicant, 'person-applicant', id);
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-first' })).status).toBe(200);
    photoCategory = (await view()).files[0]!.category;
    const returned = await call(unitAdmin, 'review', 'return', { applicationId: id, requestId: 'return-first', reasons: [{ category: photoCategory, kind: 'unclear_photo', text: '第1张看不清' }] });
    expect(returned.reply).toMatchObject({ ok: true });
  });
  afterEach(() => harness.close());

  it('marks the returned material with its reason and who returned it, and refuses to resubmit unchanged', async () => {
    const before = await view();
    expect(before.returnItems).toEqual([{ category: photoCategory, reason: '照片不清晰（第1张看不清）', by: '单位管理员', state: 'open', note: null }]);
    // Still returned: nothing answered to show reviewers yet.
    expect((before as View & { returnAnswers: unknown[] }).returnAnswers).toEqual([]);
    expect(before.problems[0]).toMatchObject({ path: `return.${photoCategory}`, severity: 'block', returned: true, message: expect.stringContaining('单位管理员退回：照片不清晰') });
    const refused = await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-unchanged' });
    expect(refused.reply).toMatchObject({ ok: false, code: 'APPLICATION.INCOMPLETE', details: [expect.stringContaining('照片不清晰')] });
    expect((await view()).submissions).toBe(1);
  });

  it('takes a photo removed and replaced as the answer, and resubmits', async () => {
    const old = (await view()).files.find((f) => f.category === photoCategory)!;
    await call(applicant, 'applications', 'detach', { applicationId: id, sha256: old.sha256, category: photoCategory });
    const clearer = await sharp({ create: { width: 160, height: 100, channels: 3, background: '#f0f0f0' } }).jpeg().toBuffer();
    const sha256 = createHash('sha256').update(clearer).digest('hex');
    const ref = await harness.files.put(`uploads/person-applicant/${sha256}.jpg`, clearer, 'image/jpeg');
    const attached = ((await call(applicant, 'applications', 'attach', { applicationId: id, category: photoCategory, ref, sha256 })).reply as { data: View }).data;
    const kept = attached.files.find((f) => f.category === photoCategory)!.sha256;
    await call(applicant, 'applications', 'mask', { applicationId: id, sha256: kept, needsMasking: 'no', masks: [] });
    expect((await view()).returnItems[0]).toMatchObject({ state: 'changed' });
    const resubmitted = await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-changed' });
    expect(resubmitted.reply).toMatchObject({ ok: true, data: { status: 'submitted', submissions: 2 } });
    // The unit admin sees the new photo, and that the returned item was changed.
    const seen = (await call(unitAdmin, 'review', 'get', { applicationId: id })).reply as { data: { application: { files: { sha256: string }[]; returnAnswers: unknown[] } } };
    expect(seen.data.application.files.map((f) => f.sha256)).toContain(kept);
    expect(seen.data.application.returnAnswers).toEqual([{ category: photoCategory, reason: '照片不清晰（第1张看不清）', by: '单位管理员', state: 'changed', note: null }]);
  });

  it('takes 已按意见处理 with a word why as the answer; without a word it is refused', async () => {
    expect((await call(applicant, 'applications', 'confirmReturned', { applicationId: id, category: photoCategory, note: ' ' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call(applicant, 'applications', 'confirmReturned', { applicationId: id, category: 'no_such_category', note: '已经符合' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    const confirmed = ((await call(applicant, 'applications', 'confirmReturned', { applicationId: id, category: photoCategory, note: '原件本身如此，已请单位核对' })).reply as { data: View }).data;
    expect(confirmed.returnItems[0]).toMatchObject({ state: 'confirmed', note: '原件本身如此，已请单位核对' });
    expect(confirmed.problems.filter((p) => p.returned)).toEqual([]);
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-confirmed' })).reply).toMatchObject({ ok: true, data: { status: 'submitted', returnAnswers: [{ state: 'confirmed', note: '原件本身如此，已请单位核对' }] } });
    // Submitted, nothing is returned any more: nothing to confirm.
    expect((await call(applicant, 'applications', 'confirmReturned', { applicationId: id, category: photoCategory, note: '再确认一次' })).reply).toMatchObject({ ok: false, code: 'REVIEW.WRONG_STATUS' });
  });
});
