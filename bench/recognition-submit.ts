/**
 * Throughput and latency of the message extension's "Recognize" submit
 * (composeExtension/submitAction) against the running server, beside a bare echo activity on the
 * same server, in one run:
 *
 *   npm run bench:recognition                  # 50 connections × 10 s per scenario
 *   BENCH_SECONDS=2 npm run bench:recognition  # quick smoke run
 *
 * Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2, 0 = none).
 *
 * Set-up, so the load generator never shares an event loop with what it measures:
 *   - this process: autocannon, plus an embedded FerretDB (a child of its own) for the app;
 *   - child: the compiled app, `node dist/bot/src/index.js`, with PORT, a temp DATA_DIR and
 *     MONGODB_URI pointing at that FerretDB, anonymous bot auth (no BOT_ID);
 *   - child: a Bot Connector stub (bench/connector-stub.ts), the serviceUrl the bot replies to.
 * One team is installed through an installationUpdate (the app reads its roster from the stub).
 *
 * Scenarios, each `connections` × `seconds` after an unreported warm-up:
 *   echo     a channel message "@Rapport help": the bot answers it with its help text, posted to
 *            the Connector stub. This is the "bare echo": a full turn with one outbound reply and
 *            no database work. (A `typing` activity would be barer still, but nothing answers it,
 *            so it measures only HTTP parsing and the adapter, not an echo.)
 *   store    submitAction in a team where Rapport is NOT installed: it stores the recognition and
 *            answers with a `composeExtension` result card. Each request has its own activity id,
 *            so each one stores a new recognition.
 *   preview  submitAction in the installed team: it answers with a `botMessagePreview`, storing
 *            nothing.
 *
 * Every response must be 200 with the expected body (an invoke that fails validation still
 * answers 200, with the form: that counts as an error here). Afterwards the database must hold
 * exactly one recognition per successful storing request. Requests still in flight when
 * autocannon stops are cut off without an answer; those storing requests are delivered again
 * (as Teams retries), which the app must answer from the first result without storing twice.
 *
 * Exit code: 0 when everything held and the targets were met, 1 on any error or a failed check,
 * 2 when the run was correct but missed a target (p99 under 100 ms, at least half the echo
 * throughput).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { collections } from '../test/support/schema';
import {
  channelMessage,
  teamInstallationUpdate,
  teamInvoke,
  type TeamContext,
} from '../test/fixtures/teams-activities';
import { createInstallationRepository } from '../bot/src/people/installation-repository';
import type { StubMember } from './connector-stub';
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
import { startStub } from './support/stub-process';
import { startBenchDatabase } from './support/bench-database';

const TARGET_P99_MS = 100;
const TARGET_RATIO = 0.5;
const DB_NAME = 'rapport_bench';

const SECONDS = envNumber('BENCH_SECONDS', 10, 1);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 50, 1));
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2, 0);

// ---------------------------------------------------------------------------------------------
// Teams-shaped activities, built by the tests' fixtures.

interface Conversation {
  teamId: string;
  teamName: string;
  channelId: string;
}

const newConversation = (teamName: string): Conversation => ({
  teamId: `19:${randomUUID()}@thread.tacv2`,
  teamName,
  channelId: `19:${randomUUID()}@thread.tacv2`,
});

/** A channel of the same team: its own conversation id, so replies can be counted apart. */
const otherChannel = (c: Conversation): Conversation => ({
  ...c,
  channelId: `19:${randomUUID()}@thread.tacv2`,
});

const member = (name: string): StubMember => ({
  id: `29:${name}-${randomUUID()}`,
  aadObjectId: randomUUID(),
  name,
});

const roster = ['Ana', 'Bo', 'Chen', 'Dee', 'Eli'].map(member);
const [sender, recipient] = roster;

/** The conversation as the fixtures take it: a team's channel, whose replies go to the stub. */
const inTeam = (serviceUrl: string, c: Conversation): TeamContext => ({ serviceUrl, ...c });

