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
  const YULI_OTHER = { ...YULI_AGRI, unitId: 'unit-yuli-forestry-test', name: '尉犁县林业和草原局' };

  beforeEach(async () => {
    harness = await openHarness('review-queue', new Date('2024-10-15T02:00:00Z'));
    ({ deps } = harness);
    await deps.store.insert('units', { _id: YULI_OTHER.unitId, name: YULI_OTHER.name, level: 'county', prefecture: YULI_OTHER.prefecture, county: '尉犁县', kind: 'institution', status: 'approved' });
    const docs = [
      storedApplication(1, 'unit_approved', { name: '阿力木', idNumber: '652823199001011234' }),
      storedApplication(2, 'unit_approved', { name: '王秀英', returnedBefore: true }),
      storedApplication(3, 'unit_approved', { name: '买合木提' }),
      storedApplication(4, 'unit_approved', { name: '张丽', unit: YULI_OTHER }),
      storedApplication(5, 'submitted', { name: '王军' }),
      storedApplication(6, 'county_approved', { name: '刘洋' }),
    ];
    for (let i = 1; i <= 6; i += 1) await deps.store.insert('people', storedApplicant(i));
    for (const doc of docs) await deps.store.insert('applications', doc);
  });

  afterEach(() => harness.close());

  it('filters by unit, ever returned, level and round, with every tab counted under the filters', async () => {
    const all = await queue(countyHr, { tab: 'pending' });
    expect(all.items.map((i) => i.applicantName).sort()).toEqual(['买合木提', '张丽', '王秀英', '阿力木']);
    expect(all.counts).toEqual({ pending: 4, returned: 0, done: 1 });
    // The units of 尉犁县 are offered, by name.
    expect(all.options.units).toEqual(expect.arrayContaining([{ id: YULI_AGRI.unitId, name: YULI_AGRI.name }, { id: YULI_OTHER.unitId, name: YULI_OTHER.name }]));
    expect(all.options.levels.map((l) => l.label)).toContain('初级（助理级）');

    const oneUnit = await queue(countyHr, { tab: 'pending', unitId: YULI_AGRI.unitId });
    expect(oneUnit.items.map((i) => i.applicantName).sort()).toEqual(['买合木提', '王秀英', '阿力木']);
    expect(oneUnit.counts).toEqual({ pending: 3, returned: 0, done: 1 });
    const returned = await queue(countyHr, { tab: 'pending', returned: true });
    expect(returned.items).toEqual([expect.objectContaining({ applicantName: '王秀英', everReturned: true })]);
    expect((await queue(countyHr, { tab: 'pending', returned: false })).counts.pending).toBe(3);
    expect((await queue(countyHr, { tab: 'pending', level: 'intermediate' })).counts).toEqual({ pending: 0, returned: 0, done: 0 });
    expect((await queue(countyHr, { tab: 'pending', roundId: 'aksu-water-2024' })).items).toEqual([]);
    expect((await queue(countyHr, { tab: 'pending', roundId: 'yuli-initial-junior-2024' })).counts.pending).toBe(4);
    // The unit admin's own unit only, whatever unit is named.
    expect((await queue(unitAdmin, { tab: 'pending', unitId: YULI_OTHER.unitId })).items.map((i) => i.applicantName)).toEqual(['王军']);
  });

  it('searches by the start of a name or by the ID number\'s last digits', async () => {
    expect((await queue(countyHr, { tab: 'pending', search: '王' })).items.map((i) => i.applicantName)).toEqual(['王秀英']);
    expect((await queue(countyHr, { tab: 'pending', search: '1234' })).items.map((i) => i.applicantName)).toEqual(['阿力木']);
    expect((await queue(countyHr, { tab: 'pending', search: '011234' })).items.map((i) => i.applicantName)).toEqual(['阿力木']);
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
    expect(results.map((r) => [r.applicantName, r.ok])).toEqual([['阿力木', true], ['王秀英', true], ['买合木提', true], ['王军', false]]);
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

  it('refuses an empty batch and one over the limit, plainly', async () => {
    expect((await call(countyHr, 'review', 'approveMany', { items: [] })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('请至少选择一份申报')] });
    const many = Array.from({ length: 201 }, (_, i) => ({ applicationId: `bench-${i}`, requestId: `batch-many-${i}` }));
    expect((await call(countyHr, 'review', 'approveMany', { items: many })).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('一次最多审核通过 200 份')] });
  });
});
