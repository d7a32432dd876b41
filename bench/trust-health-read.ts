/**
 * Latency of the trust-health read (GET /api/v1/teams/{teamId}/trust-health?weeks=52) on a
 * database that has taken 1,000,000 check-in answers across 2,000 teams, beside two baselines
 * measured in the same run (GET /healthz and GET /api/v1/teams/{teamId}):
 *
 *   npm run bench:trust-health                   # 2,000 teams, 1,000,000 answers, 10 s load
 *   BENCH_TEAMS=200 BENCH_SECONDS=2 npm run bench:trust-health   # quick smoke run
 *
 * Environment: BENCH_TEAMS (2000; answers seeded = 500 per team, so 1,000,000 by default),
 * BENCH_REQUESTS (2000 sequential requests per endpoint), BENCH_WARMUP (200 sequential
 * requests per endpoint, unreported), BENCH_SECONDS (10 s of autocannon per endpoint),
 * BENCH_CONNECTIONS (10), BENCH_WARMUP_SECONDS (2 s of unreported autocannon per endpoint).
 * Time budgets keep a run near 10 minutes even when requests take seconds (an unpatched
 * FerretDB scans for every lookup): BENCH_SEQUENTIAL_SECONDS (240: the measured sequential
 * rounds stop there, and the report says how many ran), BENCH_WARMUP_BUDGET_SECONDS (20),
 * BENCH_DRAIN_SECONDS (120: after each autocannon run, the wait for the app and FerretDB to
 * finish the requests it cut off).
 *
 * What "a database holding 1,000,000 answers" is here. The design stores no per-answer
 * document: an answer is `$inc`-ed into its team-week bucket (`trust_weeks`: the weeks of one
 * team and ISO year in one document, `weeks.<2026-W48>.…`) and into its round's answer count (`checkin_rounds`); the participation
 * marker (`checkin_participation`, "this member answered", for the one-answer rule and nudges)
 * is deleted when the round closes. So the seed is what the app itself would hold after those
 * answers, nothing more and nothing less:
 *   - conversations, rosters (with each member's list of conversations) and team settings of every team (the roster size varies
 *     8–16, so a week's answers never exceed the members invited);
 *   - a `trust_weeks` bucket per team and week of the last 52 ISO weeks (UTC) that saw a round
 *     or a recognition (two year documents per team), whose `checkin.answers` add up to exactly
 *     1,000,000;
 *   - one `checkin_rounds` document per team and week that had a round (questions, answer
 *     count, anonymous comments for some weeks), since the feedback endpoint and its index live
 *     on that collection;
 *   - participation markers only for rounds still open at seeding time.
 * Recognition documents themselves are not seeded, only their weekly counts in the buckets.
 *
 * Set-up: this process seeds an embedded FerretDB (SQLite, a child of its own) through the
 * MongoDB driver, then runs the compiled app (`node dist/bot/src/index.js`) as a child against
 * it with a clean environment (dev tokens, no BOT_ID), mints one dev token per team (a member of
 * its roster) and measures:
 *   - sequential: one request at a time, the three endpoints interleaved over random teams,
 *     BENCH_WARMUP unreported rounds then BENCH_REQUESTS measured ones (or as many as the time
 *     budget allows); every trust-health
 *     answer is checked against the seed (52 weeks, statuses, averages = sum / count);
 *   - autocannon: BENCH_CONNECTIONS connections × BENCH_SECONDS per endpoint, random teams,
 *     latency percentiles computed from every response time (autocannon itself has no p95); a
 *     sample of the trust-health answers is checked the same way.
 *
 * What it costs on FerretDB 1.24 (SQLite): only a filter that is exactly `{_id: <string or
 * ObjectId>}` reaches SQLite, and only with the build's patch does it use the `_id` index (see
 * bot/src/store/ferretdb-build.ts); every other filter is evaluated in Go over the whole
 * collection. Trust-health is an `_id` lookup of the caller's roster entry, of the team's
 * settings and of one or two year documents; most of its time is FerretDB decoding the year
 * documents (about 1,000 numbers each).
 *
 * Target: p95 of the sequential trust-health run under 20 ms.
 * Exit code: 0 when every check held and the target was met, 1 on an error or a failed check,
 * 2 when everything was correct but the target was missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Collection, type Db, type Document } from 'mongodb';
import { recentWeeks, roundTimes } from '../bot/src/features/checkins/domain/checkin';
import { defaultSettingsIn } from '../bot/src/features/checkins/checkin-defaults';
import { TRAIT_IDS, type TraitId } from '../bot/src/platform/domain/traits';
import { collections, prepareSchema } from '../test/support/schema';
import {
  cleanups,
  envNumber,
  log,
  projectRoot,
  runBenchmark,
  sleep,
  startAppProcess,
  verdict,
} from './support/harness';
import { installationSets, TENANT_ID } from './support/installed-teams';
import { hex, prng, uuidLike } from './support/random';
import { startBenchDatabase } from './support/bench-database';

const TARGET_P95_MS = 20;
const DB_NAME = 'rapport_bench';
const WEEKS = 52;
const ANSWERS_PER_TEAM = 500; // 2,000 teams × 500 = 1,000,000
const MIN_GROUP = 3;
const BATCH = 1000;

const TEAMS = Math.round(envNumber('BENCH_TEAMS', 2000, 10));
const TOTAL_ANSWERS = TEAMS * ANSWERS_PER_TEAM;
const REQUESTS = Math.round(envNumber('BENCH_REQUESTS', 2000, 20));
const WARMUP = Math.round(envNumber('BENCH_WARMUP', 200, 0));
const SECONDS = envNumber('BENCH_SECONDS', 10, 1);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 10, 1));
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2, 0);
/** Time budgets, so the whole run stays near 10 minutes even when a request takes seconds. */
const SEQUENTIAL_BUDGET = envNumber('BENCH_SEQUENTIAL_SECONDS', 240, 1);
const WARMUP_BUDGET = envNumber('BENCH_WARMUP_BUDGET_SECONDS', 20, 0);
const DRAIN_BUDGET = envNumber('BENCH_DRAIN_SECONDS', 120, 1);
const CANNON_TIMEOUT = 30;

