import { cloudMain } from '../../src/server/cloud/cloud.main';
import { accountFunction } from '../../src/server/functions/account.function';
import { createFakeWxCloud, type FakeWxCloud } from '../fakes/wx-server-sdk.fake';

/** The thin cloud entry over the fake SDK: init once, identity from getWXContext only. */
describe('cloudMain', () => {
  let cloud: FakeWxCloud;
  let main: (event: unknown) => Promise<unknown>;

  beforeEach(() => {
    cloud = createFakeWxCloud();
    for (const name of ['people', 'units', 'applications']) cloud.createCollection(name);
    cloud.putRaw('units', { _id: 'u1', _rev: 1, name: '阿克苏地区水利水电勘测设计院', level: 'prefecture', prefecture: '阿克苏地区', county: null, kind: 'institution' });
    cloud.putRaw('people', { _id: 'p1', _rev: 1, openid: 'oSENIOR', name: '王建新', role: 'applicant', unitId: 'u1', prefecture: '阿克苏地区', county: null });
    cloud.putRaw('people', { _id: 'p2', _rev: 1, openid: 'oEXPERT', name: '刘文博', role: 'expert', unitId: null, prefecture: '阿克苏地区', county: null });
    main = cloudMain(accountFunction, cloud, { miniprogramState: 'formal' });
  });

  it('initialises the SDK for the current environment when the module loads', () => {
    expect(cloud.initOptions).toEqual({ env: cloud.DYNAMIC_CURRENT_ENV });
  });

  it('answers as the person getWXContext names, ignoring the userInfo the event carries', async () => {
    cloud.setContext({ OPENID: 'oSENIOR', APPID: 'wx123' });
    const reply = await main({ action: 'me', payload: {}, userInfo: { openId: 'oEXPERT', appId: 'wx123' } });
    expect(reply).toMatchObject({ ok: true, data: { personId: 'p1', name: '王建新', unitName: '阿克苏地区水利水电勘测设计院' } });
  });

  it('treats a call without an OPENID (a timer, a console test) as signed out', async () => {
    cloud.setContext({});
    expect(await main({ action: 'me' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN', message: expect.stringMatching(/登录/) });
  });

  it('answers bad input with a code and a Chinese message, as over HTTP', async () => {
    cloud.setContext({ OPENID: 'oSENIOR' });
    expect(await main({ action: 'nope' })).toMatchObject({ ok: false, code: 'REQUEST.UNKNOWN_ACTION' });
    expect(await main('me')).toMatchObject({ ok: false, code: 'REQUEST.MALFORMED' });
  });
});
