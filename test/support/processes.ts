import fs from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name, which may itself hold spaces. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process is gone
  }
}

/** True while the process exists and is not a zombie waiting to be reaped. */
export function running(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

function pids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Every live process below `pid`, children first. */
export function descendantsOf(pid: number): number[] {
  const children = pids().filter((p) => statFields(p)?.[1] === String(pid) && running(p));
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

/** The live FerretDB processes serving `dataDir` (named by their --state-dir). */
export function ferretDbsOn(dataDir: string): number[] {
  return pids().filter((pid) => {
    const argv = cmdline(pid)?.split('\0') ?? [];
    return argv.includes(`--state-dir=${dataDir}`) && running(pid);
  });
}

export interface StartedProcess {
  pid: number;
  cmdline: string;
}

function cmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined; // the process is gone
  }
}

/** Notes processes with their command lines, so `killAll` never hits a pid reused since. */
export function note(pids: number[]): StartedProcess[] {
  return pids.flatMap((pid) => {
    const line = cmdline(pid);
    return line ? [{ pid, cmdline: line }] : [];
  });
}

/** SIGKILLs whichever of these still run: a test's last word on the processes it started. */
export function killAll(processes: StartedProcess[]): void {
  for (const { pid, cmdline: line } of processes) {
    if (running(pid) && cmdline(pid) === line) process.kill(pid, 'SIGKILL');
  }
}