const installation = (serviceUrl: string, c: Conversation) =>
  teamInstallationUpdate(inTeam(serviceUrl, c), 'add', sender);

const helpMessage = (serviceUrl: string, id: string, c: Conversation) => ({
  ...channelMessage(inTeam(serviceUrl, c), sender, 'help'),
  id,
});

const submitAction = (serviceUrl: string, id: string, c: Conversation) =>
  teamInvoke(
    inTeam(serviceUrl, c),
    sender,
    'composeExtension/submitAction',
    {
      commandId: 'recognize',
      commandContext: 'compose',
      data: {
        people: recipient.aadObjectId,
        tag: 'dependability',
        message: 'Thanks for keeping the release notes current, every single week.',
      },
    },
    id,
  );

/** The composeExtension answer's type, or undefined when the body is not one. */
function composeExtensionType(body: string): unknown {
  try {
    const parsed = JSON.parse(body) as { composeExtension?: { type?: unknown } };
    return parsed.composeExtension?.type;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Processes.

// ---------------------------------------------------------------------------------------------
// Load.

interface Scenario {
  key: 'echo' | 'store' | 'preview';
  title: string;
  build(id: string, c: Conversation): unknown;
  accepts(status: number, body: string): boolean;
}

interface RunOutcome {
  result: autocannon.Result;
  /** Activity ids answered as expected. */
  acked: Set<string>;
  /** Requests sent but not answered when the run stopped: id → body. */
  cutOff: Map<string, string>;
  /** Answers with a status other than 200, or a 200 with the wrong body. */
  rejected: number;
  rejectedSamples: string[];
}

function describeRejection(status: number, body: string): string {
  return `HTTP ${status}: ${body.length > 300 ? body.slice(0, 300) + '…' : body}`;
}

function runLoad(
  appUrl: string,
  scenario: Scenario,
  c: Conversation,
  seconds: number,
  phase: string,
): Promise<RunOutcome> {
  const prefix = `bench-${scenario.key}-${phase}-${randomUUID().slice(0, 8)}`;
  let seq = 0;
  const acked = new Set<string>();
  const cutOff = new Map<string, string>();
  let rejected = 0;
  const rejectedSamples: string[] = [];
  type Context = { id?: string };

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${appUrl}/api/messages`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            // A fresh activity (own id) for every request; with pipelining 1 a connection's
            // context holds the request in flight until its answer arrives.
            setupRequest: (request, context) => {
              const id = `${prefix}-${++seq}`;
              const body = JSON.stringify(scenario.build(id, c));
              (context as Context).id = id;
              cutOff.set(id, body);
              return { ...request, body };
            },
            onResponse: (status, body, context) => {
              const id = (context as Context).id ?? '';
              cutOff.delete(id);
              if (scenario.accepts(status, body)) {
                acked.add(id);
              } else {
                rejected++;
                if (rejectedSamples.length < 5)
                  rejectedSamples.push(describeRejection(status, body));
              }
            },
          },
        ],
      },
      (err, result) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve({ result, acked, cutOff, rejected, rejectedSamples });
      },
    );
    if (phase === 'run') {
      let elapsed = 0;
      instance.on('tick', () => {
        elapsed++;
        if (elapsed < seconds && elapsed % 5 === 0) {
          log(
            `  ${scenario.key}: ${elapsed}/${seconds} s, ${acked.size + rejected} answers so far`,
          );
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Report.

interface Row {
  scenario: Scenario;
  outcome: RunOutcome;
  errors: number;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

function table(rows: Row[]): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'answers', 'errors'];
  const body = rows.map(({ scenario, outcome, errors }) => [
    scenario.title,
    fmt(outcome.result.requests.average, 1),
    fmt(outcome.result.latency.p50),
    fmt(outcome.result.latency.p99),
    String(outcome.result.requests.total),
    String(errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** The 1-minute load average: other work on the machine skews every figure. */
const loadAverage = () => os.loadavg()[0].toFixed(2);

async function main(): Promise<number> {
  const root = projectRoot();
  const loadBefore = loadAverage();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  log(
    `node ${process.version}, ${os.cpus().length} CPUs, ${CONNECTIONS} connections × ${SECONDS} s ` +
      `per scenario (warm-up ${WARMUP_SECONDS} s), temp dir ${tmp}`,
  );

  const { embedded, client: mongo } = await startBenchDatabase(root, path.join(tmp, 'db'));

  log('starting the Bot Connector stub (child process)');
  const stub = await startStub();

  log('starting the app (child process: node dist/bot/src/index.js)');
  const app = await startAppProcess(root, path.join(tmp, 'app-data'), embedded.uri, DB_NAME);
  log(`app is healthy at ${app.url}`);

  const db = mongo.db(DB_NAME);

  // Seed: the installed team (bot present: preview path) and a team without the bot (stores).
  const installed = newConversation('Platform');
  const notInstalled = newConversation('Payments');
  const warmupStore = newConversation('Warm-up');
  await stub.setRoster(installed.teamId, roster);
  const install = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(installation(stub.url, installed)),
  });
  const seededRoster = await createInstallationRepository(db).roster(installed.teamId);
  if (install.status !== 200 || seededRoster.length !== roster.length) {
    throw new Error(
      `seeding failed: install answered ${install.status}, roster has ${seededRoster.length} ` +
        `of ${roster.length} members`,
    );
  }
  log(`seeded: team ${installed.teamName} installed with ${seededRoster.length} members`);

  const scenarios: { scenario: Scenario; run: Conversation; warmup: Conversation }[] = [
    {
      scenario: {
        key: 'echo',
        title: 'echo (message → help reply)',
        build: (id, c) => helpMessage(stub.url, id, c),
        accepts: (status) => status === 200,
      },
      run: otherChannel(installed),
      warmup: otherChannel(installed),
    },
    {
      scenario: {
        key: 'store',
        title: 'submitAction, not installed (stores)',
        build: (id, c) => submitAction(stub.url, id, c),
        accepts: (status, body) => status === 200 && composeExtensionType(body) === 'result',
      },
      run: notInstalled,
      warmup: warmupStore,
    },
    {
      scenario: {
        key: 'preview',
        title: 'submitAction, installed (preview)',
        build: (id, c) => submitAction(stub.url, id, c),
        accepts: (status, body) =>
          status === 200 && composeExtensionType(body) === 'botMessagePreview',
      },
      run: installed,
      warmup: installed,
    },
  ];

  const rows: Row[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  for (const { scenario, run, warmup } of scenarios) {
    if (WARMUP_SECONDS > 0) {
      log(`warm-up ${scenario.key}: ${WARMUP_SECONDS} s`);
      const w = await runLoad(app.url, scenario, warmup, WARMUP_SECONDS, 'warmup');
      if (w.rejected + w.result.errors > 0) {
        failures.push(
          `warm-up of ${scenario.key}: ${w.rejected} bad answers, ${w.result.errors} errors` +
            (w.rejectedSamples[0] ? `; first: ${w.rejectedSamples[0]}` : ''),
        );
      }
      await sleep(500);
    }
    log(`start ${scenario.key}: ${scenario.title}, ${CONNECTIONS} connections × ${SECONDS} s`);
    const outcome = await runLoad(app.url, scenario, run, SECONDS, 'run');
    const { result } = outcome;
    const errors = result.errors + outcome.rejected;
    log(
      `end   ${scenario.key}: ${result.requests.total} answers, ` +
        `${fmt(result.requests.average, 1)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${errors} errors, ${outcome.cutOff.size} cut off at the end`,
    );
    if (errors > 0) {
      failures.push(
        `${scenario.key}: ${result.non2xx} non-2xx, ${outcome.rejected} answers not 200 with the ` +
          `expected body, ${result.errors} connection errors (${result.timeouts} timeouts)`,
      );
      for (const sample of outcome.rejectedSamples) failures.push(`  ${scenario.key}: ${sample}`);
    }
    // Let the server finish what was in flight when the load stopped.
    await sleep(1000);

    if (scenario.key === 'echo') {
      const replies = (await stub.posted())[run.channelId] ?? 0;
      const ok = outcome.acked.size;
      const max = ok + outcome.cutOff.size;
      const held = replies >= ok && replies <= max;
      (held ? notes : failures).push(
        `echo: the bot posted ${replies} replies to the Connector stub for ${ok} answered ` +
          `messages (+${outcome.cutOff.size} cut off)`,
      );
    }
    if (scenario.key === 'store') {
      // Deliver the cut-off requests again, as Teams retries an unanswered invoke.
      let redelivered = 0;
      for (const [id, body] of outcome.cutOff) {
        const res = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const text = await res.text();
        if (scenario.accepts(res.status, text)) {
          outcome.acked.add(id);
          redelivered++;
        } else {
          failures.push(`store: redelivery of ${id}: ${describeRejection(res.status, text)}`);
        }
      }
      await sleep(500);
      const successful = outcome.acked.size;
      const stored = await db
        .collection(collections.recognitions)
        .countDocuments({ teamId: run.teamId });
      const years = await db
        .collection<{ weeks?: Record<string, { recognitions?: Record<string, number> }> }>(
          collections.trustWeeks,
        )
        .find({ teamId: run.teamId })
        .toArray();
      const counted = years.reduce(
        (sum, y) =>
          sum +
          Object.values(y.weeks ?? {}).reduce(
            (n, w) => n + (w.recognitions?.dependability ?? 0),
            0,
          ),
        0,
      );
      (stored === successful ? notes : failures).push(
        `store: ${stored} recognitions stored for ${successful} successful storing requests ` +
          `(${successful - redelivered} answered during the run + ${redelivered} cut off and ` +
          `delivered again)`,
      );
      // Each stored recognition is also counted once in its team's trust week.
      (counted === stored ? notes : failures).push(
        `store: the trust-week counter for the team says ${counted} for ${stored} stored ` +
          `recognitions`,
      );
    }
    if (scenario.key === 'preview') {
      const stored = await db
        .collection(collections.recognitions)
        .countDocuments({ teamId: run.teamId });
      (stored === 0 ? notes : failures).push(
        `preview: ${stored} recognitions stored for the installed team (previews store none)`,
      );
    }
    rows.push({ scenario, outcome, errors });
  }
  if (app.problems() > 0) failures.push(`the app logged ${app.problems()} warnings or errors`);

  // The report.
  const byKey = (key: Scenario['key']) => rows.find((r) => r.scenario.key === key)!;
  const echo = byKey('echo').outcome.result.requests.average;
  const targets: { label: string; pass: boolean }[] = [];
  for (const key of ['store', 'preview'] as const) {
    const { result } = byKey(key).outcome;
    const ratio = echo > 0 ? result.requests.average / echo : 0;
    targets.push({
      label: `${key}: throughput / echo = ${fmt(ratio, 2)} (target ≥ ${fmt(TARGET_RATIO, 2)})`,
      pass: ratio >= TARGET_RATIO,
    });
    targets.push({
      label: `${key}: p99 = ${result.latency.p99} ms (target < ${TARGET_P99_MS} ms)`,
      pass: result.latency.p99 < TARGET_P99_MS,
    });
  }

  const out: string[] = [
    '',
    `Results: ${CONNECTIONS} connections × ${SECONDS} s per scenario, ${os.cpus().length} CPUs, ` +
      `node ${process.version}, load average ${loadBefore} before, ${loadAverage()} after`,
    '',
    table(rows),
    '',
    'Targets:',
    ...targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.label}`),
    '',
    'Checks:',
    ...notes.map((n) => `  ok    ${n}`),
    ...failures.map((f) => `  FAIL  ${f}`),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');

  return verdict(
    failures,
    targets.every((t) => t.pass),
  );
}

runBenchmark(main);
