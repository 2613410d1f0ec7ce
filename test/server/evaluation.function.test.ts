import type { Caller } from '../../src/server/dispatch';
import { dispatch } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import sharp from 'sharp';
import PizZip from 'pizzip';
import { openHarness, type Harness } from './harness';
import { chooseExperts } from '../../src/core/evaluation/expert-draw';

/**
 * The evaluation meeting of aksu-forestry-2024 over the real local adapters, with the seeded four
 * 副高级 forestry engineers who have defended (吐尔洪, 米娜瓦尔, 周建国, 阿不都热合曼): three experts drawn
 * from the pool, attendance and the quorum, 古再丽 recused from her own unit's applicants, votes on
 * blind copies deciding the results, one changed with its reason to keep within 四(七)'s 75 % cap,
 * published, publicised, certified.
 */
const secretary: Caller = { openid: 'demo-openid-secretary' };
const expert: Caller = { openid: 'demo-openid-expert' };
const expert2: Caller = { openid: 'demo-openid-expert-2' };
const expert3: Caller = { openid: 'demo-openid-expert-3' };
const unitAdmin: Caller = { openid: 'demo-openid-aksu-admin' };
const tuerhong: Caller = { openid: 'demo-openid-forestry-1' };
const abudu: Caller = { openid: 'demo-openid-forestry-4' };
const ROUND = 'aksu-forestry-2024';
const APP = (n: number) => `person-forestry-${n}:aksu-forestry-2024:directed_evaluation:deputy_senior`;
const NAMES = ['吐尔洪', '米娜瓦尔', '周建国', '阿不都热合曼'];
const ID_NUMBER = '65290119800101123X';

interface MeetingView {
  id: string;
  stage: string;
  items: { applicationId: string; code: number; applicantName: string; result: string | null; computed: string | null; pending: string | null; status: string; tallyText: string; recusals: { name: string; reason: string }[]; proposedRecusals: { expertId: string; name: string; why: string }[] }[];
  caps: { text: string; over: boolean }[];
  blockers: string[];
  readyToAdd: number;
  mayPublicise: boolean;
  mayCertify: boolean;
  objections: { id: string; code: number; applicantName: string; from: string; text: string; recordedAt: string; answer: { text: string; at: string } | null }[];
}

