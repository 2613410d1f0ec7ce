import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import type { Reply } from '../../src/core/contracts/contract';
import { cloudStore } from '../../src/server/adapters/cloud/cloud.store';
import { cloudMain } from '../../src/server/cloud/cloud.main';
import { allCollections } from '../../src/server/collections';
import { functions } from '../../src/server/functions';
import { noticeSeeds } from '../../src/server/runtime/notice-seeds';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { seed } from '../../src/server/runtime/seed';
import { aksuEmployee, bazhouEngineer, yuliGraduate } from '../core/eligibility/people.fixture';
import { createFakeWxCloud, type FakeWxCloud } from '../fakes/wx-server-sdk.fake';
import { findNode, MiniHost, textsOf, type PageInstance } from './mini-host';

/**
 * The built mini-program (dist/weapp, made by `npm run build:weapp` before the unit tests in
 * `npm test`) loaded in a recording WeChat host: the app launches, every page app.json lists
 * loads, and `wx.cloud.callFunction` reaches the real cloud functions (`cloudMain` over the
 * in-repo wx-server-sdk fake, seeded with the demo data and the round files).
 */
const distDir = path.resolve(__dirname, '../../dist/weapp');
const applicant = demo.people.find((person) => person._id === 'person-applicant');
const rounds = roundSeeds(allRounds) as unknown as { id: string; title: string }[];
/** The cloud's clock in the smoke test: 10:00 in Beijing on 12 October 2024, while 尉犁's round is open. */
const SMOKE_NOW = new Date('2024-10-12T02:00:00Z');
/** The cloud's clock; a test may move it (to open an application in another round's window) and puts it back. */
let cloudNow = SMOKE_NOW;

interface CloudCall {
  readonly name: string;
  readonly data: unknown;
  readonly reply: Reply<unknown>;
}

async function seededCloud(): Promise<FakeWxCloud> {
  const cloud = createFakeWxCloud();
  for (const spec of allCollections) cloud.createCollection(spec.name);
  const seeds = roundSeeds(allRounds);
  await seed(cloudStore(cloud), { demo, rounds: seeds, notices: noticeSeeds(seeds, path.resolve(__dirname, '../../config/notices')) });
  return cloud;
}

