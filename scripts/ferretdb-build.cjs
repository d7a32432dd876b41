// Builds the embedded database, FerretDB, from source with Go, once, into a cache folder.
// Plain CommonJS on Node's built-ins alone: `npm start` runs it on a fresh clone while `npm ci`
// and the compile run, before any dependency or compiled file exists; the app (through
// bot/src/platform/store/ferretdb-build.ts) and the tests use the same code.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';
/** Names our source changes, so a binary built without them is never reused. */
const LOCAL_PATCH = 'rapport3';

/** Where the binary for our pinned version lives inside the cache folder. */
function ferretDbBinaryPath(cacheDir) {
  return path.join(cacheDir, 'bin', `ferretdb-${FERRETDB_VERSION}-${LOCAL_PATCH}`);
}

/** An error the caller can tell apart by its `code`: GO_MISSING or FERRETDB_BUILD_FAILED. */
function buildError(code, message) {
  return Object.assign(new Error(message), { code });
}

/**
 * Three changes to FerretDB 1.24's source, each measured on the embedded database:
 *
 * - Its SQLite backend creates the `_id` index on `_ferretdb_sjson->"_id"` but looks documents up
 *   by `_ferretdb_sjson->'$._id'`. SQLite only uses an index for the identical expression, so every
 *   find, update and delete by `_id` scanned the whole table (a lookup among 100,000 documents
 *   took 833 ms, 0.67 ms with a matching index). We make the lookup expression the index's own.
 * - `resource.Track` records a stack trace into a pprof profile for every document iterator and
 *   sets a finalizer that panics the server if one is never closed: a leak detector for
 *   FerretDB's own tests that cost 17% of its CPU reading a 52-week trend document. We keep the
 *   original functions under other names and make Track and Untrack do nothing.
 * - The SQLite backend pushes a filter down to SQL only when it is exactly `{_id: <value>}`; any
 *   other condition beside the `_id` (`{_id, teamId}`, `{_id, status: 'open'}`, a conditional
 *   update) made FerretDB read and decode every document of the collection. Every handler applies
 *   the whole filter again to what the backend returns (find, count, update, delete,
 *   findAndModify, aggregate), so narrowing the SQL to the one `_id` is always safe; we do it
 *   whenever the filter names a string or ObjectId `_id` (among 100,000 documents, findOne by
 *   `{_id, teamId}`: 1,713 ms before, 0.90 ms after).
 */
const SOURCE_PATCHES = [
  {
    file: path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
  {
    file: path.join('internal', 'util', 'resource', 'resource.go'),
    from: 'func Track(obj any, token *Token) {',
    to: 'func Track(obj any, token *Token) {}\n\nfunc trackForLeakTests(obj any, token *Token) {',
  },
  {
    file: path.join('internal', 'util', 'resource', 'resource.go'),
    from: 'func Untrack(obj any, token *Token) {',
    to: 'func Untrack(obj any, token *Token) {}\n\nfunc untrackForLeakTests(obj any, token *Token) {',
  },
  // Twice: once in Query, once in Explain (each patch replaces the first remaining occurrence).
  ...[1, 2].map(() => ({
    file: path.join('internal', 'backends', 'sqlite', 'collection.go'),
    from: 'if params.Filter.Len() == 1 {',
    to: 'if params.Filter.Len() >= 1 {',
  })),
];

function applySourcePatches(source) {
  for (const patch of SOURCE_PATCHES) {
    const file = path.join(source, patch.file);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(patch.from)) {
      throw buildError(
        'FERRETDB_BUILD_FAILED',
        `FerretDB source changed: ${patch.file} no longer has "${patch.from}", which we patch`,
      );
    }
    fs.writeFileSync(file, text.replace(patch.from, patch.to));
  }
}