describe('evaluation meetings', () => {
  let harness: Harness;
  let deps: Deps;
  const call = (caller: Caller, action: string, payload: unknown) => dispatch(functions, 'committee', { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => (outcome.reply as { data: T }).data;
  let meetingId = '';
  const meeting = async () => data<MeetingView>(await call(secretary, 'meeting', { meetingId }));

  beforeAll(async () => {
    harness = await openHarness('evaluation', new Date('2024-10-10T02:00:00Z'));
    deps = harness.deps;
    // 吐尔洪's materials name him, his unit and his ID number; one photo is his ID card.
    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#eee' } }).jpeg().toBuffer();
    const original = await harness.files.put('uploads/person-forestry-1/cert.jpg', photo, 'image/jpeg');
    const blind = await harness.files.put('blind/person-forestry-1/cert.jpg', photo, 'image/jpeg');
    const file = (category: string, sha: string, blindRef: string | null = blind) => ({ sha256: sha.repeat(64), category, ref: original, contentType: 'image/jpeg', bytes: photo.length, width: 60, height: 40, attachedAt: '2024-08-05T02:00:00.000Z', needsMasking: 'yes', masks: [{ x: 0, y: 0, w: 10, h: 10 }], blindRef });
    const doc = await harness.store.get('applications', APP(1));
    await harness.store.update('applications', APP(1), doc!._rev, {
      idNumber: ID_NUMBER,
      // What exists to carry identity (the ID card, the signed 承诺书, the unit's papers) is never shown,
      // not even its blind copy; an image without its blind copy is named, never shown as its original.
      files: [file('education', 'a'), file('id_card', 'b'), file('personal_commitment', 'd'), file('unit_recommendation', 'e'), file('continuing_education', 'c', null)],
      texts: { work_summary: `吐尔洪，身份证号${ID_NUMBER}，2015年起在阿克苏地区林业技术推广中心负责防护林建设。` },
      entries: { work_history: [{ from: '2015-07', to: null, unit: '林业技术推广中心', post: '技术员' }] },
    });
  });
  afterAll(() => harness.close());

  it('sets up a meeting with every defended application of the round and experts drawn from its pool, the seed kept, once per request', async () => {
    // Too few, or someone outside the round's pool, is refused before anything is written.
    expect((await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-10-10', requestId: 'meeting-forestry-a', experts: { kind: 'hand', expertIds: ['person-expert', 'person-expert-2'] } })).reply).toMatchObject({ ok: false, details: ['评审会至少要有 3 位评审专家，现在选了 2 位。'] });
    expect((await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-10-10', requestId: 'meeting-forestry-b', experts: { kind: 'hand', expertIds: ['person-expert', 'person-expert-2', 'person-forestry-1'] } })).reply).toMatchObject({ ok: false, details: ['所选的专家不在本批次的专家库中，请刷新后重新选择。'] });
    expect((await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-10-10', requestId: 'meeting-forestry-c', experts: { kind: 'draw', count: 4 } })).reply).toMatchObject({ ok: false, details: ['专家库只有 3 位评审专家，不能抽取 4 位。'] });
    const created = await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-10-10', requestId: 'meeting-forestry-1', experts: { kind: 'draw', count: 3 } });
    expect(created.reply).toMatchObject({ ok: true });
    const view = data<MeetingView & { meetingExperts: { name: string; present: boolean | null }[]; selectionText: string }>(created);
    meetingId = view.id;
    expect(view.items.map((i) => [i.code, i.applicantName])).toEqual(NAMES.map((n, i) => [i + 1, n]));
    expect(view.meetingExperts.map((e) => e.name).sort()).toEqual(['何振华', '刘文博', '古再丽'].sort());
    expect(view.meetingExperts.every((e) => e.present === null)).toBe(true);
    // The draw is kept with its seed and pool: drawn again from them, the same experts.
    const stored = (await harness.store.get('meetings', meetingId))! as unknown as { expertIds: string[]; selection: { kind: 'draw'; seed: number; pool: string[]; count: number } };
    expect(view.selectionText).toBe(`从本批次专家库 3 位中随机抽取 3 位（抽取种子 ${stored.selection.seed}，可复核）`);
    const again = chooseExperts(stored.selection.pool, { kind: 'draw', count: 3 }, stored.selection.seed);
    expect(again.ok && again.value.expertIds).toEqual(stored.expertIds);
    // A double tap is the same meeting; nothing is left for a second one.
    expect(data<MeetingView>(await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-10-10', requestId: 'meeting-forestry-1', experts: { kind: 'draw', count: 3 } })).id).toBe(meetingId);
    expect((await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-10-13', requestId: 'meeting-forestry-2', experts: { kind: 'draw', count: 3 } })).reply).toMatchObject({ ok: false, code: 'MEETING.NOTHING_READY' });
    expect((await call(secretary, 'meetings', {})).reply).toMatchObject({ ok: true, data: [{ id: meetingId, applications: 4, experts: 3 }] });
  });

  it('refuses a bad date, another round, other roles and experts of other meetings', async () => {
    const experts = { kind: 'draw', count: 3 };
    expect((await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2024-02-30', requestId: 'meeting-forestry-3', experts })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call(secretary, 'createMeeting', { roundId: ROUND, heldOn: '2014-10-13', requestId: 'meeting-forestry-4', experts })).reply).toMatchObject({ ok: false, message: '评审会日期应在本批次的年度（2024 年）内，2014年10月13日不在。请检查年份。' });
    expect((await call(secretary, 'createMeeting', { roundId: 'bazhou-ecoenv-2024', heldOn: '2024-10-12', requestId: 'meeting-bazhou-1', experts })).reply).toMatchObject({ ok: false, code: 'ROUND.NOT_FOUND' });
    expect((await call(unitAdmin, 'meeting', { meetingId })).reply).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await call(expert, 'meeting', { meetingId })).reply).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await call(tuerhong, 'panel', { meetingId })).reply).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('shows experts numbers, blind texts and blind copies only: no name, ID number or unit in anything they receive', async () => {
    const replies = [await call(expert, 'meetings', {}), await call(expert, 'panel', { meetingId }), await call(expert, 'blindItem', { meetingId, code: 1 })];
    for (const r of replies) expect(r.reply).toMatchObject({ ok: true });
    const item = data<{ texts: { text: string }[]; entries: { rows: string[] }[]; images: { name: string; url: string }[]; withheld: string[]; myVote: string }>(replies[2]!);
    expect(item.texts[0]!.text).toBe('本人，身份证号（身份证号已隐去），2015年起在xxx负责防护林建设。');
    expect(item.entries[0]!.rows[0]).toContain('xxx');
    // The blind copy, never the original, and never the ID card, the 承诺书 or the unit's papers at all.
    expect(item.images).toEqual([{ name: '学历学位证书', url: expect.any(String) }]);
    expect(item.images[0]!.url).toContain(encodeURIComponent('blind/'));
    expect(item.withheld).toEqual(['继续教育公需课及专业课培训合格证书（没有遮挡后的副本，请在评审会现场查阅纸质材料）']);
    const all = JSON.stringify(replies.map((r) => r.reply));
    for (const trace of [...NAMES, ID_NUMBER, '林业技术推广中心', 'uploads/', '个人承诺书', '单位推荐意见']) expect(all).not.toContain(trace);
  });

  it('lets experts read before the meeting’s day; attendance, votes and results only from it (Beijing)', async () => {
    const doc = (await harness.store.get('meetings', meetingId))!;
    await harness.store.update('meetings', meetingId, doc._rev, { heldOn: '2024-10-11' });
    expect((await call(expert, 'panel', { meetingId })).reply).toMatchObject({ ok: true, data: { open: false, closedReason: '评审会在2024年10月11日召开，当天起才能表决。' } });
    expect((await call(expert, 'vote', { meetingId, code: 2, vote: 'agree' })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED', details: ['评审会在2024年10月11日召开，当天起才能表决。'] });
    expect((await call(secretary, 'recordAttendance', { meetingId, present: ['person-expert'] })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED', details: ['评审会在2024年10月11日召开，当天才能登记到会专家。'] });
    const moved = (await harness.store.get('meetings', meetingId))!;
    await harness.store.update('meetings', meetingId, moved._rev, { heldOn: '2024-10-10' });
    // On the day, before the secretary has recorded who is present: no vote yet.
    expect((await call(expert, 'vote', { meetingId, code: 1, vote: 'agree' })).reply).toMatchObject({ ok: false, details: ['秘书登记到会专家后才能表决，请稍后再试。'] });
    expect((await meeting()).blockers).toEqual(['还没有登记到会专家：评审会当天请先登记到会的评审专家。']);
  });

  it('decides nothing while the experts present are below the quorum, and takes votes only from those present', async () => {
    const alone = data<MeetingView & { quorum: { needed: number; present: number; met: boolean } }>(await call(secretary, 'recordAttendance', { meetingId, present: ['person-expert'] }));
    expect(alone.quorum).toMatchObject({ needed: 2, present: 1, met: false });
    expect(alone.blockers).toEqual(['到会专家 1 位，不到 2 位（3 位评审专家的三分之二，《职称评审管理暂行规定》第二十条）：不能表决，也不能记录评审结果。']);
    expect((await call(secretary, 'publishResults', { meetingId, requestId: 'publish-forestry-0' })).reply).toMatchObject({ ok: false, details: alone.blockers });
    expect((await call(secretary, 'overrideResult', { meetingId, applicationId: APP(1), result: 'fail', reason: '一票否决：材料造假' })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED' });
    expect((await call(expert3, 'vote', { meetingId, code: 1, vote: 'agree' })).reply).toMatchObject({ ok: false, details: ['您没有登记为到会专家，不能表决：评审专家不能委托他人或会后补投。如您已到会，请联系秘书登记。'] });
    expect((await call(secretary, 'recordAttendance', { meetingId, present: ['person-expert', 'person-forestry-1'] })).reply).toMatchObject({ ok: false, details: ['这位专家不是这次评审会的评审专家，请重新选择。'] });
    const all = data<MeetingView & { quorum: { met: boolean } }>(await call(secretary, 'recordAttendance', { meetingId, present: ['person-expert', 'person-expert-2', 'person-expert-3'] }));
    expect(all.quorum.met).toBe(true);
  });

  it('proposes recusing the expert of the applicants’ own unit; once recused she neither sees nor decides those applications', async () => {
    const view = await meeting();
    expect(view.items.map((i) => i.proposedRecusals)).toEqual(NAMES.map(() => [{ expertId: 'person-expert-2', name: '古再丽', why: '与申报人同一单位' }]));
    for (let n = 1; n <= 4; n += 1) await call(secretary, 'recuse', { meetingId, applicationId: APP(n), expertId: 'person-expert-2', reason: '与申报人同一单位' });
    const recused = await meeting();
    expect(recused.items.map((i) => [i.recusals.map((r) => r.name), i.proposedRecusals])).toEqual(NAMES.map(() => [['古再丽'], []]));
    expect((await call(expert2, 'panel', { meetingId })).reply).toMatchObject({ ok: true, data: { items: [] } });
    expect((await call(expert2, 'blindItem', { meetingId, code: 1 })).reply).toMatchObject({ ok: false, code: 'APPLICATION.NOT_FOUND' });
    expect((await call(expert2, 'vote', { meetingId, code: 1, vote: 'agree' })).reply).toMatchObject({ ok: false, code: 'APPLICATION.NOT_FOUND' });
    // Lifted and recused again: one recusal, not two.
    await call(secretary, 'liftRecusal', { meetingId, applicationId: APP(4), expertId: 'person-expert-2' });
    expect((await call(expert2, 'panel', { meetingId })).reply).toMatchObject({ ok: true, data: { items: [{ code: 4 }] } });
    await call(secretary, 'recuse', { meetingId, applicationId: APP(4), expertId: 'person-expert-2', reason: '与申报人同一单位' });
    await call(secretary, 'recuse', { meetingId, applicationId: APP(4), expertId: 'person-expert-2', reason: '与申报人同一单位' });
    expect(((await harness.store.get('meetings', meetingId)) as unknown as { recusals: unknown[] }).recusals).toHaveLength(4);
  });

  it('computes each result from the votes of the experts present (同意 ≥ ⌈2/3⌉), a vote changeable until published', async () => {
    await call(expert, 'vote', { meetingId, code: 1, vote: 'disagree' });
    expect((await call(expert, 'vote', { meetingId, code: 9, vote: 'agree' })).reply).toMatchObject({ ok: false, code: 'APPLICATION.NOT_FOUND' });
    expect((await call(expert, 'vote', { meetingId, code: 1, vote: 'maybe' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await meeting()).items[0]).toMatchObject({ tallyText: '同意 0，不同意 1，弃权 0，未投 1', computed: null, pending: '还有 1 位到会专家没有投票' });
    for (const who of [expert, expert3]) for (let code = 1; code <= 4; code += 1) await call(who, 'vote', { meetingId, code, vote: 'agree' });
    const decided = await meeting();
    expect(decided.items.map((i) => [i.tallyText, i.computed, i.result])).toEqual(NAMES.map(() => ['同意 2，不同意 0，弃权 0', 'pass', 'pass']));
  });

  it('refuses to publish above the 75 % cap, saying by how many and that the choice is the meeting’s, and changes nothing', async () => {
    const view = await meeting();
    expect(view.caps).toEqual([{ levelLabel: '副高级', evaluated: 4, passes: 4, allowed: 3, over: true, text: '副高级：评审 4 人，通过 4 人，最多 3 人（不高于 75%，四(七)）' }]);
    const refused = await call(secretary, 'publishResults', { meetingId, requestId: 'publish-forestry-1' });
    expect(refused.reply).toMatchObject({
      ok: false,
      code: 'MEETING.REFUSED',
      details: ['副高级评审了 4 人，通过率不得高于 75%，最多通过 3 人；现在记为通过 4 人，多了 1 人（四(七)）。通知只规定通过率“不高于”，没有规定超出时如何取舍：请按评审会的决定把多出的人改为“不通过”，并写明理由。'],
    });
    expect((await meeting()).items.map((i) => i.status)).toEqual(['defended', 'defended', 'defended', 'defended']);
    expect(await harness.store.find('outbox', { where: [{ field: 'personId', op: 'eq', value: 'person-forestry-1' }] })).toEqual([]);
    // A change against the votes needs its reason; the votes' own result is not a change.
    expect((await call(secretary, 'overrideResult', { meetingId, applicationId: APP(4), result: 'fail', reason: '超' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call(secretary, 'overrideResult', { meetingId, applicationId: APP(4), result: 'pass', reason: '按表决结果' })).reply).toMatchObject({ ok: false, details: ['表决结果就是“通过”，不需要改判。'] });
  });

  it('publishes within the cap: each applicant moves and is told, once; votes and results are closed after', async () => {
    const reason = '通过人数超过75%限额，评审会讨论决定按业绩排序，4号不通过';
    const changed = data<MeetingView & { unusual: string[] }>(await call(secretary, 'overrideResult', { meetingId, applicationId: APP(4), result: 'fail', reason }));
    expect(changed.unusual).toEqual([...NAMES.map((n, i) => `${i + 1}号 ${n}：古再丽 回避（与申报人同一单位）`), `4号 阿不都热合曼：表决通过（同意 2 张，需要 2 张），改为不通过，理由：${reason}`]);
    expect((await dispatch(functions, 'documents', { action: 'meetingRecord', payload: { meetingId } }, secretary, deps)).reply).toMatchObject({ ok: false, details: ['评审结果发布后才能导出会议记录：记录的是表决和发布的结果。'] });
    const published = await call(secretary, 'publishResults', { meetingId, requestId: 'publish-forestry-1' });
    // 10月12日 (a Saturday) is a make-up working day after National Day: five from Thursday end on Tuesday.
    expect(published.reply).toMatchObject({ ok: true, data: { stage: 'published', mayPublicise: true, earliestPublicityEnd: '2024-10-15' } });
    expect(data<MeetingView>(published).items.map((i) => i.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
    const kept = (await harness.store.get('meetings', meetingId)) as unknown as { results: Record<string, string>; tallies: Record<string, unknown> };
    expect(kept.results[APP(4)]).toBe('fail');
    expect(kept.tallies[APP(4)]).toEqual({ agree: 2, disagree: 0, abstain: 0, voters: 2, needed: 2, computed: 'pass' });
    // Again (a double tap): nothing more.
    expect((await call(secretary, 'publishResults', { meetingId, requestId: 'publish-forestry-1' })).reply).toMatchObject({ ok: true });
    const told = await harness.store.find('outbox', { where: [{ field: 'personId', op: 'in', values: ['person-forestry-1', 'person-forestry-4'] }] });
    expect(told.map((m) => m.title).sort()).toEqual(['评审未通过', '评审通过']);
    expect((await call(expert, 'vote', { meetingId, code: 2, vote: 'disagree' })).reply).toMatchObject({ ok: false, code: 'MEETING.CLOSED' });
    expect((await call(secretary, 'overrideResult', { meetingId, applicationId: APP(3), result: 'fail', reason: '会后改判不允许' })).reply).toMatchObject({ ok: false, code: 'MEETING.CLOSED' });
    expect((await call(secretary, 'recordAttendance', { meetingId, present: ['person-expert'] })).reply).toMatchObject({ ok: false, code: 'MEETING.CLOSED' });
    expect(data<{ status: string; holderText: string }>(await dispatch(functions, 'applications', { action: 'get', payload: { applicationId: APP(1) } }, tuerhong, deps))).toMatchObject({ status: 'passed', holderText: '在评审委员会：评审通过，等待公示' });
  });

  it('exports the meeting record for its secretary only: attendance, tallies, recusals and the change with its reason', async () => {
    expect((await dispatch(functions, 'documents', { action: 'meetingRecord', payload: { meetingId } }, expert, deps)).reply).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const outcome = await dispatch(functions, 'documents', { action: 'meetingRecord', payload: { meetingId } }, secretary, deps);
    const file = data<{ name: string; url: string; rows: number }>(outcome);
    expect(file).toMatchObject({ name: '评审会议记录（2024-10-10）.docx', rows: 4 });
    const bytes = Buffer.from((await harness.files.get(decodeURIComponent(/\/files\/([^?]+)/.exec(file.url)![1]!)))!);
    const text = new PizZip(bytes).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    for (const expected of ['到会专家（3 位）', '1号吐尔洪副高级 林业和草原专业2200通过通过', '4号阿不都热合曼副高级 林业和草原专业2200通过不通过', '1号 吐尔洪：古再丽 回避，理由：与申报人同一单位', '4号 阿不都热合曼：表决通过，改为不通过，理由：通过人数超过75%限额', '记录人（评审委员会秘书）：陈志刚'])
      expect(text).toContain(expected);
  });

  it('publicises those who passed, then certifies only after the publicity ends (Beijing dates)', async () => {
    expect((await call(secretary, 'certify', { meetingId })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED' });
    // 2024-10-10 10:00 Beijing: the publicity must end after today.
    expect((await call(secretary, 'publicise', { meetingId, until: '2024-10-10' })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED', details: ['公示结束日期要在今天（2024-10-10）之后。'] });
    const publicised = await call(secretary, 'publicise', { meetingId, until: '2024-10-16' });
    expect(publicised.reply).toMatchObject({ ok: true, data: { stage: 'publicised', publicity: { from: '2024-10-10', to: '2024-10-16' }, mayCertify: false } });
    expect(data<MeetingView>(publicised).items.map((i) => i.status)).toEqual(['publicised', 'publicised', 'publicised', 'failed']);
    // An objection during the publicity, against 1号, recorded once however often it is sent.
    const objection = { meetingId, requestId: 'objection-0001', applicationId: APP(1), from: '匿名', text: '反映其业绩材料中的项目并非本人主持。' };
    expect((await call(secretary, 'recordObjection', { ...objection, applicationId: APP(4) })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED', details: ['异议只能针对正在公示的人员，请重新选择。'] });
    await call(secretary, 'recordObjection', objection);
    const recorded = data<MeetingView>(await call(secretary, 'recordObjection', objection));
    expect(recorded.objections).toEqual([{ id: 'objection-objection-0001', code: 1, applicantName: NAMES[0], from: '匿名', text: '反映其业绩材料中的项目并非本人主持。', recordedAt: expect.any(String), answer: null }]);
    // The last day of the publicity, 23:59 Beijing: not yet.
    harness.setNow(new Date('2024-10-16T15:59:00Z'));
    expect((await call(secretary, 'certify', { meetingId })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED' });
    harness.setNow(new Date('2024-10-16T16:00:00Z'));
    // Over, but an objection waits for its answer; after the publicity none is recorded any more.
    expect((await call(secretary, 'certify', { meetingId })).reply).toMatchObject({ ok: false, code: 'MEETING.REFUSED', details: ['还有 1 条异议没有答复：答复后才能确认取得资格。'] });
    expect(data<MeetingView>(await call(secretary, 'meeting', { meetingId })).mayCertify).toBe(false);
    expect((await call(secretary, 'recordObjection', { ...objection, requestId: 'objection-0002' })).reply).toMatchObject({ ok: false, details: ['只有公示期内的异议才在这里登记：这次评审会现在不在公示期。'] });
    const answered = data<MeetingView>(await call(secretary, 'answerObjection', { meetingId, objectionId: 'objection-objection-0001', answer: '经核查项目立项文件，该项目由其本人主持，异议不成立。' }));
    expect(answered.objections[0]!.answer).toMatchObject({ text: '经核查项目立项文件，该项目由其本人主持，异议不成立。' });
    // 复查: 阿不都热合曼, not passed, asks for it; certifying waits for the answer.
    const reason = '本人业绩中的两项省级奖励未被计入，申请复查评审结果。';
    expect((await call(tuerhong, 'requestRecheck', { applicationId: APP(1), reason })).reply).toMatchObject({ ok: false, details: ['只有评审结果为“不通过”的申报才能申请复查。'] });
    expect((await call(abudu, 'requestRecheck', { applicationId: APP(1), reason })).reply).toMatchObject({ ok: false, code: 'APPLICATION.NOT_FOUND' });
    const asked = await call(abudu, 'requestRecheck', { applicationId: APP(4), reason });
    expect(asked.reply).toMatchObject({ ok: true, data: { recheck: { reason, answer: null }, mayRequestRecheck: false } });
    // The same request again (a double tap) is the one made; another is refused.
    expect((await call(abudu, 'requestRecheck', { applicationId: APP(4), reason })).reply).toMatchObject({ ok: true });
    expect((await call(abudu, 'requestRecheck', { applicationId: APP(4), reason: '另一个理由，希望重新评审一次。' })).reply).toMatchObject({ ok: false, details: ['您已经申请过复查，请等待评审委员会答复。'] });
    expect(data<MeetingView>(await call(secretary, 'meeting', { meetingId })).mayCertify).toBe(false);
    expect((await call(secretary, 'certify', { meetingId })).reply).toMatchObject({ ok: false, details: ['还有 1 份复查申请没有答复：答复后才能确认取得资格。'] });
    const rechecked = data<MeetingView & { items: { recheck: { answer: { text: string } | null } | null }[] }>(
      await call(secretary, 'answerRecheck', { meetingId, applicationId: APP(4), answer: '经评审委员会复查，两项奖励已计入，结果维持不通过（超出通过率限额）。' }),
    );
    expect(rechecked.items[3]!.recheck!.answer).toMatchObject({ text: '经评审委员会复查，两项奖励已计入，结果维持不通过（超出通过率限额）。' });
    expect(rechecked.mayCertify).toBe(true);
    const certified = await call(secretary, 'certify', { meetingId });
    expect(certified.reply).toMatchObject({ ok: true, data: { stage: 'certified' } });
    expect(data<MeetingView>(certified).items.map((i) => i.status)).toEqual(['certified', 'certified', 'certified', 'failed']);
    const told = await harness.store.find('outbox', { where: [{ field: 'personId', op: 'eq', value: 'person-forestry-1' }] });
    expect(told.map((m) => m.title).sort()).toEqual(['取得资格', '评审结果公示', '评审通过']);
    // Confirmed: no more 复查 asked or answered.
    expect((await call(abudu, 'requestRecheck', { applicationId: APP(4), reason: '另一个理由，希望重新评审一次。' })).reply).toMatchObject({ ok: false });
  });
});
