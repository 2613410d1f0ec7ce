import fc from 'fast-check';
import { emptyApplicationContent, type ApplicationRecord } from '../../../src/core/application/application.schema';
import { stageOf, type MeetingRecord } from '../../../src/core/evaluation/meeting';
import { canMeeting, decideMeeting, voteRefusal, type MeetingCommand, type Member } from '../../../src/core/evaluation/meeting.machine';
import { nationalCalendar, regionalCalendar } from '../../../src/core/config/calendar';
import { buildReviewNotice } from '../../../src/core/messages/review-notice';
import { publicityOver } from '../../../src/core/review/publicity';
import { agreesNeeded, decisionOf, quorumOf, recusalProposals, unusualBeforePublishing, type CastVote } from '../../../src/core/evaluation/decision-rule';
import type { Vote } from '../../../src/core/evaluation/votes';
import { answerRecheck, requestRecheck } from '../../../src/core/evaluation/recheck';
import { yuliGraduate } from '../eligibility/people.fixture';
import { round } from '../eligibility/rounds.fixture';

/**
 * An evaluation meeting decided in the core (issue 24, item 1): results only while 评审中, published
 * once and only when every result is in, publicised after publishing until a later day, certified
 * after its publicity; the stages only ever move forward, and what moves with the meeting is named
 * by the review table's commands.
 */
const yuli = round('yuli-initial-junior-2024');
const record = (status: ApplicationRecord['status']): ApplicationRecord =>
  ({ personId: 'p', roundId: yuli.id, year: 2024, offerKey: 'initial_junior:junior_assistant', offerId: 'initial_junior', level: 'junior_assistant', way: 'initial', channel: 'general', series: 'agriculture', specialty: 'agriculture.agronomy', profile: yuliGraduate(), status, createdAt: '2024-10-09T02:00:00.000Z', ...emptyApplicationContent(), submissions: 1, applicantName: '李娜' }) as ApplicationRecord;
const meeting: MeetingRecord = {
  roundId: yuli.id,
  heldOn: '2024-11-05',
  createdAt: '2024-11-01T02:00:00.000Z',
  createdBy: 's',
  expertIds: ['e1', 'e2', 'e3'],
  selection: { kind: 'hand' },
  attendance: null,
  recusals: [],
  overrides: {},
  applicationIds: ['a', 'b'],
  results: {},
  tallies: {},
  publishedAt: null,
  publicity: null,
  certifiedAt: null,
  objections: [],
};
const members = (statuses: readonly ApplicationRecord['status'][]): Member[] => statuses.map((s, i) => ({ id: ['a', 'b'][i]!, rev: 1, record: record(s) }));
const calendars = { national: nationalCalendar(), regional: regionalCalendar() };
const facts = (list: readonly Member[], today = '2024-11-05', votes: readonly CastVote[] = []) => ({ now: new Date(`${today}T04:00:00Z`), today, round: yuli, members: list, calendars, votes });
const present = (...experts: string[]) => ({ attendance: { present: experts, at: '2024-11-05T02:00:00.000Z', by: 's' } });
const cast = (applicationId: string, ...votes: [string, Vote][]): CastVote[] => votes.map(([expertId, vote]) => ({ expertId, applicationId, vote }));

