import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { descendantsOf, ferretDbsOn } from './processes';

export const projectRoot = path.resolve(__dirname, '..', '..');
export const appEntry = path.join(projectRoot, 'dist', 'bot', 'src', 'index.js');

export interface AppProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/** Collects a started process's output and exit code. */
export function track(child: ChildProcess): AppProcess {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Only PATH and HOME from the test's environment, as on a bare machine. */
export function cleanEnv(env: Record<string, string>) {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
}

/** Starts the built app as `npm start` runs it, with only the given environment. */
export function launchApp(env: Record<string, string>): AppProcess {
  return track(
    spawn(process.execPath, ['--disable-warning=DEP0111', appEntry], {
      cwd: projectRoot,
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** The fields of the app's first JSON log line with this message, once it is written. */
export async function logged(
  run: AppProcess,
  message: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = run
      .output()
      .stdout.split('\n')
      .find((l) => l.startsWith('{') && l.includes(`"message":"${message}"`));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "${message}" from the app:\n${run.output().stdout}\n${run.output().stderr}`);
}

/** The URL the app logs once it is fully started. */
export async function listeningUrl(run: AppProcess, timeoutMs: number): Promise<string> {
  return (await logged(run, 'Rapport is listening', timeoutMs)).url as string;
}

/** The embedded FerretDB that an app process runs, and the port it listens on. */
export function ferretDbOf(app: AppProcess, dataDir: string): { pid: number; port: number } {
  const mine = new Set(descendantsOf(app.child.pid!));
  const pid = ferretDbsOn(dataDir).find((p) => mine.has(p));
  const port =
    pid &&
    fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').match(/--listen-addr=127\.0\.0\.1:(\d+)/)?.[1];
  if (!pid || !port) throw new Error(`the app runs no embedded database on ${dataDir}`);
  return { pid, port: Number(port) };
}
