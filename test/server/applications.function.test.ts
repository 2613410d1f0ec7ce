import { createHash } from 'node:crypto';
import type { Profile } from '../../src/core/eligibility/profile';
import sharp from 'sharp';
import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { aksuEmployee, bazhouEngineer } from '../core/eligibility/people.fixture';
import { openHarness, type Harness } from './harness';

/** The applications function: started from the saved answers, judged again on the server clock. */
describe('applications function', () => {
  let harness: Harness;
  let deps: Deps;
  let store: Harness['store'];
  // 10:00 in Beijing on 1 August 2024: both aksu rounds are open for applying.
  const opening = new Date('2024-08-01T02:00:00Z');

  beforeEach(async () => {
    harness = await openHarness('applications', opening);
    ({ deps, store } = harness);
  });

  afterEach(() => harness.close());

  const senior: Caller = { openid: 'demo-openid-senior' };
  const call = (fn: 'applications' | 'eligibility', action: string, payload: unknown, caller: Caller = senior) =>
    dispatch(functions, fn, { action, payload }, caller, deps);
  const saveAnswers = (roundId: string, profile: Profile, caller: Caller = senior) => call('eligibility', 'saveAnswers', { roundId, profile }, caller);

  it('starts an application from the saved answers, with the round’s materials for this person', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    const created = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    expect(created.status).toBe(200);
    const view = (created.reply as { data: { id: string; label: string; status: string; verdict: string; materials: { code: string }[] } }).data;
    expect(view).toMatchObject({ label: '副高级 · 评审 · 定向评价', status: 'draft', verdict: 'eligible_if' });
    // Institution staff: Mandarin, not social insurance (aksu-water-2024 四(一)17).
    expect(view.materials.map((m) => m.code)).toContain('mandarin_certificate');
    expect(view.materials.map((m) => m.code)).not.toContain('social_insurance');

    const mine = await call('applications', 'mine', {});
    expect(mine.reply).toMatchObject({ ok: true, data: [{ id: view.id, label: '副高级 · 评审 · 定向评价', status: 'draft' }] });
    // Starting it again opens the same application: nothing is duplicated.
    const again = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    expect((again.reply as { data: { id: string } }).data.id).toBe(view.id);
    expect(await store.count('applications', [{ field: 'roundId', op: 'eq', value: 'aksu-water-2024' }])).toBe(1);
  });

  it('offers only the documents his materials ask for: the exemption form to someone exempt, not to someone whose hours are complete', async () => {
    const documentsOf = async (facts: Profile['facts'], caller: Caller = senior) => {
      await saveAnswers('aksu-water-2024', aksuEmployee({ facts: { ...aksuEmployee().facts, ...facts } }), caller);
      const created = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' }, caller);
      const view = (created.reply as { data: { id: string; documents: { code: string }[]; materials: { code: string }[] } }).data;
      return { documents: view.documents.map((d) => d.code), materials: view.materials.map((m) => m.code) };
    };
    const complete = await documentsOf({});
    expect(complete.documents).toEqual(['personal_commitment', 'authenticity_guarantee']);
    expect(complete.materials).not.toContain('ce_exemption_form');
    const villager = await documentsOf({ fanghuiju_village_work: true }, { openid: 'demo-openid-applicant' });
    expect(villager.documents).toEqual(['personal_commitment', 'ce_exemption_form', 'authenticity_guarantee']);
    expect(villager.materials).toContain('ce_exemption_form');
  });

  it('refuses a level the engine says cannot be applied for, with its reasons and clauses, and stores nothing', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    const refused = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'private_enterprise_evaluation:deputy_senior' });
    expect(refused).toMatchObject({ status: 400, reply: { ok: false, code: 'APPLICATION.INELIGIBLE', details: [expect.stringContaining('（第一(二)条）')] } });
    expect(await store.count('applications', [{ field: 'roundId', op: 'eq', value: 'aksu-water-2024' }])).toBe(0);
  });

  it('asks for the self-check first when the saved answers are for another round, or missing', async () => {
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply).toMatchObject({ code: 'APPLICATION.NO_ANSWERS' });
    await saveAnswers('aksu-forestry-2024', aksuEmployee({ specialty: 'engineering.forestry_grassland' }));
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply).toMatchObject({ code: 'APPLICATION.NO_ANSWERS' });
  });

  it('refuses a new application once the apply window has closed, by the server clock', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    harness.setNow(new Date('2024-08-30T10:01:00Z')); // 18:01 in Beijing, one minute after the deadline
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply).toMatchObject({ code: 'APPLICATION.WINDOW_CLOSED' });
  });

  it('holds one channel a year for the same series (specialty) and level, but not across specialties', async () => {
    const privateEngineer = aksuEmployee({ employmentKind: 'private_enterprise', mandarinGrade: null, facts: { employer_licence_registered_in_prefecture: true, retired: false, first_title_application: false } });
    await saveAnswers('aksu-water-2024', privateEngineer);
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'private_enterprise_evaluation:deputy_senior' })).status).toBe(200);
    const second = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    expect(second).toMatchObject({ status: 409, reply: { code: 'APPLICATION.OTHER_CHANNEL' } });
    // 林草 is another specialty of the same series: allowed.
    await saveAnswers('aksu-forestry-2024', { ...privateEngineer, specialty: 'engineering.forestry_grassland' });
    expect((await call('applications', 'create', { roundId: 'aksu-forestry-2024', offerKey: 'directed_evaluation:deputy_senior' })).status).toBe(200);
  });

  it('shows an application only to its applicant: anyone else is told it does not exist', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    const created = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    const id = (created.reply as { data: { id: string } }).data.id;
    expect((await call('applications', 'get', { applicationId: id })).status).toBe(200);
    expect((await call('applications', 'get', { applicationId: id }, { openid: 'demo-openid-applicant' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect((await call('applications', 'mine', {}, { openid: 'demo-openid-applicant' })).reply).toMatchObject({ ok: true, data: [] });
    // Reviewers see applications through the review chain, not here.
    expect((await call('applications', 'get', { applicationId: id }, { openid: 'demo-openid-unit-admin' })).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});

describe('applications function: files and blind copies', () => {
  let harness: Harness;
  let deps: Deps;
  let store: Harness['store'];
  let files: Harness['files'];
  const senior: Caller = { openid: 'demo-openid-senior' };
  const call = (action: string, payload: unknown, caller: Caller = senior) => dispatch(functions, 'applications', { action, payload }, caller, deps);
  let applicationId = '';

  beforeEach(async () => {
    harness = await openHarness('application-files', new Date('2024-08-01T02:00:00Z'));
    ({ deps, store, files } = harness);
    await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'aksu-water-2024', profile: aksuEmployee() } }, senior, deps);
    const created = await call('create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    applicationId = (created.reply as { data: { id: string } }).data.id;
  });

  afterEach(() => harness.close());

  /** A certificate-like photo: white page, grey text band, 1200 × 900. */
  const photo = () => sharp({ create: { width: 1200, height: 900, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 600, height: 60, channels: 3, background: '#888888' } }, left: 100, top: 100 }])
    .withMetadata({ exif: { IFD0: { Make: 'PhoneMaker' } } })
    .jpeg()
    .toBuffer();
  const put = async (content: Uint8Array, name = 'a.jpg', person = 'person-senior') => files.put(`uploads/${person}/${name}`, content, 'image/jpeg');
  const sha = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
  const attach = async (content: Uint8Array, ref: string, category = 'education') => call('attach', { applicationId, category, ref, sha256: sha(content) });
  /** Attaches and answers the SHA-256 the file is kept under (its bytes without metadata). */
  const attachKept = async (content: Uint8Array, ref: string, category = 'education') =>
    ((await attach(content, ref, category)).reply as { data: { files: { category: string; sha256: string }[] } }).data.files.find((f) => f.category === category)!.sha256;

  it('attaches a photo checked by its bytes, once however often it is sent', async () => {
    const content = await photo();
    const ref = await put(content);
    const first = await attach(content, ref);
    expect(first.status).toBe(200);
    const view = (first.reply as { data: { files: { category: string; width: number; height: number; needsMasking: null }[] } }).data;
    expect(view.files).toEqual([expect.objectContaining({ category: 'education', width: 1200, height: 900, needsMasking: null, hasBlindCopy: false })]);
    await attach(content, ref);
    expect(((await call('get', { applicationId })).reply as { data: { files: unknown[] } }).data.files).toHaveLength(1);
  });

  it.each<[string, () => Promise<{ content: Uint8Array; ref: string; sha?: string; category?: string }>, string]>([
    ['HTML sent as a photo', async () => { const c = new TextEncoder().encode('<html>not a photo</html>'); return { content: c, ref: await put(c) }; }, 'FILE.BAD_TYPE'],
    ['a photo cut off in the middle', async () => { const c = (await photo()).subarray(0, 2000); return { content: c, ref: await put(c) }; }, 'FILE.CONTENT_MISMATCH'],
    ['a PDF where the round asks for JPG', async () => { const c = new TextEncoder().encode('%PDF-1.4\n%…'); return { content: c, ref: await put(c, 'a.pdf') }; }, 'FILE.BAD_TYPE'],
    ['bytes that are not what the phone hashed', async () => { const c = await photo(); return { content: c, ref: await put(c), sha: 'a'.repeat(64) }; }, 'FILE.CONTENT_MISMATCH'],
    ['someone else’s upload', async () => { const c = await photo(); return { content: c, ref: await put(c, 'a.jpg', 'person-applicant') }; }, 'APPLICATION.FILE_NOT_YOURS'],
    ['a category that is typed in, not uploaded', async () => { const c = await photo(); return { content: c, ref: await put(c), category: 'work_history' }; }, 'REQUEST.INVALID_PAYLOAD'],
  ])('refuses %s, and keeps nothing', async (_name, make, code) => {
    const { content, ref, sha: given, category } = await make();
    const outcome = await call('attach', { applicationId, category: category ?? 'education', ref, sha256: given ?? sha(content) });
    expect(outcome.reply).toMatchObject({ ok: false, code });
    expect(((await call('get', { applicationId })).reply as { data: { files: unknown[] } }).data.files).toEqual([]);
  });

  it('burns the masks into a blind copy without metadata, and keeps the original', async () => {
    const content = await photo();
    const kept = await attachKept(content, await put(content));
    const masked = await call('mask', { applicationId, sha256: kept, needsMasking: 'yes', masks: [{ x: 0.05, y: 0.05, w: 0.3, h: 0.1 }, { x: 0.6, y: 0.6, w: 0.2, h: 0.2 }] });
    expect(masked.reply).toMatchObject({ ok: true, data: { files: [expect.objectContaining({ needsMasking: 'yes', hasBlindCopy: true })] } });

    const record = (await store.get('applications', applicationId)) as unknown as { files: { ref: string; blindRef: string }[] };
    const blind = (await files.get(record.files[0]!.blindRef))!;
    const { data, info } = await sharp(blind).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    // Under each mask: black (JPEG noise aside); outside: the white page.
    expect(pixel(Math.round(0.2 * 1200), Math.round(0.1 * 900))).toBeLessThan(20);
    expect(pixel(Math.round(0.7 * 1200), Math.round(0.7 * 900))).toBeLessThan(20);
    expect(pixel(Math.round(0.5 * 1200), Math.round(0.4 * 900))).toBeGreaterThan(235);
    expect((await sharp(blind).metadata()).exif).toBeUndefined();
    // The original is kept upright and without its metadata, named by what is kept.
    const original = (await files.get(record.files[0]!.ref))!;
    expect(record.files[0]!.ref).toMatch(new RegExp(`^local/originals/person-senior/${sha(original)}-[0-9a-f-]+\\.jpg$`));
    expect(sha(original)).toBe(kept);
    const meta = await sharp(original).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1200, 900, undefined]);
    // Its name is its own bytes' hash: nothing in the path an expert receives says whose it is.
    expect(record.files[0]!.blindRef).toContain(`blind/${sha(blind)}-`);
    expect(record.files[0]!.blindRef).not.toContain('person-senior');
  });

  it('leaves the blind copy the record points to untouched when a new save fails before its commit', async () => {
    const content = await photo();
    const kept = await attachKept(content, await put(content));
    await call('mask', { applicationId, sha256: kept, needsMasking: 'yes', masks: [{ x: 0.05, y: 0.05, w: 0.3, h: 0.1 }] });
    const before = (await store.get('applications', applicationId)) as unknown as { files: { blindRef: string }[] };
    const copy = await files.get(before.files[0]!.blindRef);
    const failing = { ...deps, store: { ...deps.store, commit: async () => Promise.reject(new Error('database gone')) } };
    const outcome = await dispatch(functions, 'applications', { action: 'mask', payload: { applicationId, sha256: kept, needsMasking: 'yes', masks: [{ x: 0.5, y: 0.5, w: 0.3, h: 0.1 }] } }, senior, failing);
    expect(outcome.reply).toMatchObject({ ok: false });
    const after = (await store.get('applications', applicationId)) as unknown as { files: { blindRef: string }[] };
    expect(after.files[0]!.blindRef).toBe(before.files[0]!.blindRef);
    expect(await files.get(after.files[0]!.blindRef)).toEqual(copy);
  }, 60_000);

  it.each<[string, unknown, RegExp]>([
    ['a mask over most of the page', [{ x: 0, y: 0, w: 0.9, h: 0.9 }], /遮住了大半页/],
    ['a mask outside the image', [{ x: 0.9, y: 0.9, w: 0.3, h: 0.3 }], /超出了图片范围/],
    ['需要遮挡 with no mask', [], /至少画一个遮挡框/],
  ])('refuses %s with the reason, and makes no blind copy', async (_name, masks, message) => {
    const content = await photo();
    const kept = await attachKept(content, await put(content));
    const outcome = await call('mask', { applicationId, sha256: kept, needsMasking: 'yes', masks });
    expect(outcome.reply).toMatchObject({ ok: false, code: 'APPLICATION.MASKS_REFUSED', details: [expect.stringMatching(message)] });
    expect(((await call('get', { applicationId })).reply as { data: { files: { hasBlindCopy: boolean }[] } }).data.files[0]?.hasBlindCopy).toBe(false);
  });

  it('issues a file URL only to who may read that copy', async () => {
    const content = await photo();
    const kept = await attachKept(content, await put(content));
    await call('mask', { applicationId, sha256: kept, needsMasking: 'no', masks: [] });
    const ask = (copy: 'original' | 'blind', caller: Caller) => call('fileUrl', { applicationId, sha256: kept, copy }, caller);
    expect((await ask('original', senior)).reply).toMatchObject({ ok: true, data: { url: expect.stringContaining('/files/') } });
    expect((await ask('blind', senior)).reply).toMatchObject({ ok: true });
    expect((await ask('original', { openid: 'demo-openid-applicant' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    // Outside one's scope nothing is found: an expert without a meeting holding it, another unit's
    // admin (the in-scope reads are walked in review.function.test and the file-access matrix).
    expect((await ask('original', { openid: 'demo-openid-expert' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect((await ask('blind', { openid: 'demo-openid-expert' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect((await ask('original', { openid: 'demo-openid-unit-admin' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
  });
});

describe('applications function: typing in and submitting', () => {
  let harness: Harness;
  let deps: Deps;
  let files: Harness['files'];
  const senior: Caller = { openid: 'demo-openid-senior' };
  const call = (action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, senior, deps);
  let applicationId = '';
  type View = {
    status: string;
    submissions: number;
    idNumberShown: string | null;
    entries: Record<string, Record<string, string | null>[]>;
    texts: Record<string, string>;
    problems: { category: string; path: string; severity: string; message: string; fix: { to: string } | null }[];
    materials: { code: string; form: string; stage: string; need: string; providedBy: string; record: string | null; choices: { options: string[]; suggested: string | null } | null }[];
  };
  const view = async () => ((await call('get', { applicationId })).reply as { data: View }).data;

  beforeEach(async () => {
    harness = await openHarness('application-submit', new Date('2024-08-01T02:00:00Z'));
    ({ deps, files } = harness);
    await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'aksu-water-2024', profile: aksuEmployee() } }, senior, deps);
    applicationId = ((await call('create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply as { data: { id: string } }).data.id;
  });

  afterEach(() => harness.close());

  const period = (from: string, to: string | null, unit = 'xxx') => ({ from, to, unit, post: '水利设计' });

  /** Every required upload with one photo answered 否, every required text 无, the work history, the ID number. */
  async function complete(): Promise<void> {
    expect((await call('saveIdNumber', { applicationId, idNumber: '11010519491231002x' })).status).toBe(200);
    expect((await call('saveEntries', { applicationId, category: 'work_history', entries: [period('2010-07', null)] })).status).toBe(200);
    const content = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const ref = await files.put('uploads/person-senior/p.jpg', content, 'image/jpeg');
    const sha256 = createHash('sha256').update(content).digest('hex');
    let kept = '';
    // The unit's papers are the unit's (review.attachUnitDocument): refused here, and not asked of him.
    const unitPaper = (await view()).materials.find((m) => m.providedBy === 'unit')!;
    expect((await call('attach', { applicationId, category: unitPaper.code, ref, sha256 })).reply).toMatchObject({ ok: false, details: ['这份材料由单位在公示后出具并上传，您不用上传。'] });
    for (const m of (await view()).materials.filter((m) => m.stage === 'online' && m.need === 'required' && m.providedBy !== 'unit')) {
      if (m.form === 'upload') {
        const attached = await call('attach', { applicationId, category: m.code, ref, sha256 });
        expect(attached.status).toBe(200);
        kept = (attached.reply as { data: { files: { sha256: string }[] } }).data.files[0]!.sha256;
      } else if (m.record === null) expect((await call('saveText', { applicationId, category: m.code, text: m.choices ? (m.choices.suggested ?? m.choices.options[0]!) : '无' })).status).toBe(200);
    }
    expect((await call('mask', { applicationId, sha256: kept, needsMasking: 'no', masks: [] })).status).toBe(200);
    // As the page does after the save: the blind copy read for what identifies her.
    expect((await call('checkBlindCopy', { applicationId, sha256: kept })).status).toBe(200);
  }

  it('lists every blocking problem, and refuses to submit until none is left', async () => {
    const before = await view();
    expect(before.problems.length).toBeGreaterThan(5);
    const refused = await call('submit', { applicationId, requestId: 'request-0001' });
    expect(refused.reply).toMatchObject({ ok: false, code: 'APPLICATION.INCOMPLETE', details: expect.arrayContaining([expect.stringContaining('还没有上传')]) });
    expect((await view()).status).toBe('draft');
  });

  it('takes a choice only from its options, never proposes 无 for one, and starts with what the self-check already answered', async () => {
    const started = await view();
    // 驻村 (否) and the unit's level (地直: 地州单位) came from the self-check.
    expect(started.texts).toEqual({ unit_affiliation: '地州单位', village_work_this_year: '否' });
    expect((await call('saveText', { applicationId, category: 'sub_specialty', text: '王建新：水工结构' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('规划设计与技术咨询')] });
    expect(started.problems.filter((p) => p.category === 'sub_specialty').map((p) => [p.message, p.fix])).toEqual([['还没有选择：规划设计与技术咨询 / 工程建设 / 生产运行与管理 / 工程科学技术研究。', null]]);
    expect((await call('saveText', { applicationId, category: 'sub_specialty', text: '工程建设' })).status).toBe(200);
    expect((await view()).problems.filter((p) => p.category === 'sub_specialty')).toEqual([]);
  });

  it('offers the one-tap fix for the own unit in a row, and applies it where it is', async () => {
    await call('saveEntries', { applicationId, category: 'work_history', entries: [period('2010-07', '2015-12', '阿克苏地区水利水电勘测设计院'), period('2016-01', null)] });
    const fixes = (await view()).problems.filter((p) => p.category === 'work_history');
    expect(fixes.map((p) => [p.path, p.fix?.to])).toEqual([['work_history.0.unit', 'xxx']]);
    const fixed = (await call('fix', { applicationId, path: 'work_history.0.unit' })).reply as { data: View };
    expect(fixed.data.entries.work_history?.map((e) => e.unit)).toEqual(['xxx', 'xxx']);
    expect(fixed.data.problems.filter((p) => p.category === 'work_history')).toEqual([]);
    // A second tap finds nothing left to fix and changes nothing.
    expect((await call('fix', { applicationId, path: 'work_history.0.unit' })).status).toBe(200);
  });

  it('flags a gap in the work history and blocks submitting until it is closed', async () => {
    await complete();
    await call('saveEntries', { applicationId, category: 'work_history', entries: [period('2010-07', '2014-12'), period('2016-01', null)] });
    const gap = (await view()).problems.filter((p) => p.severity === 'block');
    expect(gap.map((p) => `${p.path}:${p.message}`)).toEqual(['work_history.1:2014年12月到2016年1月之间有12个月没有填写，请补上这段经历（如待业、学习），经历要连续。']);
    expect((await call('submit', { applicationId, requestId: 'request-0001' })).reply).toMatchObject({ code: 'APPLICATION.INCOMPLETE' });
  });

  it.each<[string, unknown, string]>([
    ['a month that is not one', [{ from: '2010-13', to: null, unit: 'xxx', post: '设计' }], '开始时间要选年月'],
    ['a field the form does not have', [{ from: '2010-07', to: null, unit: 'xxx', post: '设计', salary: '3000' }], ''],
    ['a unit name past its length', [{ from: '2010-07', to: null, unit: '单'.repeat(61), post: '设计' }], '工作单位最多 60 字'],
  ])('refuses entries with %s and keeps what was saved', async (_name, entries, message) => {
    await call('saveEntries', { applicationId, category: 'work_history', entries: [period('2010-07', null)] });
    const refused = await call('saveEntries', { applicationId, category: 'work_history', entries });
    expect(refused.reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    if (message) expect((refused.reply as unknown as { details: string[] }).details.join()).toContain(message);
    expect((await view()).entries.work_history).toEqual([period('2010-07', null)]);
    // Entries only where the category has them.
    expect((await call('saveEntries', { applicationId, category: 'education', entries: [] })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD' });
  });

  it('asks to confirm "no work or meeting photos" once practice evidence is uploaded, and records the answer', async () => {
    const content = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const ref = await files.put('uploads/person-senior/practice.jpg', content, 'image/jpeg');
    await call('attach', { applicationId, category: 'practice_ability', ref, sha256: createHash('sha256').update(content).digest('hex') });
    const asked = (await view()).problems.filter((p) => p.path === 'declaration.no_photos_in_practice');
    expect(asked.map((p) => [p.severity, p.message])).toEqual([['block', '请确认：实践能力不得上传工作、会议照片。']]);
    await call('declare', { applicationId, rule: 'no_photos_in_practice', agreed: true });
    expect((await view()).problems.map((p) => p.path)).not.toContain('declaration.no_photos_in_practice');
    await call('declare', { applicationId, rule: 'no_photos_in_practice', agreed: false });
    expect((await view()).problems.map((p) => p.path)).toContain('declaration.no_photos_in_practice');
  });

  it('keeps an ID number only when its check digit is right, and shows it back with its middle hidden', async () => {
    const wrong = await call('saveIdNumber', { applicationId, idNumber: '110105194912310021' });
    expect(wrong.reply).toMatchObject({ ok: false, message: '身份证号码的校验位不对，可能有一位输错了，请对照身份证核对。' });
    expect((await view()).idNumberShown).toBeNull();
    expect((await view()).problems.map((p) => p.path)).toContain('identity');
    const saved = (await call('saveIdNumber', { applicationId, idNumber: '１１０１０５１９４９１２３１００２ｘ' })).reply as { data: View };
    expect(saved.data.idNumberShown).toBe('1101**********002X');
    expect(saved.data.problems.map((p) => p.path)).not.toContain('identity');
  });

  it('keeps the conflicts the applicant declares (申请回避) while editable, each with a reason', async () => {
    expect((await call('declareConflicts', { applicationId, conflicts: [{ kind: 'person', name: '刘', reason: '近亲属' }] })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call('declareConflicts', { applicationId, conflicts: [{ kind: 'person', name: '刘文博', reason: '' }] })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    const declared = (await call('declareConflicts', { applicationId, conflicts: [{ kind: 'person', name: ' 刘文博 ', reason: '近亲属（妻兄）' }] })).reply as { data: View & { conflicts: unknown[] } };
    expect(declared.data.conflicts).toEqual([{ kind: 'person', name: '刘文博', reason: '近亲属（妻兄）' }]);
    expect(((await view()) as View & { conflicts: unknown[] }).conflicts).toHaveLength(1);
  });

  it('submits once however often the same request arrives, and counts it', async () => {
    await complete();
    const left = (await view()).problems;
    expect(left.filter((p) => p.severity === 'block')).toEqual([]);
    // 按条件 entries left empty are said, not blocked: the series conditions are not encoded.
    expect(left.map((p) => p.path)).toEqual(['practice_ability', 'achievements', 'papers']);
    const first = await call('submit', { applicationId, requestId: 'request-0001' });
    expect(first.reply).toMatchObject({ ok: true, data: { status: 'submitted', submissions: 1 } });
    const again = await call('submit', { applicationId, requestId: 'request-0001' });
    expect(again.reply).toMatchObject({ ok: true, data: { status: 'submitted', submissions: 1 } });
    // A new tap after it went through: already submitted, nothing changes.
    expect((await call('submit', { applicationId, requestId: 'request-0002' })).reply).toMatchObject({ code: 'APPLICATION.NOT_DRAFT' });
    expect((await call('saveText', { applicationId, category: 'work_history', text: '改' })).reply).toMatchObject({ code: 'APPLICATION.NOT_DRAFT' });
    // Declared when submitting: the list the committee reads does not change after.
    expect((await call('declareConflicts', { applicationId, conflicts: [] })).reply).toMatchObject({ code: 'APPLICATION.NOT_DRAFT' });
  });

  it('refuses to submit after the apply window, by the server clock, even when complete', async () => {
    await complete();
    harness.setNow(new Date('2024-08-30T10:00:01Z')); // 18:00:01 in Beijing on the last day
    expect((await call('submit', { applicationId, requestId: 'request-0001' })).reply).toMatchObject({ ok: false, code: 'APPLICATION.WINDOW_CLOSED' });
    expect((await view()).status).toBe('draft');
  });
});

describe('applications function: a round with PDF scans, a length-limited summary and declarations', () => {
  let harness: Harness;
  let deps: Deps;
  let files: Harness['files'];
  const senior: Caller = { openid: 'demo-openid-senior' };
  const call = (action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, senior, deps);
  let applicationId = '';
  type View = { files: { category: string; contentType: string; needsMasking: string | null }[]; problems: { path: string; severity: string; message: string; declaration: string | null }[]; declarations: string[] };
  const view = async () => ((await call('get', { applicationId })).reply as { data: View }).data;
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const sha = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

  beforeEach(async () => {
    // 10:00 in Beijing on 26 August 2024, inside bazhou's apply window (24 August – 8 September).
    harness = await openHarness('application-bazhou', new Date('2024-08-26T02:00:00Z'));
    ({ deps, files } = harness);
    await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'bazhou-ecoenv-2024', profile: bazhouEngineer() } }, senior, deps);
    applicationId = ((await call('create', { roundId: 'bazhou-ecoenv-2024', offerKey: 'evaluation:intermediate' })).reply as { data: { id: string } }).data.id;
  });

  afterEach(() => harness.close());

  it('takes a PDF where the round asks for one (知识产权, bazhou-ecoenv-2024 五(一)8), and not for a certificate photo', async () => {
    const ref = await files.put('uploads/person-senior/ip.pdf', pdf, 'application/pdf');
    expect((await call('attach', { applicationId, category: 'intellectual_property', ref, sha256: sha(pdf) })).status).toBe(200);
    expect((await view()).files).toEqual([expect.objectContaining({ category: 'intellectual_property', contentType: 'application/pdf', needsMasking: 'no' })]);
    expect((await call('attach', { applicationId, category: 'education', ref, sha256: sha(pdf) })).reply).toMatchObject({ ok: false, code: 'FILE.BAD_TYPE' });
  });

  it('counts the typed summary against 2000—3000 characters', async () => {
    await call('saveText', { applicationId, category: 'work_summary', text: '本人任现职以来'.repeat(100) });
    const problem = (await view()).problems.find((p) => p.path === 'work_summary' && p.message.startsWith('现在'));
    expect(problem?.message).toBe('现在 700 字，通知要求2000—3000字，还差 1300 字。');
    await call('saveText', { applicationId, category: 'work_summary', text: '本人任现职以来'.repeat(300) });
    expect((await view()).problems.filter((p) => p.path === 'work_summary' && p.message.startsWith('现在'))).toEqual([]);
  });

  it('refuses to confirm a rule this round does not have', async () => {
    expect((await call('declare', { applicationId, rule: 'no_photos_in_practice', agreed: true })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await view()).declarations).toEqual([]);
  });
});
