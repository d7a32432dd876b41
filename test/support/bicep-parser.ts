import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * infra/azure.bicep as data, read by pycep-parser (a Bicep parser on PyPI) installed on first
 * use into a virtual environment in .cache/pycep. Microsoft's Bicep CLI, which would compile the
 * template, is not published on any registry these machines reach (it comes from GitHub or
 * NuGet), so the tests check that the template parses and what it declares, not that it compiles.
 */

export const PYCEP_VERSION = '0.7.1';

/** A parsed template: parameters, variables, resources and outputs by name, as pycep gives them. */
export interface ParsedBicep {
  parameters: Record<string, { type: string; default: unknown; decorators: Decorator[] }>;
  variables: Record<string, unknown>;
  resources: Record<string, { type: string; config: Record<string, unknown> }>;
  outputs: Record<string, { type: string; value: unknown }>;
}
interface Decorator {
  type: string;
  argument?: unknown;
}

export type BicepParser =
  { available: true; parse: (file: string) => ParsedBicep } | { available: false; reason: string };

const root = path.resolve(__dirname, '..', '..');
const venv = path.join(root, '.cache', 'pycep');
const python = path.join(venv, 'bin', 'python');
/**
 * pip's words for "the index could not be reached". With retries off it says only that no version
 * exists, which for a pinned release that does exist means it saw no index at all (a Python too
 * old for the release says so instead, and counts as a failure).
 */
function unreachable(output: string): boolean {
  return (
    /NewConnectionError|Temporary failure in name resolution|Name or service not known|Connection refused|Max retries exceeded/i.test(
      output,
    ) ||
    (/from versions: none/.test(output) && !/Ignored the following versions/.test(output))
  );
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function installed(): boolean {
  if (!fs.existsSync(python)) return false;
  const check = run(python, ['-m', 'pip', 'show', 'pycep-parser']);
  return check.status === 0 && check.output.includes(`Version: ${PYCEP_VERSION}`);
}

/**
 * The parser, installing it when the cache lacks it (with a line on stderr). Unavailable only
 * when PyPI is unreachable; any other failure throws, so it never passes as a skip.
 */
export function bicepParser(): BicepParser {
  if (!installed()) {
    process.stderr.write(
      `[bicep] installing pycep-parser==${PYCEP_VERSION} into .cache/pycep (once)…\n`,
    );
    const created = run('python3', ['-m', 'venv', venv]);
    if (created.status !== 0) throw new Error(`python3 -m venv failed:\n${created.output}`);
    const pip = run(python, [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      `pycep-parser==${PYCEP_VERSION}`,
    ]);
    if (pip.status !== 0) {
      if (unreachable(pip.output)) {
        return {
          available: false,
          reason: 'PyPI is unreachable, so pycep-parser could not be installed',
        };
      }
      throw new Error(`installing pycep-parser failed:\n${pip.output}`);
    }
  }
  return {
    available: true,
    parse(file) {
      const script =
        'import json, sys\n' +
        'from pathlib import Path\n' +
        'from pycep import BicepParser\n' +
        'print(json.dumps(BicepParser().parse(text=Path(sys.argv[1]).read_text()), default=str))\n';
      const parsed = run(python, ['-c', script, file]);
      if (parsed.status !== 0) throw new Error(`${file} does not parse:\n${parsed.output}`);
      return JSON.parse(parsed.output) as ParsedBicep;
    },
  };
}
