import { inviteCodeFromScene, inviteScene } from '../../../src/core/people/invite-scene';

describe('the invite code in a mini-program code’s scene', () => {
  it('reads back what it writes, within getUnlimited’s 32 characters', () => {
    expect(inviteScene('YLNJ23')).toBe('c=YLNJ23');
    expect(inviteScene('YLNJ23').length).toBeLessThanOrEqual(32);
    expect(inviteCodeFromScene(inviteScene('YLNJ23'))).toBe('YLNJ23');
  });

  it('reads the scene as WeChat hands it to the page: URL-encoded, maybe with other parameters', () => {
    expect(inviteCodeFromScene('c%3DYLNJ23')).toBe('YLNJ23');
    expect(inviteCodeFromScene(encodeURIComponent('x=1&c=ylnj23'))).toBe('YLNJ23');
  });

  it.each([[undefined], [''], ['c%3D'], ['c=YLN'], ['c=YLNJ21'], ['x=YLNJ23'], ['%E0%A4%A']])('finds no code in %j', (raw) => {
    expect(inviteCodeFromScene(raw)).toBeNull();
  });
});
