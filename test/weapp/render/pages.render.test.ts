import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { yuliGraduate } from '../../core/eligibility/people.fixture';
import { PAGES } from '../../../src/core/pages';
import { dispatch } from '../../../src/server/dispatch';
import { functions } from '../../../src/server/functions';
import { openHarness, type Harness } from '../../server/harness';
import { allRoutes, appJson, WechatRenderer } from './wechat-renderer';

/**
 * Every page of every package of the built mini-program (dist/weapp), compiled by WeChat's own
 * template compiler (wcc) and drawn in jsdom, as the person it is for would open it: each
 * `wx.cloud.callFunction` is answered by the real dispatcher over a seeded SQLite store, as that
 * person (the OPENID the platform gives). Each page must show its real first screen (the Chinese a
 * person reads, not a loading state), with nothing thrown, nothing rejected. One tap per package
 * goes through the drawn WXML, reaches the server and changes what the page shows.
 * Needs `npm run build:weapp` first.
 */

const APPLICANT = 'demo-openid-applicant';
const NEWCOMER = 'demo-openid-newcomer';
const FORESTRY_1 = 'demo-openid-forestry-1';
const FORESTRY_ADMIN = 'demo-openid-forestry-admin';
const COUNTY_HR = 'demo-openid-county-hr';
const SECRETARY = 'demo-openid-secretary';
const EXPERT = 'demo-openid-expert';
const AKSU_HR = 'demo-openid-aksu-hr';
const TUERHONG_APP = 'person-forestry-1:aksu-forestry-2024:directed_evaluation:deputy_senior';
const YULI = '关于开展2024年度尉犁县初定初级职称工作的通知';

/** Who opens a page, with what query, and what its first screen says. */
interface FirstScreen {
  readonly as: string;
  readonly query?: (setup: Setup) => Record<string, string>;
  readonly shows: readonly string[];
}

interface Setup {
  /** 李娜's draft application in the yuli round. */
  readonly draftId: string;
  /** A photo attached to it (her ID card). */
  readonly photoSha256: string;
  /** The secretary's evaluation meeting of the forestry round. */
  readonly meetingId: string;
  /** The aksu HR officer's draft of next year's water round. */
  readonly roundDraftId: string;
}

const FIRST_SCREENS: Readonly<Record<string, FirstScreen>> = {
  'pages/index/index': { as: APPLICANT, shows: ['您好，李娜', '资格自测', '我的申报', '评审批次', YULI] },
  'pages/round/index': { as: APPLICANT, query: () => ({ id: 'yuli-initial-junior-2024' }), shows: [YULI, '时间安排（北京时间）', '网上申报', '联系电话'] },
  'pages/self-check/index': { as: APPLICANT, query: () => ({ roundId: 'bazhou-ecoenv-2024' }), shows: ['第 1 题 / 约', '您的工作单位是什么性质？', '事业单位', '不确定'] },
  'pages/self-check/result': { as: APPLICANT, shows: ['还没有自测答案', '请先回答自测问题', '开始自测'] },
  'pages/unit/index': { as: APPLICANT, shows: ['尉犁县农业技术推广中心', '您已加入本单位'] },
  'apply/pages/applications/index': { as: APPLICANT, shows: ['初级（助理级） · 初定', YULI, '准备材料中（还没有提交）'] },
  'apply/pages/application/index': { as: APPLICANT, query: (s) => ({ id: s.draftId }), shows: ['初级（助理级） · 初定（助理农艺师）', '身份证号', '证件与学历', '已完成 1/4', '提交前检查'] },
  'apply/pages/mask/index': { as: APPLICANT, query: (s) => ({ app: s.draftId, sha: s.photoSha256 }), shows: ['在照片上拖动手指画框，盖住本人姓名、工作单位、单位公章', '已画 0 处遮挡', '保存遮挡'] },
  'apply/pages/defense/index': { as: FORESTRY_1, query: () => ({ id: TUERHONG_APP }), shows: ['答辩时间尚未发布', '为什么要答辩', '微信提醒'] },
  'review/pages/queue/index': { as: FORESTRY_ADMIN, shows: ['待审核（0）', '已办理（4）', '没有等您审核的申报'] },
  'review/pages/application/index': { as: FORESTRY_ADMIN, query: () => ({ id: TUERHONG_APP }), shows: ['吐尔洪', '阿克苏地区林业技术推广中心 · 副高级', '申报材料'] },
  'review/pages/units/index': { as: COUNTY_HR, shows: ['没有待审核的单位', '单位负责人在“我的单位”里登记后，会出现在这里'] },
  'committee/pages/queue/index': { as: SECRETARY, shows: ['已接收材料', '待办 0 人，已办理 4 人', '已缴费及之后的申报'] },
  'committee/pages/defense/index': { as: SECRETARY, query: () => ({ roundId: 'aksu-water-2024' }), shows: ['需要答辩 0 人', '还没有场次'] },
  'committee/pages/meetings/index': { as: SECRETARY, shows: ['安排评审会', '2024年8月24日 评审会'] },
  'committee/pages/meeting/index': { as: SECRETARY, query: (s) => ({ id: s.meetingId }), shows: ['2024年8月24日 评审会', '1号 吐尔洪', '发布评审结果'] },
  'workshop/pages/index/index': { as: AKSU_HR, shows: ['正在编制', '本单位发布的批次', '复制为 2025 年度'] },
  'workshop/pages/draft/index': { as: AKSU_HR, query: (s) => ({ id: s.roundDraftId }), shows: ['通知原文', '找出通知中的要点', '待填写', '发布前检查'] },
  'committee/pages/evaluate/index': { as: EXPERT, query: (s) => ({ meetingId: s.meetingId, code: '1' }), shows: ['1号', '副高级 · 林业和草原专业', '您的表决', '同意', '不同意', '弃权'] },
};

