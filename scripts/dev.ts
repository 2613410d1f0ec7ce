/**
 * `npm run dev`: the local cloud runtime plus Taro's H5 dev server (watching, port 10086), which
 * forwards /api, /upload, /files and /dev to the runtime so the app sees one origin.
 */
import { spawn } from 'node:child_process';
import { formatBeijingMoment } from '../src/core/time/format';
import { dataDir, projectRoot, startLocalRuntime, stopOnSignals } from './local-runtime';

async function main(): Promise<void> {
  const runtime = await startLocalRuntime({ appUrl: 'http://127.0.0.1:10086' });
  const port = new URL(runtime.url).port;
  // Its own process group, so stopping ends npx and the watcher under it, however the stop comes.
  const taro = spawn('npx', ['taro', 'build', '--type', 'h5', '--watch'], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'development', RUNTIME_PORT: port },
  });
  let announced = false;
  taro.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /compiled|编译|successfully/i.test(chunk.toString())) {
      announced = true;
      console.log(`
  职称评审通（本地开发）已启动
  应用（H5）：     http://127.0.0.1:10086/
  开发控制台：     http://127.0.0.1:10086/dev  （也可直接访问 ${runtime.url}/dev）
  本地云运行时：   ${runtime.url}
  运行环境时间：   ${formatBeijingMoment(runtime.clock.now())}（北京时间${runtime.clock.offsetMs() !== 0 ? '，已调到演示批次的申报期内' : ''}；可在开发控制台调整）
  数据目录：       ${dataDir()}
  按 Ctrl-C 停止。`);
    }
  });
  taro.on('exit', (code) => {
    void runtime.close().finally(() => process.exit(code ?? 0));
  });
  stopOnSignals(async () => {
    if (taro.pid !== undefined && taro.exitCode === null) process.kill(-taro.pid, 'SIGTERM');
    await runtime.close();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
