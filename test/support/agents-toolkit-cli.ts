import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Microsoft 365 Agents Toolkit CLI (`atk`) for tests, installed on first use into
 * .cache/m365agentstoolkit-cli and reused after. It is not a dev dependency because its keytar
 * dependency compiles a native module that fails to build on these machines, which would make
 * `npm ci` fail; with --ignore-scripts keytar is skipped, and `atk new` and `atk validate` run
 * offline without it (they keep no credentials).
 */

/** Pinned, so a new CLI release cannot change what the test checks unseen. */
export const AGENTS_TOOLKIT_CLI_VERSION = '1.1.17';
const PACKAGE = '@microsoft/m365agentstoolkit-cli';

export type AgentsToolkitCli =
  { available: true; bin: string; packageDir: string } | { available: false; reason: string };

const root = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(root, '.cache', 'm365agentstoolkit-cli');

/** npm's words for "the registry could not be reached", as opposed to a failing install. */
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network/i;

function installedVersion(packageDir: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version;
  } catch {
    return undefined;
  }
}

/**
 * The CLI, installing it when the cache lacks this version. Says so on stderr first (the
 * install takes about a minute). Unavailable only when the registry is unreachable; any other
 * install failure throws, so a broken install never passes as a skip.
 */
export function agentsToolkitCli(): AgentsToolkitCli {
  const packageDir = path.join(cacheDir, 'node_modules', ...PACKAGE.split('/'));
  const bin = path.join(packageDir, 'cli.js');
  if (installedVersion(packageDir) !== AGENTS_TOOLKIT_CLI_VERSION) {
    process.stderr.write(
      `[toolkit] installing ${PACKAGE}@${AGENTS_TOOLKIT_CLI_VERSION} into ` +
        `${path.relative(root, cacheDir)} (once; about a minute)…\n`,
    );
    fs.mkdirSync(cacheDir, { recursive: true });
    const started = Date.now();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(
      npm,
      [
        'install',
        '--prefix',
        cacheDir,
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-save',
        '--loglevel=error',
        `${PACKAGE}@${AGENTS_TOOLKIT_CLI_VERSION}`,
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (result.status !== 0) {
      if (UNREACHABLE.test(output)) {
        return {
          available: false,
          reason: `the npm registry is unreachable, so ${PACKAGE} could not be installed`,
        };
      }
      throw new Error(`installing ${PACKAGE} failed (exit ${result.status}):\n${output}`);
    }
    process.stderr.write(
      `[toolkit] installed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  return { available: true, bin, packageDir };
}

/** Runs `atk <args>` without telemetry; resolves with the exit code and everything it printed. */
export function runAtk(
  cli: { bin: string },
  args: string[],
  cwd: string,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cli.bin, ...args, '--telemetry', 'false'], {
    cwd,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
