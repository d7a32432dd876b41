import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from '../bot/src/platform/store/embedded-database';
import { envNumber, log, projectRoot, sleep } from './support/harness';

/**
 * `npm run bench:start`: how long `npm start` takes until GET /healthz answers 200.
 *
 * - Warm (BENCH_WARM_RUNS, default 5): this clone as it is, nothing changed since the last
 *   build. Wall time, and the CPU time of every process npm start ran (the steadier figure on a
 *   shared machine), with when each phase's line appeared.
 * - First run (BENCH_FIRST_RUN=1): a fresh clone of this commit in a temporary folder with empty
 *   npm, Go module, Go build and FerretDB caches, as on a new machine: `npm ci`, the compile and
 *   FerretDB's Go build from nothing. Downloads from the npm registry and the Go module proxy.
 */
const root = projectRoot();

/** Marks in the output of npm start, as phases. */
const MARKS: [string, RegExp][] = [
  [
    'dependencies installed',
    /\[setup\] (installing dependencies \(npm ci\): done|dependencies: as locked)/,
  ],
  ['server compiled', /\[setup\] compiling the server \(tsc\): (done|up to date)/],
  ['tab built', /\[setup\] building the tab \(vite\): (done|up to date)/],
  ['FerretDB built', /\[setup\] (FerretDB ready after|embedded database \(FerretDB\): built)/],
  ['setup done', /\[setup\] ready in/],
  ['database listening', /embedded database listening/],
  ['app listening', /Rapport is listening/],
];

interface Run {
  seconds: number;
  cpuSeconds: number;
  marks: Record<string, number>;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** utime + stime of a process, and of its children it has waited for. */
function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14–17 of proc(5): utime, stime, cutime, cstime (here shifted by the two before ')').
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0);
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  const children = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** Runs `npm start` in `cwd` until /healthz answers, then stops it with SIGTERM. */
async function timeStart(cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  const port = await freeLoopbackPort();
  const started = Date.now();
  const npm = spawn('npm', ['start'], {
    cwd,
    env: { ...env, PORT: String(port), npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const marks: Record<string, number> = {};
  let output = '';
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    for (const [name, pattern] of MARKS)
      if (marks[name] === undefined && pattern.test(output))
        marks[name] = (Date.now() - started) / 1000;
  };
  npm.stdout.on('data', read);
  npm.stderr.on('data', read);
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  try {
    for (;;) {
      if (npm.exitCode !== null) throw new Error(`npm start exited:\n${output.slice(-3000)}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`not healthy after ${timeoutMs} ms:\n${output.slice(-3000)}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((res) => res.status === 200)
        .catch(() => false);
      if (healthy) break;
      await sleep(25);
    }
    const seconds = (Date.now() - started) / 1000;
    const pids = [npm.pid!, ...descendants(npm.pid!)];
    const cpuSeconds = pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) / CLOCK_TICKS;
    return { seconds, cpuSeconds, marks };
  } finally {
    npm.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function printRun(label: string, run: Run): void {
  const phases = Object.entries(run.marks)
    .sort((a, b) => a[1] - b[1])
    .map(([name, at]) => `${name} ${at.toFixed(1)} s`)
    .join(', ');
  log(
    `${label}: healthy after ${run.seconds.toFixed(2)} s, ${run.cpuSeconds.toFixed(2)} s CPU (${phases})`,
  );
}

async function warm(runs: number): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-start-'));
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir };
  try {
    await timeStart(root, env, 600_000); // builds whatever is stale, so the runs below are warm
    const results: Run[] = [];
    for (let i = 1; i <= runs; i++) {
      const run = await timeStart(root, env, 120_000);
      printRun(`warm run ${i}`, run);
      results.push(run);
    }
    log(
      `warm npm start: median ${median(results.map((r) => r.seconds)).toFixed(2)} s to healthy ` +
        `(${median(results.map((r) => r.cpuSeconds)).toFixed(2)} s CPU), load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh clone of HEAD with every cache empty, started once. */
async function firstRun(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-first-'));
  const clone = path.join(dir, 'rapport');
  try {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
    execFileSync('git', [
      '-C',
      clone,
      'checkout',
      '--quiet',
      execFileSync('git', ['-C', root, 'rev-parse', 'HEAD']).toString().trim(),
    ]);
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      npm_config_cache: path.join(dir, 'npm-cache'),
      GOMODCACHE: path.join(dir, 'go-mod'),
      GOCACHE: path.join(dir, 'go-build'),
      GOPATH: path.join(dir, 'go'),
      ...(process.env.GOPROXY ? { GOPROXY: process.env.GOPROXY } : {}),
    };
    log(`first run in ${clone} (empty npm, Go and FerretDB caches)`);
    const run = await timeStart(clone, env, 1_200_000);
    printRun('first run', run);
  } finally {
    // Go's module cache is read-only by design.
    execFileSync('chmod', ['-R', 'u+w', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await warm(envNumber('BENCH_WARM_RUNS', 5, 1));
  if (process.env.BENCH_FIRST_RUN === '1') await firstRun();
  else log('first run skipped: BENCH_FIRST_RUN=1 measures one (several minutes, downloads)');
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