const int = (n: number) => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// The seed plan: every team and week, computed first so that answers can be made to add up
// exactly and responses can be checked against it.

interface Member {
  aadObjectId: string;
  teamsUserId: string;
  name: string;
}

interface TeamPlan {
  teamId: string;
  name: string;
  roster: Member[];
}

interface WeekPlan {
  /** A round was sent this week (to `invited` members). */
  round: boolean;
  invited: number;
  answers: number;
  /** Per trait: how many answered its question. */
  counts: Partial<Record<TraitId, number>>;
  sums: Partial<Record<TraitId, { sum: number; count: number }>>;
  recognitions: Record<string, number>;
  comments: number;
}

type Expected = 'ok' | 'insufficient' | 'no-round';
const expectedStatus = (w: WeekPlan): Expected =>
  !w.round ? 'no-round' : w.answers < MIN_GROUP ? 'insufficient' : 'ok';

const COMMENTS = [
  'The release checklist finally made Thursday calm. More of that, please.',
  'I would like us to talk about on-call load before the holidays.',
  'Stand-ups run long; could we move blockers to a thread?',
  'Thanks for picking up the review backlog while I was out.',
  'Not sure who owns the migration plan. Could we name someone?',
  'Demo day felt rushed. Half a day more would have helped.',
  'Pairing on the incident write-up was the best part of my week.',
  'Priorities changed twice this sprint and nobody said why.',
];

function planTeams(rand: () => number): TeamPlan[] {
  return Array.from({ length: TEAMS }, (_, t) => {
    const size = 8 + (t % 9); // 8–16 members, 12 on average
    return {
      teamId: `19:${hex(rand, 32)}@thread.tacv2`,
      name: `Team ${t + 1}`,
      roster: Array.from({ length: size }, (_, m) => ({
        aadObjectId: uuidLike(rand),
        teamsUserId: `29:1${hex(rand, 40)}`,
        name: `Member ${t + 1}.${m + 1}`,
      })),
    };
  });
}

/** `lastRoundSent`: false when this week's round has not opened yet (Monday before 10:00 UTC). */
function planWeeks(teams: TeamPlan[], lastRoundSent: boolean, rand: () => number): WeekPlan[][] {
  const weeks = teams.map((team) =>
    Array.from({ length: WEEKS }, (_, i): WeekPlan => {
      const invited = team.roster.length;
      const u = rand();
      const recognitions: Record<string, number> = {};
      if (rand() < 0.6) {
        for (const trait of TRAIT_IDS)
          if (rand() < 0.4) recognitions[trait] = 1 + Math.floor(rand() * 4);
      }
      const base = { counts: {}, sums: {}, recognitions, comments: 0 };
      // ~3 % of weeks without a round (a quiet day, the team not installed yet), ~6 % below the
      // minimum group size (0–2 answers), the rest answered by 75–100 % of the members.
      if (u < 0.03 || (i === WEEKS - 1 && !lastRoundSent))
        return { ...base, round: false, invited: 0, answers: 0 };
      if (u < 0.09)
        return { ...base, round: true, invited, answers: Math.floor(rand() * MIN_GROUP) };
      const answers = Math.max(MIN_GROUP, Math.round(invited * (0.75 + 0.25 * rand())));
      return { ...base, round: true, invited, answers };
    }),
  );

  // Make the answers add up exactly: one answer more (or fewer) in answered weeks, spread over
  // all teams and weeks, never above the members invited nor below the minimum group size.
  const all = weeks.flat();
  let diff = TOTAL_ANSWERS - all.reduce((sum, w) => sum + w.answers, 0);
  const stride = 7919; // a prime, so the walk visits every week before repeating
  for (let i = 0, guard = 0; diff !== 0; i = (i + stride) % all.length) {
    if (++guard > all.length * 50) throw new Error(`cannot seed ${TOTAL_ANSWERS} answers`);
    const w = all[i];
    if (expectedStatus(w) !== 'ok') continue;
    if (diff > 0 && w.answers < w.invited) {
      w.answers++;
      diff--;
    } else if (diff < 0 && w.answers > MIN_GROUP) {
      w.answers--;
      diff++;
    }
  }

  // Per-trait sums: members may skip a question, so a trait can have fewer answers than the
  // week (and drop under the minimum on its own, which hides just that trait).
  for (const w of all) {
    if (!w.round || w.answers === 0) continue;
    for (const trait of TRAIT_IDS) {
      const skipped = rand() < 0.25 ? 1 : 0;
      const count = Math.max(0, w.answers - skipped);
      if (count === 0) continue;
      const mean = 2.4 + 2.2 * rand();
      const sum = Math.min(5 * count, Math.max(count, Math.round(count * mean)));
      w.counts[trait] = count;
      w.sums[trait] = { sum, count };
    }
    if (rand() < 0.35) w.comments = Math.min(w.answers, 1 + Math.floor(rand() * 3));
  }
  return weeks;
}

