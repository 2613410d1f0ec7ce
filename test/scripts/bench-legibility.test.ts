import { commonCharacters, recognisedShare } from '../../scripts/bench-legibility';

describe('legibility score', () => {
  it('counts the characters of the truth read in order', () => {
    expect(commonCharacters('编号XJ2018-1000', '编号X2018-1000')).toBe(12);
    expect(commonCharacters('特发此证', '证此发特')).toBe(1);
    expect(commonCharacters('特发此证', '')).toBe(0);
  });

  it('scores each true line against its best read line, ignoring spaces and full-width digits', () => {
    expect(recognisedShare(['第1行 特发此证', '第2行 特发此证'], ['第２行特发此证', '第1行特发'])).toBeCloseTo((6 + 7) / 14);
    expect(recognisedShare(['特发此证'], [])).toBe(0);
  });
});