jest.setTimeout(30_000);

describe('every page, drawn by WeChat’s own template compiler', () => {
  let harness: Harness;
  let setup: Setup;
  const renderers: WechatRenderer[] = [];

  /** A phone with the mini-program started, signed in by WeChat as `openid`. */
  const phone = (openid: string) => {
    const renderer = new WechatRenderer({
      callFunction: async ({ name, data }) => ({ result: (await dispatch(functions, name, data, { openid }, harness.deps)).reply, errMsg: 'cloud.callFunction:ok' }),
    });
    renderers.push(renderer);
    renderer.launch();
    return renderer;
  };
  const call = async (openid: string, fn: string, action: string, payload: unknown) => {
    const reply = (await dispatch(functions, fn, { action, payload }, { openid }, harness.deps)).reply;
    if (!reply.ok) throw new Error(`${fn}.${action}: ${reply.message}`);
    return reply.data as { id: string };
  };

  beforeAll(async () => {
    // 10:00 Beijing on 24 August 2024: the aksu and bazhou rounds are open.
    harness = await openHarness('render', new Date('2024-08-24T02:00:00Z'));
    await call(APPLICANT, 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    const draft = await call(APPLICANT, 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' });
    const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#f3efe6' } }).jpeg().toBuffer();
    const photoSha256 = createHash('sha256').update(photo).digest('hex');
    const ref = await harness.files.put(`uploads/person-applicant/${photoSha256}.jpg`, photo, 'image/jpeg');
    const attached = await call(APPLICANT, 'applications', 'attach', { applicationId: draft.id, category: 'id_card', ref, sha256: photoSha256 });
    // The server keeps the photo without metadata, under the SHA-256 of what it keeps: the page asks by that.
    const kept = (attached as unknown as { files: { sha256: string }[] }).files[0]!.sha256;
    // Held today: results are recorded from the meeting's day.
    const meeting = await call(SECRETARY, 'committee', 'createMeeting', { roundId: 'aksu-forestry-2024', heldOn: '2024-08-24', requestId: 'render-meeting-1', experts: { kind: 'draw', count: 3 } });
    const roundDraft = await call(AKSU_HR, 'rounds', 'draftCreate', { fromRoundId: 'aksu-water-2024', kind: 'new_year' });
    setup = { draftId: draft.id, photoSha256: kept, meetingId: meeting.id, roundDraftId: roundDraft.id };
  }, 60_000);

  afterEach(() => {
    for (const renderer of renderers.splice(0)) renderer.dispose();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('covers every page app.json lists, in every package', () => {
    expect(Object.keys(FIRST_SCREENS).sort()).toEqual(allRoutes().sort());
    expect((appJson().subPackages ?? []).map((p) => p.root).sort()).toEqual(['apply', 'committee', 'review', 'workshop']);
  });

  it.each(Object.keys(FIRST_SCREENS))('%s shows its first screen', async (route) => {
    const screen = FIRST_SCREENS[route]!;
    const renderer = phone(screen.as);
    const page = await renderer.open(route, screen.query?.(setup) ?? {});
    for (const expected of screen.shows) await page.waitForText(expected);
    expect(page.text()).not.toMatch(/正在读取/);
    expect(renderer.errors).toEqual([]);
    expect(renderer.cloudCalls.filter((c) => !(c.result as { ok: boolean }).ok)).toEqual([]);
  });

  it('opens, from every link and message the product builds (core/pages.ts), a page the build has', () => {
    const paths = [PAGES.home, PAGES.unit, PAGES.applications, PAGES.application('a'), PAGES.defense('a'), PAGES.mask('a', 'b')].map((p) => p.split('?')[0]);
    for (const path of paths) expect(allRoutes()).toContain(path);
  });

  it('asks WeChat for the applicant’s subpackage as soon as the home page or the self-check’s result shows (preloadRule)', () => {
    const apply = { network: 'all', packages: ['apply'] };
    expect(appJson().preloadRule).toEqual({ 'pages/index/index': apply, 'pages/self-check/result': apply });
    // What those pages open (开始申报 → the application, 我的申报) is in that subpackage.
    expect([PAGES.application('a'), PAGES.applications].every((p) => p.startsWith('apply/'))).toBe(true);
  });

  describe('one tap per package, through the drawn WXML to the server', () => {
    it('main: someone who scanned a unit’s code taps 加入单位 and is in the unit', async () => {
      const renderer = phone(NEWCOMER);
      const page = await renderer.open('pages/unit/index', { scene: encodeURIComponent('c=YLNJ23KQ7M') });
      await page.waitForText('已从您扫的单位二维码填好邀请码');
      expect(page.tap('加入单位')).toBe(true);
      await page.waitForText('您已加入本单位');
      expect(page.text()).toContain('尉犁县农业技术推广中心');
      expect(renderer.cloudCalls.map((c) => `${c.name}.${(c.data as { action: string }).action}`)).toContain('units.join');
      expect(renderer.errors).toEqual([]);
    });

    it('apply: the senior engineer taps 接收微信提醒 on his defense page and is told how many reminders he has', async () => {
      const renderer = phone(FORESTRY_1);
      const page = await renderer.open('apply/pages/defense/index', { id: TUERHONG_APP });
      await page.waitForText('接收微信提醒');
      expect(page.tap('接收微信提醒')).toBe(true);
      await page.waitForText('还可提醒 1 次');
      expect(renderer.subscribePrompts).toHaveLength(1);
      expect(renderer.cloudCalls.find((c) => (c.data as { action: string }).action === 'record')?.result).toMatchObject({ ok: true });
      expect(renderer.errors).toEqual([]);
    });

    it('review: the unit admin taps 已办理 and sees the applications past her step', async () => {
      const renderer = phone(FORESTRY_ADMIN);
      const page = await renderer.open('review/pages/queue/index');
      await page.waitForText('没有等您审核的申报');
      expect(page.tap('已办理（4）')).toBe(true);
      for (const name of ['吐尔洪', '米娜瓦尔', '周建国', '阿不都热合曼']) await page.waitForText(name);
      expect(renderer.cloudCalls.map((c) => (c.data as { payload: { tab?: string } }).payload.tab)).toContain('done');
      expect(renderer.errors).toEqual([]);
    });

    it('committee: the secretary records the three experts present and the quorum line says the meeting may decide', async () => {
      const renderer = phone(SECRETARY);
      const page = await renderer.open('committee/pages/meeting/index', { id: setup.meetingId });
      await page.waitForText('还没有登记到会专家');
      expect(page.tap('到会')).toBe(true);
      await page.waitForText('✓ 到会');
      expect(page.tap('到会')).toBe(true);
      await page.waitForText(/✓ 到会.*✓ 到会/);
      expect(page.tap('到会')).toBe(true);
      await page.waitForText(/✓ 到会.*✓ 到会.*✓ 到会/);
      expect(page.tap('登记到会专家')).toBe(true);
      await page.waitForText('已登记到会 3 位，达到法定人数（2 位）');
      await page.waitForText('尚无表决结果：还有 3 位到会专家没有投票');
      expect(renderer.cloudCalls.map((c) => (c.data as { action: string }).action)).toContain('recordAttendance');
      expect(renderer.errors).toEqual([]);
    });
  });
});
