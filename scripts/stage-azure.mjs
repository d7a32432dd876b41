// `npm run stage:azure` (the Agents Toolkit's deploy step, after `npm run build`): lays out in
// build/azure exactly what App Service runs — the compiled server, the tab's build and the
// production dependencies — so the zip carries no dev tools, sources or local data.
// Uses only Node built-ins, like ensure-setup.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(root, 'build', 'azure');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const built of ['dist/bot/src/index.js', 'tab/dist/index.html']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`[stage] ${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const file of ['package.json', 'package-lock.json']) {
  fs.copyFileSync(path.join(root, file), path.join(stage, file));
}
fs.cpSync(path.join(root, 'dist', 'bot'), path.join(stage, 'dist', 'bot'), { recursive: true });
fs.cpSync(path.join(root, 'tab', 'dist'), path.join(stage, 'tab', 'dist'), { recursive: true });

console.log('[stage] installing production dependencies into build/azure…');
const install = spawnSync(
  npm,
  ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
  {
    cwd: stage,
    stdio: 'inherit',
  },
);
if (install.status !== 0) {
  console.error(`[stage] npm ci failed (exit ${install.status ?? install.signal}).`);
  process.exit(install.status ?? 1);
}
console.log('[stage] build/azure is ready to deploy.');
