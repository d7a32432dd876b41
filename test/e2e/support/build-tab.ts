import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Whether tab/dist is missing or older than anything it is built from. */
export function tabBuildIsStale(): boolean {
  const built = newestMtime(path.join(root, 'tab', 'dist', 'index.html'));
  const sources = Math.max(
    ...['tab/src', 'tab/index.html', 'tab/vite.config.mts', 'bot/src/domain/traits.ts'].map((p) =>
      newestMtime(path.join(root, p)),
    ),
  );
  return built === 0 || built < sources;
}

/**
 * The e2e specs load the tab that the server serves from tab/dist: build it when it is missing or
 * stale (`npm test` has built it already through `npm run build`; `npx jest test/e2e` may not).
 */
export default async function buildTab(): Promise<void> {
  if (!tabBuildIsStale()) return;
  process.stderr.write('[e2e setup] building the tab (vite build)…\n');
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'tab/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    // Jest sets NODE_ENV=test, which Vite would bake into the bundle: React's development build,
    // and Griffel's test mode, which drops static styles such as the page's zero margin.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}
