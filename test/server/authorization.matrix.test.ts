import { api } from '../../src/core/contracts/api';
import { Role } from '../../src/core/people/person';
import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { openHarness, type Harness } from './harness';

/**
 * Every action × every role, as written here by hand from the review chain (not read back from the
 * code): a role not listed is refused before the handler runs, a caller without an OPENID is not
 * signed in, and the identity is the platform's OPENID, never anything in the payload.
 */
const ANYONE = Role.options;
const REVIEWERS = ['unit_admin', 'county_hr', 'prefecture_hr', 'county_agency', 'prefecture_agency'] as const;
const ISSUERS = ['prefecture_hr', 'county_hr', 'committee_secretary'] as const;
const ALLOWED: Readonly<Record<string, readonly Role[]>> = {
  'account.me': ANYONE,
  'account.register': ['applicant'],
  'rounds.list': ANYONE,
  'rounds.get': ANYONE,
  'rounds.notice': ANYONE,
  // The round workshop: the issuing offices only (and within them, only the round's issuer: workshop.function.test.ts).
  'rounds.workshop': ISSUERS,
  'rounds.draftCreate': ISSUERS,
  'rounds.draftCreateEmpty': ISSUERS,
  'rounds.draft': ISSUERS,
  'rounds.draftNotice': ISSUERS,
  'rounds.draftDecide': ISSUERS,
  'rounds.draftEdit': ISSUERS,
  'rounds.draftTestPerson': ISSUERS,
  'rounds.publish': ISSUERS,
  'eligibility.saveAnswers': ['applicant'],
  'eligibility.profile': ['applicant'],
  'applications.create': ['applicant'],
  'applications.get': ['applicant'],
  'applications.mine': ['applicant'],
  'applications.attach': ['applicant'],
  'applications.detach': ['applicant'],
  'applications.mask': ['applicant'],
  'applications.saveText': ['applicant'],
  'applications.saveEntries': ['applicant'],
  'applications.saveIdNumber': ['applicant'],
  'applications.declare': ['applicant'],
  'applications.fix': ['applicant'],
  'applications.submit': ['applicant'],
  'applications.inbox': ANYONE,
  'applications.fileUrl': ANYONE,
  'units.register': ['applicant'],
  'units.mine': ['applicant', 'unit_admin'],
  'units.pending': ['county_hr', 'prefecture_hr'],
  'units.decided': ['county_hr', 'prefecture_hr'],
  'units.decide': ['county_hr', 'prefecture_hr'],
  'units.join': ['applicant'],
  'units.inviteImage': ['unit_admin'],
  'units.renewInviteCode': ['unit_admin'],
  'subscriptions.status': ['applicant'],
  'committee.queue': ['committee_secretary'],
  'committee.receive': ['committee_secretary'],
  'committee.recordFee': ['committee_secretary'],
  'committee.meetings': ['committee_secretary', 'expert'],
  'committee.createMeeting': ['committee_secretary'],
  'committee.meeting': ['committee_secretary'],
  'committee.expertPool': ['committee_secretary'],
  'committee.addReady': ['committee_secretary'],
  'committee.recordAttendance': ['committee_secretary'],
  'committee.recuse': ['committee_secretary'],
  'committee.liftRecusal': ['committee_secretary'],
  'committee.overrideResult': ['committee_secretary'],
  'committee.clearOverride': ['committee_secretary'],
  'committee.publishResults': ['committee_secretary'],
  'committee.publicise': ['committee_secretary'],
  'committee.certify': ['committee_secretary'],
  'committee.recordObjection': ['committee_secretary'],
  'committee.answerObjection': ['committee_secretary'],
  'committee.requestRecheck': ['applicant'],
  'committee.answerRecheck': ['committee_secretary'],
  'committee.panel': ['expert'],
  'committee.blindItem': ['expert'],
  'committee.vote': ['expert'],
  'applications.saveBasics': ['applicant'],
  'applications.declareConflicts': ['applicant'],
  'applications.suggestMasks': ['applicant'],
  'applications.checkPhoto': ['committee_secretary', 'unit_admin'],
  'applications.confirmReturned': ['applicant'],
  'applications.checkBlindCopy': ['applicant'],
  'applications.beginUpload': ['applicant', 'unit_admin', 'county_hr', 'prefecture_hr', 'county_agency', 'prefecture_agency', 'committee_secretary', 'expert'],
  'documents.document': ['applicant', 'unit_admin'],
  'documents.roster': ['unit_admin', 'committee_secretary'],
  'documents.meetingRecord': ['committee_secretary'],
  'review.attachUnitDocument': ['unit_admin'],
  'review.detachUnitDocument': ['unit_admin'],
  'defense.plan': ['committee_secretary'],
  'defense.addSession': ['committee_secretary'],
  'defense.removeSession': ['committee_secretary'],
  'defense.assign': ['committee_secretary'],
  'defense.move': ['committee_secretary'],
  'defense.swap': ['committee_secretary'],
  'defense.publish': ['committee_secretary'],
  'defense.cancel': ['committee_secretary'],
  'defense.mark': ['committee_secretary'],
  'defense.mine': ['applicant'],
  'defense.confirm': ['applicant'],
  'subscriptions.record': ['applicant'],
  'review.queue': REVIEWERS,
  'review.get': REVIEWERS,
  'review.approve': REVIEWERS,
  'review.approveMany': REVIEWERS,
  'review.return': REVIEWERS,
  'review.recordPublicity': ['unit_admin'],
};

