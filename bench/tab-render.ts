/**
 * The tab's weight and speed, as a person opening it would feel them:
 *
 *   npm run bench:tab          # BENCH_RUNS=5 (median of 5 cold loads)
 *
 * 1. Initial JavaScript: the files index.html loads (its module script and modulepreloads),
 *    gzipped (zlib level 9), against a 200 KB budget. The lazily loaded chunks are reported
 *    apart: the chart (TrustChart-*.js, @fluentui/react-charts and d3), the Teams SDK (loaded
 *    only inside Teams) and the rest (other views, the dialog, the sign-in form).
 * 2. Time to first render with data: the real app (embedded FerretDB, dev auth) with a team and
 *    30 recognitions seeded through the bot, headless Chromium opening the wall with a token
 *    already in sessionStorage; from navigation start to the frame after the first recognition
 *    card is in the page. Each run is a fresh browser context (empty cache), after one unreported
 *    warm-up; the median of BENCH_RUNS runs is compared with a 1 s budget.
 *
 * Exit code: 0 when both budgets are met, 2 when a budget is missed, 1 on an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/logger';
import { startConnectorStub } from '../test/support/connector-stub';
import { devToken, installTeam, newMembers } from '../test/support/team-harness';
import { launchChromium } from '../test/e2e/support/browser';
import { recognize } from '../test/e2e/support/seed';

const INITIAL_BUDGET_KB = 200;
const RENDER_BUDGET_MS = 1000;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
const RECOGNITIONS = 30;

const started = Date.now();
const log = (line: string) =>
  process.stdout.write(
    `[bench:tab ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`,
  );
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The folder holding package.json, from bench/ (type-checking) or dist/bench/ (running). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function measureBundle(tabDist: string) {
  const html = fs.readFileSync(path.join(tabDist, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1].replace(/^\//, ''));
  const assets = fs
    .readdirSync(path.join(tabDist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const size = (files: string[]) => files.reduce((n, f) => n + gzipSize(path.join(tabDist, f)), 0);
  const lazy = assets.filter((f) => !initial.includes(f));
  const chart = lazy.filter((f) => /\/TrustChart-[^/]+\.js$/.test(f));
  const teams = lazy.filter((f) => /\/teams-js-[^/]+\.js$/.test(f));
  const other = lazy.filter((f) => !chart.includes(f) && !teams.includes(f));
  return {
    initialFiles: initial.length,
    initial: size(initial),
    chartSeparate: chart.length > 0 && !initial.some((f) => /TrustChart/.test(f)),
    chart: size(chart),
    teams: size(teams),
    other: size(other),
    otherFiles: other.length,
  };
}

/** Records, from inside the page, when the first recognition card is in the DOM and painted. */
const FIRST_CARD_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid=recognition-card]')) return;
    observer.disconnect();
    window.__firstCardInDom = performance.now();
    requestAnimationFrame(() => { window.__firstCardPainted = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<number> {
  const root = projectRoot();
  const tabDist = path.join(root, 'tab', 'dist');
  if (!fs.existsSync(path.join(tabDist, 'index.html')))
    throw new Error('tab/dist is missing: run `npm run build` first');

  log('measuring the build in tab/dist');
  const bundle = measureBundle(tabDist);
  log(
    `initial JavaScript: ${kb(bundle.initial)} gzip in ${bundle.initialFiles} files ` +
      `(budget ${INITIAL_BUDGET_KB} KB)`,
  );
  log(
    `lazy: chart ${kb(bundle.chart)} gzip (separate chunk: ${bundle.chartSeparate ? 'yes' : 'NO'}), ` +
      `Teams SDK ${kb(bundle.teams)} (in Teams only), other ${kb(bundle.other)} in ${bundle.otherFiles} files`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-tab-'));
  const logger = createLogger('warn', (line) => process.stderr.write(line + '\n'));
  log('starting the app with the embedded database (builds FerretDB on the first run)');
  const app = await startApp(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      FERRETDB_CACHE_DIR: path.join(root, '.cache', 'ferretdb'),
      LOG_LEVEL: 'warn',
      AUTH_MODE: 'dev',
    }),
    logger,
    { tabDist },
  );
  const connector = await startConnectorStub();
  const browser = await launchChromium().catch(async (err: unknown) => {
    await app.stop();
    await connector.close();
    throw err;
  });
  try {
    const members = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eli');
    const team = await installTeam(app.url, connector, members, 'Platform');
    log(`seeding ${RECOGNITIONS} recognitions through the bot`);
    const traits = [
      'dependability',
      'impact',
      'meaning',
      'structure-clarity',
      'psychological-safety',
    ];
    for (let i = 0; i < RECOGNITIONS; i++) {
      const from = members[i % members.length];
      const to = members[(i + 1) % members.length];
      await recognize(
        app.url,
        team,
        from,
        to,
        `for ${traits[i % traits.length]} thanks for #${i + 1}`,
      );
    }
    const token = await devToken(app.url, members[0]);
    const url = `${app.url}/tab?${new URLSearchParams({ view: 'wall', team: team.teamId })}`;

    const load = async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      try {
        await context.addInitScript(
          `sessionStorage.setItem('rapport.token', ${JSON.stringify(token)});` + FIRST_CARD_PROBE,
        );
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction('window.__firstCardPainted !== undefined', undefined, {
          timeout: 30_000,
        });
        if (process.env.BENCH_DETAIL)
          log(
            String(
              await page.evaluate(
                `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(0, 40) + ' ' + e.startTime.toFixed(0) + '-' + e.responseEnd.toFixed(0)).join('\\n') + '\\nDCL ' + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd.toFixed(0)`,
              ),
            ),
          );
        return (await page.evaluate('window.__firstCardPainted')) as number;
      } finally {
        await context.close();
      }
    };

    log('warm-up load (not counted)');
    await load();
    const times: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      times.push(await load());
      log(`run ${i}/${RUNS}: first recognition card painted at ${times[i - 1].toFixed(0)} ms`);
    }
    const firstRender = median(times);

    const initialOk = bundle.initial <= INITIAL_BUDGET_KB * 1024 && bundle.chartSeparate;
    const renderOk = firstRender < RENDER_BUDGET_MS;
    process.stdout.write(
      [
        '',
        'Rapport tab',
        `  initial JS (gzip, ${bundle.initialFiles} files loaded by index.html): ${kb(bundle.initial)}` +
          `  budget ${INITIAL_BUDGET_KB} KB  ${initialOk ? 'OK' : 'MISSED'}`,
        `  chart chunk (lazy, TrustChart):   ${kb(bundle.chart)}`,
        `  Teams SDK chunk (lazy, in Teams): ${kb(bundle.teams)}`,
        `  other lazy chunks:                ${kb(bundle.other)}`,
        `  first render with data (median of ${RUNS}, cold cache): ${firstRender.toFixed(0)} ms` +
          `  budget ${RENDER_BUDGET_MS} ms  ${renderOk ? 'OK' : 'MISSED'}` +
          `  (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
        '',
      ].join('\n'),
    );
    return initialOk && renderOk ? 0 : 2;
  } finally {
    await browser.close();
    await connector.close();
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[bench:tab] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
