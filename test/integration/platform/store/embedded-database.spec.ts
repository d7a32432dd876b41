import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../../../bot/src/app';
import { loadConfig } from '../../../../bot/src/config';
import { createLogger } from '../../../../bot/src/logger';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../../../../bot/src/platform/store/embedded-database';
import { getJson } from '../../../support/http';
import { running } from '../../../support/processes';

const cacheDir = path.resolve(__dirname, '..', '..', '..', '..', '.cache', 'ferretdb');

async function waitFor<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
  stepMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

describe('the embedded database (no MONGODB_URI)', () => {
  let app: RunningApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-embedded-'));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      FERRETDB_CACHE_DIR: cacheDir,
      LOG_LEVEL: 'error',
    });
    app = await startApp(
      config,
      createLogger('error', () => undefined),
    );
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs FerretDB as a child with its SQLite files under DATA_DIR', async () => {
    expect(app.embedded?.pid()).toEqual(expect.any(Number));
    expect((await getJson(`${app.url}/healthz`)).json).toMatchObject({
      database: { kind: 'embedded', reachable: true },
    });
    expect(fs.readdirSync(path.join(dataDir, 'ferretdb')).some((f) => f.endsWith('.sqlite'))).toBe(
      true,
    );
  });

  it('is not ready while the database does not answer, and ready again once it does', async () => {
    const ready = await getJson(`${app.url}/readyz`);
    expect(ready).toMatchObject({
      status: 200,
      json: { status: 'ready', checks: { database: 'reachable', schema: 'prepared' } },
    });
    // A stopped (not dead) child: the supervisor has nothing to restart, so only the ping's
    // time limit can tell App Service to send requests elsewhere.
    const pid = app.embedded!.pid()!;
    process.kill(pid, 'SIGSTOP');
    try {
      // An answer already on its way when the child stopped can still say ready once.
      const notReady = await waitFor(
        () => getJson(`${app.url}/readyz`),
        (r) => r.status === 503,
        10000,
        100,
      );
      expect(notReady).toMatchObject({
        status: 503,
        json: {
          status: 'not-ready',
          checks: { database: 'unreachable', schema: 'prepared', accepting: true },
        },
      });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const back = await waitFor(
      () => getJson(`${app.url}/readyz`),
      (r) => r.status === 200,
      20000,
      100,
    );
    expect(back.json).toMatchObject({ status: 'ready', checks: { accepting: true } });
    expect(app.embedded!.pid()).toBe(pid);
  });

  it('reports 503 when the child dies, restarts it, and keeps every acknowledged write', async () => {
    const notes = app.database.db.collection<{ _id: number; text: string }>('resilience');
    const docs = Array.from({ length: 200 }, (_, i) => ({ _id: i, text: `note ${i}` }));
    await notes.insertMany(docs, { writeConcern: { w: 1 } });
    const before = app.embedded!.pid()!;

    process.kill(before, 'SIGKILL');

    // The outage lasts until the child is back; on a loaded machine the restart can finish
    // between two probes, so a new child seen before any 503 also ends the wait.
    const down = await waitFor(
      () => getJson(`${app.url}/healthz`),
      (r) => r.status === 503 || app.embedded!.pid() !== before,
      5000,
    );
    if (down.status !== 503) expect(app.embedded!.pid()).not.toBe(before);
    else expect(down.json).toMatchObject({ status: 'unavailable' });
    const up = await waitFor(
      () => getJson(`${app.url}/healthz`),
      (r) => r.status === 200,
      20000,
      100,
    );
    expect(up.status).toBe(200);
    expect(app.embedded!.pid()).not.toBe(before);
    expect(await notes.find().sort({ _id: 1 }).toArray()).toEqual(docs);
    await notes.insertOne({ _id: 1000, text: 'after the restart' });
    expect(await notes.countDocuments()).toBe(201);
  });
});

describe('the embedded database and a pid file left from an earlier run', () => {
  it('leaves alone the unrelated process that now has the pid the file names', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-embedded-'));
    const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
    let embedded: EmbeddedDatabase | undefined;
    try {
      const pidFile = path.join(dataDir, 'ferretdb.pid');
      fs.writeFileSync(pidFile, `${unrelated.pid}\n`);

      embedded = await startEmbeddedDatabase({
        dataDir,
        cacheDir,
        logger: createLogger('error', () => undefined),
      });

      expect(running(unrelated.pid!)).toBe(true);
      expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(embedded.pid()));
    } finally {
      await embedded?.stop();
      unrelated.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
