import { cloudFailureCode } from '../../src/services/platform/cloud-failure';
import { asReply } from '../../src/services/platform/reply';

describe('asReply', () => {
  it.each([
    ['a success', { ok: true, data: [1] }, { ok: true, data: [1] }],
    ['a refusal', { ok: false, code: 'AUTH.FORBIDDEN', message: '没有权限' }, { ok: false, code: 'AUTH.FORBIDDEN', message: '没有权限' }],
    ['a refusal with details', { ok: false, code: 'X', message: 'm', details: ['a', 3] }, { ok: false, code: 'X', message: 'm', details: ['a'] }],
  ])('keeps %s', (_label, body, expected) => {
    expect(asReply(body)).toEqual(expected);
  });

  it.each([[null], ['text'], [{}], [{ ok: true }], [{ ok: false }], [{ ok: 'yes', data: 1 }]])('treats %j as a server fault', (body) => {
    expect(asReply(body)).toMatchObject({ ok: false, code: 'INTERNAL.ERROR', message: expect.stringMatching(/服务器/) });
  });
});

describe('cloudFailureCode', () => {
  it.each([
    [{ errMsg: 'cloud.callFunction:fail request:fail' }, 'NETWORK.UNREACHABLE'],
    [{ errMsg: 'cloud.callFunction:fail Error: network error' }, 'NETWORK.UNREACHABLE'],
    [{ errMsg: 'cloud.callFunction:fail timeout' }, 'NETWORK.TIMEOUT'],
    [{ errCode: -404011, errMsg: 'cloud.callFunction:fail -404011 cloud function execution error' }, 'INTERNAL.ERROR'],
    [{ errCode: -501000, errMsg: 'cloud.callFunction:fail FunctionName parameter could not be found' }, 'INTERNAL.ERROR'],
    [new Error('uploadFile:fail request:fail'), 'NETWORK.UNREACHABLE'],
    ['weird', 'INTERNAL.ERROR'],
  ])('maps %j to %s', (caught, code) => {
    expect(cloudFailureCode(caught)).toBe(code);
  });
});
