import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getJson } from '../support/http';

const root = path.resolve(__dirname, '..', '..');
const entry = path.join(root, 'dist', 'bot', 'src', 'index.js');

function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function listeningUrl(run: ReturnType<typeof launch>, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = run
      .output()
      .stdout.split('\n')
      .find((l) => l.includes('Rapport is listening'));
    if (line) return (JSON.parse(line) as { url: string }).url;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the app did not start:\n${run.output().stdout}\n${run.output().stderr}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-process-'));
    const run = launch({ PORT: '0', DATA_DIR: dataDir });
    let child: ChildProcess | undefined = run.child;
    try {
      const url = await listeningUrl(run, 60000);
      expect((await getJson(`${url}/healthz`)).status).toBe(200);
      const ferret = fs
        .readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .map(Number)
        .find((pid) => {
          try {
            return (
              fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[3] === String(run.child.pid)
            );
          } catch {
            return false;
          }
        });
      expect(ferret).toEqual(expect.any(Number));

      run.child.kill('SIGTERM');

      expect(await run.exited).toBe(0);
      child = undefined;
      expect(alive(ferret!)).toBe(false);
      expect(run.output().stdout).toContain('Rapport stopped');
    } finally {
      child?.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
