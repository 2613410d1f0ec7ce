import fc from 'fast-check';
import { emptyApplicationContent, type ApplicationRecord, type UnitSnapshot } from '../../../src/core/application/application.schema';
import { can, decide, LISTED_STATUSES, type MoveFacts } from '../../../src/core/review/decide';
import { DELAYED, dueCommand, WAITING_ON_A_DEADLINE } from '../../../src/core/review/deadlines';
import { ReviewCommand, TRANSITIONS, type Actor } from '../../../src/core/review/review.machine';
import { Role } from '../../../src/core/people/person';
import { yuliGraduate } from '../eligibility/people.fixture';
import { round } from '../eligibility/rounds.fixture';

/**
 * Random command sequences through `decide`, by every actor, with facts that change between
 * commands: the record only ever moves along a row of the table, into a status the table lists;
 * a refusal changes nothing; every notice has a key of its own; and `can` says yes exactly when
 * `decide` would.
 */
const start: ApplicationRecord = {
  personId: 'person-applicant',
  roundId: 'yuli-initial-junior-2024',
  year: 2024,
  offerKey: 'initial_junior:junior_assistant',
  offerId: 'initial_junior',
  level: 'junior_assistant',
  way: 'initial',
  channel: 'general',
  series: 'agriculture',
  specialty: 'agriculture.agronomy',
  profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }),
  status: 'draft',
  createdAt: '2024-10-09T02:00:00.000Z',
  ...emptyApplicationContent(),
  applicantName: '李娜',
};

const unitOf = (level: UnitSnapshot['level'], route: UnitSnapshot['route']): UnitSnapshot => ({ unitId: 'unit-a', name: '尉犁县农业技术推广中心', level, prefecture: '巴音郭楞蒙古自治州', county: level === 'prefecture' ? null : '尉犁县', route });

/** Facts that mostly let a step through, so long walks happen; their failures come often enough. */
const mostly = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 });

const step = fc.record({
  // Mostly a row of the table from where the application is (so long chains are walked), given by
  // whom it names; sometimes any command by anyone at all.
  row: fc.oneof({ arbitrary: fc.nat(), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }),
  command: fc.constantFrom(...ReviewCommand.options),
  actor: fc.constantFrom<Actor>(...Role.options, 'system'),
  reasons: fc.integer({ min: 0, max: 2 }),
  minutes: fc.integer({ min: 1, max: 60 * 24 * 5 }),
  windowOpen: mostly,
  complete: mostly,
  publicityDone: mostly,
  unitPapersIn: mostly,
  feePassed: fc.boolean(),
  publicityOver: mostly,
});

