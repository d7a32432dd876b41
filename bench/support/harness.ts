import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { freeLoopbackPort } from '../../bot/src/platform/store/embedded-database';

/**
 * What the benchmarks share: progress lines, clean-up on exit, and the built app run as its own
 * process (the load generator must not share its event loop).
 */
const started = Date.now();

export const log = (line: string) =>
  process.stdout.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`,
  );

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`${name} must be a number ≥ ${min} (got "${raw}")`);
  }
  return value;
}

/** The folder holding package.json, from bench/ (type-checking) or dist/bench/ (running). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

type Cleanup = () => Promise<void>;
export const cleanups: Cleanup[] = [];
/** Set once the benchmark shuts down, when children exiting is expected. */
export const state = { stopping: false };

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    await cleanup().catch((err: unknown) => log(`clean-up step failed: ${String(err)}`));
  }
}

export function waitForExit(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forced = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(forced);
      resolve();
    });
  });
}

export interface AppProcess {
  url: string;
  pid: number | undefined;
  /** Warnings and errors the app logged, beyond its start-up. */
  problems(): number;
  /** Resolves when the app logs a line matching `pattern` (start-up work running after /healthz). */
  logged(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Stops the app (SIGTERM, then SIGKILL after the grace period) before the benchmark ends. */
  stop(): Promise<void>;
}

export async function startAppProcess(
  root: string,
  dataDir: string,
  mongoUri: string,
  dbName: string,
  /** Extra node options, such as `--cpu-prof` for a profile written when the app stops. */
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  const entry = path.join(root, 'dist', 'bot', 'src', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  // A clean environment, so nothing from the caller's shell (BOT_ID, AUTH_MODE…) changes the app.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    LOG_LEVEL: 'info',
    SHUTDOWN_GRACE_MS: '3000',
  };
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...nodeArgs, entry], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 8000);
  });

  let problems = 0;
  let shown = 0;
  let stopped = false;
  const recent: string[] = [];
  const all: string[] = [];
  const waiters = new Set<(line: string) => void>();
  const onLine = (line: string) => {
    if (!line.trim()) return;
    all.push(line);
    for (const waiter of waiters) waiter(line);
    recent.push(line);
    if (recent.length > 20) recent.shift();
    let level = 'info';
    try {
      level = String((JSON.parse(line) as { level?: unknown }).level ?? 'info');
    } catch {
      level = 'error'; // anything but the app's JSON lines is unexpected (a crash, a warning)
    }
    if (level === 'warn' || level === 'error') {
      problems++;
      if (shown++ < 20) process.stdout.write(`[app] ${line}\n`);
      else if (shown === 21) process.stdout.write('[app] (more warnings and errors not shown)\n');
    } else if (level === 'info') {
      process.stdout.write(`[app] ${line}\n`);
    }
  };
  readline.createInterface({ input: child.stdout! }).on('line', onLine);
  readline.createInterface({ input: child.stderr! }).on('line', onLine);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the app exited during start-up (${child.exitCode ?? child.signalCode}):\n${recent.join('\n')}`,
      );
    }
    const healthy = await fetch(`${url}/healthz`)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`the app did not become healthy at ${url} in 60 s`);
    await sleep(100);
  }
  child.once('exit', (code, signal) => {
    if (!state.stopping && !stopped) log(`the app exited unexpectedly (${code ?? signal})`);
  });
  const logged = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (all.some((line) => pattern.test(line))) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`the app did not log ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (line: string) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });
  const stop = async () => {
    stopped = true;
    child.kill('SIGTERM');
    await waitForExit(child, 8000);
  };
  return { url, pid: child.pid, problems: () => problems, logged, stop };
}

/**
 * Prints the failed checks and says how the run ended: 1 when a check did not hold, 2 when all
 * held but a target was missed, 0 when everything held.
 */
export function verdict(failures: string[], targetsMet: boolean): number {
  if (failures.length > 0) {
    log(`FAILED: ${failures.length} check(s) did not hold`);
    return 1;
  }
  if (!targetsMet) {
    log('correct, but a target was missed');
    return 2;
  }
  log('all checks held and all targets met');
  return 0;
}

/** Runs a benchmark's main, cleans up on its end or on Ctrl-C, and exits with its code. */
export function runBenchmark(main: () => Promise<number>): void {
  const shutdown = async (code: number) => {
    state.stopping = true;
    await runCleanups();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(130));
  process.once('SIGTERM', () => void shutdown(143));
  main().then(
    (code) => shutdown(code),
    (err: unknown) => {
      log(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return shutdown(1);
    },
  );
}

/**
 * Talks to a forked child over IPC: sends a request (if any) and waits for the child's next
 * reply of the given type, or fails when the child exits first.
 */
export function ipcReplies<Request, Reply extends { type: string }>(
  child: ChildProcess,
  name: string,
) {
  return <T extends Reply['type']>(type: T, request?: Request) =>
    new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: Reply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<Reply, { type: T }>);
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`the ${name} exited (code ${code})`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (request) child.send(request as object);
    });
}
