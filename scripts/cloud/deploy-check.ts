/**
 * What a deployment needs, checked on the built `cloudfunctions/` folder before anyone uploads it:
 * every function's folder complete (index.js, package.json, config.json; the Word templates beside
 * the function that fills them), every package the bundle leaves to the cloud listed in its
 * package.json (a native one above all), config.json as WeChat takes it (one timer trigger in the
 * 7-field cron, the openapi calls granted, a timeout and memory the console accepts), and the
 * database the functions need (`database.json`: every collection with its security rule and its
 * indexes) as declared in the code. Each problem is said in Chinese, with what to do.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { allRounds } from '../../config/rounds';
import securityRules from '../../config/security/database.rules.json';
import { documentsFor } from '../../src/core/exports/documents';
import { parseRounds } from '../../src/core/round/round.loader';
import { allCollections } from '../../src/server/collections';
import { databaseIndexes, type IndexSpec } from '../../src/server/database.indexes';
import { triggerOf, type FunctionDef } from '../../src/server/function';
import { functions } from '../../src/server/functions';

/** The openapi calls each function makes (its config.json must grant them, or they fail in production only). */
export const REQUIRED_OPENAPI: Readonly<Record<string, readonly string[]>> = {
  applications: ['ocr.printedText'],
  review: ['subscribeMessage.send'],
  committee: ['subscribeMessage.send'],
  defense: ['subscribeMessage.send'],
  units: ['wxacode.getUnlimited'],
};

/** The functions that fill the Word templates and carry them beside their bundle. */
export const FUNCTIONS_WITH_TEMPLATES: readonly string[] = ['documents'];

/** What WeChat's console accepts for a function (the slider's steps; at most 60 s). */
const MEMORY_SIZES = [128, 256, 512, 1024, 2048];
const MAX_TIMEOUT_SECONDS = 60;
/** CloudBase: at most 100 indexes a collection, 31 fields an index. */
const MAX_INDEXES = 100;
const MAX_INDEX_FIELDS = 31;

export interface DatabaseDeclaration {
  readonly collections: readonly { readonly name: string; readonly rule: { readonly read: boolean; readonly write: boolean }; readonly indexes: readonly IndexSpec[] }[];
}

/** The database the functions need, as `build:cloud` writes it to `cloudfunctions/database.json`. */
export function declaredDatabase(): DatabaseDeclaration {
  const rules = securityRules.collections as Record<string, { read: boolean; write: boolean }>;
  return {
    collections: allCollections.map((c) => ({ name: c.name, rule: rules[c.name] ?? { read: true, write: true }, indexes: databaseIndexes[c.name] ?? [] })),
  };
}

const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
};

/** The bare packages a bundle still requires at run time (what the cloud must install). */
export function externalRequires(bundle: string): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(/require\(["']([^"'./][^"']*)["']\)/g)) {
    const specifier = match[1]!;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    if (name.startsWith('node:') || builtinModules.includes(name)) continue;
    found.add(name);
  }
  return [...found].sort();
}

const isCron7 = (cron: string) => cron.trim().split(/\s+/).length === 7;

