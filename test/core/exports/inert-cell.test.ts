import { inertCell } from '../../../src/core/exports/roster';

/** Roster cells a spreadsheet would run are kept as text (issue 22, item 10). */
describe('inertCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ['+cmd|\' /C calc\'!A0', `'+cmd|' /C calc'!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['-1+2', `'-1+2`],
    ['\t=1+1', `'\t=1+1`],
  ])('neutralises %j', (typed, cell) => {
    expect(inertCell(typed)).toBe(cell);
  });

  it.each(['李娜', '阿克苏地区林业技术推广中心', '11010519491231002X', '-', '', '2024-08'])('keeps %j as it is', (text) => {
    expect(inertCell(text)).toBe(text);
  });
});
