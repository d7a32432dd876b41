import fs from 'node:fs';
import path from 'node:path';
import { AppPackageError, buildAppPackage, readEnvironment } from './app-package';

/**
 * `npm run package [-- --env <name>]`: fills appPackage/manifest.json, validates it and the icons,
 * and writes the zip to sideload or publish. Without --env the values come from the shell
 * (TEAMS_APP_ID, BOT_ID, BOT_DOMAIN, AAD_APP_CLIENT_ID; local defaults for unset ones) into
 * appPackage/build/appPackage.zip; with --env they come from the Agents Toolkit environment's
 * env/.env.<name> (and .env.<name>.user), the shell overriding them, into
 * appPackage/build/appPackage.<name>.zip, the name the Toolkit's own actions use.
 * Exit codes: 0 written, 2 bad environment or arguments, 1 invalid manifest or icons (or
 * anything else).
 */

/** The folder holding appPackage/, found upward from here (scripts/ or dist/scripts/). */
export function findProjectRoot(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'appPackage', 'manifest.json'))) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(`no appPackage/manifest.json found above ${start}`);
    }
  }
}

export interface CliOptions {
  env: NodeJS.ProcessEnv;
  args?: string[];
  root?: string;
  outFile?: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

export async function main(options: CliOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const error = options.error ?? ((line: string) => console.error(line));
  try {
    const root = options.root ?? findProjectRoot();
    const environment = environmentArgument(options.args ?? []);
    const appPackageDir = path.join(root, 'appPackage');
    const outFile =
      options.outFile ??
      path.join(
        appPackageDir,
        'build',
        environment === undefined ? 'appPackage.zip' : `appPackage.${environment}.zip`,
      );
    const env =
      environment === undefined
        ? options.env
        : { ...readEnvironment(root, environment), ...definedOnly(options.env) };
    const { zip, notes } = await buildAppPackage(appPackageDir, env, environment);
    for (const note of notes) log(`note: ${note}`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, zip);
    log(`Wrote ${path.relative(process.cwd(), outFile) || outFile} (${zip.length} bytes).`);
    return 0;
  } catch (caught) {
    if (caught instanceof AppPackageError) {
      error(
        caught.code === 'ENV_INVALID'
          ? 'Cannot build the app package: fix these environment variables.'
          : 'Cannot build the app package:',
      );
      for (const line of caught.problems) error(`  ${line}`);
      return caught.code === 'ENV_INVALID' || caught.code === 'USAGE' ? 2 : 1;
    }
    error(`Cannot build the app package: ${(caught as Error).stack ?? String(caught)}`);
    return 1;
  }
}

/** `--env <name>` or `--env=<name>`; anything else is a usage error. */
export function environmentArgument(args: string[]): string | undefined {
  const usage = 'usage: npm run package [-- --env <name>]';
  if (args.length === 0) return undefined;
  const [first, second] = args;
  const name = first.startsWith('--env=')
    ? first.slice('--env='.length)
    : first === '--env'
      ? second
      : undefined;
  const count = first === '--env' ? 2 : 1;
  if (name === undefined || name === '' || args.length !== count) {
    throw new AppPackageError('USAGE', [`${usage} (got "${args.join(' ')}")`]);
  }
  return name;
}

/** Empty shell variables do not hide the environment file's values. */
function definedOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
}

if (require.main === module) {
  void main({ env: process.env, args: process.argv.slice(2) }).then((code) => {
    process.exitCode = code;
  });
}
