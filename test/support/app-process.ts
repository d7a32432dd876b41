import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
export const appEntry = path.join(root, 'dist', 'bot', 'src', 'index.js');

export interface AppProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/** Starts the built app as `npm start` runs it, with only the given environment. */
export function launchApp(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [appEntry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** The URL the app logs once it is fully started. */
export async function listeningUrl(run: AppProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = run
      .output()
      .stdout.split('\n')
      .find((l) => l.includes('Rapport is listening'));
    if (line) return (JSON.parse(line) as { url: string }).url;
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the app did not start:\n${run.output().stdout}\n${run.output().stderr}`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every running process whose command line mentions `text` (e.g. a data directory). */
export function processesMentioning(text: string): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(text)) found.push({ pid: Number(entry), cmdline });
    } catch {
      // The process ended between listing and reading: it mentions nothing any more.
    }
  }
  return found;
}

/** The parent of a process, from /proc. */
function parentOf(pid: number): number | undefined {
  try {
    // The command name in field 2 may hold spaces; the fields after its ")" are fixed.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The embedded FerretDB processes serving a data directory, whoever started them. */
export function ferretDbsOn(dataDir: string): { pid: number; cmdline: string }[] {
  return processesMentioning(`--state-dir=${dataDir}`).filter((p) =>
    p.cmdline.includes('ferretdb'),
  );
}

/** The embedded FerretDB that an app process runs, and the port it listens on. */
export function ferretDbOf(app: AppProcess): { pid: number; port: number } | undefined {
  const ferret = processesMentioning('--state-dir=').find(
    (p) => p.cmdline.includes('ferretdb') && parentOf(p.pid) === app.child.pid,
  );
  const port = ferret?.cmdline.match(/--listen-addr=127\.0\.0\.1:(\d+)/)?.[1];
  return ferret && port ? { pid: ferret.pid, port: Number(port) } : undefined;
}
