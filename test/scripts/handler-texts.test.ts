import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Handlers load, decide and stage; what people read lives in the core beside the rules it speaks
 * for (issue 24). No action, function or timer file of the server holds Chinese text outside its
 * comments: a refusal or a message is named there and worded in the core.
 */
const server = path.resolve(__dirname, '../../src/server');
const HANDLER = /(\.function|\.actions?|\.timer)\.ts$/;
const CHINESE = /[\u4e00-\u9fa5]/;

function handlerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return handlerFiles(full);
    return HANDLER.test(e.name) ? [full] : [];
  });
}

/** Lines of code, without comments (`//` to the end of a line, and JSDoc or block comments). */
function codeLines(source: string): { line: number; text: string }[] {
  const withoutBlocks = source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  return withoutBlocks.split('\n').map((text, i) => ({ line: i + 1, text: text.replace(/(^|[^:'"`])\/\/.*$/, '$1') }));
}

describe('handler files', () => {
  const files = handlerFiles(server);

  it('are found (the functions, their actions and timers)', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it('hold no Chinese text outside comments', () => {
    const found = files.flatMap((file) => codeLines(readFileSync(file, 'utf8')).filter((l) => CHINESE.test(l.text)).map((l) => `${path.relative(server, file)}:${l.line}: ${l.text.trim()}`));
    expect(found).toEqual([]);
  });

  it('would catch one', () => {
    expect(codeLines("const a = '请稍后再试'; // 中文注释\n/** 说明 */").filter((l) => CHINESE.test(l.text))).toHaveLength(1);
  });
});
