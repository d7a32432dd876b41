import { createHash } from 'node:crypto';
import net from 'node:net';

export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(dataDir: string) {
    super(
      `Another Rapport is already running on DATA_DIR ${dataDir}: stop it first, or give this one another DATA_DIR.`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Makes this process the only live user of a data directory, so two apps never run two FerretDBs
 * (two writers) on one SQLite database. The lock is a Linux abstract Unix socket named after the
 * directory: binding it is atomic, and the kernel frees it when the process ends however it ends,
 * SIGKILL included, so a dead app never blocks the next start and no stale file needs judging.
 * Other platforms have no abstract sockets and get no lock.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  if (process.platform !== 'linux') return { release: async () => undefined };
  const name = `\0rapport-data-dir-${createHash('sha256').update(dataDir).digest('hex')}`;
  // Nobody is meant to talk to it: a process that connects is turned away at once.
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new DataDirInUseError(dataDir) : err),
    );
    server.listen(name, () => resolve());
  });
  // The lock alone must not keep the process alive.
  server.unref();
  return { release: () => new Promise((resolve) => server.close(() => resolve())) };
}
