import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { dispatch, type Caller } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { parseUploadRef } from '../../src/server/uploads/upload-ref';
import { openHarness, type Harness } from './harness';
import { PROBE_FILE_REFS } from '../fixtures/hostile-refs';

/**
 * Storage refs come from the phone: parsed, never searched (issue 22, item 2). What the probe found
 * answering 500 at `attach` and `checkPhoto` is now a 4xx that says what to do, and nothing is read
 * or recorded for it.
 */
describe('parseUploadRef', () => {
  it.each([
    ['local/uploads/person-applicant/a1b2.jpg', { owner: 'person-applicant', name: 'a1b2.jpg' }],
    ['cloud://env-1a2b.7072-env-1a2b-1300000000/uploads/person-applicant/a1b2.jpg', { owner: 'person-applicant', name: 'a1b2.jpg' }],
  ])('reads %s', (ref, parts) => {
    expect(parseUploadRef(ref)).toEqual({ ref, ...parts });
  });

  it.each([
    ['no scheme', 'uploads/person-applicant/same.jpg'],
    ['a climbing path', 'local/../uploads/person-applicant/same.jpg'],
    ['another person’s folder reached by climbing', 'local/uploads/person-applicant/../person-applicant-2/x.jpg'],
    ['a folder', 'local/uploads/person-applicant/'],
    ['a name without an extension (a folder)', 'local/uploads/person-applicant/sub'],
    ['a file deeper than the person’s folder', 'local/uploads/person-applicant/sub/x.jpg'],
    ['outside uploads', 'local/exports/person-applicant/x.docx'],
    ['a hidden name', 'local/uploads/person-applicant/.x.jpg'],
    ['a cloud ref without a host', 'cloud:///uploads/person-applicant/x.jpg'],
    ['an empty string', ''],
  ])('refuses %s', (_what, ref) => {
    expect(parseUploadRef(ref)).toBeNull();
  });
});

describe('malformed refs at the functions', () => {
  let harness: Harness;
  const applicant: Caller = { openid: 'demo-openid-applicant' };
  const secretary: Caller = { openid: 'demo-openid-secretary' };
  let applicationId: string;
  let sha256: string;

  beforeAll(async () => {
    harness = await openHarness('upload-refs', new Date('2024-08-24T02:00:00Z'));
    const content = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    sha256 = createHash('sha256').update(content).digest('hex');
    await harness.files.put('uploads/person-applicant/same.jpg', content, 'image/jpeg');
    await harness.files.put('uploads/person-applicant/sub/x.jpg', content, 'image/jpeg');
    await harness.files.put('uploads/person-applicant-2/x.jpg', content, 'image/jpeg');
    await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'bazhou-ecoenv-2024', profile: { employmentKind: 'institution' } } }, applicant, harness.deps);
    const created = await dispatch(functions, 'applications', { action: 'create', payload: { roundId: 'bazhou-ecoenv-2024', offerKey: 'evaluation:intermediate' } }, applicant, harness.deps);
    applicationId = (created.reply as { ok: true; data: { id: string } }).data.id;
  });
  afterAll(() => harness.close());

  it.each([...PROBE_FILE_REFS])('attach %s: refused with a 4xx that says what to do, nothing attached', async (ref) => {
    const outcome = await dispatch(functions, 'applications', { action: 'attach', payload: { applicationId, category: 'id_card', ref, sha256 } }, applicant, harness.deps);
    expect(outcome.status).toBeGreaterThanOrEqual(400);
    expect(outcome.status).toBeLessThan(500);
    expect(outcome.reply).toMatchObject({ ok: false });
    const doc = await harness.store.get('applications', applicationId);
    expect((doc as unknown as { files: unknown[] }).files).toEqual([]);
  });

  it('refuses another person’s file by its owner folder, not by a substring', async () => {
    const outcome = await dispatch(functions, 'applications', { action: 'attach', payload: { applicationId, category: 'id_card', ref: 'local/uploads/person-applicant-2/x.jpg', sha256 } }, applicant, harness.deps);
    expect(outcome.reply).toMatchObject({ ok: false, code: 'APPLICATION.FILE_NOT_YOURS' });
  });

  it.each(['local/uploads/person-secretary/', 'cloud://x/uploads/person-secretary/r.jpg', 'local/uploads/person-secretary/../person-secretary/r.jpg'])('checkPhoto %s: a 4xx, no record', async (ref) => {
    const outcome = await dispatch(functions, 'applications', { action: 'checkPhoto', payload: { ref, sha256 } }, secretary, harness.deps);
    expect(outcome.status).toBeGreaterThanOrEqual(400);
    expect(outcome.status).toBeLessThan(500);
    expect(await harness.store.count('uploads')).toBe(0);
  });
});