// ---------------------------------------------------------------------------------------------
// Documents, shaped as the repositories write them.

/** Monday 10:00 UTC of each week key: when the default cadence opens its round. */
function mondays(now: Date): Date[] {
  return Array.from({ length: WEEKS }, (_, i) => {
    const d = new Date(now.getTime() - (WEEKS - 1 - i) * 7 * 86_400_000);
    const weekday = d.getUTCDay() || 7;
    return new Date(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - (weekday - 1), 10),
    );
  });
}

interface SeedSet {
  collection: string;
  count: number;
  docs(): Iterable<Document>;
}

function seedSets(
  teams: TeamPlan[],
  weeks: WeekPlan[][],
  keys: string[],
  now: Date,
  commentRand: () => number,
): SeedSet[] {
  const settings = defaultSettingsIn();
  const opens = mondays(now);
  const times = opens.map((at) => roundTimes(settings.cadence, at));
  times.forEach((t, i) => {
    if (t.week !== keys[i]) throw new Error(`week ${i}: ${t.week} is not ${keys[i]}`);
  });
  const installedAt = new Date(opens[0].getTime() - 30 * 86_400_000);
  const isOpen = (i: number) =>
    times[i].opensAt.getTime() <= now.getTime() && now.getTime() < times[i].closesAt.getTime();
  const flat = weeks.flat();
  const rounds = flat.filter((w) => w.round).length;
  const openAnswers = weeks.reduce(
    (sum, team) => sum + team.reduce((s, w, i) => s + (w.round && isOpen(i) ? w.answers : 0), 0),
    0,
  );

  return [
    ...installationSets(teams, { installedAt, settings, reference: () => ({}) }),
    {
      // One document per team and ISO year, a bucket per week, as the app keeps them.
      collection: collections.trustWeeks,
      count: teams.length * new Set(keys.map((k) => k.slice(0, 4))).size,
      *docs() {
        for (let t = 0; t < teams.length; t++) {
          const byYear = new Map<string, Record<string, unknown>>();
          for (let i = 0; i < WEEKS; i++) {
            const w = weeks[t][i];
            const hasRecognitions = Object.keys(w.recognitions).length > 0;
            const year = keys[i].slice(0, 4);
            if (!byYear.has(year)) byYear.set(year, {});
            if (!w.round && !hasRecognitions) continue;
            byYear.get(year)![keys[i]] = {
              ...(hasRecognitions ? { recognitions: w.recognitions } : {}),
              ...(w.round
                ? {
                    checkin: {
                      answers: w.answers,
                      invited: w.invited,
                      minGroupSize: MIN_GROUP,
                      sums: w.sums,
                    },
                  }
                : {}),
            };
          }
          for (const [year, buckets] of byYear) {
            yield {
              _id: `${teams[t].teamId}|${year}`,
              teamId: teams[t].teamId,
              year,
              weeks: buckets,
            };
          }
        }
      },
    },
    {
      collection: collections.checkinRounds,
      count: rounds,
      *docs() {
        for (let t = 0; t < teams.length; t++) {
          for (let i = 0; i < WEEKS; i++) {
            const w = weeks[t][i];
            if (!w.round) continue;
            const comments = Array.from(
              { length: w.comments },
              () => COMMENTS[Math.floor(commentRand() * COMMENTS.length)],
            );
            yield {
              _id: `${teams[t].teamId}|${times[i].localDate}`,
              teamId: teams[t].teamId,
              week: times[i].week,
              opensAt: times[i].opensAt,
              nudgeAt: times[i].nudgeAt,
              closesAt: times[i].closesAt,
              status: isOpen(i) ? 'open' : 'closed',
              questions: settings.questions,
              freeText: settings.freeText,
              minGroupSize: MIN_GROUP,
              invited: w.invited,
              answers: w.answers,
              comments,
              revision: comments.length,
            };
          }
        }
      },
    },
    {
      collection: collections.checkinParticipation,
      count: openAnswers,
      *docs() {
        for (let t = 0; t < teams.length; t++) {
          for (let i = 0; i < WEEKS; i++) {
            const w = weeks[t][i];
            if (!w.round || !isOpen(i)) continue;
            const roundId = `${teams[t].teamId}|${times[i].localDate}`;
            for (const m of teams[t].roster.slice(0, w.answers))
              yield { _id: `${roundId}|${m.aadObjectId}`, roundId };
          }
        }
      },
    },
  ];
}

