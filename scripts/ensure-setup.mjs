// Makes a fresh clone runnable with nothing but Node and npm: installs the locked dependencies
// when they are missing or stale, then (with --build) compiles what `npm start` runs.
// Uses only Node built-ins because it runs before any dependency exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(label, command, args) {
  const started = Date.now();
  console.log(`[setup] ${label}…`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[setup] ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`[setup] ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function mtime(file) {
  return fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

if (mtime('node_modules/.package-lock.json') < mtime('package-lock.json')) {
  step('installing dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--build')) {
  // tsc's incremental record says "up to date" even when the output beside it was deleted.
  if (!mtime('dist/bot/src/index.js'))
    fs.rmSync(path.join(root, 'dist/.tsbuildinfo'), { force: true });
  step('compiling the server (tsc) and building the tab (vite)', npm, ['run', '--silent', 'build']);
}
