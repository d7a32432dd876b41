import fs from 'node:fs';
import path from 'node:path';
import { AppPackageError, buildAppPackage } from './app-package';

/**
 * `npm run package`: fills appPackage/manifest.json from TEAMS_APP_ID, BOT_ID and BOT_DOMAIN,
 * validates it and the icons, and writes appPackage/build/appPackage.zip for sideloading.
 * Exit codes: 0 written, 2 bad environment, 1 invalid manifest or icons (or anything else).
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
    const appPackageDir = path.join(root, 'appPackage');
    const outFile = options.outFile ?? path.join(appPackageDir, 'build', 'appPackage.zip');
    const { zip, notes } = await buildAppPackage(appPackageDir, options.env);
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
      return caught.code === 'ENV_INVALID' ? 2 : 1;
    }
    error(`Cannot build the app package: ${(caught as Error).stack ?? String(caught)}`);
    return 1;
  }
}

if (require.main === module) {
  void main({ env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
