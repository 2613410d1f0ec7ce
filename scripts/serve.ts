/**
 * `npm run serve`: the built H5 app and the local cloud runtime on one origin, no watching.
 * Builds the H5 app first when dist/h5 is missing. For demos and the e2e tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatBeijingMoment } from '../src/core/time/format';
import { dataDir, projectRoot, startLocalRuntime, stopOnSignals } from './local-runtime';

async function main(): Promise<void> {
  const staticDir = path.join(projectRoot, 'dist', 'h5');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    console.log('正在构建 H5 应用（首次构建约需 1 分钟）…');
    const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: projectRoot, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const runtime = await startLocalRuntime({ staticDir });
  stopOnSignals(runtime.close);
  console.log(`
  职称评审通（本地）已启动
  应用（H5）：     ${runtime.url}/
  开发控制台：     ${runtime.url}/dev
  运行环境时间：   ${formatBeijingMoment(runtime.clock.now())}（北京时间${runtime.clock.offsetMs() !== 0 ? '，已调到演示批次的申报期内' : ''}；可在开发控制台调整）
  数据目录：       ${dataDir()}
  按 Ctrl-C 停止。`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
