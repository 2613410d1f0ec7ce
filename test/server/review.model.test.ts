import fc from 'fast-check';
import { dispatch, runTimer, type Caller } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { answerReturn, completeForSubmit, openHarness, uploadUnitDocuments, type Harness } from './harness';

/**
 * Model-based test of the review chain: random sequences of submissions, approvals and returns by
 * every reviewer, time passing and the return timer, run against the real functions over SQLite
 * and against a model a few lines long. After every step the application is what the model says.
 */
type Status = 'submitted' | 'unit_approved' | 'county_approved' | 'formal_review_passed' | 'returned' | 'abandoned' | 'rejected';
interface Model {
  status: Status;
  submissions: number;
  /** Hours since the start, and the return deadline in the same hours. */
  hours: number;
  deadline: number | null;
}
interface Real {
  harness: Harness;
  id: string;
  start: number;
  seq: number;
}

const APPLICANT: Caller = { openid: 'demo-openid-applicant' };
const REVIEWER: Readonly<Record<'unit_admin' | 'county_hr' | 'prefecture_hr', Caller>> = {
  unit_admin: { openid: 'demo-openid-unit-admin' },
  county_hr: { openid: 'demo-openid-county-hr' },
  prefecture_hr: { openid: 'demo-openid-prefecture-hr' },
};
type Reviewer = keyof typeof REVIEWER;
/** 李娜's unit is a county unit: unit → county → prefecture. */
const HOLDER: Partial<Record<Status, Reviewer>> = { submitted: 'unit_admin', unit_approved: 'county_hr', county_approved: 'prefecture_hr' };
const NEXT: Partial<Record<Status, Status>> = { submitted: 'unit_approved', unit_approved: 'county_approved', county_approved: 'formal_review_passed' };

const call = (real: Real, caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, real.harness.deps);
const requestId = (real: Real) => `model-${(real.seq += 1).toString().padStart(4, '0')}`;

async function check(model: Model, real: Real): Promise<void> {
  const view = ((await call(real, APPLICANT, 'applications', 'get', { applicationId: real.id })).reply as { data: { status: string; submissions: number; returnDeadline: string | null } }).data;
  expect({ status: view.status, submissions: view.submissions }).toEqual({ status: model.status, submissions: model.submissions });
  const deadline = model.status === 'returned' && model.deadline !== null ? new Date(real.start + model.deadline * 3_600_000).toISOString() : null;
  expect(view.returnDeadline).toBe(deadline);
}

class Submit implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const ok = model.status === 'returned' && model.deadline !== null && model.hours <= model.deadline && model.submissions < 3;
    // The applicant answers the return's items first (already right, says why); resubmitting waits on them.
    await answerReturn(real.harness, APPLICANT, real.id);
    const outcome = await call(real, APPLICANT, 'applications', 'submit', { applicationId: real.id, requestId: requestId(real) });
    expect(outcome.reply.ok).toBe(ok);
    if (ok) Object.assign(model, { status: 'submitted', submissions: model.submissions + 1, deadline: null });
    await check(model, real);
  }
  toString = () => 'submit';
}

class Approve implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: Reviewer) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const ok = HOLDER[model.status] === this.who;
    const outcome = await call(real, REVIEWER[this.who], 'review', 'approve', { applicationId: real.id, requestId: requestId(real) });
    expect(outcome.reply.ok).toBe(ok);
    if (ok) model.status = NEXT[model.status]!;
    await check(model, real);
  }
  toString = () => `approve by ${this.who}`;
}

class Return implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: Reviewer) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const ok = HOLDER[model.status] === this.who;
    const outcome = await call(real, REVIEWER[this.who], 'review', 'return', { applicationId: real.id, requestId: requestId(real), reasons: [{ category: 'general', kind: 'incomplete', text: '' }] });
    expect(outcome.reply.ok).toBe(ok);
    if (ok && model.submissions < 3) Object.assign(model, { status: 'returned', deadline: model.hours + 48 });
    else if (ok) model.status = 'rejected';
    await check(model, real);
  }
  toString = () => `return by ${this.who}`;
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    model.hours += this.hours;
    real.harness.setNow(new Date(real.start + model.hours * 3_600_000));
    await check(model, real);
  }
  toString = () => `wait ${this.hours} h`;
}

class Expire implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const due = model.status === 'returned' && model.deadline !== null && model.hours > model.deadline;
    const outcome = await runTimer(functions, 'review', 'deadlines', real.harness.deps);
    expect(outcome.reply).toEqual({ ok: true, data: { changed: due ? 1 : 0 } });
    if (due) model.status = 'abandoned';
    await check(model, real);
  }
  toString = () => 'return timer';
}

/** 李娜 submits a complete application; her unit records a 6-working-day publicity (8–14 October 2024). */
async function setUp(): Promise<Real> {
  // 10:00 Beijing, Tuesday 15 October 2024: the publicity is over, the apply window open.
  const start = Date.parse('2024-10-15T02:00:00Z');
  const harness = await openHarness('review-model', new Date(start));
  const real: Real = { harness, id: '', start, seq: 0 };
  await call(real, APPLICANT, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
  real.id = ((await call(real, APPLICANT, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).reply as { data: { id: string } }).data.id;
  await completeForSubmit(harness, APPLICANT, 'person-applicant', real.id);
  expect((await call(real, APPLICANT, 'applications', 'submit', { applicationId: real.id, requestId: 'model-start' })).reply.ok).toBe(true);
  expect((await call(real, REVIEWER.unit_admin, 'review', 'recordPublicity', { applicationId: real.id, from: '2024-10-08', to: '2024-10-14' })).reply.ok).toBe(true);
  // The publicity is over: the unit's stamped papers are in.
  await uploadUnitDocuments(harness, REVIEWER.unit_admin, 'person-unit-admin', real.id);
  return real;
}

describe('review chain against a model', () => {
  const reviewer = fc.constantFrom<Reviewer>('unit_admin', 'county_hr', 'prefecture_hr');
  const commands = [
    fc.constant(new Submit()),
    reviewer.map((who) => new Approve(who)),
    reviewer.map((who) => new Return(who)),
    fc.integer({ min: 1, max: 60 }).map((hours) => new Wait(hours)),
    fc.constant(new Expire()),
  ];

  it('agrees with the model over random sequences of moves, time and the timer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (cmds) => {
        const real = await setUp();
        try {
          await fc.asyncModelRun(() => ({ model: { status: 'submitted', submissions: 1, hours: 0, deadline: null } as Model, real }), cmds);
        } finally {
          await real.harness.close();
        }
      }),
      { numRuns: 25, seed: 20241015 },
    );
  }, 120_000);
});
