/**
 * `npm run check:deploy`: is the built `cloudfunctions/` folder ready to upload? Says every problem
 * in Chinese (see scripts/cloud/deploy-check.ts) and fails when there is one.
 */
import path from 'node:path';
import { deployProblems } from './cloud/deploy-check';

const problems = deployProblems(path.resolve(__dirname, '..', 'cloudfunctions'));
if (problems.length > 0) {
  console.error(`部署检查未通过，共 ${problems.length} 处：\n${problems.map((p, i) => `${i + 1}. ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('部署检查通过：云函数、依赖、config.json、Word 模板和数据库的集合、安全规则、索引都齐全。');
