import { transition, TRANSITIONS, ReviewStatus, type TransitionContext } from '../../../src/core/review/review.machine';
import { EDITABLE, heldBy, holderOf, PAST_FORMAL_REVIEW } from '../../../src/core/review/table-reads';
import { returnDeadline } from '../../../src/core/review/return-deadline';

const NOW = new Date('2024-08-26T02:00:00Z');
const ctx = (patch: Partial<TransitionContext> = {}): TransitionContext => ({
  actor: 'applicant',
  now: NOW,
  applyWindowOpen: true,
  submissions: 0,
  maxSubmissions: 3,
  complete: true,
  publicityDone: true,
  unitDocumentsMissing: [],
  unitLevel: 'county',
  route: 'hr',
  reasonCount: 0,
  returnDeadline: null,
  defenseRequired: false,
  ...patch,
});

describe('the review machine', () => {
  it('walks a county unit through unit → county → prefecture to 通过形式审核, with a notice at each step', () => {
    const steps: [ReviewStatus, Parameters<typeof transition>[1], TransitionContext['actor'], ReviewStatus, string | null][] = [
      ['draft', 'submit', 'applicant', 'submitted', 'submitted'],
      ['submitted', 'approve', 'unit_admin', 'unit_approved', 'approved'],
      ['unit_approved', 'approve', 'county_hr', 'county_approved', 'approved'],
      ['county_approved', 'approve', 'prefecture_hr', 'formal_review_passed', 'formal_review_passed'],
    ];
    for (const [from, command, actor, to, notice] of steps) {
      const t = transition(from, command, ctx({ actor }));
      expect(t).toMatchObject({ ok: true, next: to });
      if (t.ok) expect(t.effects.find((e) => e.kind === 'notify')).toEqual(notice ? { kind: 'notify', notice } : undefined);
    }
  });

  it('skips the county for a prefecture-level unit, and refuses the county reviewer there', () => {
    expect(transition('unit_approved', 'approve', ctx({ actor: 'prefecture_hr', unitLevel: 'prefecture' }))).toMatchObject({ ok: true, next: 'formal_review_passed' });
    expect(transition('unit_approved', 'approve', ctx({ actor: 'county_hr', unitLevel: 'prefecture' }))).toMatchObject({ ok: false, error: { kind: 'guard', guard: 'county_unit' } });
    expect(transition('unit_approved', 'approve', ctx({ actor: 'prefecture_hr', unitLevel: 'county' }))).toMatchObject({ ok: false, error: { kind: 'guard', guard: 'prefecture_unit' } });
  });

  it('gives the steps above the unit to the employment-service agencies on their route (aksu-water-2024 二(二)), and to nobody else', () => {
    const agencies = ctx({ route: 'employment_service' });
    expect(transition('unit_approved', 'approve', { ...agencies, actor: 'county_agency' })).toMatchObject({ ok: true, next: 'county_approved' });
    expect(transition('county_approved', 'approve', { ...agencies, actor: 'prefecture_agency' })).toMatchObject({ ok: true, next: 'formal_review_passed', effects: [{ kind: 'record' }, { kind: 'notify', notice: 'formal_review_passed' }] });
    expect(transition('unit_approved', 'approve', { ...agencies, actor: 'prefecture_agency', unitLevel: 'prefecture' })).toMatchObject({ ok: true, next: 'formal_review_passed' });
    expect(transition('unit_approved', 'return', { ...agencies, actor: 'county_agency', reasonCount: 1, submissions: 1 })).toMatchObject({ ok: true, next: 'returned' });
    // The HR bureau is refused on the agencies' route, and the agency on the HR route, with the reason.
    expect(transition('unit_approved', 'approve', { ...agencies, actor: 'county_hr' })).toMatchObject({ ok: false, error: { kind: 'guard', guard: 'hr_route', message: '这份申报走民营企业专项评审，由公共就业服务机构审核。' } });
    expect(transition('county_approved', 'approve', ctx({ actor: 'prefecture_agency' }))).toMatchObject({ ok: false, error: { kind: 'guard', guard: 'employment_service_route' } });
    // The unit's own step and the committee's are the same on both routes.
    expect(transition('submitted', 'approve', { ...agencies, actor: 'unit_admin' })).toMatchObject({ ok: true, next: 'unit_approved' });
    expect(transition('submitted', 'approve', { ...agencies, actor: 'county_agency' })).toMatchObject({ ok: false, error: { kind: 'wrong_status' } });
  });

  it('counts a submission, and refuses one outside the window, past the limit or incomplete', () => {
    const t = transition('draft', 'submit', ctx());
    expect(t.ok && t.effects.map((e) => e.kind)).toEqual(['record', 'count_submission', 'notify']);
    expect(transition('draft', 'submit', ctx({ applyWindowOpen: false }))).toMatchObject({ ok: false, error: { guard: 'apply_window_open' } });
    expect(transition('draft', 'submit', ctx({ submissions: 3 }))).toMatchObject({ ok: false, error: { guard: 'submissions_left' } });
    expect(transition('draft', 'submit', ctx({ complete: false }))).toMatchObject({ ok: false, error: { guard: 'complete' } });
  });

  it('returns with reasons and starts the deadline; after the last submission a return is a rejection', () => {
    const returned = transition('submitted', 'return', ctx({ actor: 'unit_admin', reasonCount: 1, submissions: 1 }));
    expect(returned).toMatchObject({ ok: true, next: 'returned' });
    expect(returned.ok && returned.effects.map((e) => e.kind)).toEqual(['record', 'start_return_deadline', 'notify']);
    expect(transition('submitted', 'return', ctx({ actor: 'unit_admin', reasonCount: 0, submissions: 1 }))).toMatchObject({ ok: false, error: { guard: 'reasons_given' } });
    const rejected = transition('submitted', 'return', ctx({ actor: 'unit_admin', reasonCount: 2, submissions: 3 }));
    expect(rejected).toMatchObject({ ok: true, next: 'rejected', effects: [{ kind: 'record' }, { kind: 'notify', notice: 'rejected' }] });
  });

  it('takes a resubmission only before the return deadline, and clears it', () => {
    const deadline = new Date(NOW.getTime() + 3_600_000);
    const resubmitted = transition('returned', 'submit', ctx({ submissions: 1, returnDeadline: deadline, applyWindowOpen: false }));
    expect(resubmitted).toMatchObject({ ok: true, next: 'submitted' });
    expect(resubmitted.ok && resubmitted.effects.map((e) => e.kind)).toEqual(['record', 'count_submission', 'clear_return_deadline', 'notify']);
    expect(transition('returned', 'submit', ctx({ submissions: 1, returnDeadline: new Date(NOW.getTime() - 1) }))).toMatchObject({ ok: false, error: { guard: 'before_return_deadline' } });
  });

  it('lets only the system mark an overdue return abandoned, and only once it is overdue', () => {
    const overdue = ctx({ actor: 'system', returnDeadline: new Date(NOW.getTime() - 1) });
    expect(transition('returned', 'abandon_overdue', overdue)).toMatchObject({ ok: true, next: 'abandoned', effects: [{ kind: 'record' }, { kind: 'clear_return_deadline' }, { kind: 'notify', notice: 'abandoned' }] });
    expect(transition('returned', 'abandon_overdue', { ...overdue, returnDeadline: new Date(NOW.getTime() + 1) })).toMatchObject({ ok: false, error: { guard: 'return_deadline_passed' } });
    expect(transition('returned', 'abandon_overdue', { ...overdue, actor: 'prefecture_hr' })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    expect(transition('submitted', 'abandon_overdue', overdue)).toMatchObject({ ok: false, error: { kind: 'wrong_status' } });
    // Already abandoned (a second timer run): nothing to do.
    expect(transition('abandoned', 'abandon_overdue', overdue)).toMatchObject({ ok: false, error: { kind: 'wrong_status' } });
  });

  it('refuses the applicant approving, and tells a unit admin approving twice that it has moved on', () => {
    expect(transition('submitted', 'approve', ctx({ actor: 'applicant' }))).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    expect(transition('unit_approved', 'approve', ctx({ actor: 'unit_admin' }))).toMatchObject({ ok: false, error: { kind: 'wrong_status' } });
    expect(transition('submitted', 'approve', ctx({ actor: 'unit_admin', publicityDone: false }))).toMatchObject({ ok: false, error: { guard: 'publicity_done' } });
  });

  it('marks an unpaid application not evaluated only after the fee deadline, by the system', () => {
    const system = ctx({ actor: 'system', feeDeadline: new Date(NOW.getTime() - 1) });
    expect(transition('materials_received', 'expire_fee', system)).toMatchObject({ ok: true, next: 'not_evaluated', effects: [{ kind: 'record' }, { kind: 'notify', notice: 'not_evaluated' }] });
    expect(transition('formal_review_passed', 'expire_fee', system)).toMatchObject({ ok: true, next: 'not_evaluated' });
    expect(transition('materials_received', 'expire_fee', { ...system, feeDeadline: NOW })).toMatchObject({ ok: false, error: { guard: 'fee_deadline_passed' } });
    expect(transition('materials_received', 'expire_fee', { ...system, feeDeadline: null })).toMatchObject({ ok: false, error: { guard: 'fee_deadline_passed' } });
    expect(transition('fee_paid', 'expire_fee', system)).toMatchObject({ ok: false, error: { kind: 'wrong_status' } });
    expect(transition('materials_received', 'expire_fee', { ...system, actor: 'committee_secretary' })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    expect(transition('not_evaluated', 'record_fee', ctx({ actor: 'committee_secretary' }))).toMatchObject({ ok: true, next: 'fee_paid' });
  });

  it('goes to the defense only where one is required', () => {
    expect(transition('fee_paid', 'evaluate_pass', ctx({ actor: 'committee_secretary', defenseRequired: true }))).toMatchObject({ ok: false, error: { guard: 'no_defense_required' } });
    expect(transition('fee_paid', 'record_defense', ctx({ actor: 'committee_secretary', defenseRequired: true }))).toMatchObject({ ok: true, next: 'defended' });
    expect(transition('fee_paid', 'evaluate_pass', ctx({ actor: 'committee_secretary' }))).toMatchObject({ ok: true, next: 'passed' });
  });

  it('reaches every status from draft, and leaves no terminal status', () => {
    const reached = new Set<string>(['draft']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of TRANSITIONS) if (row.from.some((f) => reached.has(f)) && !reached.has(row.to)) grew = reached.add(row.to) !== null;
    }
    expect([...reached].sort()).toEqual([...ReviewStatus.options].sort());
    const terminal = ['certified', 'failed', 'abandoned', 'rejected', 'withdrawn'];
    for (const status of terminal) expect(TRANSITIONS.filter((r) => r.from.includes(status as ReviewStatus))).toEqual([]);
  });

  it('says whose move it is', () => {
    expect(holderOf('unit_approved', 'county', 'hr')).toBe('county_hr');
    expect(holderOf('unit_approved', 'prefecture', 'hr')).toBe('prefecture_hr');
    expect(holderOf('unit_approved', 'county', 'employment_service')).toBe('county_agency');
    expect(holderOf('county_approved', 'county', 'employment_service')).toBe('prefecture_agency');
    expect(holderOf('returned', 'county', 'hr')).toBe('applicant');
    expect(holderOf('abandoned', 'county', 'hr')).toBeNull();
    // Every status, read from the table: the secretary from formal review on; a fee recorded late is no one's move.
    const holders = ReviewStatus.options.map((s) => `${s}:${holderOf(s, 'county', 'hr') ?? '-'}`);
    expect(holders).toEqual([
      'draft:applicant', 'submitted:unit_admin', 'unit_approved:county_hr', 'county_approved:prefecture_hr', 'formal_review_passed:committee_secretary',
      'materials_received:committee_secretary', 'fee_paid:committee_secretary', 'defended:committee_secretary', 'passed:committee_secretary', 'failed:-',
      'publicised:committee_secretary', 'certified:-', 'returned:applicant', 'abandoned:-', 'rejected:-', 'withdrawn:-', 'not_evaluated:-',
    ]);
  });

  it('derives from the table what pages and queues ask: editable, the committee’s statuses, each reviewer’s 待审核', () => {
    expect(EDITABLE).toEqual(['draft', 'returned']);
    expect(PAST_FORMAL_REVIEW).toEqual(['formal_review_passed', 'materials_received', 'fee_paid', 'defended', 'passed', 'failed', 'publicised', 'certified', 'not_evaluated']);
    expect(heldBy('unit_admin')).toEqual([{ status: 'submitted', unitLevels: null }]);
    expect(heldBy('county_hr')).toEqual([{ status: 'unit_approved', unitLevels: ['county', 'township'] }]);
    expect(heldBy('prefecture_agency')).toEqual([
      { status: 'unit_approved', unitLevels: ['prefecture', 'autonomous_region'] },
      { status: 'county_approved', unitLevels: null },
    ]);
  });
});

describe('return deadline', () => {
  const at = new Date('2024-08-26T02:00:00Z'); // 10:00 Beijing
  it('is 48 hours from the return where the round says hours (bazhou-ecoenv-2024 四(三))', () => {
    expect(returnDeadline({ kind: 'within', amount: 48, unit: 'hours', onMissed: 'deemed_abandoned', source: { file: 'x', clause: '四(三)' } }, at, null)?.toISOString()).toBe('2024-08-28T02:00:00.000Z');
  });
  it('runs to the end of the second Beijing day where it says days (aksu-water-2024 四(一)1)', () => {
    expect(returnDeadline({ kind: 'within', amount: 2, unit: 'days', onMissed: 'not_accepted', source: { file: 'x', clause: '四(一)1' } }, at, null)?.toISOString()).toBe('2024-08-28T15:59:59.000Z');
    // Returned at 23:30 Beijing: still two whole days after that day.
    expect(returnDeadline({ kind: 'within', amount: 2, unit: 'days', onMissed: 'not_accepted', source: { file: 'x', clause: '四(一)1' } }, new Date('2024-08-26T15:30:00Z'), null)?.toISOString()).toBe('2024-08-28T15:59:59.000Z');
  });
  it('is the apply window’s end where the round says nothing', () => {
    const end = new Date('2024-09-28T15:59:59Z');
    expect(returnDeadline({ kind: 'not_stated' }, at, end)).toBe(end);
  });
});

describe('the committee’s results', () => {
  const secretary = (patch: Partial<TransitionContext> = {}) => ctx({ actor: 'committee_secretary', ...patch });

  it('tells the applicant the result when it is published, then the publicity, then the certificate', () => {
    for (const [from, command, to] of [
      ['defended', 'evaluate_pass', 'passed'],
      ['defended', 'evaluate_fail', 'failed'],
      ['passed', 'publicise', 'publicised'],
    ] as const) {
      const t = transition(from, command, secretary());
      expect(t).toMatchObject({ ok: true, next: to });
      if (t.ok) expect(t.effects).toContainEqual({ kind: 'notify', notice: 'result' });
    }
  });

  it('certifies only once the publicity is over', () => {
    const ends = new Date(NOW.getTime() + 60_000);
    expect(transition('publicised', 'certify', secretary({ resultPublicityEnds: ends }))).toMatchObject({ ok: false, error: { guard: 'result_publicity_over' } });
    expect(transition('publicised', 'certify', secretary({ resultPublicityEnds: null }))).toMatchObject({ ok: false, error: { guard: 'result_publicity_over' } });
    expect(transition('publicised', 'certify', secretary({ resultPublicityEnds: NOW }))).toMatchObject({ ok: true, next: 'certified' });
  });

  it('lets no expert or reviewer record a result', () => {
    for (const actor of ['expert', 'prefecture_hr', 'unit_admin'] as const) expect(transition('defended', 'evaluate_pass', ctx({ actor }))).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
  });
});