describe('an evaluation meeting', () => {
  it('publishes only what the votes of the experts present decide, moving each application by its result', () => {
    const ready = members(['fee_paid', 'defended']);
    expect(decideMeeting(meeting, { kind: 'publish' }, facts(ready))).toMatchObject({ ok: false, error: { code: 'MEETING.REFUSED', details: ['还没有登记到会专家：评审会当天请先登记到会的评审专家。'] } });
    // Two of three members present: the quorum (⌈2/3 × 3⌉ = 2). 1号 has both 同意; 2号 one 同意 of the two needed.
    const attended = decideMeeting(meeting, { kind: 'record_attendance', present: ['e2', 'e1'], by: 's' }, facts(ready));
    if (!attended.ok) throw new Error(attended.error.message);
    expect(attended.next.attendance!.present).toEqual(['e1', 'e2']);
    const someVotes = [...cast('a', ['e1', 'agree'], ['e2', 'agree']), ...cast('b', ['e1', 'agree'])];
    expect(decideMeeting(attended.next, { kind: 'publish' }, facts(ready, '2024-11-05', someVotes))).toMatchObject({ ok: false, error: { details: ['2号：还有 1 位到会专家没有投票'] } });
    // The absent expert's vote is not counted (no proxy, no vote afterwards).
    const votes = [...someVotes, ...cast('b', ['e2', 'disagree'], ['e3', 'agree'])];
    const published = decideMeeting(attended.next, { kind: 'publish' }, facts(ready, '2024-11-05', votes));
    if (!published.ok) throw new Error(published.error.message);
    expect(stageOf(published.next)).toBe('published');
    expect(published.next.results).toEqual({ a: 'pass', b: 'fail' });
    expect(published.next.tallies.b).toEqual({ agree: 1, disagree: 1, abstain: 0, voters: 2, needed: 2, computed: 'fail' });
    expect(published.move!.members.map((m) => published.move!.command(m))).toEqual(['evaluate_pass', 'evaluate_fail']);
    expect(decideMeeting(published.next, { kind: 'override', applicationId: 'a', result: 'fail', reason: '一票否决', by: 's' }, facts(ready, '2024-11-05', votes))).toMatchObject({ ok: false, error: { code: 'MEETING.CLOSED' } });
    expect(decideMeeting(published.next, { kind: 'record_attendance', present: ['e1'], by: 's' }, facts(ready))).toMatchObject({ ok: false, error: { code: 'MEETING.CLOSED' } });
    expect(decideMeeting(published.next, { kind: 'publish' }, facts(ready))).toMatchObject({ ok: true, changed: false, move: null });
  });

  it('decides nothing below the quorum: one of three present cannot vote or record results', () => {
    const ready = members(['fee_paid', 'defended']);
    const alone = { ...meeting, ...present('e1') };
    const votes = [...cast('a', ['e1', 'agree']), ...cast('b', ['e1', 'agree'])];
    expect(decideMeeting(alone, { kind: 'publish' }, facts(ready, '2024-11-05', votes))).toMatchObject({
      ok: false,
      error: { details: ['到会专家 1 位，不到 2 位（3 位评审专家的三分之二，《职称评审管理暂行规定》第二十条）：不能表决，也不能记录评审结果。'] },
    });
    expect(decideMeeting(alone, { kind: 'override', applicationId: 'a', result: 'fail', reason: '材料造假', by: 's' }, facts(ready, '2024-11-05', votes))).toMatchObject({
      ok: false,
      error: { details: ['表决还没有结果（能表决的专家 1 位，不到 2 位（3 位评审专家的三分之二），不能作出评审结果），不能改判。'] },
    });
    expect(voteRefusal(alone, 'e2', 'a', '2024-11-05')).toBe('您没有登记为到会专家，不能表决：评审专家不能委托他人或会后补投。如您已到会，请联系秘书登记。');
    expect(voteRefusal(alone, 'e1', 'a', '2024-11-04')).toBe('评审会在2024年11月5日召开，当天起才能表决。');
    expect(voteRefusal(meeting, 'e1', 'a', '2024-11-05')).toBe('秘书登记到会专家后才能表决，请稍后再试。');
    expect(voteRefusal(alone, 'e1', 'a', '2024-11-05')).toBeNull();
  });

  it('records attendance from the meeting’s day, of its own members only', () => {
    const ready = members(['fee_paid', 'defended']);
    expect(decideMeeting(meeting, { kind: 'record_attendance', present: ['e1', 'e2'], by: 's' }, facts(ready, '2024-11-04'))).toMatchObject({ ok: false, error: { details: ['评审会在2024年11月5日召开，当天才能登记到会专家。'] } });
    expect(decideMeeting(meeting, { kind: 'record_attendance', present: ['e1', 'x'], by: 's' }, facts(ready))).toMatchObject({ ok: false, error: { details: ['这位专家不是这次评审会的评审专家，请重新选择。'] } });
    expect(decideMeeting({ ...meeting, ...present('e1', 'e2') }, { kind: 'record_attendance', present: ['e2', 'e1'], by: 's' }, facts(ready))).toMatchObject({ ok: true, changed: false });
  });

  it('counts a recused expert neither among those present for that application nor their vote', () => {
    const all = { ...meeting, ...present('e1', 'e2', 'e3') };
    const recused = decideMeeting(all, { kind: 'recuse', applicationId: 'a', expertId: 'e3', reason: '与申报人同一单位', by: 's' }, facts(members(['fee_paid', 'defended'])));
    if (!recused.ok) throw new Error(recused.error.message);
    expect(voteRefusal(recused.next, 'e3', 'a', '2024-11-05')).toBe('您已回避这份申报，不参加对它的表决。');
    expect(voteRefusal(recused.next, 'e3', 'b', '2024-11-05')).toBeNull();
    // 1 同意 and e3's 同意 (not counted) of two who vote: 1 < 2, so 不通过.
    const d = decisionOf(recused.next, 'a', cast('a', ['e1', 'agree'], ['e2', 'disagree'], ['e3', 'agree']));
    expect(d).toMatchObject({ voters: ['e1', 'e2'], tally: { agree: 1, disagree: 1, missing: 0 }, needed: 2, computed: 'fail' });
    // Two recused of three present leave one: below the quorum for that application.
    const two = decideMeeting(recused.next, { kind: 'recuse', applicationId: 'a', expertId: 'e2', reason: '近亲属', by: 's' }, facts([]));
    if (!two.ok) throw new Error(two.error.message);
    expect(decisionOf(two.next, 'a', []).pending).toBe('能表决的专家 1 位，不到 2 位（3 位评审专家的三分之二），不能作出评审结果');
    const lifted = decideMeeting(two.next, { kind: 'lift_recusal', applicationId: 'a', expertId: 'e2' }, facts([]));
    expect(lifted.ok && lifted.next.recusals.map((r) => r.expertId)).toEqual(['e3']);
  });

  it('changes a result against its votes only with a recorded reason, and says so before publishing', () => {
    const ready = members(['fee_paid', 'defended']);
    const m = { ...meeting, ...present('e1', 'e2') };
    const votes = [...cast('a', ['e1', 'agree'], ['e2', 'agree']), ...cast('b', ['e1', 'disagree'], ['e2', 'abstain'])];
    expect(decideMeeting(m, { kind: 'override', applicationId: 'a', result: 'pass', reason: '无', by: 's' }, facts(ready, '2024-11-05', votes))).toMatchObject({ ok: false, error: { details: ['表决结果就是“通过”，不需要改判。'] } });
    const vetoed = decideMeeting(m, { kind: 'override', applicationId: 'a', result: 'fail', reason: '一票否决：论文经查实为抄袭（查重报告）', by: 's' }, facts(ready, '2024-11-05', votes));
    if (!vetoed.ok) throw new Error(vetoed.error.message);
    const decisions = ['a', 'b'].map((id) => decisionOf(vetoed.next, id, votes));
    expect(decisions.map((d) => [d.computed, d.final])).toEqual([['pass', 'fail'], ['fail', 'fail']]);
    expect(unusualBeforePublishing(vetoed.next, decisions, { expert: (e) => `专家${e}`, applicant: (a) => (a === 'a' ? '甲' : '乙') })).toEqual([
      '缺席专家 1 位：专家e3（不能委托或会后补投）',
      '1号 甲：表决通过（同意 2 张，需要 2 张），改为不通过，理由：一票否决：论文经查实为抄袭（查重报告）',
    ]);
    const published = decideMeeting(vetoed.next, { kind: 'publish' }, facts(ready, '2024-11-05', votes));
    expect(published.ok && published.next.results).toEqual({ a: 'fail', b: 'fail' });
    const cleared = decideMeeting(vetoed.next, { kind: 'clear_override', applicationId: 'a' }, facts(ready));
    expect(cleared.ok && cleared.next.overrides).toEqual({});
  });

  it('needs ⌈2/3⌉ of the members present and 同意 from ⌈2/3⌉ of those voting', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 11, 25].map(quorumOf)).toEqual([1, 2, 2, 3, 4, 4, 5, 8, 17]);
    expect([1, 2, 3, 4, 5, 7].map(agreesNeeded)).toEqual([1, 2, 2, 3, 4, 5]);
  });

  it('publishes, over random meetings, only with the quorum and only the rule’s results', () => {
    const experts = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
    const ids = ['a', 'b'];
    const ready = members(['fee_paid', 'defended']);
    const arbitrary = fc.record({
      size: fc.integer({ min: 1, max: 7 }),
      present: fc.subarray(experts),
      recused: fc.subarray(ids.flatMap((a) => experts.map((e) => [a, e] as const)), { maxLength: 3 }),
      // Each expert's vote on each application, now and then not cast.
      votes: fc.array(fc.option(fc.constantFrom<Vote>('agree', 'agree', 'disagree', 'abstain'), { freq: 12 }), { minLength: 14, maxLength: 14 }),
      veto: fc.option(fc.constantFrom(...ids)),
    });
    fc.assert(
      fc.property(arbitrary, ({ size, present: here, recused, votes: cast, veto }) => {
        const members_ = experts.slice(0, size);
        const votes = ids.flatMap((applicationId, a) => experts.flatMap((expertId, e) => (cast[a * experts.length + e] ? [{ expertId, applicationId, vote: cast[a * experts.length + e]! }] : [])));
        let m: MeetingRecord = { ...meeting, expertIds: members_, recusals: recused.filter(([, e]) => members_.includes(e)).map(([applicationId, expertId]) => ({ applicationId, expertId, reason: '回避', at: 't', by: 's' })) };
        const attended = decideMeeting(m, { kind: 'record_attendance', present: here.filter((e) => members_.includes(e)), by: 's' }, facts(ready));
        if (!attended.ok) throw new Error(attended.error.message);
        m = attended.next;
        if (veto) {
          const vetoed = decideMeeting(m, { kind: 'override', applicationId: veto, result: 'fail', reason: '一票否决', by: 's' }, facts(ready, '2024-11-05', votes));
          if (vetoed.ok) m = vetoed.next;
        }
        const published = decideMeeting(m, { kind: 'publish' }, facts(ready, '2024-11-05', votes));
        // The rule, written again here plainly: who votes, whether they reach the quorum, whether 同意 reaches two thirds.
        const attending = m.attendance!.present.length;
        const quorumReached = 3 * attending >= 2 * size;
        const expected = ids.map((a) => {
          const voters = m.attendance!.present.filter((e) => !m.recusals.some((r) => r.applicationId === a && r.expertId === e));
          const mine = votes.filter((v) => v.applicationId === a && voters.includes(v.expertId));
          const decidable = 3 * voters.length >= 2 * size && mine.length === voters.length;
          const agree = mine.filter((v) => v.vote === 'agree').length;
          return { decidable, result: 3 * agree >= 2 * voters.length ? 'pass' : 'fail' };
        });
        if (!quorumReached || expected.some((e) => !e.decidable)) {
          expect(published.ok).toBe(false);
          return;
        }
        if (!published.ok) throw new Error(published.error.details?.join('；'));
        expect(published.next.results).toEqual(Object.fromEntries(ids.map((a, i) => [a, m.overrides[a]?.result ?? expected[i]!.result])));
        // An override exists only where the votes passed it: a fail that votes failed is refused as the same.
        for (const a of Object.keys(m.overrides)) expect(expected[ids.indexOf(a)]!.result).toBe('pass');
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });

  it('publicises the passed until a later day, and certifies the publicised after it', () => {
    const published = { ...meeting, results: { a: 'pass', b: 'fail' } as const, publishedAt: '2024-11-05T04:00:00.000Z' };
    const after = members(['passed', 'failed']);
    expect(decideMeeting(published, { kind: 'publicise', until: '2024-11-05' }, facts(after))).toMatchObject({ ok: false, error: { details: ['公示结束日期要在今天（2024-11-05）之后。'] } });
    // At least 5 working days (人社部令第40号 第二十六条): Tuesday to Friday is four; the refusal says the first day allowed.
    expect(decideMeeting(published, { kind: 'publicise', until: '2024-11-08' }, facts(after))).toMatchObject({ ok: false, error: { details: ['评审结果公示不少于 5 个工作日：从今天到 2024年11月8日 只有 4 个工作日，最早可以公示到 2024年11月11日。'] } });
    expect(decideMeeting(published, { kind: 'publicise', until: '2024-11-11' }, facts(after))).toMatchObject({ ok: true, changed: true });
    const publicised = decideMeeting(published, { kind: 'publicise', until: '2024-11-12' }, facts(after));
    if (!publicised.ok) throw new Error(publicised.error.message);
    expect(publicised.next.publicity).toEqual({ from: '2024-11-05', to: '2024-11-12' });
    expect(publicised.move!.members.map((m) => m.id)).toEqual(['a']);
    const certified = decideMeeting(publicised.next, { kind: 'certify' }, facts(members(['publicised', 'failed']), '2024-11-13'));
    expect(certified).toMatchObject({ ok: true, changed: true });
    if (certified.ok) expect(certified.move!.members.map((m) => certified.move!.command(m))).toEqual(['certify']);
  });

  it('records an objection during the publicity once, answers it once, and certifies only when all are answered', () => {
    const publicised = { ...meeting, results: { a: 'pass', b: 'fail' } as const, publishedAt: '2024-11-05T04:00:00.000Z', publicity: { from: '2024-11-05', to: '2024-11-12' } };
    const during = facts(members(['publicised', 'failed']), '2024-11-06');
    const lodge = { kind: 'record_objection' as const, id: 'o1', applicationId: 'a', from: '匿名', text: '业绩不实', by: 's' };
    expect(decideMeeting(publicised, { ...lodge, applicationId: 'b' }, during)).toMatchObject({ ok: false, error: { details: ['异议只能针对正在公示的人员，请重新选择。'] } });
    const recorded = decideMeeting(publicised, lodge, during);
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(decideMeeting(recorded.next, lodge, during)).toMatchObject({ ok: true, changed: false });
    expect(decideMeeting(recorded.next, { ...lodge, id: 'o2' }, facts(members(['publicised', 'failed']), '2024-11-13'))).toMatchObject({ ok: false });
    const after = facts(members(['publicised', 'failed']), '2024-11-13');
    expect(decideMeeting(recorded.next, { kind: 'certify' }, after)).toMatchObject({ ok: false, error: { details: ['还有 1 条异议没有答复：答复后才能确认取得资格。'] } });
    const answered = decideMeeting(recorded.next, { kind: 'answer_objection', id: 'o1', text: '经核查不成立', by: 's' }, after);
    if (!answered.ok) throw new Error(answered.error.message);
    expect(decideMeeting(answered.next, { kind: 'answer_objection', id: 'o1', text: '另一个答复', by: 's' }, after)).toMatchObject({ ok: false, error: { details: ['这条异议已经答复过了。'] } });
    expect(decideMeeting(answered.next, { kind: 'certify' }, after)).toMatchObject({ ok: true, changed: true });
  });

  it('offers only what can be done now', () => {
    const ready = members(['fee_paid', 'defended']);
    expect(canMeeting(meeting, facts(ready, '2024-11-04'))).toEqual([]);
    expect(canMeeting(meeting, facts(ready))).toEqual(['record_attendance']);
    const votes = [...cast('a', ['e1', 'agree'], ['e2', 'agree']), ...cast('b', ['e1', 'agree'], ['e2', 'agree'])];
    expect(canMeeting({ ...meeting, ...present('e1', 'e2') }, facts(ready, '2024-11-05', votes))).toEqual(['record_attendance', 'publish']);
    expect(canMeeting({ ...meeting, results: { a: 'pass', b: 'fail' }, publishedAt: '2024-11-05T04:00:00.000Z' }, facts(members(['passed', 'failed'])))).toEqual(['publicise']);
  });

  it('only ever moves its stage forward, over random commands', () => {
    const order = ['voting', 'published', 'publicised', 'certified'];
    const command: fc.Arbitrary<MeetingCommand> = fc.oneof(
      fc.record({ kind: fc.constant('record_attendance' as const), present: fc.subarray(['e1', 'e2', 'e3']), by: fc.constant('s') }),
      fc.record({ kind: fc.constant('override' as const), applicationId: fc.constantFrom('a', 'b', 'x'), result: fc.constantFrom('pass' as const, 'fail' as const), reason: fc.constant('理由'), by: fc.constant('s') }),
      fc.record({ kind: fc.constant('add' as const), applicationIds: fc.subarray(['a', 'c', 'd']) }),
      fc.constant({ kind: 'publish' as const }),
      fc.record({ kind: fc.constant('publicise' as const), until: fc.constantFrom('2024-11-04', '2024-11-12') }),
      fc.constant({ kind: 'certify' as const }),
    );
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
        let m = meeting;
        for (const c of commands) {
          const d = decideMeeting(m, c, facts(members(['fee_paid', 'defended']), '2024-11-05', [...cast('a', ['e1', 'agree'], ['e2', 'agree'], ['e3', 'disagree']), ...cast('b', ['e1', 'agree'], ['e2', 'abstain'], ['e3', 'agree'])]));
          if (!d.ok) continue;
          expect(order.indexOf(stageOf(d.next))).toBeGreaterThanOrEqual(order.indexOf(stageOf(m)));
          if (stageOf(m) !== 'voting') expect(d.next.results).toEqual(m.results);
          expect(d.next.applicationIds.slice(0, m.applicationIds.length)).toEqual(m.applicationIds);
          m = d.next;
        }
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});

describe('the result publicity notice', () => {
  it('says the publicity’s last day, never the midnight after it', () => {
    const notice = buildReviewNotice({ kind: 'result', applicationId: 'a', label: '副高级', status: 'publicised', route: 'hr', actor: '评委会秘书', reasons: [], deadline: publicityOver('2024-10-17'), categoryNames: {} });
    expect(notice.body).toBe('您的申报（副高级）评审通过，正在公示，公示至2024年10月17日。');
  });
});

describe('who is proposed for recusal', () => {
  const experts = [
    { _id: 'e1', name: '刘文博', unitId: null, unitName: null },
    { _id: 'e2', name: '古再丽', unitId: 'u-forestry', unitName: '阿克苏地区林业技术推广中心' },
    { _id: 'e3', name: '何振华', unitId: 'u-water', unitName: '阿克苏地区水利局' },
  ];
  const unit = (unitId: string) => ({ unitId, name: '', level: 'prefecture' as const, prefecture: '阿克苏地区', county: null, route: 'hr' as const });
  it('proposes the expert of the applicant’s unit and those the applicant named, person or unit; never one already recused', () => {
    const members = [
      { id: 'a', record: { unit: unit('u-forestry'), conflicts: [] } },
      { id: 'b', record: { unit: unit('u-other'), conflicts: [{ kind: 'person' as const, name: ' 刘 文博', reason: '近亲属' }, { kind: 'unit' as const, name: '阿克苏地区水利局', reason: '原工作单位的领导' }] } },
    ];
    expect(recusalProposals(meeting, members, experts)).toEqual([
      { applicationId: 'a', expertId: 'e2', why: '与申报人同一单位' },
      { applicationId: 'b', expertId: 'e1', why: '申报人申请回避：近亲属' },
      { applicationId: 'b', expertId: 'e3', why: '申报人申请回避（阿克苏地区水利局）：原工作单位的领导' },
    ]);
    const recused = { ...meeting, recusals: [{ applicationId: 'a', expertId: 'e2', reason: '与申报人同一单位', at: 't', by: 's' }] };
    expect(recusalProposals(recused, members, experts).map((p) => p.applicationId + p.expertId)).toEqual(['be1', 'be3']);
    // Not a member of this meeting: not proposed.
    expect(recusalProposals({ ...meeting, expertIds: ['e1'] }, members, experts).map((p) => p.expertId)).toEqual(['e1']);
  });
});

describe('复查', () => {
  const now = new Date('2024-11-06T04:00:00Z');
  const failed = { status: 'failed' as const, recheck: null };
  it('is asked once, only after 不通过 and while the meeting is open, and answered once', () => {
    expect(requestRecheck({ ...failed, status: 'passed' }, '理由', 'published', now)).toEqual({ ok: false, error: '只有评审结果为“不通过”的申报才能申请复查。' });
    expect(requestRecheck(failed, '理由', 'certified', now)).toEqual({ ok: false, error: '这次评审会的结果已经确认，不能再申请或答复复查。' });
    expect(requestRecheck(failed, '理由', null, now)).toMatchObject({ ok: false });
    const asked = requestRecheck(failed, '理由', 'publicised', now);
    if (!asked.ok) throw new Error(asked.error);
    expect(requestRecheck({ ...failed, recheck: asked.value }, '理由', 'publicised', now)).toEqual({ ok: true, value: asked.value });
    expect(requestRecheck({ ...failed, recheck: asked.value }, '别的理由', 'publicised', now)).toEqual({ ok: false, error: '您已经申请过复查，请等待评审委员会答复。' });
    const answered = answerRecheck({ recheck: asked.value }, '维持原结果', 's', 'publicised', now);
    if (!answered.ok) throw new Error(answered.error);
    expect(answerRecheck({ recheck: answered.value }, '改个答复', 's', 'publicised', now)).toEqual({ ok: false, error: '这条复查申请已经答复过了。' });
    expect(answerRecheck({ recheck: null }, '答复', 's', 'publicised', now)).toEqual({ ok: false, error: '这份申报没有复查申请。' });
  });

  it('holds the certificate back while a request waits for its answer', () => {
    const publicised = { ...meeting, results: { a: 'pass', b: 'fail' } as const, publishedAt: '2024-11-05T04:00:00.000Z', publicity: { from: '2024-11-05', to: '2024-11-12' } };
    const waiting = members(['publicised', 'failed']).map((m, i) => (i === 1 ? { ...m, record: { ...m.record, recheck: { reason: '理由', requestedAt: 't', answer: null } } } : m));
    expect(decideMeeting(publicised, { kind: 'certify' }, facts(waiting, '2024-11-13'))).toMatchObject({ ok: false, error: { details: ['还有 1 份复查申请没有答复：答复后才能确认取得资格。'] } });
  });
});
