import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Caller } from '../../src/server/dispatch';
import { dispatch } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { certificate, iou } from '../fixtures/certificates';
import { bazhouEngineer } from '../core/eligibility/people.fixture';
import { openHarness, type Harness } from './harness';

/**
 * Masking suggestions over the real local adapters and PaddleOCR: 吐尔洪 (a seeded forestry
 * engineer, his application back in draft here) uploads a generated certificate with his name, ID
 * number, unit and a seal; the server suggests each, and after he masks only his name the check on
 * the blind copy says what experts would still see.
 */
jest.setTimeout(90_000);
const tuerhong: Caller = { openid: 'demo-openid-forestry-1' };
const APP = 'person-forestry-1:aksu-forestry-2024:directed_evaluation:deputy_senior';
const WHO = { name: '吐尔洪', idNumber: '652901198003121030', unitName: '阿克苏地区林业技术推广中心' };

describe('masking suggestions and the blind-copy check', () => {
  let harness: Harness;
  const call = (action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, tuerhong, harness.deps);
  let sha256 = '';
  let truth: Awaited<ReturnType<typeof certificate>>['truth'] = [];
  let suggestions: { kind: string; reason: string; rect: { x: number; y: number; w: number; h: number } }[] = [];

  beforeAll(async () => {
    harness = await openHarness('masking', new Date('2024-08-10T02:00:00Z'));
    const doc = await harness.store.get('applications', APP);
    await harness.store.update('applications', APP, doc!._rev, { status: 'draft' });
    const made = await certificate(3, WHO);
    truth = made.truth;
    sha256 = createHash('sha256').update(made.jpeg).digest('hex');
    const ref = await harness.files.put(`uploads/person-forestry-1/${sha256}.jpg`, made.jpeg, 'image/jpeg');
    const attached = await call('attach', { applicationId: APP, category: 'education', ref, sha256 });
    expect(attached.reply).toMatchObject({ ok: true });
    // From here on the file is named by what the server keeps (the photo without its metadata).
    sha256 = keptSha(attached.reply, 'education');
  });
  afterAll(() => harness.close());

  it('suggests his name, ID number, unit and the seal, each over its true region, with its reason and no text', async () => {
    const answer = await call('suggestMasks', { applicationId: APP, sha256 });
    expect(answer.reply).toMatchObject({ ok: true });
    suggestions = (answer.reply as { data: { suggestions: typeof suggestions } }).data.suggestions;
    expect(suggestions.map((s) => s.kind).sort()).toEqual(['id_number', 'name', 'seal', 'unit']);
    for (const t of truth) expect([t.kind, Math.max(...suggestions.filter((s) => s.kind === t.kind).map((s) => iou(s.rect, t.rect))) >= 0.5]).toEqual([t.kind, true]);
    expect(suggestions.find((s) => s.kind === 'name')!.reason).toBe('识别到您的姓名');
    // Nothing read is answered or kept.
    expect(JSON.stringify(answer.reply)).not.toContain('吐尔洪');
    expect(JSON.stringify(await harness.store.get('applications', APP))).not.toContain('专业技术资格证书');
  });

  /** Saves the masks (answered at once, the check still to run), then reads the blind copy as the page does after the save. */
  async function maskThenCheck(needsMasking: 'yes' | 'no', masks: readonly unknown[], deps = harness.deps) {
    const saved = await dispatch(functions, 'applications', { action: 'mask', payload: { applicationId: APP, sha256, needsMasking, masks } }, tuerhong, deps);
    expect((saved.reply as { data: { problems: { message: string }[] } }).data.problems.map((p) => p.message)).toContain('第 1 张还没有检查完专家会看到什么：保存后会自动检查，稍等片刻；一直没有结果，请点开照片自己看一遍。');
    return dispatch(functions, 'applications', { action: 'checkBlindCopy', payload: { applicationId: APP, sha256 } }, tuerhong, deps);
  }

  it('warns before submitting when the blind copy still shows what was found, and not once it is all masked', async () => {
    const name = suggestions.find((s) => s.kind === 'name')!.rect;
    const partly = await maskThenCheck('yes', [name]);
    const problems = (partly.reply as { data: { problems: { severity: string; message: string }[] } }).data.problems;
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warn', message: '第 1 张遮挡后仍能看到您的身份证号、您的单位名称、红色印章，专家会看到。请打开遮挡编辑补上遮挡框。' }));
    // The blind copy is solid under the accepted rectangle.
    const stored = await harness.store.get<{ files: { sha256: string; blindRef: string }[] }>('applications', APP);
    const blind = await harness.files.get(stored!.files.find((f) => f.sha256 === sha256)!.blindRef);
    const { data, info } = await sharp(Buffer.from(blind!)).raw().toBuffer({ resolveWithObject: true });
    const cx = Math.round((name.x + name.w / 2) * info.width);
    const cy = Math.round((name.y + name.h / 2) * info.height);
    expect(Math.max(...data.subarray((cy * info.width + cx) * info.channels, (cy * info.width + cx) * info.channels + 3))).toBeLessThan(40);

    const all = await maskThenCheck('yes', suggestions.map((s) => s.rect));
    expect((all.reply as { data: { problems: { message: string }[] } }).data.problems.filter((p) => p.message.includes('遮挡后仍能看到'))).toEqual([]);
  });

  it('says so plainly when the photo cannot be read, and keeps nothing', async () => {
    const failing = { ...harness.deps, ocr: { read: async () => Promise.reject(new Error('45009 reach max api daily quota limit')) } };
    const answer = await dispatch(functions, 'applications', { action: 'suggestMasks', payload: { applicationId: APP, sha256 } }, tuerhong, failing);
    expect(answer.reply).toMatchObject({ ok: false, code: 'OCR.UNAVAILABLE', message: expect.stringContaining('请自己仔细检查') });
  });

  it('says the check did not run, not that the copy is clean, when the blind copy cannot be read', async () => {
    const failing = { ...harness.deps, ocr: { read: async () => Promise.reject(new Error('-1 system error')) } };
    const name = suggestions.find((s) => s.kind === 'name')!.rect;
    const answer = await maskThenCheck('yes', [name], failing);
    const problems = (answer.reply as { data: { problems: { severity: string; message: string }[] } }).data.problems;
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warn', message: expect.stringContaining('第 1 张没能自动检查') }));
    expect(problems.filter((p) => p.message.includes('遮挡后仍能看到'))).toEqual([]);
    // Read again once the service is back: the warning names what is visible.
    const again = await maskThenCheck('yes', [name]);
    const after = (again.reply as { data: { problems: { message: string }[] } }).data.problems.map((p) => p.message);
    expect(after.some((m) => m.includes('没能自动检查'))).toBe(false);
    expect(after.some((m) => m.includes('遮挡后仍能看到'))).toBe(true);
  });

  it('reads an image answered 否 too, and warns before submitting that experts would see the name on it', async () => {
    const checked = await maskThenCheck('no', []);
    const messages = (checked.reply as { data: { problems: { severity: string; message: string }[] } }).data.problems.filter((p) => p.severity === 'warn').map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/^第 1 张选了不需要遮挡，但上面能看到您的姓名.*专家会看到。请改选“是”并画遮挡框。$/));
    // Read once: asked again, the check does not run again.
    const calls: number[] = [];
    const counting = { ...harness.deps, ocr: { read: async (image: Uint8Array) => (calls.push(1), harness.deps.ocr.read(image)) } };
    await dispatch(functions, 'applications', { action: 'checkBlindCopy', payload: { applicationId: APP, sha256 } }, tuerhong, counting);
    expect(calls).toEqual([]);
  });

  it('asks nothing to be masked on the 1-inch photo, which experts never see (it is the certificate’s, bazhou-ecoenv-2024 五(一)1), and suggests no eye band on a page', async () => {
    harness.setNow(new Date('2024-08-30T02:00:00Z'));
    const gulina: Caller = { openid: 'demo-openid-applicant-2' };
    const as = (action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, gulina, harness.deps);
    await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'bazhou-ecoenv-2024', profile: bazhouEngineer() } }, gulina, harness.deps);
    const created = await as('create', { roundId: 'bazhou-ecoenv-2024', offerKey: 'evaluation:intermediate' });
    const id = (created.reply as { data: { id: string } }).data.id;
    const portrait = await sharp({ create: { width: 260, height: 364, channels: 3, background: '#3b6fd1' } }).jpeg().toBuffer();
    const sha = createHash('sha256').update(portrait).digest('hex');
    const ref = await harness.files.put(`uploads/person-applicant-2/${sha}.jpg`, portrait, 'image/jpeg');
    const attached = await as('attach', { applicationId: id, category: 'photo', ref, sha256: sha });
    expect(attached.reply).toMatchObject({ ok: true });
    const suggested = async (sha256: string) => ((await as('suggestMasks', { applicationId: id, sha256 })).reply as { data: { suggestions: unknown[] } }).data.suggestions;
    expect(await suggested(keptSha(attached.reply, 'photo'))).toEqual([]);
    const problems = (attached.reply as { data: { problems: { path: string; message: string }[] } }).data.problems;
    expect(problems.filter((p) => p.path === 'photo')).toEqual([]);
    // The same kind of picture as a diploma's page: no eye band.
    const page = await sharp({ create: { width: 260, height: 364, channels: 3, background: '#f4eede' } }).jpeg().toBuffer();
    const pageSha = createHash('sha256').update(page).digest('hex');
    const pageRef = await harness.files.put(`uploads/person-applicant-2/${pageSha}.jpg`, page, 'image/jpeg');
    const pageAttached = await as('attach', { applicationId: id, category: 'education', ref: pageRef, sha256: pageSha });
    expect(pageAttached.reply).toMatchObject({ ok: true });
    expect(await suggested(keptSha(pageAttached.reply, 'education'))).toEqual([]);
  });
});

/** The SHA-256 an attached file is kept under, from attach's answer. */
function keptSha(reply: unknown, category: string): string {
  return (reply as { data: { files: { category: string; sha256: string }[] } }).data.files.find((f) => f.category === category)!.sha256;
}