function checkFunction(dir: string, fn: FunctionDef, problems: string[]): void {
  const name = fn.name;
  const where = `云函数 ${name}`;
  const indexFile = path.join(dir, 'index.js');
  const pkg = readJson<{ dependencies?: Record<string, string> }>(path.join(dir, 'package.json'));
  const config = readJson<{ permissions?: { openapi?: string[] }; triggers?: { name: string; type: string; config: string }[]; timeout?: number; memorySize?: number }>(path.join(dir, 'config.json'));
  if (!existsSync(indexFile)) problems.push(`${where}：缺少 index.js。请先运行 npm run build:cloud。`);
  if (!pkg) problems.push(`${where}：缺少 package.json（或格式不对），云端无法安装依赖。`);
  if (!config) problems.push(`${where}：缺少 config.json（或格式不对），云端不会授予接口权限、不会建定时触发器。`);
  if (!existsSync(indexFile) || !pkg || !config) return;

  const dependencies = pkg.dependencies ?? {};
  if (!dependencies['wx-server-sdk']) problems.push(`${where}：package.json 没有列出 wx-server-sdk。`);
  for (const required of externalRequires(readFileSync(indexFile, 'utf8'))) {
    if (!dependencies[required]) problems.push(`${where}：index.js 需要 ${required}，但 package.json 没有列出，云端不会安装它，函数一加载就会出错。请在 cloudfunctions/${name}/package.json 的 dependencies 中加上 ${required}。`);
  }
  for (const [dependency, version] of Object.entries(dependencies)) {
    if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`${where}：package.json 中 ${dependency} 的版本“${version}”不是确定的版本号，云端安装的可能与测试的不同。`);
  }

  const expected = triggerOf(fn);
  const triggers = config.triggers ?? [];
  if (triggers.length > 1) problems.push(`${where}：config.json 有 ${triggers.length} 个触发器，微信云开发每个云函数只支持一个。`);
  if (expected && !triggers.some((t) => t.name === expected.name && t.type === 'timer' && t.config === expected.config)) {
    problems.push(`${where}：config.json 缺少定时触发器 ${expected.name}（${expected.config}），${Object.keys(fn.timers).join('、')} 在云端不会运行。`);
  }
  if (!expected && triggers.length > 0) problems.push(`${where}：config.json 有定时触发器，但这个函数没有定时任务。`);
  for (const t of triggers) if (!isCron7(t.config)) problems.push(`${where}：触发器 ${t.name} 的 cron“${t.config}”不是 7 段（秒 分 时 日 月 星期 年）。`);

  const granted = config.permissions?.openapi ?? [];
  for (const api of REQUIRED_OPENAPI[name] ?? []) {
    if (!granted.includes(api)) problems.push(`${where}：config.json 没有授予 ${api}，这个接口在云端调用会失败。`);
  }
  if (!Number.isInteger(config.timeout) || config.timeout! < 1 || config.timeout! > MAX_TIMEOUT_SECONDS) problems.push(`${where}：config.json 的 timeout 应为 1—${MAX_TIMEOUT_SECONDS} 秒的整数（现为 ${String(config.timeout)}）。`);
  if (!MEMORY_SIZES.includes(config.memorySize ?? -1)) problems.push(`${where}：config.json 的 memorySize 应为 ${MEMORY_SIZES.join('、')} MB 之一（现为 ${String(config.memorySize)}）。`);

  if (FUNCTIONS_WITH_TEMPLATES.includes(name)) {
    const parsed = parseRounds(allRounds);
    if (!parsed.ok) throw new Error(`round files are invalid:\n  ${parsed.error.join('\n  ')}`);
    const offered = new Set(parsed.value.flatMap((round) => [...documentsFor(round, 'applicant'), ...documentsFor(round, 'unit')].map((d) => `${d.docx}.docx`)));
    for (const file of [...offered].sort()) {
      if (!existsSync(path.join(dir, 'templates', file))) problems.push(`${where}：缺少 Word 模板 templates/${file}，填这份文书会失败。请重新运行 npm run build:cloud。`);
    }
  }
}

function checkDatabase(file: string, problems: string[]): void {
  const built = readJson<DatabaseDeclaration>(file);
  if (!built) {
    problems.push('缺少 cloudfunctions/database.json（数据库集合、安全规则和索引）。请先运行 npm run build:cloud。');
    return;
  }
  const declared = declaredDatabase();
  for (const want of declared.collections) {
    const have = built.collections.find((c) => c.name === want.name);
    if (!have) {
      problems.push(`数据库：缺少集合 ${want.name}。请在云开发控制台创建它。`);
      continue;
    }
    if (have.rule.read !== want.rule.read || have.rule.write !== want.rule.write) problems.push(`数据库：集合 ${want.name} 的安全规则应为 ${JSON.stringify(want.rule)}。`);
    if (want.rule.read || want.rule.write) problems.push(`数据库：集合 ${want.name} 对客户端开放了读写；所有读写都应经过云函数。`);
    for (const index of want.indexes) {
      const same = have.indexes.find((i) => i.name === index.name && JSON.stringify(i.fields) === JSON.stringify(index.fields));
      if (!same) problems.push(`数据库：集合 ${want.name} 缺少索引 ${index.name}（${index.fields.map((f) => `${f.field} ${f.direction === 'asc' ? '升序' : '降序'}`).join('，')}），用于：${index.serves}。没有它，这个查询在数据多时会很慢或超时。`);
    }
    if (want.indexes.length > MAX_INDEXES) problems.push(`数据库：集合 ${want.name} 声明了 ${want.indexes.length} 个索引，超过每个集合 ${MAX_INDEXES} 个的上限。`);
    for (const index of want.indexes) if (index.fields.length > MAX_INDEX_FIELDS) problems.push(`数据库：索引 ${index.name} 有 ${index.fields.length} 个字段，超过 ${MAX_INDEX_FIELDS} 个的上限。`);
    const names = want.indexes.map((i) => i.name);
    if (new Set(names).size !== names.length) problems.push(`数据库：集合 ${want.name} 有重名的索引。`);
  }
  for (const name of Object.keys(databaseIndexes)) if (!allCollections.some((c) => c.name === name)) problems.push(`数据库：为不存在的集合 ${name} 声明了索引。`);
}

/** Every problem of the built deployment in `functionsDir`; empty when it is ready to upload. */
export function deployProblems(functionsDir: string): string[] {
  const problems: string[] = [];
  const folders = readdirSync(functionsDir).filter((entry) => statSync(path.join(functionsDir, entry)).isDirectory() && entry !== 'node_modules');
  for (const fn of Object.values(functions) as FunctionDef[]) {
    if (!folders.includes(fn.name)) problems.push(`缺少云函数目录 cloudfunctions/${fn.name}。`);
    else checkFunction(path.join(functionsDir, fn.name), fn, problems);
  }
  for (const folder of folders) if (!(folder in functions)) problems.push(`cloudfunctions/${folder} 不是任何云函数：上传后没有代码处理它。`);
  checkDatabase(path.join(functionsDir, 'database.json'), problems);
  return problems;
}
