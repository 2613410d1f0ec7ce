import { inviteCodeFromScene, inviteScene } from '../../../src/core/people/invite-scene';

describe('the invite code in a mini-program code’s scene', () => {
  it('reads back what it writes, within getUnlimited’s 32 characters', () => {
    expect(inviteScene('YLNJ23KQ7M')).toBe('c=YLNJ23KQ7M');
    expect(inviteScene('YLNJ23KQ7M').length).toBeLessThanOrEqual(32);
    expect(inviteCodeFromScene(inviteScene('YLNJ23KQ7M'))).toBe('YLNJ23KQ7M');
  });

  it('reads the scene as WeChat hands it to the page: URL-encoded, maybe with other parameters', () => {
    expect(inviteCodeFromScene('c%3DYLNJ23KQ7M')).toBe('YLNJ23KQ7M');
    expect(inviteCodeFromScene(encodeURIComponent('x=1&c=ylnj23kq7m'))).toBe('YLNJ23KQ7M');
  });

  it.each([[undefined], [''], ['c%3D'], ['c=YLN'], ['c=YLNJ21'], ['c=YLNJ23'], ['c=YLNJ23KQ7'], ['x=YLNJ23KQ7M'], ['%E0%A4%A']])('finds no code in %j', (raw) => {
    expect(inviteCodeFromScene(raw)).toBeNull();
  });
});
