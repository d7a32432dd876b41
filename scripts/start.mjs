// `npm start`: gets the clone ready (scripts/ensure-setup.mjs: install, build and compile only
// what changed, FerretDB's build beside them) and then runs the server in this same process, so
// a warm start pays for one Node process, not three, and the signals npm passes on reach the
// server directly.
import { ensureSetup } from './ensure-setup.mjs';

try {
  await ensureSetup({ build: true, ferretdb: !process.env.MONGODB_URI?.trim() });
} catch (err) {
  console.error(`[setup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
await import('../dist/bot/src/index.js');
