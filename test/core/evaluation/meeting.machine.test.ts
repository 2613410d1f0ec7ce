import fc from 'fast-check';
import { emptyApplicationContent, type ApplicationRecord } from '../../../src/core/application/application.schema';
import { stageOf, type MeetingRecord } from '../../../src/core/evaluation/meeting';
import { canMeeting, decideMeeting, type MeetingCommand, type Member } from '../../../src/core/evaluation/meeting.machine';
import { nationalCalendar, regionalCalendar } from '../../../src/core/config/calendar';
import { buildReviewNotice } from '../../../src/core/messages/review-notice';
import { publicityOver } from '../../../src/core/review/publicity';
import { agreesNeeded, unusualBeforePublishing } from '../../../src/core/evaluation/votes';
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
const meeting: MeetingRecord = { roundId: yuli.id, heldOn: '2024-11-05', createdAt: '2024-11-01T02:00:00.000Z', createdBy: 's', expertIds: ['e1', 'e2'], applicationIds: ['a', 'b'], results: {}, publishedAt: null, publicity: null, certifiedAt: null, objections: [] };
const members = (statuses: readonly ApplicationRecord['status'][]): Member[] => statuses.map((s, i) => ({ id: ['a', 'b'][i]!, rev: 1, record: record(s) }));
const calendars = { national: nationalCalendar(), regional: regionalCalendar() };
const facts = (list: readonly Member[], today = '2024-11-05') => ({ now: new Date(`${today}T04:00:00Z`), today, round: yuli, members: list, calendars });

describe('an evaluation meeting', () => {
  it('publishes only with every result in, moving each application by its result', () => {
    const ready = members(['fee_paid', 'defended']);
    expect(decideMeeting(meeting, { kind: 'publish' }, facts(ready))).toMatchObject({ ok: false, error: { code: 'MEETING.REFUSED', details: ['还有 2 份没有记录结果：1号、2号'] } });
    const recorded = { ...meeting, results: { a: 'pass', b: 'fail' } as const };
    const published = decideMeeting(recorded, { kind: 'publish' }, facts(ready));
    if (!published.ok) throw new Error(published.error.message);
    expect(stageOf(published.next)).toBe('published');
    expect(published.move!.members.map((m) => published.move!.command(m))).toEqual(['evaluate_pass', 'evaluate_fail']);
    expect(decideMeeting(published.next, { kind: 'record_result', applicationId: 'a', result: 'fail' }, facts(ready))).toMatchObject({ ok: false, error: { code: 'MEETING.CLOSED' } });
    expect(decideMeeting(published.next, { kind: 'publish' }, facts(ready))).toMatchObject({ ok: true, changed: false, move: null });
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
    expect(canMeeting(meeting, facts(ready))).toEqual(['record_result']);
    expect(canMeeting({ ...meeting, results: { a: 'pass', b: 'fail' } }, facts(ready))).toEqual(['record_result', 'publish']);
    expect(canMeeting({ ...meeting, results: { a: 'pass', b: 'fail' }, publishedAt: '2024-11-05T04:00:00.000Z' }, facts(members(['passed', 'failed'])))).toEqual(['publicise']);
  });

  it('only ever moves its stage forward, over random commands', () => {
    const order = ['voting', 'published', 'publicised', 'certified'];
    const command: fc.Arbitrary<MeetingCommand> = fc.oneof(
      fc.record({ kind: fc.constant('record_result' as const), applicationId: fc.constantFrom('a', 'b', 'x'), result: fc.constantFrom('pass' as const, 'fail' as const) }),
      fc.record({ kind: fc.constant('add' as const), applicationIds: fc.subarray(['a', 'c', 'd']) }),
      fc.constant({ kind: 'publish' as const }),
      fc.record({ kind: fc.constant('publicise' as const), until: fc.constantFrom('2024-11-04', '2024-11-12') }),
      fc.constant({ kind: 'certify' as const }),
    );
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
        let m = meeting;
        for (const c of commands) {
          const d = decideMeeting(m, c, facts(members(['fee_paid', 'defended'])));
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

describe('what stands out before publishing', () => {
  const t = (agree: number, disagree: number, missing: number) => ({ agree, disagree, abstain: 0, missing });
  it('names experts who have not voted and every result the votes do not carry (同意 ≥ ⌈2/3⌉ of the experts)', () => {
    expect(agreesNeeded(2)).toBe(2);
    expect(agreesNeeded(3)).toBe(2);
    expect(agreesNeeded(7)).toBe(5);
    expect(
      unusualBeforePublishing(
        [
          { code: 1, applicantName: '甲', result: 'pass', tally: t(0, 2, 0) },
          { code: 2, applicantName: '乙', result: 'fail', tally: t(2, 0, 0) },
          { code: 3, applicantName: '丙', result: 'pass', tally: t(2, 0, 0) },
          { code: 4, applicantName: '丁', result: 'pass', tally: t(1, 0, 1) },
        ],
        2,
      ),
    ).toEqual([
      '1 份有专家还没有投票：4号',
      '1号 甲：记录为通过，但同意票 0 张，不到 2 张（2 位专家的三分之二）',
      '2号 乙：记录为不通过，但同意票已有 2 张（2 位专家的三分之二是 2 张）',
      '4号 丁：记录为通过，但同意票 1 张，不到 2 张（2 位专家的三分之二）',
    ]);
  });
});
