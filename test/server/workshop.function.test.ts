import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dispatch, runTimer, type Caller } from '../../src/server/dispatch';
import { storedApplication } from './applications.fixture';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import type { DraftView, WorkshopView } from '../../src/core/contracts/views';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { completeForSubmit, openHarness, type Harness } from './harness';
import { assess } from '../../src/core/eligibility/assess';
import type { Round } from '../../src/core/round/round.schema';

const ROUNDS = ['aksu-forestry-2024', 'aksu-water-2024', 'bazhou-ecoenv-2024', 'tacheng-all-series-2023', 'yuli-initial-junior-2024'];
const staff = {
  aksuHr: { openid: 'demo-openid-aksu-hr' },
  bazhouHr: { openid: 'demo-openid-prefecture-hr' },
  yuliHr: { openid: 'demo-openid-county-hr' },
  secretary: { openid: 'demo-openid-secretary' },
} satisfies Record<string, Caller>;
/** Written from the notices' letterheads and the committees' rounds, not read back from the code. */
const ISSUES: Readonly<Record<keyof typeof staff, readonly string[]>> = {
  aksuHr: ['aksu-forestry-2024', 'aksu-water-2024'],
  bazhouHr: ['bazhou-ecoenv-2024'],
  yuliHr: ['yuli-initial-junior-2024'],
  secretary: ['aksu-forestry-2024', 'aksu-water-2024'],
};

/** Next year's aksu water notice: last year's text with the years moved on, the senior fee raised to 750. */
export const aksuWater2025 = (): string =>
  readFileSync(path.resolve(__dirname, '../../config/notices/aksu-water-2024.txt'), 'utf8').replaceAll('2024', '2025').replace('每人 700 元', '每人 750 元');

