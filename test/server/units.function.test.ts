import { creditCodeCheckChar } from '../../src/core/people/credit-code';
import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { inviteCodeFromScene } from '../../src/core/people/invite-scene';
import { openHarness, type Harness } from './harness';

/** Units: registered by their admin, approved by the HR bureau of their level, joined by invite code. */
describe('units function', () => {
  // Drawing an invite code's picture (the QR and the unit's name) takes seconds on a 2-core machine under load.
  jest.setTimeout(20_000);
  let harness: Harness;
  let deps: Deps;
  const zhangWei: Caller = { openid: 'demo-openid-newcomer-admin' };
  const reyila: Caller = { openid: 'demo-openid-newcomer' };
  const countyHr: Caller = { openid: 'demo-openid-county-hr' };
  const prefectureHr: Caller = { openid: 'demo-openid-prefecture-hr' };
  const liNa: Caller = { openid: 'demo-openid-applicant' };
  const call = (caller: Caller, action: string, payload: unknown, fn = 'units') => dispatch(functions, fn, { action, payload }, caller, deps);
  const data = <T>(outcome: { reply: unknown }) => (outcome.reply as { data: T }).data;
  const register = (level: 'county' | 'prefecture' = 'county') =>
    call(zhangWei, 'register', { name: '尉犁县水利工作站', level, kind: 'institution', county: level === 'county' ? '尉犁县' : null, creditCode: '12652828MB1234567X'.slice(0, 17) + creditCodeCheckChar('12652828MB1234567'), contactName: '张伟', contactPhone: '0996-2021234' });

  beforeEach(async () => {
    harness = await openHarness('units', new Date('2024-10-12T02:00:00Z'));
    ({ deps } = harness);
  });
  afterEach(() => harness.close());

  it('registers a county unit, which the county HR bureau approves: its registrant becomes its admin with an invite code', async () => {
    expect(data(await register())).toMatchObject({ name: '尉犁县水利工作站', status: 'pending', relation: 'registrant', inviteCode: null });
    // Not twice while it waits.
    expect((await register()).reply).toMatchObject({ ok: false, message: '“尉犁县水利工作站”的登记正在等待审核，请不要重复登记。' });
    // The prefecture does not approve county units; the county does.
    expect(data<unknown[]>(await call(prefectureHr, 'pending', {}))).toEqual([]);
    const pending = data<{ unitId: string; registrantName: string }[]>(await call(countyHr, 'pending', {}));
    expect(pending).toEqual([expect.objectContaining({ name: '尉犁县水利工作站', registrantName: '张伟' })]);
    expect(data<unknown[]>(await call(countyHr, 'decide', { unitId: pending[0]!.unitId, approve: true }))).toEqual([]);
    // Approved, it stays in the bureau's history: who decided and when; not in another bureau's.
    expect(data<unknown[]>(await call(countyHr, 'decided', {}))).toEqual([expect.objectContaining({ name: '尉犁县水利工作站', approved: true, decidedBy: '马红梅', registrantName: '张伟', decidedAt: expect.any(String) })]);
    expect(data<unknown[]>(await call(prefectureHr, 'decided', {}))).toEqual([]);

    const mine = data<{ relation: string; status: string; inviteCode: string }>(await call(zhangWei, 'mine', {}));
    expect(mine).toMatchObject({ relation: 'admin', status: 'approved', inviteCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/) });
    expect(data<{ role: string; unitName: string }>(await dispatch(functions, 'account', { action: 'me', payload: {} }, zhangWei, deps))).toMatchObject({ role: 'unit_admin', unitName: '尉犁县水利工作站' });
    const [notice] = data<{ title: string }[]>(await call(zhangWei, 'inbox', {}, 'applications'));
    expect(notice).toMatchObject({ title: '单位登记已通过' });

    // 热依拉 joins with the code as typed on a phone (lower case, spaces); a member sees no code.
    const typed = ` ${mine.inviteCode.slice(0, 5).toLowerCase()}-${mine.inviteCode.slice(5)} `;
    expect(data(await call(reyila, 'join', { inviteCode: typed }))).toMatchObject({ name: '尉犁县水利工作站', relation: 'member', inviteCode: null });
    expect(data<{ unitName: string }>(await dispatch(functions, 'account', { action: 'me', payload: {} }, reyila, deps)).unitName).toBe('尉犁县水利工作站');
  });

  it('draws the invite code as a code that opens 我的单位 with it, once per code', async () => {
    const zhaoLei: Caller = { openid: 'demo-openid-unit-admin' };
    const unlimited = jest.spyOn(deps.codes, 'unlimited');
    const image = data<{ url: string; inviteCode: string }>(await call(zhaoLei, 'inviteImage', {}));
    expect(image).toEqual({ url: expect.stringMatching(/^http/), inviteCode: 'YLNJ23KQ7M' });
    const unit = (await deps.store.get('units', 'unit-yuli-agri')) as unknown as { inviteImage: { inviteCode: string; ref: string } };
    expect(unit.inviteImage.inviteCode).toBe('YLNJ23KQ7M');
    const { data: pixels, info } = await sharp(Buffer.from((await harness.files.get(unit.inviteImage.ref))!)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length), info.width, info.height);
    expect(read?.data).toBe('http://127.0.0.1:10086/#/pages/unit/index?scene=c%3DYLNJ23KQ7M');
    expect(inviteCodeFromScene(new URL(read!.data.replace('#/', '')).searchParams.get('scene') ?? '')).toBe('YLNJ23KQ7M');
    // Asked again: the kept image, not another call to WeChat (getUnlimited has a daily quota).
    expect(data<{ inviteCode: string }>(await call(zhaoLei, 'inviteImage', {})).inviteCode).toBe('YLNJ23KQ7M');
    expect(unlimited).toHaveBeenCalledTimes(1);
    // An applicant has no invite image to ask for.
    expect((await call(liNa, 'inviteImage', {})).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('says plainly when the code image cannot be made, and keeps nothing', async () => {
    const zhaoLei: Caller = { openid: 'demo-openid-unit-admin' };
    deps = { ...deps, codes: { unlimited: async () => ({ ok: false, error: { code: 'MINICODE.FAILED', cause: 'errCode 45009: reach max api daily quota limit' } }) } };
    expect((await call(zhaoLei, 'inviteImage', {})).reply).toMatchObject({ ok: false, code: 'UNIT.CODE_IMAGE_FAILED', message: '邀请二维码暂时没有生成出来。请稍后再试；也可以先复制邀请码发给同事。' });
    expect(await deps.store.get('units', 'unit-yuli-agri')).toMatchObject({ inviteImage: null });
  });

  it('refuses a wrong code plainly, and someone already in a unit', async () => {
    expect((await call(reyila, 'join', { inviteCode: 'ABC' })).reply).toMatchObject({ ok: false, message: '邀请码是 10 位字母和数字（不含 I、O、0、1），请向单位管理员核对。' });
    expect((await call(reyila, 'join', { inviteCode: 'YLNJ23' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call(reyila, 'join', { inviteCode: 'ZZZZZZZZZZ' })).reply).toMatchObject({ ok: false, message: '邀请码不对：没有找到这个单位。请向单位管理员核对后再试（这一小时还可以试 9 次）。' });
    await register();
    const [unit] = data<{ unitId: string }[]>(await call(countyHr, 'pending', {}));
    await call(countyHr, 'decide', { unitId: unit!.unitId, approve: true });
    const code = data<{ inviteCode: string }>(await call(zhangWei, 'mine', {})).inviteCode;
    expect((await call(liNa, 'join', { inviteCode: code })).reply).toMatchObject({ ok: false, message: '您已经在另一个单位，不能直接加入新单位。' });
  });

  it('stops guessing after 10 wrong codes an hour, saying how long to wait, and lets the person try again after', async () => {
    for (let i = 1; i <= 10; i += 1) expect((await call(reyila, 'join', { inviteCode: `ZZZZZZZZZ${'ABCDEFGHJK'[i - 1]}` })).status).toBe(404);
    // The right code too is not looked up now: a guesser learns nothing from the 11th try.
    const blocked = await call(reyila, 'join', { inviteCode: 'YLNJ23KQ7M' });
    expect(blocked).toMatchObject({ status: 429, reply: { code: 'UNIT.TOO_MANY_TRIES', details: ['请 60 分钟后再试。'] } });
    expect(data(await call(reyila, 'mine', {}))).toBeNull();
    // Another person is not held back by her tries.
    expect((await call(liNa, 'join', { inviteCode: 'ZZZZZZZZZZ' })).status).toBe(404);
    harness.setNow(new Date(Date.parse('2024-10-12T02:00:00Z') + 61 * 60_000));
    expect(data(await call(reyila, 'join', { inviteCode: 'YLNJ23KQ7M' }))).toMatchObject({ relation: 'member' });
  });

  it('renews the invite code for the unit admin: the old code and its image stop working', async () => {
    const zhaoLei: Caller = { openid: 'demo-openid-unit-admin' };
    await call(zhaoLei, 'inviteImage', {});
    const renewed = data<{ inviteCode: string; relation: string }>(await call(zhaoLei, 'renewInviteCode', {}));
    expect(renewed).toMatchObject({ relation: 'admin', inviteCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/) });
    expect(renewed.inviteCode).not.toBe('YLNJ23KQ7M');
    expect(await deps.store.get('units', 'unit-yuli-agri')).toMatchObject({ inviteCode: renewed.inviteCode, inviteImage: null });
    expect((await call(reyila, 'join', { inviteCode: 'YLNJ23KQ7M' })).status).toBe(404);
    expect(data(await call(reyila, 'join', { inviteCode: renewed.inviteCode }))).toMatchObject({ relation: 'member' });
    expect(data<{ inviteCode: string }>(await call(zhaoLei, 'inviteImage', {})).inviteCode).toBe(renewed.inviteCode);
    expect((await call(reyila, 'renewInviteCode', {})).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('rejects with a reason the registrant is told, and lets them register again', async () => {
    await register('prefecture');
    const [unit] = data<{ unitId: string }[]>(await call(prefectureHr, 'pending', {}));
    expect((await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: false })).reply).toMatchObject({ ok: false, message: '不通过时请写明理由。' });
    await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: false, reason: '单位名称与营业执照不一致' });
    expect(data(await call(zhangWei, 'mine', {}))).toMatchObject({ status: 'rejected', rejectReason: '单位名称与营业执照不一致' });
    expect(data<unknown[]>(await call(prefectureHr, 'decided', {}))).toEqual([expect.objectContaining({ approved: false, rejectReason: '单位名称与营业执照不一致', decidedBy: '阿依古丽' })]);
    expect((await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: true })).reply).toMatchObject({ ok: false });
    expect((await register('prefecture')).status).toBe(200);
  });

  it('asks for a 统一社会信用代码 that passes its check character and a contact, shown to the bureau; one unit per code', async () => {
    const base = { name: '尉犁县水利工作站', level: 'county', kind: 'institution', county: '尉犁县', contactName: '张伟', contactPhone: '13912345678' };
    expect((await call(zhangWei, 'register', { ...base, creditCode: '91350100M000100Y44' })).reply).toMatchObject({ ok: false, details: [expect.stringContaining('统一社会信用代码的最后一位（校验码）对不上，可能有一位输错了，请对照营业执照或登记证书核对。')] });
    expect((await call(zhangWei, 'register', { ...base, creditCode: '91350100M000100Y43', contactPhone: '12345' })).reply).toMatchObject({ ok: false, details: [expect.stringContaining('请填写 11 位手机号，或带区号的座机号码（如 0996-2021234）')] });
    expect(await deps.store.count('units', [{ field: 'registeredBy', op: 'eq', value: 'person-newcomer-admin' }])).toBe(0);
    // Typed with spaces and in lower case: kept as the code.
    expect((await call(zhangWei, 'register', { ...base, creditCode: '9135 0100 m000 100y43' })).reply).toMatchObject({ ok: true });
    const [pending] = data<{ creditCode: string; contact: { name: string; phone: string } }[]>(await call(countyHr, 'pending', {}));
    expect(pending).toMatchObject({ creditCode: '91350100M000100Y43', contact: { name: '张伟', phone: '13912345678' } });
    expect((await call(reyila, 'register', { ...base, creditCode: '91350100M000100Y43' })).reply).toMatchObject({ ok: false, message: '这个统一社会信用代码已登记为“尉犁县水利工作站”：请向该单位的单位管理员要邀请码加入，不用重新登记。' });
  });

  it('keeps each bureau to its own units', async () => {
    await register();
    const [unit] = data<{ unitId: string }[]>(await call(countyHr, 'pending', {}));
    expect((await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: true })).reply).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await call(reyila, 'decide', { unitId: unit!.unitId, approve: true })).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
