import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { inviteCodeFromScene } from '../../src/core/people/invite-scene';
import { openHarness, type Harness } from './harness';

/** Units: registered by their admin, approved by the HR bureau of their level, joined by invite code. */
describe('units function', () => {
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
    call(zhangWei, 'register', { name: '尉犁县水利工作站', level, kind: 'institution', county: level === 'county' ? '尉犁县' : null });

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

    const mine = data<{ relation: string; status: string; inviteCode: string }>(await call(zhangWei, 'mine', {}));
    expect(mine).toMatchObject({ relation: 'admin', status: 'approved', inviteCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/) });
    expect(data<{ role: string; unitName: string }>(await dispatch(functions, 'account', { action: 'me', payload: {} }, zhangWei, deps))).toMatchObject({ role: 'unit_admin', unitName: '尉犁县水利工作站' });
    const [notice] = data<{ title: string }[]>(await call(zhangWei, 'inbox', {}, 'applications'));
    expect(notice).toMatchObject({ title: '单位登记已通过' });

    // 热依拉 joins with the code as typed on a phone (lower case, spaces); a member sees no code.
    const typed = ` ${mine.inviteCode.slice(0, 3).toLowerCase()} ${mine.inviteCode.slice(3)} `;
    expect(data(await call(reyila, 'join', { inviteCode: typed }))).toMatchObject({ name: '尉犁县水利工作站', relation: 'member', inviteCode: null });
    expect(data<{ unitName: string }>(await dispatch(functions, 'account', { action: 'me', payload: {} }, reyila, deps)).unitName).toBe('尉犁县水利工作站');
  });

  it('draws the invite code as a code that opens 我的单位 with it, once per code', async () => {
    const zhaoLei: Caller = { openid: 'demo-openid-unit-admin' };
    const unlimited = jest.spyOn(deps.codes, 'unlimited');
    const image = data<{ url: string; inviteCode: string }>(await call(zhaoLei, 'inviteImage', {}));
    expect(image).toEqual({ url: expect.stringMatching(/^http/), inviteCode: 'YLNJ23' });
    const unit = (await deps.store.get('units', 'unit-yuli-agri')) as unknown as { inviteImage: { inviteCode: string; ref: string } };
    expect(unit.inviteImage.inviteCode).toBe('YLNJ23');
    const { data: pixels, info } = await sharp(Buffer.from((await harness.files.get(unit.inviteImage.ref))!)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length), info.width, info.height);
    expect(read?.data).toBe('http://127.0.0.1:10086/#/pages/unit/index?scene=c%3DYLNJ23');
    expect(inviteCodeFromScene(new URL(read!.data.replace('#/', '')).searchParams.get('scene') ?? '')).toBe('YLNJ23');
    // Asked again: the kept image, not another call to WeChat (getUnlimited has a daily quota).
    expect(data<{ inviteCode: string }>(await call(zhaoLei, 'inviteImage', {})).inviteCode).toBe('YLNJ23');
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
    expect((await call(reyila, 'join', { inviteCode: 'ABC' })).reply).toMatchObject({ ok: false, message: '邀请码是 6 位字母和数字，请向单位管理员核对。' });
    expect((await call(reyila, 'join', { inviteCode: 'ZZZZZZ' })).reply).toMatchObject({ ok: false, message: '邀请码不对：没有找到这个单位。请向单位管理员核对后再试。' });
    await register();
    const [unit] = data<{ unitId: string }[]>(await call(countyHr, 'pending', {}));
    await call(countyHr, 'decide', { unitId: unit!.unitId, approve: true });
    const code = data<{ inviteCode: string }>(await call(zhangWei, 'mine', {})).inviteCode;
    expect((await call(liNa, 'join', { inviteCode: code })).reply).toMatchObject({ ok: false, message: '您已经在另一个单位，不能直接加入新单位。' });
  });

  it('rejects with a reason the registrant is told, and lets them register again', async () => {
    await register('prefecture');
    const [unit] = data<{ unitId: string }[]>(await call(prefectureHr, 'pending', {}));
    expect((await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: false })).reply).toMatchObject({ ok: false, message: '不通过时请写明理由。' });
    await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: false, reason: '单位名称与营业执照不一致' });
    expect(data(await call(zhangWei, 'mine', {}))).toMatchObject({ status: 'rejected', rejectReason: '单位名称与营业执照不一致' });
    expect((await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: true })).reply).toMatchObject({ ok: false });
    expect((await register('prefecture')).status).toBe(200);
  });

  it('keeps each bureau to its own units', async () => {
    await register();
    const [unit] = data<{ unitId: string }[]>(await call(countyHr, 'pending', {}));
    expect((await call(prefectureHr, 'decide', { unitId: unit!.unitId, approve: true })).reply).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await call(reyila, 'decide', { unitId: unit!.unitId, approve: true })).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
