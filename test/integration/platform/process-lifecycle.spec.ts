import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import {
  appEntry as entry,
  projectRoot,
  cleanEnv,
  launchApp as launch,
  listeningUrl,
  logged,
  track,
  type AppProcess,
} from '../../support/app-process';
import { getJson } from '../../support/http';
import {
  descendantsOf,
  ferretDbsOn,
  killAll,
  note,
  running,
  type StartedProcess,
} from '../../support/processes';
import { waitUntil } from '../../support/wait-until';

type Run = AppProcess;

async function databasePort(run: Run): Promise<number> {
  return (await logged(run, 'embedded database listening', 1000)).port as number;
}

/**
 * The processes one test starts on its own data directory. `end()`, in the test's `finally`,
 * stops whatever of them still runs, even after a failed assertion.
 */
function testSession() {
  const dataDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-process-')));
  const runs: Run[] = [];
  let seen: StartedProcess[] = [];
  const now = () =>
    note([
      ...runs.flatMap((run) =>
        run.child.pid ? [run.child.pid, ...descendantsOf(run.child.pid)] : [],
      ),
      ...ferretDbsOn(dataDir),
    ]);
  const add = (run: Run) => {
    runs.push(run);
    return run;
  };
  return {
    dataDir,
    launch: (env: Record<string, string> = {}) =>
      add(launch({ PORT: '0', DATA_DIR: dataDir, ...env })),
    /** `npm start`; `terminal`: in a process group of its own, as a shell runs a command. */
    npmStart: ({ terminal = false } = {}) =>
      add(
        track(
          spawn('npm', ['start'], {
            cwd: projectRoot,
            env: cleanEnv({ PORT: '0', DATA_DIR: dataDir, npm_config_update_notifier: 'false' }),
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: terminal,
          }),
        ),
      ),
    /** What runs now; noted, so a process orphaned later is still stopped at the end. */
    note: () => {
      const current = now();
      seen = [...seen, ...current];
      return current;
    },
    end: () => {
      killAll([...seen, ...now()]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('the app process (as `npm start` runs it)', () => {
  beforeAll(() => {
    if (!fs.existsSync(entry))
      throw new Error(`${entry} is missing: npm test builds it in pretest`);
  });

  it('refuses bad configuration with one line per variable and exit code 2', async () => {
    const run = launch({ PORT: 'http', MONGODB_URI: 'localhost:27017' });

    expect(await run.exited).toBe(2);
    const lines = run.output().stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^Configuration error: PORT /),
      expect.stringMatching(/^Configuration error: MONGODB_URI /),
    ]);
  });

  it('starts with no configuration, then shuts down cleanly on SIGTERM, stopping the database child', async () => {
    const session = testSession();
    try {
      const run = session.launch();
      const url = await listeningUrl(run, 60000);
      expect((await getJson(`${url}/healthz`)).status).toBe(200);
      const [ferret] = ferretDbsOn(session.dataDir);
      expect(descendantsOf(run.child.pid!)).toContain(ferret);

      run.child.kill('SIGTERM');

      expect(await run.exited).toBe(0);
      expect(running(ferret)).toBe(false);
      expect(run.output().stdout).toContain('Rapport stopped');
    } finally {
      session.end();
    }
  }, 60000);

  it('takes its FerretDB down with it when it is SIGKILLed', async () => {
    const session = testSession();
    try {
      const run = session.launch();
      await listeningUrl(run, 60000);
      session.note();
      const [ferret] = ferretDbsOn(session.dataDir);
      expect(ferret).toEqual(expect.any(Number));

      run.child.kill('SIGKILL');

      await run.exited;
      await waitUntil(() => !running(ferret), {
        what: 'the embedded FerretDB to exit with the killed app',
        timeoutMs: 3000,
      });
    } finally {
      session.end();
    }
  }, 60000);

  it('stops the FerretDB a killed app left on its data directory, then starts with all the data', async () => {
    const session = testSession();
    // Without setpriv on its PATH the app cannot tie FerretDB's life to its own, so killing it
    // leaves FerretDB running with its pid file, as on a system without util-linux.
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-no-setpriv-'));
    const notes = Array.from({ length: 50 }, (_, i) => ({ _id: i, text: `note ${i}` }));
    try {
      const first = session.launch({ PATH: bare });
      await listeningUrl(first, 60000);
      const [orphan] = ferretDbsOn(session.dataDir);
      const before = new MongoClient(`mongodb://127.0.0.1:${await databasePort(first)}/`);
      try {
        await before
          .db('rapport')
          .collection<{ _id: number; text: string }>('notes')
          .insertMany(notes, { writeConcern: { w: 1 } });
      } finally {
        await before.close();
      }
      first.child.kill('SIGKILL');
      await first.exited;
      expect(running(orphan)).toBe(true);

      const second = session.launch();
      const url = await listeningUrl(second, 60000);

      expect(running(orphan)).toBe(false);
      expect(ferretDbsOn(session.dataDir)).toEqual(descendantsOf(second.child.pid!));
      expect((await getJson(`${url}/healthz`)).status).toBe(200);
      const after = new MongoClient(`mongodb://127.0.0.1:${await databasePort(second)}/`);
      try {
        expect(
          await after
            .db('rapport')
            .collection<{ _id: number; text: string }>('notes')
            .find()
            .sort({ _id: 1 })
            .toArray(),
        ).toEqual(notes);
      } finally {
        await after.close();
      }
    } finally {
      session.end();
      fs.rmSync(bare, { recursive: true, force: true });
    }
  }, 60000);

  it('refuses to start beside a live app on the same data directory, with one line and exit code 4', async () => {
    const session = testSession();
    try {
      const first = session.launch();
      const url = await listeningUrl(first, 60000);
      const ferret = ferretDbsOn(session.dataDir);

      const second = session.launch();
      let timer: NodeJS.Timeout | undefined;
      const refused = await Promise.race([
        second.exited,
        new Promise<'still running'>((r) => (timer = setTimeout(() => r('still running'), 20000))),
      ]);
      clearTimeout(timer);

      expect(refused).toBe(4);
      expect(second.output().stderr.trim().split('\n')).toEqual([
        `Another Rapport is already running on DATA_DIR ${session.dataDir}: stop it first, or give this one another DATA_DIR.`,
      ]);
      expect(ferretDbsOn(session.dataDir)).toEqual(ferret);
      expect((await getJson(`${url}/healthz`)).status).toBe(200);
    } finally {
      session.end();
    }
  }, 60000);
});

describe('npm start', () => {
  // npm start checks the build first; under load that check alone can take many seconds.
  const listening = 60000;
  it.each([
    {
      how: 'SIGTERM sent to npm',
      terminal: false,
      stop: (npm: Run) => npm.child.kill('SIGTERM'),
    },
    {
      how: 'Ctrl-C (SIGINT to the whole process group)',
      terminal: true,
      // What a terminal does on Ctrl-C: every process of the foreground group gets SIGINT.
      stop: (npm: Run) => process.kill(-npm.child.pid!, 'SIGINT'),
    },
  ])(
    'stops the server and its FerretDB on $how',
    async ({ terminal, stop }) => {
      const session = testSession();
      try {
        const npm = session.npmStart({ terminal });
        const url = await listeningUrl(npm, listening);
        const started = session.note();
        const ferrets = ferretDbsOn(session.dataDir);
        expect(ferrets).toHaveLength(1);
        expect(started.map((p) => p.pid)).toContain(ferrets[0]);

        stop(npm);

        await npm.exited;
        await waitUntil(() => !started.some((p) => running(p.pid)), {
          what: 'every process npm start started to exit',
          timeoutMs: 5000,
        });
        expect(npm.output().stdout).toContain('Rapport stopped');
        await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      } finally {
        session.end();
      }
    },
    listening + 20000,
  );
});