async function seed(db: Db, sets: SeedSet[]): Promise<{ docs: number; seconds: number }> {
  const total = sets.reduce((sum, s) => sum + s.count, 0);
  const t0 = Date.now();
  let done = 0;
  let lastReport = 0;
  for (const set of sets) {
    if (set.count === 0) {
      log(`seed ${set.collection}: nothing to store`);
      continue;
    }
    const collection: Collection<Document> = db.collection(set.collection);
    const setStarted = Date.now();
    let inSet = 0;
    let batch: Document[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await collection.insertMany(batch, { ordered: false });
      inSet += batch.length;
      done += batch.length;
      batch = [];
      const now = Date.now();
      if (now - lastReport >= 3000 || inSet === set.count) {
        lastReport = now;
        const rate = done / Math.max(0.001, (now - t0) / 1000);
        log(
          `seed ${set.collection}: ${int(inSet)}/${int(set.count)}; all ${int(done)}/` +
            `${int(total)} docs, ${int(rate)} docs/s, ETA ${int((total - done) / rate)} s`,
        );
      }
    };
    for (const doc of set.docs()) {
      batch.push(doc);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    if (inSet !== set.count) throw new Error(`${set.collection}: ${inSet} of ${set.count} seeded`);
    const seconds = (Date.now() - setStarted) / 1000;
    log(
      `seeded ${set.collection}: ${int(inSet)} docs in ${seconds.toFixed(1)} s ` +
        `(${int(inSet / Math.max(0.001, seconds))} docs/s)`,
    );
  }
  return { docs: done, seconds: (Date.now() - t0) / 1000 };
}

function directorySize(dir: string): number {
  let size = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    size += entry.isDirectory() ? directorySize(full) : fs.statSync(full).size;
  }
  return size;
}

// ---------------------------------------------------------------------------------------------
// Checking an answer against the seed, independently of the app's own weekHealth.

