import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIRM, IRREVERSIBLE } from '../../src/core/review/confirmations';

/**
 * Every act that cannot be undone is confirmed first: each page that calls one of the actions
 * `IRREVERSIBLE` lists also asks with that act's confirmation (CONFIRM.<builder>), and the list
 * names the acts the issue asked for.
 */
const SRC = path.resolve(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx$/.test(name) ? [full] : [];
  });

describe('irreversible acts', () => {
  const pages = files(SRC).map((f) => ({ file: path.relative(SRC, f), text: readFileSync(f, 'utf8') }));

  it('are the review chain’s approve and return, the committee’s receipt and fee, a unit’s approval and the certificate', () => {
    expect(Object.keys(IRREVERSIBLE).sort()).toEqual(['committee.certify', 'committee.receive', 'committee.recordFee', 'review.approve', 'review.approveMany', 'review.return', 'rounds.publish', 'units.decide']);
  });

  it.each(Object.entries(IRREVERSIBLE))('%s is asked before it is done, wherever it is called', (key, builder) => {
    const [fn, action] = key.split('.') as [string, string];
    const callers = pages.filter((p) => new RegExp(`call\\('${fn}', '${action}'`).test(p.text));
    expect(callers.length).toBeGreaterThan(0);
    for (const p of callers) expect({ file: p.file, asks: p.text.includes(`CONFIRM.${builder}(`) }).toEqual({ file: p.file, asks: true });
  });

  it('say whom they affect and what follows', () => {
    expect(CONFIRM.giveBack('李娜', 1, 3).content).toBe('确定退回李娜的申报吗？退回后要在通知规定的时间内改好并重新提交，逾期视为放弃；已提交 1 次，最多 3 次。');
    expect(CONFIRM.certify(3).content).toBe('确认 3 人取得资格吗？确认后每人会收到通知，不能撤销。');
    for (const c of [CONFIRM.approve('李娜'), CONFIRM.recordFee('王建新'), CONFIRM.receive('王建新'), CONFIRM.approveUnit('尉犁县水利工作站', '张伟')]) {
      expect(c.content).toMatch(/李娜|王建新|尉犁县水利工作站/);
      expect(c.confirmText).not.toBe(c.title);
    }
  });
});