/** Runs a command; resolves with its stdout, or fails with the end of its stderr. */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
    // Go's own lines (a download per module) are kept for the error message only: the progress
    // is one line per phase and a reminder every half minute.
    child.stderr.on('data', (chunk) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));
    child.on('error', (err) =>
      reject(
        err.code === 'ENOENT' && command === 'go'
          ? buildError(
              'GO_MISSING',
              'The embedded database needs Go to build FerretDB: install Go >= 1.24 (https://go.dev/dl), or set MONGODB_URI to use your own MongoDB.',
            )
          : err,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          buildError(
            'FERRETDB_BUILD_FAILED',
            `${command} ${args.join(' ')} exited with ${code}:\n${stderrTail}`,
          ),
        );
    });
  });
}

/** Takes the build lock (a directory); resolves false when the binary appeared meanwhile. */
async function takeLock(lock, binary) {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return true;
    } catch {
      if (fs.existsSync(binary)) return false;
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      // A builder killed mid-way leaves its lock behind; no honest build takes this long.
      if (held && Date.now() - held.mtimeMs > 15 * 60_000) {
        fs.rmSync(lock, { recursive: true, force: true });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * Builds FerretDB once into the cache folder and resolves with the binary's path.
 *
 * A plain `go install …/cmd/ferretdb@v1.24.2` produces a binary that panics at start because the
 * module proxy's copy lacks the generated build/version/version.txt. We therefore build the same
 * module source from the Go module cache with that one file written, exactly as upstream's
 * `task gen-version` would. Concurrent builders (`npm start`'s early build, the app, parallel
 * test workers) are serialised by a lock directory, and the binary appears atomically by rename.
 *
 * @param {string} cacheDir
 * @param {(line: string) => void} progress
 * @returns {Promise<string>}
 */
async function ensureFerretDbBinary(cacheDir, progress) {
  const binary = ferretDbBinaryPath(cacheDir);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(cacheDir, { recursive: true });
  const lock = path.join(cacheDir, 'build.lock');
  const started = Date.now();
  if (!(await takeLock(lock, binary))) return binary;
  const ticker = setInterval(
    () =>
      progress(
        `still building FerretDB ${FERRETDB_VERSION} (${Math.round((Date.now() - started) / 1000)} s; the first build takes a few minutes)`,
      ),
    30_000,
  );
  try {
    if (fs.existsSync(binary)) return binary;
    await build(cacheDir, binary, progress);
    progress(`FerretDB ready after ${Math.round((Date.now() - started) / 1000)} s: ${binary}`);
    return binary;
  } finally {
    clearInterval(ticker);
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The build itself: the module's source copied, version written, patched, compiled. */
async function build(cacheDir, binary, progress) {
  progress(
    `building the embedded database (FerretDB ${FERRETDB_VERSION}) with Go, once, into ${cacheDir}`,
  );
  const goEnv = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
  const modJson = await run(
    'go',
    ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`],
    { env: goEnv },
  );
  const moduleDir = String(JSON.parse(modJson).Dir ?? '');
  if (!moduleDir || !fs.existsSync(moduleDir)) {
    throw buildError(
      'FERRETDB_BUILD_FAILED',
      `go mod download did not report the source folder of ${FERRETDB_MODULE}`,
    );
  }
  const source = path.join(cacheDir, `src-${FERRETDB_VERSION}`);
  fs.rmSync(source, { recursive: true, force: true });
  fs.cpSync(moduleDir, source, { recursive: true });
  makeWritable(source);
  fs.writeFileSync(path.join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  fs.writeFileSync(path.join(source, 'build', 'version', 'package.txt'), 'rapport-embedded\n');
  applySourcePatches(source);
  progress('compiling FerretDB (downloads its Go modules on the first run)');
  const partial = `${binary}.partial-${process.pid}`;
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
    cwd: source,
    env: goEnv,
  });
  fs.renameSync(partial, binary);
  fs.rmSync(source, { recursive: true, force: true });
}

function makeWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}

module.exports = { FERRETDB_MODULE, FERRETDB_VERSION, ferretDbBinaryPath, ensureFerretDbBinary };
