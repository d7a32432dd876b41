import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database's build, typed for the app. The code lives in scripts/ferretdb-build.cjs
 * (Node built-ins only) so that `npm start` can begin this build on a fresh clone while `npm ci`
 * and the compile run, before anything here is compiled; the app waits for that build, or runs
 * it, through the same lock.
 */
interface FerretDbBuild {
  ensureFerretDbBinary(cacheDir: string, progress: (line: string) => void): Promise<string>;
}

export class GoMissingError extends Error {
  readonly code = 'GO_MISSING';
  constructor(message: string) {
    super(message);
    this.name = 'GoMissingError';
  }
}

export class FerretDbBuildError extends Error {
  readonly code = 'FERRETDB_BUILD_FAILED';
}

/** The folder holding package.json and scripts/, from bot/src (tests) or dist/bot/src (the app). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

// Loaded on first use: an app on an external MongoDB never needs it.
let loaded: FerretDbBuild | undefined;
const build = (): FerretDbBuild =>
  (loaded ??= require(path.join(projectRoot(), 'scripts', 'ferretdb-build.cjs')) as FerretDbBuild); // eslint-disable-line @typescript-eslint/no-require-imports

/** Builds FerretDB once into the cache folder (see scripts/ferretdb-build.cjs); its binary's path. */
export async function ensureFerretDbBinary(
  cacheDir: string,
  progress: (line: string) => void,
): Promise<string> {
  try {
    return await build().ensureFerretDbBinary(cacheDir, progress);
  } catch (err) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (code === 'GO_MISSING') throw new GoMissingError(String(message));
    if (code === 'FERRETDB_BUILD_FAILED') throw new FerretDbBuildError(String(message));
    throw err;
  }
}