/** `wx.cloud` as the package sees it: each call runs the named function's `main` as that person. */
function wxCloud(cloud: FakeWxCloud, openid: string, cloudCalls: CloudCall[], inits: unknown[]) {
  const mains = new Map(
    Object.values(functions).map((fn) => [fn.name, cloudMain(fn, cloud, { miniprogramState: 'developer', clock: { now: () => cloudNow }, templatesDir: path.resolve(__dirname, '../../config/templates') })] as const),
  );
  return {
    init: (options: unknown) => void inits.push(options),
    callFunction: (options: { name: string; data: unknown; success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
      const run = async () => {
        const main = mains.get(options.name as keyof typeof functions);
        // WeChat's answer for a function that is not deployed.
        if (!main) throw { errCode: -501000, errMsg: `cloud.callFunction:fail FunctionName parameter could not be found: ${options.name}` };
        cloud.setContext({ OPENID: openid, APPID: 'wx-smoke-test' });
        // The event crosses the network as JSON.
        const reply = await main(JSON.parse(JSON.stringify(options.data)) as unknown);
        cloudCalls.push({ name: options.name, data: options.data, reply });
        return { result: JSON.parse(JSON.stringify(reply)) as unknown, errMsg: 'cloud.callFunction:ok', requestID: 'smoke' };
      };
      const result = run();
      if (options.success || options.fail) {
        result.then(options.success, options.fail);
        return undefined;
      }
      return result;
    },
  };
}

/** The short name Taro's weapp template gives a component (`<template name="tmpl_0_78">` … `page-container`). */
function nodeNameOf(component: string): string {
  const base = readFileSync(path.join(distDir, 'base.wxml'), 'utf8');
  const match = new RegExp(`<template name="tmpl_0_(\\w+)">\\s*<${component}[\\s>]`).exec(base);
  if (!match?.[1]) throw new Error(`${component} is not in base.wxml`);
  return match[1];
}

describe('the WeChat build (dist/weapp)', () => {
  let host: MiniHost;
  let cloudCalls: CloudCall[];
  let inits: unknown[];
  let opened: Map<string, PageInstance>;
  let cloud: FakeWxCloud;
  /** A call to a cloud function as this person, outside the package (to set up what a page shows). */
  const callAs = async (openid: string, name: string, data: unknown) => {
    const main = cloudMain(functions[name as keyof typeof functions], cloud, { miniprogramState: 'developer', clock: { now: () => cloudNow } });
    cloud.setContext({ OPENID: openid, APPID: 'wx-smoke-test' });
    return main(data);
  };

  beforeAll(async () => {
    if (!applicant) throw new Error('the demo seed has no person-applicant');
    cloud = await seededCloud();
    cloudCalls = [];
    inits = [];
    host = new MiniHost({ distDir, wx: { cloud: wxCloud(cloud, applicant.openid, cloudCalls, inits) as never } });
    host.launch();
    await host.settle();
    opened = new Map();
    for (const route of host.allRoutes()) {
      opened.set(route, host.openPage(route));
      await host.settle();
    }
  }, 60_000);

  afterAll(() => host?.dispose());

  it('launches and loads every page app.json lists without an error', () => {
    expect(host.allRoutes().length).toBeGreaterThan(0);
    expect(host.errors).toEqual([]);
    expect([...opened.keys()]).toEqual(host.allRoutes());
  });

  it('shows the seeded rounds on the home page, fetched from the rounds function', () => {
    const home = opened.get(host.appJson.pages[0] ?? '');
    const texts = textsOf(home?.data).join('');
    for (const round of rounds) expect(texts).toContain(round.title);
    expect(texts).toContain(`您好，${applicant?.name}`);
    expect(cloudCalls.map((c) => `${c.name}.${(c.data as { action: string }).action}`)).toEqual(
      expect.arrayContaining(['account.me', 'rounds.list']),
    );
    // Every call of the applicant's pages answered; the reviewer and workshop pages (opened here as the applicant) are refused.
    const action = (c: CloudCall) => (c.data as { action: string }).action;
    const isReview = (c: CloudCall) =>
      c.name === 'review' || c.name === 'committee' || (c.name === 'units' && ['pending', 'decided'].includes(action(c))) || (c.name === 'rounds' && ['workshop', 'draft'].includes(action(c)));
    expect(cloudCalls.filter((c) => !isReview(c)).every((c) => c.reply.ok)).toBe(true);
    expect(cloudCalls.filter(isReview).map((c) => c.reply)).toEqual(cloudCalls.filter(isReview).map(() => expect.objectContaining({ ok: false, code: 'AUTH.FORBIDDEN' })));
  });

  it('greets someone WeChat identifies but the product does not know with the registration form', async () => {
    const newcomer = new MiniHost({ distDir, wx: { cloud: wxCloud(cloud, 'openid-newcomer-smoke', [], []) as never } });
    try {
      newcomer.launch();
      await newcomer.settle();
      const home = newcomer.openPage(newcomer.appJson.pages[0]!);
      await newcomer.settle();
      const texts = textsOf(home.data).join('');
      expect(texts).toContain('欢迎使用职称评审通');
      expect(texts).toContain('请填写姓名');
      expect(newcomer.errors).toEqual([]);
    } finally {
      newcomer.dispose();
    }
  });

  it('opens 我的单位 from a scanned unit code with the invite code filled in', async () => {
    const newcomer = demo.people.find((person) => person._id === 'person-newcomer')!;
    const scanner = new MiniHost({ distDir, wx: { cloud: wxCloud(cloud, newcomer.openid, [], []) as never } });
    try {
      scanner.launch();
      await scanner.settle();
      // WeChat hands the page the code's scene URL-encoded.
      const page = scanner.openPage('pages/unit/index', { scene: encodeURIComponent('c=YLNJ23KQ7M') });
      await scanner.settle();
      expect(textsOf(page.data).join('')).toContain('已从您扫的单位二维码填好邀请码');
      // The input (its value is one of the node's short-named props) holds the code.
      expect(Object.values(findNode(page.data, (n) => n.ariaLabel === '邀请码') ?? {})).toContain('YLNJ23KQ7M');
      expect(scanner.errors).toEqual([]);
    } finally {
      scanner.dispose();
    }
  });

  it('opens 我的单位 for an applicant of a unit', () => {
    const texts = textsOf(opened.get('pages/unit/index')?.data).join('');
    expect(texts).toContain('尉犁县农业技术推广中心');
    expect(texts).toContain('您已加入本单位');
  });

  it('opens the reviewer pages for a unit admin: the queue with its tabs and what to do when it is empty', async () => {
    const admin = demo.people.find((person) => person._id === 'person-unit-admin')!;
    const calls: CloudCall[] = [];
    const reviewer = new MiniHost({ distDir, wx: { cloud: wxCloud(cloud, admin.openid, calls, []) as never } });
    try {
      reviewer.launch();
      await reviewer.settle();
      const home = reviewer.openPage(reviewer.appJson.pages[0]!);
      await reviewer.settle();
      expect(textsOf(home.data).join('')).toContain('申报审核');
      const queue = reviewer.openPage('review/pages/queue/index');
      await reviewer.settle();
      const texts = textsOf(queue.data).join('');
      for (const expected of ['待审核（0）', '已退回（0）', '已办理（3）', '这里没有申报', '全部批次', '是否退回过：全部', '选择批次后，可在这里导出本单位该批次的花名册。']) expect(texts).toContain(expected);
      expect(calls.filter((c) => c.name === 'review').every((c) => c.reply.ok)).toBe(true);
      const detail = reviewer.openPage('review/pages/application/index', { id: 'person-applicant:yuli-initial-junior-2024:initial_junior:junior_assistant' });
      await reviewer.settle();
      expect(textsOf(detail.data).join('')).toContain('没有找到这份申报');

      // 我的单位: the invite code, and as a mini-program code from getUnlimited for the build in use.
      const unit = reviewer.openPage('pages/unit/index');
      await reviewer.settle();
      expect(textsOf(unit.data).join('')).toContain('YLNJ2 3KQ7M');
      expect(calls.find((c) => c.name === 'units' && (c.data as { action: string }).action === 'inviteImage')?.reply).toMatchObject({ ok: true, data: { inviteCode: 'YLNJ23KQ7M' } });
      expect(cloud.miniCodes.at(-1)).toMatchObject({ scene: 'c=YLNJ23KQ7M', page: 'pages/unit/index', checkPath: false, envVersion: 'develop' });
      expect(reviewer.tap(unit, (n) => n.ariaLabel === '本单位的邀请二维码，点击放大')).toBe(true);
      expect(reviewer.calls.find((c) => c.api === 'previewImage')?.args[0]).toMatchObject({ urls: [expect.stringMatching(/^https:/)] });
      expect(reviewer.errors).toEqual([]);
    } finally {
      reviewer.dispose();
    }
  });

  it('opens the defense page for a senior applicant, and asks WeChat for the defense reminders inside the tap', async () => {
    const senior = demo.people.find((person) => person._id === 'person-senior')!;
    // Created inside aksu-water's apply window (22 July – 30 August 2024).
    cloudNow = new Date('2024-08-26T02:00:00Z');
    let id = '';
    try {
      expect((await callAs(senior.openid, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'aksu-water-2024', profile: aksuEmployee() } })).ok).toBe(true);
      const created = await callAs(senior.openid, 'applications', { action: 'create', payload: { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' } });
      expect(created).toMatchObject({ ok: true });
      id = (created as { data: { id: string } }).data.id;
    } finally {
      cloudNow = SMOKE_NOW;
    }
    const calls: CloudCall[] = [];
    const phone = new MiniHost({ distDir, wx: { cloud: wxCloud(cloud, senior.openid, calls, []) as never } });
    try {
      phone.launch();
      await phone.settle();
      const page = phone.openPage('apply/pages/defense/index', { id });
      await phone.settle();
      const texts = textsOf(page.data).join('');
      for (const expected of ['需要参加现场答辩', '通过形式审核并缴费后', '答辩安排通知', '答辩提醒', '答辩变更通知']) expect(texts).toContain(expected);
      expect(phone.tap(page, (n) => n.role === 'button' && textsOf(n).join('') === '接收微信提醒')).toBe(true);
      await phone.settle();
      const asked = phone.calls.filter((c) => c.api === 'requestSubscribeMessage');
      expect(asked).toHaveLength(1);
      expect(asked[0]?.args[0]).toMatchObject({ tmplIds: ['dev-defense-scheduled', 'dev-defense-reminder', 'dev-defense-changed'] });
      expect(calls.find((c) => c.name === 'subscriptions' && (c.data as { action: string }).action === 'record')?.reply).toMatchObject({ ok: true });
      expect(textsOf(page.data).join('')).toContain('还可提醒 1 次');
      expect(phone.errors).toEqual([]);
    } finally {
      phone.dispose();
    }
  });

  it('opens the committee subpackage: the secretary’s list, defense plan and evaluation meeting, and the expert’s blind reading', async () => {
    const secretary = demo.people.find((person) => person._id === 'person-secretary')!;
    const expert = demo.people.find((person) => person._id === 'person-expert')!;
    const calls: CloudCall[] = [];
    const secretaryCloud = wxCloud(cloud, secretary.openid, calls, []);
    const phone = new MiniHost({ distDir, wx: { cloud: secretaryCloud as never } });
    let meetingId = '';
    try {
      phone.launch();
      await phone.settle();
      const home = phone.openPage(phone.appJson.pages[0]!);
      await phone.settle();
      for (const expected of ['接收材料与缴费', '答辩安排', '评审会']) expect(textsOf(home.data).join('')).toContain(expected);
      // The forestry round's seeded engineers have defended: past both steps, folded under their round.
      const queue = phone.openPage('committee/pages/queue/index');
      await phone.settle();
      expect(textsOf(queue.data).join('')).toContain('待办 0 人，已办理 4 人');
      const plan = phone.openPage('committee/pages/defense/index', { roundId: 'aksu-water-2024' });
      await phone.settle();
      expect(textsOf(plan.data).join('')).toContain('还没有场次');
      const meetings = phone.openPage('committee/pages/meetings/index');
      await phone.settle();
      for (const expected of ['安排评审会', '还没有评审会']) expect(textsOf(meetings.data).join('')).toContain(expected);
      const created = (await secretaryCloud.callFunction({ name: 'committee', data: { action: 'createMeeting', payload: { roundId: 'aksu-forestry-2024', heldOn: '2024-10-15', requestId: 'smoke-meeting-1', experts: { kind: 'draw', count: 3 } } } })) as { result: { ok: boolean; data: { id: string } } };
      expect(created.result.ok).toBe(true);
      meetingId = created.result.data.id;
      const meeting = phone.openPage('committee/pages/meeting/index', { id: meetingId });
      await phone.settle();
      for (const expected of ['1号 吐尔洪', '发布评审结果', '副高级：评审 4 人', '到会专家（签到）', '建议回避：古再丽（与申报人同一单位）']) expect(textsOf(meeting.data).join('')).toContain(expected);
      expect(calls.filter((c) => c.name === 'committee' || c.name === 'defense').every((c) => c.reply.ok)).toBe(true);
      expect(phone.errors).toEqual([]);
    } finally {
      phone.dispose();
    }

    const expertCalls: CloudCall[] = [];
    const expertPhone = new MiniHost({ distDir, wx: { cloud: wxCloud(cloud, expert.openid, expertCalls, []) as never } });
    try {
      expertPhone.launch();
      await expertPhone.settle();
      const list = expertPhone.openPage('committee/pages/meetings/index');
      await expertPhone.settle();
      expect(textsOf(list.data).join('')).toContain('2024年10月15日 评审会');
      const reading = expertPhone.openPage('committee/pages/evaluate/index', { meetingId, code: '1' });
      await expertPhone.settle();
      const texts = textsOf(reading.data).join('');
      for (const expected of ['1号', '副高级 · 林业和草原专业', '同意', '不同意', '弃权']) expect(texts).toContain(expected);
      // Three days before the meeting: read now, vote on its day.
      expect(texts).toContain('评审会在2024年10月15日召开，当天起才能表决。现在可以先阅读材料。');
      expect(texts).not.toContain('吐尔洪');
      expect(expertCalls.every((c) => c.reply.ok)).toBe(true);
      expect(expertPhone.errors).toEqual([]);
    } finally {
      expertPhone.dispose();
    }
  });

  it('opens the round workshop for the prefecture’s HR officer: the office’s rounds, and a draft copied to next year', async () => {
    const officer = demo.people.find((person) => person._id === 'person-aksu-hr')!;
    const calls: CloudCall[] = [];
    const officerCloud = wxCloud(cloud, officer.openid, calls, []);
    const phone = new MiniHost({ distDir, wx: { cloud: officerCloud as never } });
    try {
      phone.launch();
      await phone.settle();
      const queue = phone.openPage('review/pages/queue/index');
      await phone.settle();
      expect(textsOf(queue.data).join('')).toContain('评审批次编制');
      const list = phone.openPage('workshop/pages/index/index');
      await phone.settle();
      for (const expected of ['本单位发布的批次', '复制为 2025 年度', '更正（发布新版本）']) expect(textsOf(list.data).join('')).toContain(expected);
      const created = (await officerCloud.callFunction({ name: 'rounds', data: { action: 'draftCreate', payload: { fromRoundId: 'aksu-water-2024', kind: 'new_year' } } })) as { result: { ok: boolean; data: { id: string } } };
      expect(created.result.ok).toBe(true);
      const draft = phone.openPage('workshop/pages/draft/index', { id: created.result.data.id });
      await phone.settle();
      for (const expected of ['通知原文', '找出通知中的要点', '待填写', '发布前检查', '添加测试人员']) expect(textsOf(draft.data).join('')).toContain(expected);
      expect(calls.filter((c) => c.name === 'rounds').every((c) => c.reply.ok)).toBe(true);
      expect(phone.errors).toEqual([]);
    } finally {
      phone.dispose();
    }
  });

  it('initialises wx.cloud once, with the environment the build was given', () => {
    expect(inits).toHaveLength(1);
    expect(inits[0]).toEqual(process.env.CLOUD_ENV_ID ? { env: process.env.CLOUD_ENV_ID, traceUser: true } : { traceUser: true });
  });

  it('has no dev login page and no dev-login call in the WeChat build', () => {
    expect(host.allRoutes()).not.toContain('pages/login/index');
    expect(host.calls.map((c) => c.api)).not.toContain('request');
  });

  describe('the self-check in WeChat', () => {
    const title = (page: PageInstance) => textsOf(findNode(page.data, (n) => n.cl === 'self-check__title')).join('');
    const settledFor = () => new Promise((resolve) => setTimeout(resolve, 450));
    // Taro's compact node names: the template names each component by a number (see base.wxml).
    const pageContainerNodeName = nodeNameOf('page-container');

    it('opens on a round, asks its first question, and a tap moves on (a second tap at once is ignored)', async () => {
      const page = host.openPage('pages/self-check/index', { roundId: 'bazhou-ecoenv-2024' });
      await host.settle();
      await settledFor();
      expect(title(page)).toBe('您的工作单位是什么性质？');
      expect(host.tap(page, (n) => n.ariaLabel === '事业单位')).toBe(true);
      await host.settle(50);
      expect(title(page)).toBe('您是否已经办理退休？');
      // The double tap's second half lands on 是 of the new screen: ignored.
      host.tap(page, (n) => n.ariaLabel === '是');
      await host.settle();
      expect(title(page)).toBe('您是否已经办理退休？');
      await settledFor();
      host.tap(page, (n) => n.ariaLabel === '否');
      await host.settle();
      expect(title(page)).toBe('您是否在巴音郭楞蒙古自治州从事专业技术工作？');

      // The back gesture: WeChat closes the shown page-container instead of the page, and the
      // self-check steps back one question, keeping the answer given there.
      const container = () => findNode(page.data, (n) => n.nn === pageContainerNodeName);
      expect(container()).not.toBeNull();
      expect(host.deliver(page, container()!.sid, 'beforeleave')).toBe(true);
      host.deliver(page, container()!.sid, 'afterleave');
      await host.settle();
      expect(title(page)).toBe('您是否已经办理退休？');
      expect(findNode(page.data, (n) => n.ariaLabel === '否')?.ariaChecked).toBe(true);
      // Still there for the next gesture.
      await settledFor();
      expect(container()).not.toBeNull();
      expect(host.errors).toEqual([]);
      host.closePage(page);
    });

    it('shows the answer first on the result page, from the answers kept on the phone', async () => {
      const page = host.openPage('pages/self-check/result');
      await host.settle();
      const texts = textsOf(page.data).join('');
      expect(texts).toContain('自治州工程系列生态环境专业');
      expect(texts).toMatch(/确认后可能可以申报|核实评审条件后可以申报/);
      expect(texts).toMatch(/还需要您确认|还要向单位或人社部门核实/);
      expect(texts).toContain('修改回答');
      expect(host.errors).toEqual([]);
      host.closePage(page);
    });

    it('opens 我的申报 with what to do when there is none, and says so of an application that is not hers', async () => {
      const list = host.openPage('apply/pages/applications/index');
      await host.settle();
      expect(textsOf(list.data).join('')).toContain('还没有申报');
      host.closePage(list);
      const other = host.openPage('apply/pages/application/index', { id: 'person-senior:aksu-water-2024:directed_evaluation:deputy_senior' });
      await host.settle();
      expect(textsOf(other.data).join('')).toContain('没有找到这份申报');
      expect(host.errors).toEqual([]);
      host.closePage(other);
    });

    it('opens an application with its materials to upload, and picks photos with WeChat’s chooseMedia', async () => {
      const cloudCall = (name: string, data: unknown) => callAs(applicant!.openid, name, data);
      const saved = await cloudCall('eligibility', { action: 'saveAnswers', payload: { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) } });
      expect(saved.ok).toBe(true);
      const created = await cloudCall('applications', { action: 'create', payload: { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' } });
      expect(created).toMatchObject({ ok: true });
      const id = (created as { data: { id: string } }).data.id;
      const page = host.openPage('apply/pages/application/index', { id });
      await host.settle();
      // The form opens on its first section to do (基本信息); 证件与学历 unfolds on a tap.
      expect(textsOf(page.data).join('')).not.toContain('拍照或从相册选择');
      expect(host.tap(page, (n) => n.role === 'button' && (n.ariaLabel ?? '').startsWith('证件与学历'))).toBe(true);
      await host.settle();
      const texts = textsOf(page.data).join('');
      expect(texts).toContain('身份证（正、反面）');
      expect(texts).toContain('拍照或从相册选择');
      expect(host.tap(page, (n) => n.role === 'button' && textsOf(n).join('') === '拍照或从相册选择')).toBe(true);
      await host.settle();
      // Before the first photo WeChat asks the app for its privacy prompt; 同意 lets the photo go on.
      expect(host.privacyListener).not.toBeNull();
      const answers: { event: string; buttonId?: string }[] = [];
      host.privacyListener!((option) => answers.push(option), { referrer: 'chooseMedia' });
      await host.settle();
      expect(textsOf(page.data).join('')).toContain('隐私保护指引');
      // WeChat's own agree button (open-type agreePrivacyAuthorization), with the id the answer names.
      const agree = findNode(page.data, (n) => n.uid === 'agree-privacy');
      expect(agree && Object.values(agree)).toContain('agreePrivacyAuthorization');
      host.deliver(page, agree!.sid, 'agreeprivacyauthorization');
      await host.settle();
      expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-privacy' }]);
      expect(textsOf(page.data).join('')).not.toContain('隐私保护指引');

      const chosen = host.calls.find((c) => c.api === 'chooseMedia');
      expect(chosen?.args[0]).toMatchObject({ mediaType: ['image'], sourceType: ['album', 'camera'] });
      // Closing the album is not an error: nothing is said, and the button is ready again.
      expect(textsOf(page.data).join('')).not.toContain('没有选到照片');
      expect(findNode(page.data, (n) => n.role === 'button' && textsOf(n).join('') === '拍照或从相册选择')?.ariaDisabled).toBe(false);
      expect(host.errors).toEqual([]);
      host.closePage(page);
    });

    it('opens an application with typed entries, the summary’s length, PDF from a chat and the ID number after the privacy check', async () => {
      const cloudCall = (name: string, data: unknown) => callAs(applicant!.openid, name, data);
      // Created inside the bazhou round's apply window (24 Aug – 8 Sep 2024), opened later.
      cloudNow = new Date('2024-08-26T02:00:00Z');
      try {
        expect((await cloudCall('eligibility', { action: 'saveAnswers', payload: { roundId: 'bazhou-ecoenv-2024', profile: bazhouEngineer() } })).ok).toBe(true);
        const created = await cloudCall('applications', { action: 'create', payload: { roundId: 'bazhou-ecoenv-2024', offerKey: 'evaluation:intermediate' } });
        expect(created).toMatchObject({ ok: true });
        const id = (created as { data: { id: string } }).data.id;
        cloudNow = SMOKE_NOW;
        const page = host.openPage('apply/pages/application/index', { id });
        await host.settle();
        // Every section unfolded, one tap each.
        while (host.tap(page, (n) => n.role === 'button' && /点击展开$/.test(n.ariaLabel ?? '') && (n.ariaLabel ?? '').includes('已完成'))) await host.settle();
        const texts = textsOf(page.data).join('');
        for (const expected of ['身份证号', '工作经历', '添加一段经历', '任现职以来个人工作总结（正文）', '通知要求2000—3000字', '选择 PDF 文件（微信聊天中的文件）']) expect(texts).toContain(expected);

        const tapButton = (label: string) => host.tap(page, (n) => n.role === 'button' && textsOf(n).join('') === label);
        expect(tapButton('选择 PDF 文件（微信聊天中的文件）')).toBe(true);
        await host.settle();
        expect(host.calls.find((c) => c.api === 'chooseMessageFile')?.args[0]).toMatchObject({ type: 'file', extension: ['pdf'] });

        // The ID number is asked for only after WeChat's privacy check answers.
        expect(tapButton('填写')).toBe(true);
        await host.settle();
        expect(host.calls.some((c) => c.api === 'requirePrivacyAuthorize')).toBe(true);
        expect(findNode(page.data, (n) => n.ariaLabel === '身份证号')).toBeTruthy();

        expect(tapButton('添加一段经历')).toBe(true);
        await host.settle();
        expect(textsOf(page.data).join('')).toContain('从事工作或职务');
        expect(host.errors).toEqual([]);
        host.closePage(page);
      } finally {
        cloudNow = SMOKE_NOW;
      }
    });

    it('opens a round page with its dates and the way to the self-check', async () => {
      const page = host.openPage('pages/round/index', { id: 'yuli-initial-junior-2024' });
      await host.settle();
      const texts = textsOf(page.data).join('');
      expect(texts).toContain('2024年10月9日 至 2024年10月22日');
      expect(texts).toContain('0996-4026290');
      expect(texts).toContain('用这个批次做资格自测');
      expect(host.errors).toEqual([]);
      host.closePage(page);
    });
  });

  describe('text follows the phone font size', () => {
    it('sets page-meta root-font-size to "system" as the first node of every page', () => {
      for (const route of host.allRoutes()) {
        const wxml = host.file(`${route}.wxml`);
        const firstNode = /<([a-z-]+)[\s>]/.exec(wxml.replace(/<import[^>]*\/>|<wxs[^>]*\/>/g, ''))?.[1];
        expect({ route, firstNode }).toEqual({ route, firstNode: 'page-meta' });
        // The template binds the attribute to a short data key (root-font-size="{{pageMeta.p7||''}}").
        const key = /<page-meta[^>]*\sroot-font-size="\{\{pageMeta\.(\w+)/.exec(wxml)?.[1] ?? '';
        const pageMeta = opened.get(route)?.data.pageMeta as Record<string, unknown> | undefined;
        expect({ route, rootFontSize: pageMeta?.[key] }).toEqual({ route, rootFontSize: 'system' });
      }
    });

    it('sizes type in rem, never in rpx or px, so it scales with that root font', () => {
      // A page whose styles all went into a shared chunk has no wxss of its own.
      const files = ['app.wxss', 'common.wxss', ...host.allRoutes().map((r) => `${r}.wxss`)].filter((f) => existsSync(path.join(distDir, f)));
      const styles = files.map((f) => host.file(f)).join('\n');
      const fontSizes = [...styles.matchAll(/font-size:\s*([^;}]+)/g)].map((m) => (m[1] ?? '').trim());
      expect(fontSizes.length).toBeGreaterThan(5);
      expect(fontSizes.filter((size) => !/^(inherit|[\d.]+rem)$/.test(size))).toEqual([]);
      expect(styles).not.toMatch(/\d+rpx/);
    });
  });
});

describe('the WeChat build when a call fails', () => {
  /** Launches the app with a `wx.cloud` whose every call fails as WeChat fails it, and opens the home page. */
  async function homeWhenCallsFail(failure: { errCode: number; errMsg: string }): Promise<string> {
    const failing = {
      init: () => undefined,
      callFunction: () => Promise.reject(failure),
    };
    const host = new MiniHost({ distDir, wx: { cloud: failing } });
    try {
      host.launch();
      const home = host.openPage(host.appJson.pages[0] ?? '');
      await host.settle();
      expect(host.errors).toEqual([]);
      return textsOf(home.data).join('');
    } finally {
      host.dispose();
    }
  }

  it('says the server cannot be reached when the phone has no network', async () => {
    const texts = await homeWhenCallsFail({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' });
    expect(texts).toContain('连不上服务器');
    expect(texts).toContain('网络连接失败');
  });

  it('says the server failed, not the network, when the function crashed', async () => {
    const texts = await homeWhenCallsFail({ errCode: -404011, errMsg: 'cloud.callFunction:fail -404011 cloud function execution error' });
    expect(texts).toContain('服务器出错了');
    expect(texts).not.toContain('网络连接失败');
  });
});
