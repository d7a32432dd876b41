// Makes a fresh clone runnable with nothing but Node, npm and Go: installs the locked
// dependencies when they differ from what is installed, builds the embedded database, and (with
// --build) compiles what `npm start` runs, each only when what it is made from changed.
// Uses only Node built-ins because it runs before any dependency exists.
//
//   node scripts/ensure-setup.mjs [--build] [--ferretdb]
//
// The steps that do not need each other run at once: FerretDB's Go build beside `npm ci` and the
// compile, the server's tsc beside the tab's Vite build. "Changed" means a different content hash,
// never a newer timestamp: a checkout, a copy or a touch changes times, not what gets built.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const BUILD_STATE = 'dist/.build-state.json';

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[setup] ${line}`);

/** Runs one phase as a child process: a line when it starts and one when it ends. */
function phase(label, command, args) {
  const started = Date.now();
  log(`${label}…`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        log(`${label}: done in ${seconds(started)}`);
        resolve();
      } else reject(new Error(`${label} failed (exit ${code ?? signal})`));
    });
  });
}

/** What npm would install, keyed by folder: version, source and integrity of each package. */
function lockedPackages(file) {
  const text = fs.readFileSync(path.join(root, file), { encoding: 'utf8', flag: 'r' });
  return JSON.parse(text).packages ?? {};
}

/**
 * True when node_modules holds exactly what package-lock.json locks: npm's own record of the
 * installed tree (node_modules/.package-lock.json) lists the same packages at the same versions,
 * sources and integrity; optional packages for other platforms may be absent.
 */
function installedAsLocked() {
  if (!fs.existsSync(path.join(root, 'node_modules/.package-lock.json'))) return false;
  const locked = lockedPackages('package-lock.json');
  const installed = lockedPackages('node_modules/.package-lock.json');
  const same = (a, b) =>
    a.version === b.version &&
    a.resolved === b.resolved &&
    a.integrity === b.integrity &&
    Boolean(a.link) === Boolean(b.link);
  return (
    Object.entries(installed).every(([where, p]) => locked[where] && same(locked[where], p)) &&
    Object.entries(locked).every(([where, p]) => where === '' || p.optional || installed[where])
  );
}

function filesUnder(dir, keep) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'dist' ? [] : filesUnder(rel, keep);
    return keep(rel) ? [rel] : [];
  });
}

/** One hash of the files' names and contents. */
function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const SOURCE = /\.(ts|tsx|mts)$/;
const IMPORT =
  /(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The file a relative import names, as TypeScript resolves it. */
function resolveImport(from, specifier) {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const tries = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return tries.find((f) => fs.statSync(path.join(root, f), { throwIfNoEntry: false })?.isFile());
}

/**
 * Every source file the tab's bundle is made of: tab/ and, followed from its imports, the server
 * files it imports values from (schemas, domain rules). `import type` adds nothing to a bundle.
 */
function tabSources() {
  const seen = new Set();
  const queue = filesUnder('tab', (f) => SOURCE.test(f) || /\.(html|css|json|svg|png)$/.test(f));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!SOURCE.test(file)) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const [, typeOnly, specifier, dynamic] of text.matchAll(IMPORT)) {
      if (typeOnly) continue;
      const target = resolveImport(file, specifier ?? dynamic);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

/** What each build is made from, hashed; and the file whose absence means it must run. */
function buildTargets() {
  const common = ['package-lock.json', 'tsconfig.json'];
  return {
    server: {
      label: 'compiling the server (tsc)',
      output: 'dist/bot/src/index.js',
      hash: () =>
        hashOf([
          ...common,
          'tsconfig.build.json',
          ...filesUnder('bot/src', (f) => SOURCE.test(f) || f.endsWith('.json')),
          // The message catalogs the server imports from outside bot/src.
          ...filesUnder('locales', (f) => f.endsWith('.json')),
          ...filesUnder('scripts', (f) => SOURCE.test(f)),
        ]),
      run: () => {
        // tsc's incremental record says "up to date" even when the output beside it was deleted.
        if (!fs.existsSync(path.join(root, 'dist/bot/src/index.js')))
          fs.rmSync(path.join(root, 'dist/.tsbuildinfo'), { force: true });
        return phase('compiling the server (tsc)', process.execPath, [
          'node_modules/typescript/bin/tsc',
          '-p',
          'tsconfig.build.json',
        ]);
      },
    },
    tab: {
      label: 'building the tab (vite)',
      output: 'tab/dist/index.html',
      hash: () =>
        hashOf([...common, ...tabSources(), ...filesUnder('locales', (f) => f.endsWith('.json'))]),
      run: () =>
        phase('building the tab (vite)', process.execPath, [
          'node_modules/vite/bin/vite.js',
          'build',
          '--config',
          'tab/vite.config.mts',
          '--logLevel',
          'warn',
        ]),
    },
  };
}

function readBuildState() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, BUILD_STATE), 'utf8'));
  } catch {
    return {};
  }
}

/** Builds what changed (both at once), recording each hash as it was before its build began. */
async function build() {
  const state = readBuildState();
  const targets = Object.entries(buildTargets()).map(([name, t]) => ({
    name,
    ...t,
    now: t.hash(),
  }));
  const stale = targets.filter(
    (t) => state[t.name] !== t.now || !fs.existsSync(path.join(root, t.output)),
  );
  for (const t of targets.filter((t) => !stale.includes(t))) log(`${t.label}: up to date`);
  await Promise.all(
    stale.map(async (t) => {
      await t.run();
      // Read again: another build may have finished meanwhile.
      const written = { ...readBuildState(), [t.name]: t.now };
      fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(root, BUILD_STATE), JSON.stringify(written, null, 2));
    }),
  );
}

/** FerretDB's one-time Go build (scripts/ferretdb-build.cjs), with the app's own cache folder. */
async function buildFerretDb() {
  const { ensureFerretDbBinary, ferretDbBinaryPath } = createRequire(import.meta.url)(
    './ferretdb-build.cjs',
  );
  const cacheDir = path.resolve(root, process.env.FERRETDB_CACHE_DIR || '.cache/ferretdb');
  if (fs.existsSync(ferretDbBinaryPath(cacheDir))) {
    log('embedded database (FerretDB): built');
    return;
  }
  await ensureFerretDbBinary(cacheDir, log);
}

/**
 * Everything `npm start` (or `npm test`) needs before the app runs; each step runs at most once
 * and only when needed. `ferretdb`: build the embedded database too (MONGODB_URI unset).
 */
export async function ensureSetup({ build: compile = false, ferretdb = false } = {}) {
  const started = Date.now();
  const install = installedAsLocked()
    ? Promise.resolve(log('dependencies: as locked'))
    : phase('installing dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
  // FerretDB needs nothing npm installs: its build starts at once.
  const database = ferretdb ? buildFerretDb() : Promise.resolve();
  const compiled = install.then(() => (compile ? build() : undefined));
  await Promise.all([database, compiled]);
  log(`ready in ${seconds(started)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureSetup({
    build: process.argv.includes('--build'),
    // The tests use the embedded database unless TEST_MONGODB_URI names another.
    ferretdb: process.argv.includes('--ferretdb') && !process.env.TEST_MONGODB_URI,
  }).catch((err) => {
    console.error(`[setup] ${err.message}`);
    process.exit(1);
  });
}
