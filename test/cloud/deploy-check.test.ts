import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployProblems, externalRequires } from '../../scripts/cloud/deploy-check';

/**
 * `npm run check:deploy` on the built `cloudfunctions/` folder (run `npm run build:cloud` first):
 * a fresh build passes; a copy missing an index, a trigger, a Word template or a native external
 * fails, each with a Chinese message that says what is missing and what it breaks.
 */
const built = path.resolve(__dirname, '..', '..', 'cloudfunctions');

describe('the deployment check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
    cpSync(built, dir, { recursive: true, filter: (from) => !from.endsWith('.ts') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(path.join(dir, file), JSON.stringify(json));
  };

  it('passes a fresh build', () => {
    expect(deployProblems(dir)).toEqual([]);
  });

  it('fails when the database misses an index, naming the collection, the index and the query it serves', () => {
    edit('database.json', (db) => {
      const applications = (db.collections as { name: string; indexes: { name: string }[] }[]).find((c) => c.name === 'applications')!;
      applications.indexes = applications.indexes.filter((i) => i.name !== 'personId_1__year_1___id_1');
    });
    expect(deployProblems(dir)).toEqual([expect.stringContaining('数据库：集合 applications 缺少索引 personId_1__year_1___id_1（personId 升序，year 升序，_id 升序），用于：同一人同一年的申报')]);
  });

  it('fails when a timer trigger is missing from config.json', () => {
    edit('review/config.json', (config) => {
      delete config.triggers;
    });
    expect(deployProblems(dir)).toEqual(['云函数 review：config.json 缺少定时触发器 timers（0 * * * * * *），deliverOutbox、deadlines 在云端不会运行。']);
  });

  it('fails when a Word template is missing beside the documents function', () => {
    rmSync(path.join(dir, 'documents', 'templates', 'personal_commitment.docx'));
    expect(deployProblems(dir)).toEqual(['云函数 documents：缺少 Word 模板 templates/personal_commitment.docx，填这份文书会失败。请重新运行 npm run build:cloud。']);
  });

  it('fails when a native package the bundle needs is not in the function’s package.json', () => {
    edit('applications/package.json', (pkg) => {
      delete (pkg.dependencies as Record<string, string>).sharp;
    });
    expect(deployProblems(dir)).toEqual([expect.stringContaining('云函数 applications：index.js 需要 sharp，但 package.json 没有列出，云端不会安装它')]);
  });

  it('fails on a second trigger, an open collection and a timeout the console refuses', () => {
    edit('review/config.json', (config) => {
      config.triggers = [...(config.triggers as unknown[]), { name: 'again', type: 'timer', config: '0 0 * * * * *' }];
      config.timeout = 90;
    });
    edit('database.json', (db) => {
      (db.collections as { name: string; rule: { read: boolean } }[]).find((c) => c.name === 'people')!.rule.read = true;
    });
    const problems = deployProblems(dir);
    expect(problems).toContain('云函数 review：config.json 有 2 个触发器，微信云开发每个云函数只支持一个。');
    expect(problems).toContain('云函数 review：config.json 的 timeout 应为 1—60 秒的整数（现为 90）。');
    expect(problems).toContain('数据库：集合 people 的安全规则应为 {"read":false,"write":false}。');
  });

  it('reads the packages a bundle leaves to the cloud, not Node’s own modules', () => {
    expect(externalRequires('var a=require("sharp"),b=require("node:fs"),c=require("path"),d=require("@img/colour/x"),e=require("./local");')).toEqual(['@img/colour', 'sharp']);
  });
});
