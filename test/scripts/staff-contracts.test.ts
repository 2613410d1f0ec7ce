import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The staff functions' payload schemas reach the client only through `services/api/staff-contracts`
 * (keeping them out of the main package): every file that calls committee, defense, review or
 * documents imports it, and no main-package page does.
 */
const SRC = path.resolve(__dirname, '../../src');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const full = path.join(dir, name);
  return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
});
const STAFF_CALL = /\b(?:call|useCall)(?:<[^>]*>)?\('(committee|defense|review|documents)'/;
const REGISTERS = /^import '(?:\.\.\/)+services\/api\/staff-contracts';$/m;

describe('the staff functions’ contracts', () => {
  const all = files(SRC);

  it('are registered by every file that calls a staff function', () => {
    const callers = all.filter((f) => STAFF_CALL.test(readFileSync(f, 'utf8')));
    expect(callers.length).toBeGreaterThan(5);
    expect(callers.filter((f) => !REGISTERS.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('are never imported by the main package’s pages or the app shell', () => {
    const main = all.filter((f) => path.relative(SRC, f).startsWith('pages/') || /^app\.(tsx?|config\.ts)$/.test(path.relative(SRC, f)));
    expect(main.filter((f) => readFileSync(f, 'utf8').includes('staff-contracts')).map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
