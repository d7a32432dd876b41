import { ConfigError, loadConfig } from './config';
import type { RunningApp } from './app';
import { createLogger } from './logger';
import { DataDirInUseError } from './platform/store/data-dir-lock';
import { launchEmbeddedDatabase } from './platform/store/embedded-database';
import { GoMissingError } from './platform/store/ferretdb-build';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) console.error(`Configuration error: ${line}`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let app: RunningApp | undefined;
  let stopRequested: string | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    // Ctrl-C under npm arrives twice (the terminal's process group, and npm passing it on): the
    // second must not cut the first's orderly stop short with Node's default "die at once".
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    if (!app) {
      // Still starting (building or launching the database): stop as soon as it is up.
      stopRequested = signal;
      return;
    }
    app
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error('shutdown failed', { err });
        process.exit(1);
      });
  };
  // Installed before start-up, so a signal during it is never the default "die at once".
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    // FerretDB starts in its own process first; the app's modules (a second or more of loading)
    // load meanwhile, so start-up waits for the slower of the two, not for both in turn.
    const { database } = config;
    const embedded =
      database.kind === 'embedded'
        ? (
            await launchEmbeddedDatabase({
              dataDir: database.dataDir,
              cacheDir: database.cacheDir,
              logger,
            })
          ).ready
        : undefined;
    const { startApp } = await import('./app');
    app = await startApp(config, logger, { embedded });
  } catch (err) {
    if (err instanceof GoMissingError) {
      console.error(err.message);
      process.exit(3);
    }
    if (err instanceof DataDirInUseError) {
      console.error(err.message);
      process.exit(4);
    }
    logger.error('start-up failed', { err });
    process.exit(1);
  }
  if (stopRequested) shutdown(stopRequested);
}

void main();
