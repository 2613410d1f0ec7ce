import { tally, tallyText } from '../../../src/core/evaluation/votes';

describe('tally', () => {
  it('counts the meeting experts’ votes and who has not voted', () => {
    const t = tally(
      [
        { expertId: 'e1', vote: 'agree' },
        { expertId: 'e2', vote: 'disagree' },
        { expertId: 'e3', vote: 'agree' },
        // Not an expert of this meeting: not counted.
        { expertId: 'x', vote: 'agree' },
      ],
      ['e1', 'e2', 'e3', 'e4'],
    );
    expect(t).toEqual({ agree: 2, disagree: 1, abstain: 0, missing: 1 });
    expect(tallyText(t)).toBe('同意 2，不同意 1，弃权 0，未投 1');
  });

  it('says nothing of missing votes once everyone voted', () => {
    expect(tallyText(tally([{ expertId: 'e1', vote: 'abstain' }], ['e1']))).toBe('同意 0，不同意 0，弃权 1');
  });
});
