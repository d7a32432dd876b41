import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../../logger';
import { lockDataDir } from './data-dir-lock';
import { commandDyingWithParent } from './die-with-parent';
import { ensureFerretDbBinary } from './ferretdb-build';
import { forgetFerretDbPid, recordFerretDbPid, stopOrphanedFerretDb } from './ferretdb-pid-file';

export interface EmbeddedDatabase {
  /** A mongodb:// URI that stays valid across restarts of the child (the port is kept). */
  readonly uri: string;
  /** The running child's pid, or undefined while it is being restarted. */
  pid(): number | undefined;
  /** How many times the child died and was started again. */
  restarts(): number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  cacheDir: string;
  logger: Logger;
  /** Progress lines for long work (the first build); defaults to the logger. */
  progress?: (line: string) => void;
  /** Where FerretDB serves pprof and metrics (host:port), for profiling it; off by default. */
  debugAddr?: string;
}

/** Asks the kernel for a free loopback port. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(
          new Error(`FerretDB exited during start-up (code ${child.exitCode ?? child.signalCode})`),
        );
        return;
      }
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline)
          reject(new Error(`FerretDB did not listen on port ${port} in time`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Runs FerretDB (SQLite storage) as a supervised child on loopback. If the child dies, it is
 * started again on the same port with backoff; SQLite only acknowledges committed writes, so
 * nothing acknowledged is lost across a crash. One app at a time owns a data directory: a second
 * one is refused, and a FerretDB that a killed app left running on it is stopped first.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  return (await launchEmbeddedDatabase(options)).ready;
}

/**
 * Starts FerretDB's process and resolves as soon as it is spawned, with `ready` resolving once it
 * listens: the app loads its modules meanwhile, while FerretDB starts on the other core.
 */
export async function launchEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<{ ready: Promise<EmbeddedDatabase> }> {
  const { logger } = options;
  const progress = options.progress ?? ((line: string) => logger.info(line));
  fs.mkdirSync(options.dataDir, { recursive: true });
  // One spelling per directory, for the lock's name and for finding our FerretDB in /proc.
  const dataDir = fs.realpathSync(options.dataDir);
  // Taken before the first build, which can take minutes, so a second app is refused at once.
  const lock = await lockDataDir(dataDir);
  let supervisor: Supervisor | undefined;
  const fail = async (err: unknown): Promise<never> => {
    await supervisor?.stop();
    await lock.release();
    throw err;
  };
  try {
    const binary = await ensureFerretDbBinary(options.cacheDir, progress);
    await stopOrphanedFerretDb(dataDir, logger);
    const command = await commandDyingWithParent(binary);
    if (command.length === 1) {
      logger.info('setpriv --pdeathsig is unavailable: if the app is killed, FerretDB outlives it');
    }
    const port = await freeLoopbackPort();
    const running = superviseFerretDb({
      command: [...command, ...ferretDbArgs(dataDir, port, options.debugAddr)],
      port,
      dataDir,
      logger,
    });
    supervisor = running;
    const ready = running.start().then((): EmbeddedDatabase => {
      logger.info('embedded database listening', { port, dataDir });
      return {
        uri: `mongodb://127.0.0.1:${port}/`,
        pid: running.pid,
        restarts: running.restarts,
        stop: async () => {
          await running.stop();
          forgetFerretDbPid(dataDir);
          await lock.release();
        },
      };
    }, fail);
    // Whoever launched it awaits `ready` after loading the app; a failure before then is theirs.
    ready.catch(() => undefined);
    return { ready };
  } catch (err) {
    return fail(err);
  }
}

function ferretDbArgs(dataDir: string, port: number, debugAddr = '-'): string[] {
  const sqliteDir = path.join(dataDir, 'ferretdb');
  fs.mkdirSync(sqliteDir, { recursive: true });
  return [
    '--handler=sqlite',
    // WAL with synchronous=NORMAL (FerretDB's default is FULL, an fsync per commit): a commit
    // survives a crash of the app or of FerretDB, and only a power loss can undo the last
    // moments, as with MongoDB's default 100 ms journal interval. It halves the write latency
    // (insert 0.91 → 0.55 ms sequential, 0.66 → 0.28 ms with 16 in flight).
    `--sqlite-url=file:${sqliteDir}/?_pragma=synchronous(normal)`,
    `--listen-addr=127.0.0.1:${port}`,
    // Also what names the data directory in /proc/<pid>/cmdline (see ferretdb-pid-file.ts).
    `--state-dir=${dataDir}`,
    `--debug-addr=${debugAddr}`,
    '--telemetry=disable',
    '--log-level=warn',
    '--log-format=json',
  ];
}

interface Supervisor {
  /** Resolves once the first child listens. */
  start(): Promise<void>;
  pid(): number | undefined;
  restarts(): number;
  stop(): Promise<void>;
}

/** Keeps one child running `command` on `port`, restarting it with backoff, its pid noted. */
function superviseFerretDb(options: {
  command: string[];
  port: number;
  dataDir: string;
  logger: Logger;
}): Supervisor {
  const { command, port, dataDir, logger } = options;
  let child: ChildProcess | undefined;
  let stopping = false;
  let restartDelay = 200;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  const launch = async (): Promise<void> => {
    // FerretDB allocates heavily while decoding documents; with Go's default GOGC=100 a fifth of
    // its CPU went to garbage collection. Its live heap is a few tens of MB, so collecting at 5×
    // that costs little memory (52-week trend reads: p50 8.8 → 6.9 ms).
    const proc = spawn(command[0], command.slice(1), {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { GOGC: '400', ...process.env },
    });
    child = proc;
    if (proc.pid !== undefined) recordFerretDbPid(dataDir, proc.pid);
    proc.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) logger.debug('ferretdb', { line: line.trim() });
      }
    });
    proc.on('exit', (code, signal) => {
      if (child === proc) child = undefined;
      if (stopping) return;
      logger.error('embedded database exited; restarting it', {
        code,
        signal,
        restartInMs: restartDelay,
      });
      restartTimer = setTimeout(() => {
        restarts++;
        launch()
          .then(() => {
            restartDelay = 200;
            logger.info('embedded database restarted', { port });
          })
          .catch((err: unknown) => logger.error('embedded database restart failed', { err }));
      }, restartDelay);
      restartDelay = Math.min(restartDelay * 2, 5000);
    });
    await waitForPort(port, proc, 30_000);
  };

  return {
    start: launch,
    pid: () => child?.pid,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const forced = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(forced);
    },
  };
}