interface HealthBody {
  minGroupSize?: unknown;
  weeks?: {
    week?: unknown;
    status?: unknown;
    answers?: unknown;
    participation?: unknown;
    traits?: { trait?: unknown; average?: unknown; answers?: unknown }[];
    recognitions?: unknown;
    reason?: unknown;
  }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const sameRecord = (a: unknown, b: Record<string, number>) =>
  typeof a === 'object' &&
  a !== null &&
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Problems with one trust-health answer (empty when it matches the seed exactly). */
function checkHealth(body: string, keys: string[], plan: WeekPlan[]): string[] {
  let parsed: HealthBody;
  try {
    parsed = JSON.parse(body) as HealthBody;
  } catch {
    return ['not JSON'];
  }
  const problems: string[] = [];
  if (parsed.minGroupSize !== MIN_GROUP) problems.push(`minGroupSize ${parsed.minGroupSize}`);
  const weeks = parsed.weeks ?? [];
  if (weeks.length !== WEEKS) return [...problems, `${weeks.length} weeks, not ${WEEKS}`];
  for (let i = 0; i < WEEKS; i++) {
    const got = weeks[i];
    const want = plan[i];
    const status = expectedStatus(want);
    const at = `week ${keys[i]}`;
    if (got.week !== keys[i]) problems.push(`${at}: answered as ${got.week}`);
    if (got.status !== status) problems.push(`${at}: status ${got.status}, seeded ${status}`);
    if (!sameRecord(got.recognitions, want.recognitions)) problems.push(`${at}: recognitions`);
    if (status !== 'ok' || got.status !== 'ok') continue;
    if (got.answers !== want.answers) problems.push(`${at}: ${got.answers} answers`);
    const participation = round2(Math.min(want.answers, want.invited) / want.invited);
    if (got.participation !== participation) problems.push(`${at}: participation`);
    const traits = TRAIT_IDS.filter((t) => (want.sums[t]?.count ?? 0) >= MIN_GROUP);
    const gotTraits = got.traits ?? [];
    if (gotTraits.map((t) => t.trait).join() !== traits.join())
      problems.push(`${at}: traits ${gotTraits.map((t) => t.trait).join()}`);
    for (const t of gotTraits) {
      const s = want.sums[t.trait as TraitId];
      if (!s) continue;
      if (t.average !== round2(s.sum / s.count) || t.answers !== s.count)
        problems.push(
          `${at}: ${String(t.trait)} ${t.average}/${t.answers}, seeded ${s.sum}/${s.count}`,
        );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The app as a child process.

// ---------------------------------------------------------------------------------------------
// Measuring.

interface Endpoint {
  key: 'healthz' | 'team' | 'trust-health';
  title: string;
  path(team: number): string;
  auth: boolean;
}

const ENDPOINTS = (teams: TeamPlan[]): Endpoint[] => [
  { key: 'healthz', title: 'GET /healthz', path: () => '/healthz', auth: false },
  {
    key: 'team',
    title: 'GET /api/v1/teams/{id}',
    path: (t) => `/api/v1/teams/${encodeURIComponent(teams[t].teamId)}`,
    auth: true,
  },
  {
    key: 'trust-health',
    title: `GET …/trust-health?weeks=${WEEKS}`,
    path: (t) => `/api/v1/teams/${encodeURIComponent(teams[t].teamId)}/trust-health?weeks=${WEEKS}`,
    auth: true,
  },
];

interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
}

/** Nearest-rank percentiles; `seconds` is the time the samples took (for req/s). */
function stats(samples: number[], seconds: number): Stats {
  if (samples.length === 0) return { n: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0, rps: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    n: sorted.length,
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
    rps: seconds > 0 ? sorted.length / seconds : 0,
  };
}

interface Row {
  endpoint: Endpoint;
  mode: 'sequential' | 'autocannon';
  stats: Stats;
  /** Non-2xx answers, wrong bodies, connection errors. */
  errors: number;
  /** Requests that got no answer in time (autocannon's timeout, or cut off when it stopped). */
  unanswered: number;
}

function table(rows: Row[]): string {
  const header = ['endpoint', 'mode', 'answers', 'req/s', 'mean', 'p50', 'p95', 'p99', 'max'];
  header.push('errors', 'unanswered');
  const ms = (r: Row, n: number) => (r.stats.n === 0 ? '-' : n.toFixed(2));
  const body = rows.map((r) => [
    r.endpoint.title,
    r.mode === 'sequential' ? 'sequential' : `${CONNECTIONS} conn`,
    String(r.stats.n),
    r.stats.rps >= 10 ? r.stats.rps.toFixed(0) : r.stats.rps.toFixed(2),
    ms(r, r.stats.mean),
    ms(r, r.stats.p50),
    ms(r, r.stats.p95),
    ms(r, r.stats.p99),
    ms(r, r.stats.max),
    String(r.errors),
    String(r.unanswered),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '(latencies in ms; sequential req/s = answers / time spent on that endpoint)',
  ].join('\n');
}

/** CPU ticks (user + system) used so far by these processes, or undefined without /proc. */
function cpuTicks(pids: number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15
    } catch {
      return undefined;
    }
  }
  return total;
}

/**
 * Waits until the app and FerretDB are idle (under 15 % of a CPU over a second): requests that
 * autocannon cut off are still being worked on, and would slow down the next measurement.
 */
async function waitForIdle(pids: number[], maxSeconds: number): Promise<string> {
  const t0 = Date.now();
  let before = cpuTicks(pids);
  if (before === undefined) {
    await sleep(1000);
    return 'no /proc: waited 1 s';
  }
  while (Date.now() - t0 < maxSeconds * 1000) {
    await sleep(1000);
    const now = cpuTicks(pids);
    if (now === undefined) break;
    if (now - before < 15) return `idle after ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    before = now;
  }
  return `still busy after ${maxSeconds} s`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const root = projectRoot();
  const loadBefore = os.loadavg()[0].toFixed(2);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-health-'));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  log(
    `node ${process.version}, ${os.cpus().length} CPUs, ${int(TEAMS)} teams, ` +
      `${int(TOTAL_ANSWERS)} answers over ${WEEKS} weeks, temp dir ${tmp}`,
  );

  const { embedded, client: mongo } = await startBenchDatabase(root, path.join(tmp, 'db'));

  const db = mongo.db(DB_NAME);
  // The app's indexes exist before the data, as they do in production, so inserts maintain them.
  await prepareSchema(db);

  const now = new Date();
  const keys = recentWeeks(now, WEEKS, 'UTC');
  const teams = planTeams(prng(0x5eed));
  const weeks = planWeeks(teams, mondays(now)[WEEKS - 1] <= now, prng(0xbeef));
  const flat = weeks.flat();
  const seeded = flat.reduce((sum, w) => sum + w.answers, 0);
  const byStatus = { ok: 0, insufficient: 0, 'no-round': 0 };
  for (const w of flat) byStatus[expectedStatus(w)]++;
  log(
    `plan: ${int(seeded)} answers in ${int(flat.length)} team-weeks (${keys[0]} … ${keys[WEEKS - 1]}), ` +
      `${(seeded / flat.length).toFixed(2)} per team-week; ${int(byStatus.ok)} ok, ` +
      `${int(byStatus.insufficient)} insufficient (< ${MIN_GROUP} answers), ` +
      `${int(byStatus['no-round'])} without a round`,
  );
  if (seeded !== TOTAL_ANSWERS) throw new Error(`the plan holds ${seeded} answers`);
  log(
    'the design stores no per-answer documents: answers are summed into trust_weeks buckets and ' +
      'round counts, participation is deleted when a round closes; seeding only what the app ' +
      'would hold after these answers',
  );

  const sets = seedSets(teams, weeks, keys, now, prng(0xc0de));
  const { docs, seconds } = await seed(db, sets);
  const dbBytes = directorySize(path.join(tmp, 'db'));
  const yearDocs = await db
    .collection<{ weeks?: Record<string, { checkin?: { answers?: number } }> }>(
      collections.trustWeeks,
    )
    .find({}, { projection: { weeks: 1 } })
    .toArray();
  const storedAnswers = yearDocs.reduce(
    (sum, d) =>
      sum + Object.values(d.weeks ?? {}).reduce((n, w) => n + (w.checkin?.answers ?? 0), 0),
    0,
  );
  log(
    `seeded ${int(docs)} documents in ${seconds.toFixed(1)} s (${int(docs / seconds)} docs/s); ` +
      `database on disk ${(dbBytes / 1048576).toFixed(1)} MiB; trust_weeks holds ` +
      `${int(storedAnswers)} answers`,
  );

  log('starting the app (child process: node dist/bot/src/index.js)');
  const app = await startAppProcess(root, path.join(tmp, 'app-data'), embedded.uri, DB_NAME);
  log(`app is healthy at ${app.url}`);

  // One dev token per team, for a member of its roster (a different member for each team).
  const tokens: string[] = new Array<string>(teams.length);
  const mintStarted = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let t = next++; t < teams.length; t = next++) {
        const m = teams[t].roster[t % teams[t].roster.length];
        const res = await fetch(`${app.url}/api/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ tenantId: TENANT_ID, userId: m.aadObjectId, name: m.name }),
        });
        if (res.status !== 200)
          throw new Error(`dev token: HTTP ${res.status} ${await res.text()}`);
        tokens[t] = ((await res.json()) as { token: string }).token;
      }
    }),
  );
  log(
    `minted ${int(tokens.length)} dev tokens in ${((Date.now() - mintStarted) / 1000).toFixed(1)} s`,
  );

  const endpoints = ENDPOINTS(teams);
  const failures: string[] = [];
  const notes: string[] = [];
  const rows: Row[] = [];
  const rand = prng(0xfeed);
  const pick = () => Math.floor(rand() * teams.length);
  const pids = () => [app.pid, embedded.pid()].filter((p): p is number => p !== undefined);
  log(`waiting for the app and FerretDB to be idle: ${await waitForIdle(pids(), 30)}`);

  // Sequential: one request at a time, the three endpoints interleaved (in rotating order) so
  // that drift on the machine hits all of them alike. Bounded by a time budget, since on a
  // database where a request takes seconds 2,000 of them would take hours.
  const samples = new Map<Endpoint['key'], number[]>(endpoints.map((e) => [e.key, []]));
  const seqErrors = new Map<Endpoint['key'], number>(endpoints.map((e) => [e.key, 0]));
  const seqSeconds = new Map<Endpoint['key'], number>(endpoints.map((e) => [e.key, 0]));
  const badBodies: string[] = [];
  let checked = 0;
  let wrong = 0;
  const request = async (e: Endpoint, t: number) => {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${app.url}${e.path(t)}`, {
      headers: e.auth ? { authorization: `Bearer ${tokens[t]}` } : {},
    });
    const body = await res.text();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { status: res.status, body, ms };
  };
  log(
    `sequential: up to ${WARMUP} warm-up (at most ${WARMUP_BUDGET} s) + ${REQUESTS} measured ` +
      `rounds (at most ${SEQUENTIAL_BUDGET} s); a round is one request to each endpoint, ` +
      `interleaved, for a random team`,
  );
  const seqStarted = Date.now();
  let lastReport = Date.now();
  let warmupRounds = 0;
  for (; warmupRounds < WARMUP; warmupRounds++) {
    if (warmupRounds > 0 && Date.now() - seqStarted > WARMUP_BUDGET * 1000) break;
    const t = pick();
    for (let k = 0; k < endpoints.length; k++) {
      const e = endpoints[(warmupRounds + k) % endpoints.length];
      const r = await request(e, t);
      if (r.status !== 200)
        failures.push(`warm-up ${e.key}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    }
  }
  const measureStarted = Date.now();
  let rounds = 0;
  let budgetHit = false;
  for (; rounds < REQUESTS; rounds++) {
    if (rounds > 0 && Date.now() - measureStarted > SEQUENTIAL_BUDGET * 1000) {
      budgetHit = true;
      break;
    }
    const t = pick();
    const took: string[] = [];
    for (let k = 0; k < endpoints.length; k++) {
      const e = endpoints[(rounds + k) % endpoints.length];
      const r = await request(e, t);
      took.push(`${e.key} ${r.ms.toFixed(0)} ms`);
      samples.get(e.key)!.push(r.ms);
      seqSeconds.set(e.key, seqSeconds.get(e.key)! + r.ms / 1000);
      if (r.status !== 200) {
        seqErrors.set(e.key, seqErrors.get(e.key)! + 1);
        if (badBodies.length < 5)
          badBodies.push(`${e.key}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
      } else if (e.key === 'trust-health') {
        checked++;
        const problems = checkHealth(r.body, keys, weeks[t]);
        if (problems.length > 0) {
          wrong++;
          seqErrors.set(e.key, seqErrors.get(e.key)! + 1);
          if (badBodies.length < 5)
            badBodies.push(`${teams[t].name}: ${problems.slice(0, 3).join('; ')}`);
        }
      }
    }
    if (Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      const elapsed = (Date.now() - measureStarted) / 1000;
      const eta = Math.min(
        ((REQUESTS - rounds - 1) * elapsed) / (rounds + 1),
        SEQUENTIAL_BUDGET - elapsed,
      );
      log(
        `  sequential: ${rounds + 1}/${REQUESTS} rounds, ETA ${int(Math.max(0, eta))} s ` +
          `(last: ${took.join(', ')})`,
      );
    }
  }
  for (const e of endpoints) {
    rows.push({
      endpoint: e,
      mode: 'sequential',
      stats: stats(samples.get(e.key)!, seqSeconds.get(e.key)!),
      errors: seqErrors.get(e.key)!,
      unanswered: 0,
    });
  }
  const seqNote =
    `sequential: ${warmupRounds} warm-up rounds, then ${rounds} measured rounds in ` +
    `${((Date.now() - measureStarted) / 1000).toFixed(0)} s` +
    (budgetHit ? ` (stopped by the ${SEQUENTIAL_BUDGET} s budget, not ${REQUESTS})` : '');
  log(seqNote);
  notes.push(seqNote);
  const seqBad = [...seqErrors.values()].reduce((a, b) => a + b, 0);
  (wrong === 0 && checked > 0 ? notes : failures).push(
    `sequential: ${checked} trust-health answers (HTTP 200) checked against the seed (${WEEKS} ` +
      `weeks each, statuses, answers, participation, averages = sum / count, recognitions): ` +
      `${wrong} wrong`,
  );
  if (seqBad > wrong)
    failures.push(`sequential: ${seqBad - wrong} answers were not HTTP 200 (all endpoints)`);
  failures.push(...badBodies.map((b) => `  ${b}`));

  // autocannon: concurrent load, each request to a random team with a member's token.
  const runCannon = async (e: Endpoint, seconds: number, measured: boolean) => {
    const times: number[] = [];
    let rejected = 0;
    let verified = 0;
    let seq = 0;
    const samplesOut: string[] = [];
    type Context = { team?: number; n?: number };
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: app.url,
          connections: CONNECTIONS,
          duration: seconds,
          timeout: CANNON_TIMEOUT,
          requests: [
            {
              method: 'GET',
              setupRequest: (req, context) => {
                const t = pick();
                (context as Context).team = t;
                (context as Context).n = ++seq;
                return {
                  ...req,
                  path: e.path(t),
                  headers: e.auth ? { authorization: `Bearer ${tokens[t]}` } : {},
                };
              },
              onResponse: (status, body, context) => {
                const c = context as Context;
                if (status !== 200) {
                  rejected++;
                  if (samplesOut.length < 3)
                    samplesOut.push(`HTTP ${status} ${body.slice(0, 200)}`);
                } else if (e.key === 'trust-health' && measured && (c.n ?? 0) % 25 === 1) {
                  verified++;
                  const problems = checkHealth(body, keys, weeks[c.team ?? 0]);
                  if (problems.length > 0) {
                    rejected++;
                    if (samplesOut.length < 3) samplesOut.push(problems.slice(0, 3).join('; '));
                  }
                }
              },
            },
          ],
        },
        (err, res) =>
          err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    });
    return { result, times, rejected, verified, samplesOut };
  };
  for (const e of endpoints) {
    const seqP50 = rows.find((r) => r.endpoint.key === e.key && r.mode === 'sequential')!.stats.p50;
    if (WARMUP_SECONDS > 0 && seqP50 < WARMUP_SECONDS * 1000) {
      log(`autocannon warm-up ${e.key}: ${CONNECTIONS} connections × ${WARMUP_SECONDS} s`);
      const w = await runCannon(e, WARMUP_SECONDS, false);
      if (w.rejected + w.result.errors - w.result.timeouts > 0)
        failures.push(`autocannon warm-up ${e.key}: ${w.rejected} bad answers`);
      log(`  drain: ${await waitForIdle(pids(), DRAIN_BUDGET)}`);
    } else if (WARMUP_SECONDS > 0) {
      notes.push(
        `autocannon ${e.key}: no warm-up (one sequential request takes ${int(seqP50)} ms, longer ` +
          `than the ${WARMUP_SECONDS} s warm-up; the sequential run already warmed it)`,
      );
    }
    log(`autocannon ${e.key}: ${CONNECTIONS} connections × ${SECONDS} s`);
    const m = await runCannon(e, SECONDS, true);
    const { result } = m;
    const s = stats(m.times, result.duration);
    const connectionErrors = result.errors - result.timeouts;
    const unanswered = Math.max(0, result.requests.sent - m.times.length);
    log(
      `  ${e.key}: ${int(s.n)} answers of ${int(result.requests.sent)} sent, ` +
        `${s.rps.toFixed(1)} req/s, p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, ` +
        `p99 ${s.p99.toFixed(2)} ms (autocannon's own: p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms), ${m.rejected} bad answers, ${result.timeouts} timeouts`,
    );
    rows.push({
      endpoint: e,
      mode: 'autocannon',
      stats: s,
      errors: m.rejected + connectionErrors,
      unanswered,
    });
    if (m.rejected + connectionErrors > 0)
      failures.push(
        `autocannon ${e.key}: ${m.rejected} bad answers, ${connectionErrors} connection errors`,
      );
    failures.push(...m.samplesOut.map((x) => `  autocannon ${e.key}: ${x}`));
    if (unanswered > 0)
      notes.push(
        `autocannon ${e.key}: ${unanswered} of ${result.requests.sent} requests unanswered ` +
          `(${result.timeouts} timed out after ${CANNON_TIMEOUT} s, the rest cut off when the run ` +
          `ended)`,
      );
    if (e.key === 'trust-health')
      notes.push(
        `autocannon: ${m.verified} trust-health answers (every 25th request) checked against the ` +
          `seed`,
      );
    log(`  drain: ${await waitForIdle(pids(), DRAIN_BUDGET)}`);
  }
  const stillSameWeeks = recentWeeks(new Date(), WEEKS, 'UTC').join() === keys.join();
  if (!stillSameWeeks)
    failures.push('the ISO week changed during the run: the checks are void, run it again');
  if (app.problems() > 0) failures.push(`the app logged ${app.problems()} warnings or errors`);

  // The report.
  const find = (key: Endpoint['key'], mode: Row['mode']) =>
    rows.find((r) => r.endpoint.key === key && r.mode === mode)!.stats;
  const ratio = (a: number, b: number) => (a > 0 && b > 0 ? `×${(a / b).toFixed(1)}` : 'n/a');
  const ratios: string[] = [];
  for (const mode of ['sequential', 'autocannon'] as const) {
    const th = find('trust-health', mode);
    for (const base of ['healthz', 'team'] as const) {
      const b = find(base, mode);
      ratios.push(
        `  ${mode.padEnd(10)} trust-health / ${base.padEnd(7)}: p50 ${ratio(th.p50, b.p50)}, ` +
          `p95 ${ratio(th.p95, b.p95)}, p99 ${ratio(th.p99, b.p99)}, ` +
          `req/s ${ratio(th.rps, b.rps)}`,
      );
    }
  }
  const seqTrust = find('trust-health', 'sequential');
  const pass = seqTrust.n > 0 && seqTrust.p95 < TARGET_P95_MS;
  const counts = sets.map((set) => `${set.collection} ${int(set.count)}`);

  const out = [
    '',
    `Results: ${int(TEAMS)} teams, ${int(TOTAL_ANSWERS)} answers over ${WEEKS} ISO weeks ` +
      `(${keys[0]} … ${keys[WEEKS - 1]}), ${os.cpus().length} CPUs, node ${process.version}, ` +
      `load average ${loadBefore} before, ${os.loadavg()[0].toFixed(2)} after`,
    `Database: FerretDB 1.24 (SQLite), ${int(docs)} documents seeded in ${seconds.toFixed(1)} s ` +
      `(${int(docs / seconds)} docs/s), ${(dbBytes / 1048576).toFixed(1)} MiB on disk: ` +
      counts.join(', '),
    `Answers are not stored one by one (the design sums them into weekly buckets and round ` +
      `counts, and deletes participation when a round closes), so ${int(TOTAL_ANSWERS)} answers ` +
      `are the buckets and round documents above, not ${int(TOTAL_ANSWERS)} documents.`,
    `Sequential: ${warmupRounds} warm-up + ${rounds} measured requests per endpoint, interleaved` +
      (budgetHit ? ` (time budget ${SEQUENTIAL_BUDGET} s reached before ${REQUESTS})` : '') +
      `; autocannon: ${CONNECTIONS} connections × ${SECONDS} s per endpoint, timeout ` +
      `${CANNON_TIMEOUT} s`,
    '',
    table(rows),
    '',
    'Ratios (trust-health over the baselines):',
    ...ratios,
    '',
    'Target:',
    `  ${pass ? 'PASS' : 'FAIL'}  trust-health (weeks=${WEEKS}) sequential p95 = ` +
      `${seqTrust.n > 0 ? seqTrust.p95.toFixed(2) : 'n/a'} ms over ${seqTrust.n} requests ` +
      `(target < ${TARGET_P95_MS} ms)`,
    '',
    'Checks:',
    ...notes.map((n) => `  ok    ${n}`),
    ...failures.map((f) => `  FAIL  ${f}`),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');

  return verdict(failures, pass);
}

runBenchmark(main);