describe('decide, over random command sequences', () => {
  it('moves only along the table, refuses without change, keys every notice once, and agrees with can', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom<UnitSnapshot['level']>('county', 'prefecture', 'autonomous_region'), fc.constantFrom<UnitSnapshot['route']>('hr', 'employment_service'), fc.boolean(), fc.array(step, { minLength: 1, maxLength: 300 }), (level, route, defenseRequired, steps) => {
        let record = start;
        let now = new Date('2024-10-10T02:00:00Z');
        const keys = new Set<string>();
        for (const s of steps) {
          now = new Date(now.getTime() + s.minutes * 60_000);
          const facts: MoveFacts = {
            now,
            applyWindowOpen: s.windowOpen,
            applyWindowEnd: new Date('2024-10-22T15:59:59Z'),
            maxSubmissions: 3,
            resubmitAfterReturn: round('yuli-initial-junior-2024').submission.resubmitAfterReturn,
            blocking: s.complete ? [] : ['身份证号：还没有填写身份证号。'],
            publicityDone: s.publicityDone,
            unitDocumentsMissing: s.unitPapersIn ? [] : ['单位推荐意见'],
            // Whether this application is defended is its own fact, the same all along.
            defenseRequired,
            feeDeadline: new Date(now.getTime() + (s.feePassed ? -1 : 1) * 3_600_000),
            resultPublicityEnds: new Date(now.getTime() + (s.publicityOver ? -1 : 1) * 3_600_000),
            label: '初级（助理级） · 初定',
            categoryNames: { education: '学历学位证书' },
          };
          // Rows on the way (a withdrawal ends a walk: random steps give it its share).
          const rows = TRANSITIONS.filter((r) => r.from.includes(record.status) && r.command !== 'withdraw');
          const picked = s.row === null || rows.length === 0 ? null : rows[s.row % rows.length]!;
          const command = picked?.command ?? s.command;
          const actor: Actor = picked?.actors[0] ?? s.actor;
          const input = { command, actor: { id: `id-${actor}`, role: actor }, requestId: `r-${keys.size}-${s.minutes}`, reasons: Array.from({ length: s.reasons }, () => ({ category: 'education', kind: 'unclear_photo' as const, text: '' })), unit: unitOf(level, route) };
          const allowed = can(record, actor, facts).includes(command);
          const decided = decide('app-1', record, input, facts);
          // `can` cannot know a return's reasons: with none given, decide refuses what can allows.
          if (!(command === 'return' && s.reasons === 0)) expect(decided.ok).toBe(allowed);
          if (!decided.ok) continue;
          const row = TRANSITIONS.find((r) => r.command === command && r.from.includes(record.status) && r.to === decided.next.status && r.actors.includes(actor));
          expect(row).toBeDefined();
          expect(LISTED_STATUSES.has(decided.next.status)).toBe(true);
          expect(decided.next.events).toHaveLength(record.events.length + 1);
          for (const notice of decided.notices) {
            expect(keys.has(notice.dedupeKey)).toBe(false);
            keys.add(notice.dedupeKey);
          }
          record = decided.next;
          reached.add(record.status);
        }
      }),
      // A fixed seed: the walks (and the statuses they reach, checked below) are the same every run.
      { numRuns: 2000, seed: 20261207 },
    );
    // The runs walked the chain: to its end, and off it every way the table allows.
    expect([...reached].sort()).toEqual(expect.arrayContaining(['abandoned', 'certified', 'county_approved', 'failed', 'not_evaluated', 'rejected', 'returned', 'withdrawn']));
  });
});

describe('deadlines, as delayed transitions of the table', () => {
  const facts = (now: Date, feeDeadline: Date | null): MoveFacts => ({
    now,
    applyWindowOpen: false,
    applyWindowEnd: null,
    maxSubmissions: 3,
    resubmitAfterReturn: round('yuli-initial-junior-2024').submission.resubmitAfterReturn,
    blocking: [],
    publicityDone: true,
    unitDocumentsMissing: [],
    defenseRequired: false,
    feeDeadline,
    resultPublicityEnds: null,
    label: '',
    categoryNames: {},
  });
  const returned: ApplicationRecord = { ...start, status: 'returned', returnDeadline: '2024-10-12T02:00:00.000Z' };
  const feeBy = new Date('2024-11-01T10:00:00Z');

  it('are the system’s rows, waiting in the statuses those rows leave from', () => {
    expect([...DELAYED].sort()).toEqual(['abandon_overdue', 'expire_fee']);
    expect([...WAITING_ON_A_DEADLINE].sort()).toEqual(['formal_review_passed', 'materials_received', 'returned']);
  });

  it('fall due only once their moment has passed', () => {
    expect(dueCommand(returned, facts(new Date('2024-10-12T02:00:00Z'), feeBy))).toBeNull();
    expect(dueCommand(returned, facts(new Date('2024-10-12T02:00:01Z'), feeBy))).toBe('abandon_overdue');
    for (const status of ['formal_review_passed', 'materials_received'] as const) {
      expect(dueCommand({ ...start, status }, facts(feeBy, feeBy))).toBeNull();
      expect(dueCommand({ ...start, status }, facts(new Date(feeBy.getTime() + 1000), feeBy))).toBe('expire_fee');
      // A round that states no fee deadline: nothing falls due.
      expect(dueCommand({ ...start, status }, facts(new Date('2030-01-01T00:00:00Z'), null))).toBeNull();
    }
    // Paid: no deadline waits on it any more.
    expect(dueCommand({ ...start, status: 'fee_paid' }, facts(new Date('2030-01-01T00:00:00Z'), feeBy))).toBeNull();
  });
});
