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

// Everything `npm run build` reads. When none of it changed since the last build, the build is
// skipped: even with nothing to do, tsc takes seconds to find that out and Vite rebuilds the tab,
// which made every `npm start` wait half a minute on a busy machine.
const buildInputs = [
  'bot',
  // The message catalogs: the server's build copies them into dist, the tab bundles them.
  'locales',
  'scripts',
  'tab',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];
const buildOutputs = ['dist/bot/src/index.js', 'tab/dist/index.html'];
const buildStamp = 'dist/.build-stamp';

function newestMtime(file) {
  if (file === 'tab/dist') return 0;
  const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return stat?.mtimeMs ?? 0;
  // A directory's own time changes when an entry is removed or renamed.
  const entries = fs
    .readdirSync(path.join(root, file))
    .map((name) => newestMtime(`${file}/${name}`));
  return Math.max(stat.mtimeMs, ...entries);
}

if (process.argv.includes('--build')) {
  const stamp = mtime(buildStamp);
  const upToDate =
    buildOutputs.every((file) => mtime(file) > 0) &&
    stamp > Math.max(...buildInputs.map(newestMtime));
  if (upToDate) {
    console.log('[setup] the build is up to date');
  } else {
    // tsc's incremental record says "up to date" even when the output beside it was deleted.
    if (!mtime('dist/bot/src/index.js'))
      fs.rmSync(path.join(root, 'dist/.tsbuildinfo'), { force: true });
    const started = new Date();
    step('compiling the server (tsc) and building the tab (vite)', npm, [
      'run',
      '--silent',
      'build',
    ]);
    // Dated from before the build, so a file saved while it ran still counts as newer.
    fs.writeFileSync(path.join(root, buildStamp), '');
    fs.utimesSync(path.join(root, buildStamp), started, started);
  }
}
