import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logger';

const PID_FILE = 'ferretdb.pid';

/** Notes the running FerretDB's pid in its data directory, for the next start to find. */
export function recordFerretDbPid(dataDir: string, pid: number): void {
  const file = path.join(dataDir, PID_FILE);
  // Renamed into place, so a reader never sees half a number.
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, `${pid}\n`);
  fs.renameSync(partial, file);
}

export function forgetFerretDbPid(dataDir: string): void {
  fs.rmSync(path.join(dataDir, PID_FILE), { force: true });
}

/**
 * Stops a FerretDB that a killed app left running on this data directory, so that the new one is
 * not a second writer beside it. Call it holding the directory's lock: then no live app owns
 * what the pid file names. A pid is signalled only while /proc shows it is a FerretDB on this
 * very directory, so a recycled pid of another process is left alone.
 */
export async function stopOrphanedFerretDb(dataDir: string, logger: Logger): Promise<void> {
  const file = path.join(dataDir, PID_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const pid = Number(text.trim());
  if (Number.isSafeInteger(pid) && pid > 0 && isFerretDbOn(pid, dataDir)) {
    logger.warn('stopping the embedded database that a killed run left behind', { pid });
    await stopProcess(pid, () => isFerretDbOn(pid, dataDir));
  }
  fs.rmSync(file, { force: true });
}

function isFerretDbOn(pid: number, dataDir: string): boolean {
  let argv: string[];
  try {
    argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch (err) {
    // Gone, another user's, or no /proc at all (not Linux): what cannot be identified is not ours.
    if (['ENOENT', 'ESRCH', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) {
      return false;
    }
    throw err;
  }
  // A zombie's cmdline is empty, so one that is only waiting to be reaped counts as gone.
  return (
    path.basename(argv[0] ?? '').startsWith('ferretdb') && argv.includes(`--state-dir=${dataDir}`)
  );
}

async function stopProcess(pid: number, running: () => boolean): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGTERM', 5000],
    ['SIGKILL', 5000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw err;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!running()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`the embedded database left behind (pid ${pid}) did not stop`);
}
