import { yuliGraduate } from '../../core/eligibility/people.fixture';
import { dispatch } from '../../../src/server/dispatch';
import { functions } from '../../../src/server/functions';
import { openHarness, type Harness } from '../../server/harness';
import { WechatRenderer } from './wechat-renderer';

const FORESTRY_1 = 'person-forestry-1:aksu-forestry-2024:directed_evaluation:deputy_senior';

describe('dbg', () => {
  let harness: Harness;
  const as = (openid: string) => {
    const r = new WechatRenderer({
      callFunction: async ({ name, data }) => ({ result: (await dispatch(functions, name, data, { openid }, harness.deps)).reply, errMsg: 'cloud.callFunction:ok' }),
    });
    r.launch();
    return r;
  };
  beforeAll(async () => {
    harness = await openHarness('render', new Date('2024-08-24T02:00:00Z'));
  }, 60_000);
  afterAll(async () => {
    await harness.close();
  });
  it('explores', async () => {
    const call = async (openid: string, fn: string, action: string, payload: unknown) => (await dispatch(functions, fn, { action, payload }, { openid }, harness.deps)).reply as { ok: boolean; data: { id: string } };
    await call('demo-openid-applicant', 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    const created = await call('demo-openid-applicant', 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' });
    const meeting = await call('demo-openid-secretary', 'committee', 'createMeeting', { roundId: 'aksu-forestry-2024', heldOn: '2024-10-15', requestId: 'render-meeting-1' });
    const plan: [string, string, Record<string, string>][] = [
      ['demo-openid-applicant', 'pages/index/index', {}],
      ['demo-openid-applicant', 'pages/round/index', { id: 'yuli-initial-junior-2024' }],
      ['demo-openid-applicant', 'pages/self-check/index', { roundId: 'bazhou-ecoenv-2024' }],
      ['demo-openid-applicant', 'pages/unit/index', {}],
      ['demo-openid-newcomer', 'pages/unit/index', {}],
      ['demo-openid-applicant', 'apply/pages/applications/index', {}],
      ['demo-openid-applicant', 'apply/pages/application/index', { id: created.data.id }],
      ['demo-openid-forestry-1', 'apply/pages/defense/index', { id: FORESTRY_1 }],
      ['demo-openid-forestry-admin', 'review/pages/queue/index', {}],
      ['demo-openid-forestry-admin', 'review/pages/application/index', { id: FORESTRY_1 }],
      ['demo-openid-county-hr', 'review/pages/units/index', {}],
      ['demo-openid-secretary', 'committee/pages/queue/index', {}],
      ['demo-openid-secretary', 'committee/pages/defense/index', { roundId: 'aksu-water-2024' }],
      ['demo-openid-secretary', 'committee/pages/meetings/index', {}],
      ['demo-openid-secretary', 'committee/pages/meeting/index', { id: meeting.data?.id }],
      ['demo-openid-expert', 'committee/pages/evaluate/index', { meetingId: meeting.data?.id, code: '1' }],
    ];
    for (const [openid, route, query] of plan) {
      const r = as(openid);
      const page = await r.open(route, query);
      await new Promise((res) => setTimeout(res, 400));
      console.log(`== ${route} ${openid}\n${page.text().slice(0, 700)}\nerrors: ${r.errors.join(' | ')}`);
      r.dispose();
    }
  }, 120_000);
});