const APP = 'person-applicant:yuli-initial-junior-2024:initial_junior:junior_assistant';
const SHA = 'a'.repeat(64);
const SESSION = { date: '2024-10-24', start: '09:30', end: '12:00', breaks: [], place: { kind: 'room', name: '三楼会议室' }, panels: [{ id: 'p1', name: '水利组', specialties: ['engineering.water'] }], slotMinutes: 10, bring: '身份证原件' };
/** A payload each action's contract accepts, so the refusal tested is the role's, not the input's. */
const PAYLOADS: Readonly<Record<string, unknown>> = {
  'account.me': {},
  'account.register': { name: '热合曼', prefecture: '巴音郭楞蒙古自治州', county: '尉犁县' },
  'rounds.list': {},
  'rounds.get': { roundId: 'yuli-initial-junior-2024' },
  'rounds.notice': { roundId: 'yuli-initial-junior-2024' },
  'rounds.workshop': {},
  'rounds.draftCreate': { fromRoundId: 'yuli-initial-junior-2024', kind: 'new_year' },
  'rounds.draftCreateEmpty': { title: '尉犁县2025年度职称评审', year: 2025 },
  'rounds.draft': { draftId: 'yuli-initial-junior-2025:v1' },
  'rounds.draftNotice': { draftId: 'yuli-initial-junior-2025:v1', text: '尉犁县2025年度初定初级职称工作的通知'.repeat(4) },
  'rounds.draftDecide': { draftId: 'yuli-initial-junior-2025:v1', candidateId: 'window@1', decision: 'dismiss' },
  'rounds.draftEdit': { draftId: 'yuli-initial-junior-2025:v1', edit: { field: 'title', title: '尉犁县2025年度初定初级职称' } },
  'rounds.draftTestPerson': { draftId: 'yuli-initial-junior-2025:v1', removeId: 'tp1' },
  'rounds.publish': { draftId: 'yuli-initial-junior-2025:v1' },
  'eligibility.saveAnswers': { roundId: 'yuli-initial-junior-2024', profile: {} },
  'eligibility.profile': {},
  'applications.create': { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' },
  'applications.get': { applicationId: APP },
  'applications.mine': {},
  'applications.attach': { applicationId: APP, category: 'education', ref: 'uploads/x/a.jpg', sha256: SHA },
  'applications.detach': { applicationId: APP, sha256: SHA },
  'applications.mask': { applicationId: APP, sha256: SHA, needsMasking: 'no', masks: [] },
  'applications.saveText': { applicationId: APP, category: 'xinjiang_aid', text: '否' },
  'applications.saveEntries': { applicationId: APP, category: 'work_history', entries: [] },
  'applications.saveIdNumber': { applicationId: APP, idNumber: '11010519491231002X' },
  'applications.declare': { applicationId: APP, rule: 'no_photos', agreed: true },
  'applications.fix': { applicationId: APP, path: 'xinjiang_aid' },
  'applications.submit': { applicationId: APP, requestId: 'request-0001' },
  'applications.inbox': {},
  'applications.fileUrl': { applicationId: APP, sha256: SHA, copy: 'blind' },
  'units.register': { name: '尉犁县水利工作站', level: 'county', kind: 'institution', county: '尉犁县', creditCode: '91350100M000100Y43', contactName: '张伟', contactPhone: '13912345678' },
  'units.mine': {},
  'units.pending': {},
  'units.decided': {},
  'units.decide': { unitId: 'unit-none', approve: false, reason: '测试' },
  'units.join': { inviteCode: 'ZZZZZZ' },
  'units.inviteImage': {},
  'units.renewInviteCode': {},
  'subscriptions.status': {},
  'committee.queue': {},
  'committee.receive': { applicationId: APP, requestId: 'request-0001' },
  'committee.recordFee': { applicationId: APP, requestId: 'request-0001', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' } },
  'committee.meetings': {},
  'committee.createMeeting': { roundId: 'aksu-water-2024', heldOn: '2024-10-12', requestId: 'request-0001', experts: { kind: 'draw', count: 3 } },
  'committee.meeting': { meetingId: 'meeting-1' },
  'committee.expertPool': { roundId: 'aksu-water-2024' },
  'committee.addReady': { meetingId: 'meeting-1' },
  'committee.recordAttendance': { meetingId: 'meeting-1', present: ['person-expert'] },
  'committee.recuse': { meetingId: 'meeting-1', applicationId: APP, expertId: 'person-expert', reason: '同一单位' },
  'committee.liftRecusal': { meetingId: 'meeting-1', applicationId: APP, expertId: 'person-expert' },
  'committee.overrideResult': { meetingId: 'meeting-1', applicationId: APP, result: 'fail', reason: '一票否决：材料造假' },
  'committee.clearOverride': { meetingId: 'meeting-1', applicationId: APP },
  'committee.publishResults': { meetingId: 'meeting-1', requestId: 'request-0001' },
  'committee.publicise': { meetingId: 'meeting-1', until: '2024-10-20' },
  'committee.certify': { meetingId: 'meeting-1' },
  'committee.recordObjection': { meetingId: 'meeting-1', requestId: 'request-0001', applicationId: APP, from: '匿名', text: '业绩材料与实际不符' },
  'committee.answerObjection': { meetingId: 'meeting-1', objectionId: 'objection-request-0001', answer: '经核查，业绩材料属实' },
  'committee.requestRecheck': { applicationId: APP, reason: '业绩材料未被全部计入，申请复查。' },
  'committee.answerRecheck': { meetingId: 'meeting-1', applicationId: APP, answer: '经复查维持原结果' },
  'committee.panel': { meetingId: 'meeting-1' },
  'committee.blindItem': { meetingId: 'meeting-1', code: 1 },
  'committee.vote': { meetingId: 'meeting-1', code: 1, vote: 'agree' },
  'applications.saveBasics': { applicationId: APP, basics: { ethnicity: '汉族', politicalStatus: '群众' } },
  'applications.declareConflicts': { applicationId: APP, conflicts: [{ kind: 'person', name: '刘文博', reason: '近亲属' }] },
  'applications.suggestMasks': { applicationId: APP, sha256: SHA },
  'applications.checkPhoto': { ref: 'local/uploads/person-secretary/receipt.jpg', sha256: SHA },
  'applications.checkBlindCopy': { applicationId: APP, sha256: SHA },
  'applications.confirmReturned': { applicationId: APP, category: 'education', note: '照片是原件，很清楚' },
  'applications.beginUpload': { sha256: SHA, bytes: 1000, contentType: 'image/jpeg' },
  'documents.document': { applicationId: APP, template: 'personal_commitment' },
  'documents.roster': { roundId: 'yuli-initial-junior-2024' },
  'documents.meetingRecord': { meetingId: 'meeting-1' },
  'review.attachUnitDocument': { applicationId: APP, category: 'unit_publicity', ref: 'local/uploads/person-unit-admin/p.jpg', sha256: SHA },
  'review.detachUnitDocument': { applicationId: APP, category: 'unit_publicity', sha256: SHA },
  'defense.plan': { roundId: 'aksu-water-2024' },
  'defense.addSession': { roundId: 'aksu-water-2024', session: SESSION },
  'defense.removeSession': { roundId: 'aksu-water-2024', sessionId: 'session-none' },
  'defense.assign': { roundId: 'aksu-water-2024', order: 'submission' },
  'defense.move': { roundId: 'aksu-water-2024', applicationId: APP, to: { sessionId: 's', panelId: 'p', startsAt: '2024-10-24T01:30:00.000Z' } },
  'defense.swap': { roundId: 'aksu-water-2024', a: APP, b: APP },
  'defense.publish': { roundId: 'aksu-water-2024' },
  'defense.cancel': { roundId: 'aksu-water-2024', applicationId: APP, reason: '申报人请假' },
  'defense.mark': { roundId: 'aksu-water-2024', applicationId: APP, attendance: 'present' },
  'defense.mine': { applicationId: APP },
  'defense.confirm': { applicationId: APP },
  'subscriptions.record': { requestId: 'request-0001', results: {} },
  'review.queue': { tab: 'pending' },
  'review.get': { applicationId: APP },
  'review.approve': { applicationId: APP, requestId: 'request-0001' },
  'review.approveMany': { items: [{ applicationId: APP, requestId: 'request-0001' }] },
  'review.return': { applicationId: APP, requestId: 'request-0001', reasons: [{ category: 'general', kind: 'incomplete' }] },
  'review.recordPublicity': { applicationId: APP, from: '2024-10-08', to: '2024-10-14' },
};

const OPENIDS: Readonly<Record<Role, string>> = {
  applicant: 'demo-openid-applicant',
  unit_admin: 'demo-openid-unit-admin',
  county_hr: 'demo-openid-county-hr',
  prefecture_hr: 'demo-openid-prefecture-hr',
  county_agency: 'demo-openid-county-agency',
  prefecture_agency: 'demo-openid-prefecture-agency',
  committee_secretary: 'demo-openid-secretary',
  expert: 'demo-openid-expert',
};

describe('authorization matrix: every action × every role', () => {
  let harness: Harness;
  let deps: Deps;
  beforeAll(async () => {
    harness = await openHarness('authz', new Date('2024-10-12T02:00:00Z'));
    ({ deps } = harness);
  });
  afterAll(() => harness.close());

  const actions = Object.entries(api).flatMap(([fn, contract]) => Object.keys(contract).map((action) => `${fn}.${action}`));

  it('has an expectation and a payload for every action the contract has, and the code allows exactly those roles', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...actions].sort());
    expect(Object.keys(PAYLOADS).sort()).toEqual([...actions].sort());
    for (const key of actions) {
      const [fn, action] = key.split('.') as [keyof typeof functions, string];
      const def = (functions[fn].actions as Record<string, { roles: readonly string[] }>)[action]!;
      expect({ key, roles: [...def.roles].sort() }).toEqual({ key, roles: [...ALLOWED[key]!].sort() });
    }
  });

  it.each(actions)('%s: refused for every other role and for no caller; never "forbidden" for an allowed one', async (key) => {
    const [fn, action] = key.split('.') as [string, string];
    const payload = PAYLOADS[key];
    for (const role of Role.options) {
      const caller: Caller = { openid: OPENIDS[role] };
      const outcome = await dispatch(functions, fn, { action, payload }, caller, deps);
      const code = outcome.reply.ok ? null : outcome.reply.code;
      if (ALLOWED[key]!.includes(role)) expect({ key, role, forbidden: code === 'AUTH.FORBIDDEN' }).toEqual({ key, role, forbidden: false });
      else expect({ key, role, code }).toEqual({ key, role, code: 'AUTH.FORBIDDEN' });
    }
    expect((await dispatch(functions, fn, { action, payload }, { openid: null }, deps)).reply).toMatchObject({ code: 'AUTH.NOT_SIGNED_IN' });
  });

  it('takes the identity from the platform only: an openid or person id in the payload is refused or ignored', async () => {
    const posing = await dispatch(functions, 'account', { action: 'me', payload: { openid: OPENIDS.prefecture_hr } }, { openid: OPENIDS.applicant }, deps);
    expect(posing.reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    const envelope = await dispatch(functions, 'account', { action: 'me', payload: {}, userInfo: { openId: OPENIDS.prefecture_hr } }, { openid: OPENIDS.applicant }, deps);
    expect(envelope.reply).toMatchObject({ ok: true, data: { name: '李娜', role: 'applicant' } });
  });
});
