import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import type { BatchView, QueueView } from '../../src/core/contracts/api';
import { storedApplicant, storedApplication, YULI_AGRI } from './applications.fixture';
import { openHarness, type Harness } from './harness';

/**
 * A reviewer's queue at volume: filters (round, level, unit, ever returned), search by name or the
 * ID number's last digits, counts under them, pages; and batch approval, one act per application.
 */
describe('review queue and batch approval', () => {
  let harness: Harness;
  let deps: Deps;
  const unitAdmin: Caller = { openid: 'demo-openid-unit-admin' };
  const countyHr: Caller = { openid: 'demo-openid-county-hr' };
  const prefectureHr: Caller = { openid: 'demo-openid-prefecture-hr' };
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  const queue = async (caller: Caller, payload: Record<string, unknown>) => {
    const outcome = await call(caller, 'review', 'queue', payload);
    expect(outcome.status).toBe(200);
    return (outcome.reply as { data: QueueView }).data;
  };
  // Another unit of 尉犁县 (the demo's county has two units; this test's is a third).
  const YULI_OTHER = { ...YULI_AGRI, unitId: 'unit-yuli-water-test', name: '尉犁县水利局' };
  // The demo's own applications waiting for 尉犁县人社局: three of 尉犁县农业技术推广中心, one of 尉犁县林业和草原局.
  const DEMO_AGRI = ['买合木提', '王秀英', '阿力木'];
  const DEMO = [...DEMO_AGRI, '张丽'];
  const sorted = (names: readonly string[]) => [...names].sort();

  beforeEach(async () => {
    harness = await openHarness('review-queue', new Date('2024-10-15T02:00:00Z'));
    ({ deps } = harness);
    await deps.store.insert('units', { _id: YULI_OTHER.unitId, name: YULI_OTHER.name, level: 'county', prefecture: YULI_OTHER.prefecture, county: '尉犁县', kind: 'institution', status: 'approved' });
    const docs = [
      storedApplication(1, 'unit_approved', { name: '艾力', idNumber: '652823199001011234' }),
      storedApplication(2, 'unit_approved', { name: '王芳芳', returnedBefore: true }),
      storedApplication(3, 'unit_approved', { name: '马强' }),
      storedApplication(4, 'unit_approved', { name: '张敏', unit: YULI_OTHER }),
      storedApplication(5, 'submitted', { name: '王军' }),
      storedApplication(6, 'county_approved', { name: '刘洋' }),
    ];
    for (let i = 1; i <= 6; i += 1) await deps.store.insert('people', storedApplicant(i));
    for (const doc of docs) await deps.store.insert('applications', doc);
  });

  afterEach(() => harness.close());

  it('filters by unit, ever returned, level and round, with every tab counted under the filters', async () => {
    const all = await queue(countyHr, { tab: 'pending' });
    expect(all.items.map((i) => i.applicantName).sort()).toEqual(sorted(['马强', '张敏', '王芳芳', '艾力', ...DEMO]));
    expect(all.counts).toEqual({ pending: 8, returned: 0, done: 1 });
    // The units of 尉犁县 are offered, by name.
    expect(all.options.units).toEqual(expect.arrayContaining([{ id: YULI_AGRI.unitId, name: YULI_AGRI.name }, { id: YULI_OTHER.unitId, name: YULI_OTHER.name }]));
    expect(all.options.levels.map((l) => l.label)).toContain('初级（助理级）');

    const oneUnit = await queue(countyHr, { tab: 'pending', unitId: YULI_AGRI.unitId });
    expect(oneUnit.items.map((i) => i.applicantName).sort()).toEqual(sorted(['马强', '王芳芳', '艾力', ...DEMO_AGRI]));
    expect(oneUnit.counts).toEqual({ pending: 6, returned: 0, done: 1 });
    const returned = await queue(countyHr, { tab: 'pending', returned: true });
    expect(returned.items).toEqual([expect.objectContaining({ applicantName: '王芳芳', everReturned: true })]);
    expect((await queue(countyHr, { tab: 'pending', returned: false })).counts.pending).toBe(7);
    expect((await queue(countyHr, { tab: 'pending', level: 'intermediate' })).counts).toEqual({ pending: 0, returned: 0, done: 0 });
    expect((await queue(countyHr, { tab: 'pending', roundId: 'aksu-water-2024' })).items).toEqual([]);
    expect((await queue(countyHr, { tab: 'pending', roundId: 'yuli-initial-junior-2024' })).counts.pending).toBe(8);
    // The unit admin's own unit only, whatever unit is named.
    expect((await queue(unitAdmin, { tab: 'pending', unitId: YULI_OTHER.unitId })).items.map((i) => i.applicantName)).toEqual(['王军']);
  });

  it('searches by the start of a name or by the ID number\'s last digits', async () => {
    expect(sorted((await queue(countyHr, { tab: 'pending', search: '王' })).items.map((i) => i.applicantName))).toEqual(['王秀英', '王芳芳']);
    expect((await queue(countyHr, { tab: 'pending', search: '王芳' })).items.map((i) => i.applicantName)).toEqual(['王芳芳']);
    expect((await queue(countyHr, { tab: 'pending', search: '1234' })).items.map((i) => i.applicantName)).toEqual(['艾力']);
    expect((await queue(countyHr, { tab: 'pending', search: '011234' })).items.map((i) => i.applicantName)).toEqual(['艾力']);
    expect((await queue(countyHr, { tab: 'pending', search: '4321' })).items).toEqual([]);
  });

  it('refuses a unit outside the reviewer\'s scope, saying so', async () => {
    const outcome = await call(countyHr, 'review', 'queue', { tab: 'pending', unitId: 'unit-aksu-water' });
    expect(outcome.reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD', details: ['这个单位不在您的审核范围内，请从列表中选择单位。'] });
    expect((await call(prefectureHr, 'review', 'queue', { tab: 'pending', unitId: 'unit-aksu-water' })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD' });
  });

  it('approves a batch as one act per application: its own event and message, the same again on retry, refusals named', async () => {
    const items = [
      { applicationId: 'bench-1', requestId: 'batch-0001-a' },
      { applicationId: 'bench-2', requestId: 'batch-0001-b' },
      { applicationId: 'bench-3', requestId: 'batch-0001-c' },
      // Not the county's to approve now.
      { applicationId: 'bench-5', requestId: 'batch-0001-d' },
    ];
    const first = await call(countyHr, 'review', 'approveMany', { items, opinion: '经审核，材料齐全，同意上报。' });
    const results = (first.reply as { data: BatchView }).data.results;
    expect(results.map((r) => [r.applicantName, r.ok])).toEqual([['艾力', true], ['王芳芳', true], ['马强', true], ['王军', false]]);
    expect(results[0]!.statusText).toBe('县（市）人社局已审核，等待地（州）人社局审核');
    expect(results[3]!.refusal).toEqual(expect.stringContaining('单位'));
    const approvals = async () => {
      const docs = await deps.store.find<{ events: { kind: string; role: string; opinion: string }[] }>('applications', { where: [{ field: 'status', op: 'eq', value: 'county_approved' }] });
      return docs.flatMap((d) => d.events.filter((e) => e.kind === 'approve' && e.role === 'county_hr'));
    };
    expect(await approvals()).toHaveLength(3);
    expect((await approvals()).every((e) => e.opinion === '经审核，材料齐全，同意上报。')).toBe(true);
    const messages = await deps.store.count('outbox', []);
    expect(messages).toBe(3);
    // A retry after a dropped reply: the same acts, nothing added.
    const again = await call(countyHr, 'review', 'approveMany', { items, opinion: '经审核，材料齐全，同意上报。' });
    expect((again.reply as { data: BatchView }).data.results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(await approvals()).toHaveLength(3);
    expect(await deps.store.count('outbox', [])).toBe(messages);
    // The same request ids for another opinion are not the same acts.
    const other = await call(countyHr, 'review', 'approveMany', { items: items.slice(0, 1), opinion: '同意' });
    expect((other.reply as { data: BatchView }).data.results[0]).toMatchObject({ ok: false });
  });

  it('shows the reviewer what was declared beside the materials, and keeps the review points ticked with the approval', async () => {
    const id = 'person-yuli-3:yuli-initial-junior-2024:initial_junior:junior_assistant';
    type View = { declared: { label: string; value: string; materials: string[] }[]; eligibility: { verdict: string; reasons: { message: string; source: { clause: string } }[] }; pointsChecked: { who: string; points: string[] }[]; reviewPoints: { items: string[] } | null };
    const view = (await call(countyHr, 'review', 'get', { applicationId: id })).reply as { data: View };
    const fact = (label: string) => view.data.declared.find((f) => f.label === label);
    expect(fact('学历')).toEqual({ label: '学历', value: expect.stringMatching(/^本科.*毕业$/), materials: ['education', 'education_verification'] });
    expect(fact('单位')!.value).toContain('尉犁县农业技术推广中心');
    expect(fact('参加专业技术工作')!.value).toMatch(/起，已满 \d+ 年$/);
    expect(view.data.eligibility.verdict).toBe('eligible');
    expect(view.data.eligibility.reasons.length).toBeGreaterThan(0);
    expect(view.data.eligibility.reasons.every((r) => r.source.clause.length > 0)).toBe(true);

    // 尉犁's notice lists no review points: nothing may be recorded as ticked.
    expect(view.data.reviewPoints).toBeNull();
    expect((await call(countyHr, 'review', 'approve', { applicationId: id, requestId: 'approve-points-1', checked: ['学历'] })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD', details: ['“学历”不是本批次通知列出的审核要点，请刷新页面后重新勾选。'] });
    // A round that lists them (as aksu's do): what the county ticked is kept and shown to the prefecture.
    const round = (await deps.store.get('rounds', 'yuli-initial-junior-2024'))!;
    await deps.store.update('rounds', round._id, round._rev, { reviewPoints: { items: ['基本信息', '学历', '专业工作年限'], source: { file: 'yuli-initial-junior-2024.txt', clause: '一', quote: '审核' } } });
    expect((await call(countyHr, 'review', 'approve', { applicationId: id, requestId: 'approve-points-2', checked: ['基本信息', '学历'] })).status).toBe(200);
    const seen = ((await call(prefectureHr, 'review', 'get', { applicationId: id })).reply as { data: View }).data;
    expect(seen.pointsChecked).toEqual([{ who: expect.any(String), at: expect.any(String), points: ['基本信息', '学历'] }]);
  });

  it('refuses an empty batch and one over the limit, plainly', async () => {
    expect((await call(countyHr, 'review', 'approveMany', { items: [] })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('请至少选择一份申报')] });
    const many = Array.from({ length: 201 }, (_, i) => ({ applicationId: `bench-${i}`, requestId: `batch-many-${i}` }));
    expect((await call(countyHr, 'review', 'approveMany', { items: many })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('一次最多审核通过 200 份')] });
  });
});