describe('the round workshop', () => {
  let harness: Harness;
  let deps: Deps;
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => {
    const reply = outcome.reply as { ok: boolean; data: T; details?: string[] };
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    return reply.data;
  };
  beforeEach(async () => {
    // 10:00 Beijing, 7 December 2026.
    harness = await openHarness('workshop', new Date('2026-12-07T02:00:00Z'));
    ({ deps } = harness);
  });
  afterEach(() => harness.close());

  it('lets only the issuing office draft a round: the prefecture’s or county’s HR bureau, or the committee’s secretary', async () => {
    for (const [who, caller] of Object.entries(staff) as [keyof typeof staff, Caller][]) {
      for (const roundId of ROUNDS) {
        const outcome = await call(caller, 'rounds', 'draftCreate', { fromRoundId: roundId, kind: 'new_year' });
        const code = (outcome.reply as { ok: boolean; code?: string }).ok ? 'ok' : (outcome.reply as { code: string }).code;
        expect({ who, roundId, code }).toEqual({ who, roundId, code: ISSUES[who].includes(roundId) ? 'ok' : 'WORKSHOP.NOT_ISSUER' });
      }
      const listed = data<WorkshopView>(await call(caller, 'rounds', 'workshop', {}));
      expect({ who, rounds: listed.rounds.map((r) => r.id).sort() }).toEqual({ who, rounds: [...ISSUES[who]].sort() });
    }
    // Another office's draft can be neither read, nor changed, nor published, whatever the payload names.
    for (const action of ['draft', 'draftEdit', 'publish']) {
      const payload = action === 'draftEdit' ? { draftId: 'aksu-water-2025:v1', edit: { field: 'title', title: '阿克苏地区2025年度水利评审' } } : { draftId: 'aksu-water-2025:v1' };
      expect((await call(staff.bazhouHr, 'rounds', action, payload)).reply).toMatchObject({ code: 'WORKSHOP.NOT_ISSUER' });
    }
  });

  it('copies last year’s round with its dates cleared, takes the new notice’s facts one by one, previews and publishes it', async () => {
    const hr = staff.aksuHr;
    let draft = data<DraftView>(await call(hr, 'rounds', 'draftCreate', { fromRoundId: 'aksu-water-2024', kind: 'new_year' }));
    expect(draft).toMatchObject({ id: 'aksu-water-2025:v1', roundId: 'aksu-water-2025', year: 2025, title: expect.stringContaining('2025'), version: 1 });
    expect(draft.checks.map((c) => c.target)).toEqual(expect.arrayContaining(['issuedOn', 'window:apply', 'window:review', 'window:fee', 'notice']));
    // Not published: applicants do not see it, and publishing is refused with the checks.
    expect(data<{ id: string }[]>(await call({ openid: 'demo-openid-applicant' }, 'rounds', 'list', {})).map((r) => r.id)).not.toContain('aksu-water-2025');
    const refused = (await call(hr, 'rounds', 'publish', { draftId: draft.id })).reply as unknown as { code: string; details: string[] };
    expect(refused.code).toBe('REVIEW.REFUSED');
    expect(refused.details.join('\n')).toMatch(/网上申报.*：尚未填写/);

    draft = data<DraftView>(await call(hr, 'rounds', 'draftNotice', { draftId: draft.id, text: aksuWater2025() }));
    const text = draft.noticeText!;
    // One corrected before it is accepted: the publicity's 5 working days taken as 7.
    const publicity = draft.candidates.find((c) => c.target === 'publicity')!;
    expect(publicity.proposed).toEqual({ field: 'publicity', workingDays: 5 });
    const wrongField = (await call(hr, 'rounds', 'draftDecide', { draftId: draft.id, candidateId: publicity.id, decision: 'accept', edit: { field: 'submissions', count: 5 } })).reply;
    expect(wrongField).toMatchObject({ code: 'REVIEW.REFUSED' });
    draft = data<DraftView>(await call(hr, 'rounds', 'draftDecide', { draftId: draft.id, candidateId: publicity.id, decision: 'accept', edit: { field: 'publicity', workingDays: 7 } }));
    expect(draft.candidates.find((c) => c.id === publicity.id)).toMatchObject({ decision: 'corrected', target: 'publicity' });
    // Every candidate that has a field to go to is accepted there; the rest dismissed.
    for (const c of draft.candidates.filter((c) => c.decision === 'pending')) {
      const decision = c.target ? 'accept' : 'dismiss';
      draft = data<DraftView>(await call(hr, 'rounds', 'draftDecide', { draftId: draft.id, candidateId: c.id, decision }));
    }
    const field = (key: string) => draft.sections.flatMap((s) => s.fields).find((f) => f.key === key)!;
    expect(field('window:apply')).toMatchObject({ value: '2025年7月22日 至 2025年8月30日 18:00', toFill: false });
    expect(text).toContain(field('window:apply').clause!);
    expect(field('fee:0')).toMatchObject({ value: '750 元/人' });
    // A phone found joins its contact's numbers: none of last year's is lost by accepting another.
    expect(field('contact:1')).toMatchObject({ label: '联系方式 · 平台技术服务', value: '0991-3193615、0991-3193501' });
    expect(field('contact:2').value).toBe('0997-2122453、0997-2129001');
    expect(field('issuedOn')).toMatchObject({ value: '2025年7月7日' });
    expect(field('publicity')).toMatchObject({ value: '不少于 7 个工作日' });
    // What the notice did not give again is carried from last year: each confirmed before publishing.
    expect(draft.checks.map((c) => c.target)).toEqual(['title', 'issuer', 'blind']);
    expect(draft.checks[0]!.message).toContain('沿用上一版本，尚未与新通知核对');
    expect(field('fee:0')).toMatchObject({ unchecked: false });
    for (const key of ['title', 'issuer', 'blind']) {
      expect(field(key)).toMatchObject({ unchecked: true });
      draft = data<DraftView>(await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { field: 'confirm', key } }));
    }
    expect((await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { field: 'confirm', key: 'fee:0' } })).reply).toMatchObject({ code: 'REVIEW.REFUSED' });
    expect(draft.checks).toEqual([]);

    // The round's own checks name the field: a window that ends before it starts.
    const review = { field: 'window', id: 'review' };
    draft = data<DraftView>(await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { ...review, start: { date: '2025-09-10', time: null }, end: { date: '2025-08-01', time: null } } }));
    expect(draft.checks).toEqual([{ target: 'window:review', message: '审核：结束时间早于开始时间' }]);
    draft = data<DraftView>(await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { ...review, start: { date: '2025-08-01', time: null }, end: { date: '2025-09-10', time: null } } }));
    expect(draft.checks).toEqual([]);

    // A fix by hand, refused first for a bad value with the field's own words.
    const bad = (await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { field: 'fee', index: 1, yuan: 0 } })).reply as unknown as { details: string[] };
    expect(bad.details.join()).toContain('金额至少1元');
    draft = data<DraftView>(await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { field: 'fee', index: 1, yuan: 420 } }));
    // Typed by hand: no longer cites the passage that said 400.
    expect(field('fee:1')).toMatchObject({ value: '420 元/人', byHand: true, clause: null });

    // Preview: a test person's verdicts under the draft beside last year's.
    draft = data<DraftView>(
      await call(hr, 'rounds', 'draftTestPerson', {
        draftId: draft.id,
        add: { name: '测试：本科工程师', education: 'bachelor', graduated: '2012-07', workingSince: '2012-08', currentLevel: 'intermediate', titleSince: '2019-12', specialty: 'engineering.water', employmentKind: 'institution' },
      }),
    );
    expect(draft.preview).toHaveLength(1);
    expect(draft.preview[0]!.lines.length).toBeGreaterThan(0);
    expect(draft.preview[0]!.lines.find((l) => l.label.includes('中级'))).toMatchObject({ changed: true, draft: expect.stringContaining('420 元'), published: expect.stringContaining('400 元') });

    expect(data<{ version: number }>(await call(hr, 'rounds', 'publish', { draftId: draft.id }))).toMatchObject({ roundId: 'aksu-water-2025', version: 1 });
    const listed = data<{ id: string; applyFrom: string }[]>(await call({ openid: 'demo-openid-applicant' }, 'rounds', 'list', {}));
    expect(listed.find((r) => r.id === 'aksu-water-2025')).toMatchObject({ applyFrom: '2025-07-22T00:00:00+08:00' });
    const round = data<{ publication: object; windows: { id: string; source: { quote?: string } }[]; fees: { items: { amountYuan: number; source: { quote?: string } }[] } }>(
      await call(hr, 'rounds', 'get', { roundId: 'aksu-water-2025' }),
    );
    expect(round.fees.items[1]).toMatchObject({ amountYuan: 420 });
    expect(round.fees.items[1]!.source.quote).toBeUndefined();
    expect(round.fees.items[0]!.source.quote).toContain('每人 750 元');
    expect(round.publication).toMatchObject({ version: 1, copiedFrom: 'aksu-water-2024', publishedBy: '买买提江' });
    // The committee of last year's round evaluates this year's: its secretary serves it now.
    const me = data<{ committeeRounds: { id: string }[] }>(await call(staff.secretary, 'account', 'me', {}));
    expect(me.committeeRounds.map((r) => r.id)).toContain('aksu-water-2025');
    expect(text).toContain(round.windows.find((w) => w.id === 'apply')!.source.quote);
    expect(data<{ text: string }>(await call(hr, 'rounds', 'notice', { roundId: 'aksu-water-2025' })).text).toBe(text);
    // Frozen: the published draft takes no change; the secretary, copied-from committee, may correct it.
    expect((await call(hr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { field: 'fee', index: 1, yuan: 430 } })).reply).toMatchObject({ code: 'REVIEW.REFUSED' });
    expect(data<DraftView>(await call(staff.secretary, 'rounds', 'draftCreate', { fromRoundId: 'aksu-water-2025', kind: 'correction' }))).toMatchObject({ id: 'aksu-water-2025:v2', version: 2 });
  });

  it('keeps an application on the version it started under when a correction changes a condition, and tells its applicant', async () => {
    harness.setNow(new Date('2024-10-12T02:00:00Z'));
    const applicant: Caller = { openid: 'demo-openid-applicant' };
    const unitAdmin: Caller = { openid: 'demo-openid-unit-admin' };
    await call(applicant, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    const id = data<{ id: string }>(await call(applicant, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).id;
    await completeForSubmit(harness, applicant, 'person-applicant', id);
    expect((await call(applicant, 'applications', 'submit', { applicationId: id, requestId: 'submit-0001' })).status).toBe(200);
    const verdict = async () => data<{ eligibility: { verdict: string } }>(await call(unitAdmin, 'review', 'get', { applicationId: id })).eligibility.verdict;
    expect(await verdict()).toBe('eligible');

    // Version 2 asks a bachelor for 3 years of professional work instead of 1 (a condition the form
    // does not edit yet: written into the draft as a correction would carry it).
    const correct = async (appliesToAll: boolean, note: string) => {
      const draft = data<DraftView>(await call(staff.yuliHr, 'rounds', 'draftCreate', { fromRoundId: 'yuli-initial-junior-2024', kind: 'correction' }));
      // A correction starts from the round and the notice as published.
      expect(draft.noticeText).toContain('尉犁县');
      const stored = (await deps.store.get('roundDrafts', draft.id))!;
      const round = stored.round as { initialDetermination: { minYearsByEducation: { education: string; minYearsProfessionalWork: number }[] }[] };
      for (const rule of round.initialDetermination) for (const m of rule.minYearsByEducation) if (m.education === 'bachelor') m.minYearsProfessionalWork = 3;
      await deps.store.commit([{ kind: 'update', collection: 'roundDrafts', id: draft.id, rev: stored._rev, set: { round: round as never } }]);
      return data<{ version: number; told: number }>(await call(staff.yuliHr, 'rounds', 'publish', { draftId: draft.id, changeNote: note, appliesToAll }));
    };
    // Every application in the round is told (the demo's four 尉犁 applications and this one).
    const inRound = await deps.store.count('applications', [{ field: 'roundId', op: 'eq', value: 'yuli-initial-junior-2024' }]);
    expect(await correct(false, '本科学历初定助理级须从事专业技术工作满3年')).toEqual({ roundId: 'yuli-initial-junior-2024', version: 2, told: inRound, toTell: 0 });
    expect(await verdict()).toBe('eligible');
    const inbox = async () => data<{ title: string; body: string }[]>(await call(applicant, 'applications', 'inbox', {}));
    expect((await inbox()).find((n) => n.title === '评审批次通知有更正')?.body).toContain('您的申报不受这项更正影响，仍按第 1 版通知办理');
    // The self-check and a new application read the current version.
    const current = data<Round>(await call(applicant, 'rounds', 'get', { roundId: 'yuli-initial-junior-2024' }));
    const now = assess(yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }), current, new Date('2024-10-12T02:00:00Z'));
    expect(now.offers.find((o) => o.key === 'initial_junior:junior_assistant')?.verdict).not.toBe('eligible');

    expect(await correct(true, '按自治区文件，本科学历满3年的要求适用于所有申报')).toMatchObject({ version: 3, told: inRound });
    expect(await verdict()).not.toBe('eligible');
    expect((await inbox()).filter((n) => n.title === '评审批次通知有更正').map((n) => n.body).join()).toContain('这项更正适用于所有申报');
    // A later correction that is not for all leaves it on version 3, the one that applied to all, and says so.
    expect(await correct(false, '答辩地点改为三楼会议室')).toMatchObject({ version: 4 });
    expect(await verdict()).not.toBe('eligible');
    expect((await inbox()).map((n) => n.body).join()).toContain('发布了第 4 版：答辩地点改为三楼会议室。您的申报不受这项更正影响，仍按第 3 版通知办理。');
  });

  it('tells a round of 250 applications of a correction a page a commit: the first page when publishing, the rest by the rounds timer, each once', async () => {
    harness.setNow(new Date('2024-10-12T02:00:00Z'));
    await deps.store.commit(Array.from({ length: 250 }, (_, i) => ({ kind: 'insert' as const, collection: 'applications', doc: storedApplication(i, 'submitted') })));
    const inRound = await deps.store.count('applications', [{ field: 'roundId', op: 'eq', value: 'yuli-initial-junior-2024' }]);
    const before = await deps.store.count('outbox', []);
    const notices = async () => (await deps.store.count('outbox', [])) - before;
    const draft = data<DraftView>(await call(staff.yuliHr, 'rounds', 'draftCreate', { fromRoundId: 'yuli-initial-junior-2024', kind: 'correction' }));
    await call(staff.yuliHr, 'rounds', 'draftEdit', { draftId: draft.id, edit: { field: 'resubmit', amount: 72, unit: 'hours' } });
    const published = data<{ told: number; toTell: number }>(await call(staff.yuliHr, 'rounds', 'publish', { draftId: draft.id, changeNote: '退回后修改时限改为72小时' }));
    expect(published).toMatchObject({ told: 100, toTell: inRound - 100 });
    expect(await notices()).toBe(100);
    // Publishing again tells nobody again.
    expect(data(await call(staff.yuliHr, 'rounds', 'publish', { draftId: draft.id, changeNote: '退回后修改时限改为72小时' }))).toMatchObject({ told: 0, toTell: 0 });
    expect((await runTimer(functions, 'rounds', 'tellRoundChanges', deps)).reply).toMatchObject({ data: { changed: inRound - 100 } });
    expect(await notices()).toBe(inRound);
    expect((await deps.store.get('roundNotices', 'yuli-initial-junior-2024@2'))).toMatchObject({ done: true, told: inRound });
    // A second run finds nothing left: nobody is told twice.
    expect((await runTimer(functions, 'rounds', 'tellRoundChanges', deps)).reply).toMatchObject({ data: { changed: 0 } });
    expect(await notices()).toBe(inRound);
    const one = (await deps.store.get('outbox', 'round-changed:yuli-initial-junior-2024:v2:bench-249'))!;
    expect(one).toMatchObject({ personId: 'bench-person-249', title: '评审批次通知有更正', body: expect.stringContaining('仍按第 1 版通知办理') });
  });
});
