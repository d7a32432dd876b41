import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * The command line that runs `binary` so that the kernel kills it when this process dies, even by
 * SIGKILL, when no code of ours can run to stop it. util-linux's `setpriv --pdeathsig` sets the
 * signal and execs the binary in place (same pid, same argv); it follows the thread that spawned
 * the child, and Node spawns from its main thread, which lives as long as the process. KILL rather
 * than TERM: with the app gone there is no client to finish for, and SQLite's WAL keeps every
 * committed write through a kill. Probed once with the binary itself: where setpriv is missing or
 * lacks the option (macOS, busybox), the binary runs bare, and the pid file lets the next start
 * stop what a killed app left behind.
 */
export async function commandDyingWithParent(binary: string): Promise<string[]> {
  if (process.platform !== 'linux') return [binary];
  const wrapped = ['setpriv', '--pdeathsig', 'KILL', '--', binary];
  try {
    await execFileAsync(wrapped[0], [...wrapped.slice(1), '--version'], { timeout: 10_000 });
    return wrapped;
  } catch {
    return [binary];
  }
}
