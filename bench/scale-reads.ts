/**
 * What a team's requests cost as the database grows: p50/p95 of the tab's and the bot's reads
 * (and one storing invoke) with 200, 2,000 and 20,000 teams installed, on the embedded FerretDB,
 * and the ratio of p95 at the largest size to p95 at the smallest:
 *
 *   npm run bench:scale                            # 200, 2,000 and 20,000 teams
 *   BENCH_SIZES=200,2000 BENCH_REQUESTS=100 npm run bench:scale   # a quicker run
 *
 * Environment: BENCH_SIZES (200,2000,20000), BENCH_REQUESTS (300 measured requests per endpoint
 * and size), BENCH_WARMUP (30 unreported requests per endpoint and size), BENCH_SAMPLE_TEAMS
 * (1,000: the teams requests are spread over, so the app's two-second caches rarely help).
 *
 * The database of each size is seeded once and kept under .cache/bench/scale-<teams>-v<n>
 * (the seed is deterministic; a run copies it, so what a run writes never reaches the next one).
 * Seeding goes straight through the MongoDB driver with the store's own document shapes
 * (rosterDoc, membershipsId, listingId, agreementDoc, wallEntryOf, trustYearId…), which is what
 * the app itself would hold after:
 *   - every team installed with a roster of 10 (one busy team of 50): its conversation, roster,
 *     each member's memberships, settings (default check-ins, the first member leads) and its
 *     next check-in on the schedule, a month away;
 *   - one recognition per member in the last 90 days (the busy team: 5,000 over the last year),
 *     with the wall's month index and the weekly counts;
 *   - 8 weekly check-in rounds, closed and published, some with comments (feedback);
 *   - two working agreements, one active (its proposal adopted) and one proposed (open).
 *
 * Then every size runs at once: per size, the compiled app as a child against its FerretDB (a
 * child of this process), with one Bot Connector stub (bench/connector-stub.ts) for what the bot
 * posts. Once each app's start-up read (the check of unfinished recognitions) is over, the
 * endpoints are called one request at a time, sizes and endpoints interleaved at random (so a
 * shared machine's load falls on every size alike), each by a member of a random team:
 *   GET /api/v1/me; the wall's first page; a page 4,000 recognitions deep in the busy team's
 *   history; agreements; feedback; trust-health (12 weeks, as the tab opens it); the message
 *   extension's fetchTask; its submitAction (a preview, since the bot is installed); and the
 *   preview's send, which stores the recognition and posts the card; and installing the app in
 *   a new team of 10 (its roster read from the stub).
 * Every answer is checked (status and shape), each send must store one recognition and each
 * install one roster.
 *
 * Then the write rate: new teams installed `BENCH_WRITE_CONCURRENCY` (20) at a time, each job an
 * install with a roster of 9, a roster update (a tenth member joins, the roster read again from
 * the stub) and two recognitions given and sent through the message extension; `BENCH_WRITE_BURSTS`
 * (5) bursts per size, the sizes taking turns burst by burst; installs/s per size is its jobs over
 * the time its bursts took. BENCH_REQUESTS=0 skips the reads and measures only the write rate.
 *
 * Target (issue 13): p95 ≤ 50 ms for every read at every size (fetchTask ≤ 100 ms), and p95 at
 * the largest size ≤ 1.5 × p95 at the smallest; installs/s at the largest size ≥ 0.8 × the rate
 * at the smallest. Exit code: 0 when every check held and the
 * targets were met, 1 on an error or a failed check, 2 when correct but a target was missed.
 */
import { encodeCursor } from '../bot/src/features/recognition/recognition-schemas';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db, type Document } from 'mongodb';
import {
  publishableResult,
  roundTimes,
  type RoundResult,
} from '../bot/src/features/checkins/domain/checkin';
import { defaultSettingsIn } from '../bot/src/features/checkins/checkin-defaults';
import type {
  Agreement,
  AgreementProposal,
  Author,
} from '../bot/src/features/agreements/domain/agreement';
import type { RosterMember } from '../bot/src/people/domain/installation';
import { tagKey, type RecognitionTag } from '../bot/src/features/recognition/domain/recognition';
import { TRAIT_IDS } from '../bot/src/platform/domain/traits';
import { isoWeekKey } from '../bot/src/platform/domain/week';
import { createLogger } from '../bot/src/logger';
import {
  agreementDoc,
  proposalDoc,
  proposalsOwner,
} from '../bot/src/features/agreements/agreement-repository';
import type { RoundDoc } from '../bot/src/features/checkins/checkin-repository';
import { collections, prepareSchema } from '../test/support/schema';
import {
  teamInstallationUpdate,
  teamInvoke,
  type TeamContext,
} from '../test/fixtures/teams-activities';
import { SCHEMA_VERSION } from '../bot/src/platform/store/collections';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../bot/src/platform/store/embedded-database';
import { listingId } from '../bot/src/platform/store/listings';
import {
  recognitionIdFor,
  type RecognitionDoc,
} from '../bot/src/features/recognition/recognition-repository';
import { trustYearId } from '../bot/src/features/trust-health/trust-week-repository';
import { wallEntryOf, type WallEntry } from '../bot/src/features/recognition/wall-index';
import {
  cleanups,
  envNumber,
  log,
  projectRoot,
  runBenchmark,
  startAppProcess,
  verdict,
} from './support/harness';
import { installationSets, TENANT_ID } from './support/installed-teams';
import { startStub, type Stub } from './support/stub-process';
import { hex, prng, uuidLike } from './support/random';

const SEED_VERSION = 3;
const DB_NAME = 'rapport_bench';
const MEMBERS = 10;
const BUSY_MEMBERS = 50;
const BUSY_RECOGNITIONS = 5000;
const ROUNDS = 8;
const DAY = 86_400_000;
const BATCH = 1000;
/** How far back the deep wall page starts, counted in the busy team's recognitions. */
const DEEP = 4000;
const TARGET_P95_MS = 50;
const TARGET_FETCH_TASK_P95_MS = 100;
const TARGET_RATIO = 1.5;

const SIZES = (process.env.BENCH_SIZES?.trim() || '200,2000,20000').split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n < 10) throw new Error(`BENCH_SIZES: "${s}" is not a size ≥ 10`);
  return n;
});
const REQUESTS = Math.round(envNumber('BENCH_REQUESTS', 300, 0));
const WARMUP = Math.round(envNumber('BENCH_WARMUP', 30, 0));
const SAMPLE_TEAMS = Math.round(envNumber('BENCH_SAMPLE_TEAMS', 1000, 1));
const WRITE_BURSTS = Math.round(envNumber('BENCH_WRITE_BURSTS', 5, 0));
const WRITE_CONCURRENCY = Math.round(envNumber('BENCH_WRITE_CONCURRENCY', 20, 1));
/** Issue 13: installs/s at the largest size at least 0.8 of the rate at the smallest. */
const TARGET_WRITE_RATE_RATIO = 0.8;

const int = (n: number) => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// The seed: teams first, then every collection's documents, generated as they are inserted.

interface Team {
  teamId: string;
  name: string;
  roster: RosterMember[];
  /** Recognition i: createdAt (ms), sender and recipient indexes in the roster, trait. */
  recognitions: { at: number; from: number; to: number; trait: (typeof TRAIT_IDS)[number] }[];
}

/** Everything a size's seed is computed from; `now` is fixed when the seed is made. */
interface Plan {
  teams: Team[];
  now: number;
}

function plan(size: number, now: number): Plan {
  const rand = prng(size * 7919 + SEED_VERSION);
  const teams = Array.from({ length: size }, (_, t): Team => {
    const busy = t === 0;
    const members = busy ? BUSY_MEMBERS : MEMBERS;
    const roster = Array.from({ length: members }, (_, m) => ({
      aadObjectId: uuidLike(rand),
      teamsUserId: `29:1${hex(rand, 40)}`,
      name: `Member ${t + 1}.${m + 1}`,
    }));
    const count = busy ? BUSY_RECOGNITIONS : members;
    const span = busy ? 365 * DAY : 90 * DAY;
    const recognitions = Array.from({ length: count }, (_, i) => {
      const from = i % members;
      return {
        at: now - Math.floor(rand() * span) - 60_000,
        from,
        to: (from + 1 + Math.floor(rand() * (members - 1))) % members,
        trait: TRAIT_IDS[Math.floor(rand() * TRAIT_IDS.length)],
      };
    });
    return {
      teamId: `19:${hex(rand, 32)}@thread.tacv2`,
      name: busy ? 'Busy team' : `Team ${t + 1}`,
      roster,
      recognitions,
    };
  });
  return { teams, now };
}

const author = (m: RosterMember): Author => ({ aadObjectId: m.aadObjectId, name: m.name });

const COMMENTS = [
  'The release checklist finally made Thursday calm.',
  'Could we move blockers to a thread?',
  'Thanks for picking up the review backlog.',
  'Not sure who owns the migration plan.',
];

function recognitionDocs(team: Team): RecognitionDoc[] {
  return team.recognitions.map((r, i) => {
    const tag: RecognitionTag = { kind: 'trait', id: r.trait };
    const sender = team.roster[r.from];
    const recipient = team.roster[r.to];
    const createdAt = new Date(r.at);
    return {
      _id: recognitionIdFor(`seed|${team.teamId}|${i}`),
      teamId: team.teamId,
      week: isoWeekKey(createdAt, 'UTC'),
      sender,
      recipients: [recipient],
      recipientIds: [recipient.aadObjectId],
      tag,
      tagKey: tagKey(tag),
      message: `Thanks for the help with item ${i + 1}; it made the week easier for all of us.`,
      createdAt,
    };
  });
}

/** The last ROUNDS Monday openings (10:00 UTC, the default cadence) that have closed. */
function roundOpenings(now: number): Date[] {
  const settings = defaultSettingsIn();
  const d = new Date(now - 4 * DAY);
  const weekday = d.getUTCDay() || 7;
  const lastMonday = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate() - weekday + 1,
    10,
  );
  return Array.from({ length: ROUNDS }, (_, i) => new Date(lastMonday - i * 7 * DAY)).filter(
    (at) => roundTimes(settings.cadence, at).closesAt.getTime() < now,
  );
}

interface SeedSet {
  collection: string;
  docs(): Iterable<Document>;
}

function seedSets({ teams, now }: Plan): SeedSet[] {
  const installedAt = new Date(now - 400 * DAY);
  const settings = defaultSettingsIn();
  const openings = roundOpenings(now);
  const rand = prng(teams.length + 17);
  /** Round results per team, shared by the rounds and the trust-health years. */
  const results = (team: Team) =>
    openings.map((opensAt, i) => {
      const times = roundTimes(settings.cadence, opensAt);
      const invited = team.roster.length;
      const answers = Math.max(3, invited - ((i + team.roster.length) % 4));
      const sums: RoundResult['sums'] = {};
      for (const trait of TRAIT_IDS) sums[trait] = { sum: answers * 4, count: answers };
      return { times, result: publishableResult({ answers, invited, minGroupSize: 3, sums }) };
    });

  return [
    ...installationSets(teams, {
      installedAt,
      settings,
      reference: (team) => ({
        serviceUrl: 'https://smba.invalid/',
        conversation: { id: team.teamId },
      }),
    }),
    {
      collection: collections.schedules,
      *docs() {
        for (const team of teams) {
          yield {
            _id: `checkin-open|${team.teamId}`,
            kind: 'checkin-open',
            subject: team.teamId,
            nextRunAt: new Date(now + 30 * DAY),
          };
        }
      },
    },
    {
      collection: collections.recognitions,
      *docs() {
        for (const team of teams) yield* recognitionDocs(team);
      },
    },
    {
      collection: collections.recognitionMonths,
      *docs() {
        for (const team of teams) {
          const months = new Map<string, WallEntry[]>();
          for (const doc of recognitionDocs(team)) {
            const month = doc.createdAt.toISOString().slice(0, 7);
            months.set(month, [...(months.get(month) ?? []), wallEntryOf(doc)]);
          }
          for (const [month, entries] of months) yield { _id: `${team.teamId}|${month}`, entries };
          yield {
            _id: `${team.teamId}|months`,
            months: Object.fromEntries([...months.keys()].map((m) => [m, 1])),
          };
        }
      },
    },
    {
      collection: collections.trustWeeks,
      *docs() {
        for (const team of teams) {
          const years = new Map<string, Document>();
          const year = (week: string) => {
            const _id = trustYearId(team.teamId, week);
            if (!years.has(_id)) {
              years.set(_id, { _id, teamId: team.teamId, year: week.slice(0, 4), weeks: {} });
            }
            return years.get(_id)!.weeks as Record<string, Document>;
          };
          for (const doc of recognitionDocs(team)) {
            const weeks = year(doc.week);
            const bucket = (weeks[doc.week] ??= {});
            const counts = (bucket.recognitions ??= {}) as Record<string, number>;
            counts[doc.tagKey] = (counts[doc.tagKey] ?? 0) + 1;
          }
          for (const { times, result } of results(team)) {
            const weeks = year(times.week);
            const bucket = (weeks[times.week] ??= {});
            const checkin = (bucket.checkin ??= { rounds: {} }) as { rounds: Document };
            checkin.rounds[times.localDate] = result;
          }
          yield* years.values();
        }
      },
    },
    {
      collection: collections.checkinRounds,
      *docs() {
        for (const team of teams) {
          for (const { times, result } of results(team)) {
            const comments = Array.from(
              { length: rand() < 0.4 ? 1 + Math.floor(rand() * 3) : 0 },
              () => COMMENTS[Math.floor(rand() * COMMENTS.length)],
            );
            const doc: RoundDoc = {
              _id: `${team.teamId}|${times.localDate}`,
              teamId: team.teamId,
              week: times.week,
              opensAt: times.opensAt,
              nudgeAt: times.nudgeAt,
              closesAt: times.closesAt,
              status: 'closed',
              questions: settings.questions,
              freeText: settings.freeText,
              minGroupSize: 3,
              invited: result.invited,
              answers: result.answers,
              comments,
              revision: result.answers,
              published: true,
            };
            yield doc;
          }
        }
      },
    },
    {
      collection: collections.agreements,
      *docs() {
        for (const team of teams) yield* agreementsOf(team, now).agreements.map(agreementDoc);
      },
    },
    {
      collection: collections.agreementProposals,
      *docs() {
        for (const team of teams) yield* agreementsOf(team, now).proposals.map(proposalDoc);
      },
    },
    {
      collection: collections.listings,
      *docs() {
        for (const team of teams) {
          const { agreements, proposals } = agreementsOf(team, now);
          yield { _id: listingId('agreements', team.teamId), ids: agreements.map((a) => a.id) };
          for (const a of agreements) {
            yield {
              _id: listingId('agreement-proposals', proposalsOwner(team.teamId, a.id)),
              ids: proposals.filter((p) => p.agreementId === a.id).map((p) => p.id),
            };
          }
          yield {
            _id: listingId('checkin-rounds', team.teamId),
            ids: results(team)
              .reverse()
              .map(({ times }) => `${team.teamId}|${times.localDate}`),
          };
        }
      },
    },
    {
      collection: collections.meta,
      *docs() {
        // What a started app records, so the seeded database is not migrated again.
        yield { _id: 'schema', version: SCHEMA_VERSION, updatedAt: new Date(now) };
        yield { _id: 'listings', builtAt: new Date(now) };
        yield { _id: 'wall-index', listedAt: new Date(now) };
        yield { _id: 'outbox-pending', at: new Date(now) };
        yield { _id: 'recognition-changes', listedAt: new Date(now) };
      },
    },
  ];
}

/** Two agreements per team: one adopted a month ago, one proposed two days ago (still open). */
function agreementsOf(team: Team, now: number) {
  const [lead, second] = team.roster;
  const id = (n: number) => `${team.teamId.slice(3, 19)}-a${n}`;
  const adoptedAt = new Date(now - 30 * DAY);
  const proposedAt = new Date(now - 2 * DAY);
  const content = (title: string) => ({
    title,
    text: `${title}: we agreed on this together and review it every quarter.`,
    category: 'communication' as const,
  });
  const agreements: Agreement[] = [
    {
      id: id(1),
      teamId: team.teamId,
      status: 'active',
      content: content('Async by default'),
      version: 1,
      versions: [
        {
          ...content('Async by default'),
          version: 1,
          proposalId: `${id(1)}-p1`,
          proposedBy: author(lead),
          adoptedAt,
          decidedBy: { kind: 'team' },
        },
      ],
      events: [
        {
          kind: 'proposed',
          at: new Date(now - 33 * DAY),
          by: author(lead),
          proposalId: `${id(1)}-p1`,
        },
        { kind: 'adopted', at: adoptedAt, proposalId: `${id(1)}-p1`, version: 1 },
      ],
      reviewAfterDays: 90,
      reviewOn: new Date(now + 60 * DAY).toISOString().slice(0, 10),
      createdAt: new Date(now - 33 * DAY),
      createdBy: author(lead),
      revision: 2,
    },
    {
      id: id(2),
      teamId: team.teamId,
      status: 'proposed',
      content: content('Camera optional'),
      version: 0,
      versions: [],
      events: [{ kind: 'proposed', at: proposedAt, by: author(second), proposalId: `${id(2)}-p1` }],
      reviewAfterDays: 90,
      openProposalId: `${id(2)}-p1`,
      createdAt: proposedAt,
      createdBy: author(second),
      revision: 0,
    },
  ];
  const proposals: AgreementProposal[] = [
    {
      id: `${id(1)}-p1`,
      teamId: team.teamId,
      agreementId: id(1),
      kind: 'new',
      content: content('Async by default'),
      baseVersion: 0,
      reviewAfterDays: 90,
      proposedBy: author(lead),
      createdAt: new Date(now - 33 * DAY),
      closesAt: new Date(now - 26 * DAY),
      endorsedBy: team.roster.slice(0, 6).map((m) => m.aadObjectId),
      objections: [],
      status: 'adopted',
      votingClosed: true,
      decidedAt: adoptedAt,
      revision: 6,
    },
    {
      id: `${id(2)}-p1`,
      teamId: team.teamId,
      agreementId: id(2),
      kind: 'new',
      content: content('Camera optional'),
      baseVersion: 0,
      reviewAfterDays: 90,
      proposedBy: author(second),
      createdAt: proposedAt,
      closesAt: new Date(now + 5 * DAY),
      endorsedBy: [second.aadObjectId],
      objections: [],
      status: 'open',
      revision: 1,
    },
  ];
  return { agreements, proposals };
}

// ---------------------------------------------------------------------------------------------
// Seeded databases, cached.

interface Seeded {
  dir: string;
  plan: Plan;
}

const seedDir = (root: string, size: number) =>
  path.join(root, '.cache', 'bench', `scale-${size}-v${SEED_VERSION}`);

async function seeded(root: string, size: number): Promise<Seeded> {
  const dir = seedDir(root, size);
  const marker = path.join(dir, 'seeded.json');
  if (fs.existsSync(marker)) {
    const { now } = JSON.parse(fs.readFileSync(marker, 'utf8')) as { now: number };
    log(`${int(size)} teams: reusing the seeded database in ${dir}`);
    return { dir, plan: plan(size, now) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const now = Date.now();
  const p = plan(size, now);
  log(`${int(size)} teams: seeding ${dir} (once; later runs reuse it)`);
  const embedded = await startDatabase(root, dir);
  const client = await MongoClient.connect(embedded.uri);
  try {
    const db = client.db(DB_NAME);
    const started = Date.now();
    let total = 0;
    for (const set of seedSets(p)) total += await insertAll(db, set);
    // The app creates its indexes at every start; built here, once, on the full collections.
    const indexing = Date.now();
    await prepareSchema(db);
    log(`${int(size)} teams: indexes built in ${((Date.now() - indexing) / 1000).toFixed(0)} s`);
    log(
      `${int(size)} teams: seeded ${int(total)} documents in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await client.close();
    await embedded.stop();
  }
  fs.writeFileSync(marker, JSON.stringify({ now, seedVersion: SEED_VERSION }));
  return { dir, plan: p };
}

async function insertAll(db: Db, set: SeedSet): Promise<number> {
  const collection = db.collection(set.collection);
  const started = Date.now();
  let batch: Document[] = [];
  let count = 0;
  let lastLog = started;
  const flush = async () => {
    if (batch.length === 0) return;
    await collection.insertMany(batch, { ordered: false });
    count += batch.length;
    batch = [];
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  ${set.collection}: ${int(count)} documents so far`);
    }
  };
  for (const doc of set.docs()) {
    batch.push(doc);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  const seconds = (Date.now() - started) / 1000;
  log(`  ${set.collection}: ${int(count)} documents (${int(count / Math.max(seconds, 0.001))}/s)`);
  return count;
}

function startDatabase(root: string, dataDir: string): Promise<EmbeddedDatabase> {
  return startEmbeddedDatabase({
    dataDir,
    cacheDir: path.join(root, '.cache', 'ferretdb'),
    logger: createLogger('warn', (line) => process.stderr.write(`[ferretdb] ${line}\n`)),
    progress: (line) => log(line),
  });
}

// ---------------------------------------------------------------------------------------------
// Requests.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Context {
  appUrl: string;
  stub: Stub;
  token(member: RosterMember): Promise<string>;
  /** Set by an endpoint whose call does more than what it measures (a send after its preview). */
  measured?: number;
}

interface Endpoint {
  key: string;
  title: string;
  /** Busy team only (the deep wall page); otherwise any sampled team. */
  busyOnly?: boolean;
  /** Answers whether the response was right; throws on a transport error. */
  call(ctx: Context, team: Team, member: RosterMember): Promise<string | undefined>;
}

const teamUrl = (ctx: Context, team: Team) =>
  `${ctx.appUrl}/api/v1/teams/${encodeURIComponent(team.teamId)}`;

async function getJson(ctx: Context, url: string, member: RosterMember) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${await ctx.token(member)}` } });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Json };
}

/** The team as activities name it: its General channel is the conversation. */
const inTeam = (ctx: Context, team: { teamId: string; name: string }): TeamContext => ({
  serviceUrl: ctx.stub.url,
  teamId: team.teamId,
  teamName: team.name,
  channelId: team.teamId.replace('@thread', '-general@thread'),
});

const from = (m: RosterMember) => ({ id: m.teamsUserId, aadObjectId: m.aadObjectId, name: m.name });

/** A message extension invoke from the team's channel, with an id no other request has. */
const activity = (ctx: Context, team: Team, member: RosterMember, name: string, value: Json) =>
  teamInvoke(
    inTeam(ctx, team),
    from(member),
    name,
    value,
    `bench-${Math.random().toString(36).slice(2)}-${Date.now()}`,
  );

async function invoke(ctx: Context, body: unknown) {
  const res = await fetch(`${ctx.appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Json };
}

const submitValue = (team: Team, member: RosterMember) => {
  const other = team.roster.find((m) => m.aadObjectId !== member.aadObjectId)!;
  return {
    commandId: 'recognize',
    commandContext: 'compose',
    data: { teammates: other.aadObjectId, tag: 'dependability', message: 'Thanks for the review.' },
  };
};

const cursors = new Map<Team, string>();
function deepCursor(team: Team): string {
  const known = cursors.get(team);
  if (known) return known;
  const docs = recognitionDocs(team).sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1),
  );
  const at = docs[DEEP];
  const cursor = encodeCursor({ createdAt: at.createdAt, id: at._id });
  cursors.set(team, cursor);
  return cursor;
}

function endpoints(): Endpoint[] {
  return [
    {
      key: 'me',
      title: 'GET /api/v1/me',
      async call(ctx, team, member) {
        const r = await getJson(ctx, `${ctx.appUrl}/api/v1/me`, member);
        const ids = (r.json?.teams ?? []).map((t: Json) => t.id);
        return r.status === 200 && ids.includes(team.teamId)
          ? undefined
          : `${r.status} ${JSON.stringify(r.json)}`;
      },
    },
    {
      key: 'wall',
      title: 'wall, first page',
      async call(ctx, team, member) {
        const r = await getJson(ctx, `${teamUrl(ctx, team)}/recognitions`, member);
        const expected = Math.min(20, team.recognitions.length);
        return r.status === 200 && r.json.items.length >= Math.min(expected, 1)
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
    {
      key: 'wall-deep',
      title: `wall, ${int(DEEP)} deep (busy team)`,
      busyOnly: true,
      async call(ctx, team, member) {
        const r = await getJson(
          ctx,
          `${teamUrl(ctx, team)}/recognitions?cursor=${deepCursor(team)}`,
          member,
        );
        return r.status === 200 && r.json.items.length === 20
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
    {
      key: 'agreements',
      title: 'agreements',
      async call(ctx, team, member) {
        const r = await getJson(ctx, `${teamUrl(ctx, team)}/agreements`, member);
        return r.status === 200 && r.json.items.length === 2
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
    {
      key: 'feedback',
      title: 'feedback',
      async call(ctx, team, member) {
        const r = await getJson(ctx, `${teamUrl(ctx, team)}/feedback`, member);
        return r.status === 200 && Array.isArray(r.json.weeks)
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
    {
      key: 'trust-health',
      title: 'trust-health, 12 weeks',
      async call(ctx, team, member) {
        const r = await getJson(ctx, `${teamUrl(ctx, team)}/trust-health?weeks=12`, member);
        return r.status === 200 && r.json.weeks?.length === 12
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
    {
      key: 'fetch-task',
      title: 'message extension fetchTask',
      async call(ctx, team, member) {
        const r = await invoke(
          ctx,
          activity(ctx, team, member, 'composeExtension/fetchTask', {
            commandId: 'recognize',
            commandContext: 'compose',
          }),
        );
        return r.status === 200 && r.json?.task?.type === 'continue'
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
    {
      key: 'submit',
      title: 'submitAction (preview)',
      async call(ctx, team, member) {
        const r = await invoke(
          ctx,
          activity(ctx, team, member, 'composeExtension/submitAction', submitValue(team, member)),
        );
        return r.status === 200 && r.json?.composeExtension?.type === 'botMessagePreview'
          ? undefined
          : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
      },
    },
  ];
}

/**
 * Installing the app in a new team of 10 (its roster read from the Connector stub): the writes of
 * an install (conversation, roster, each member's list of teams, settings, schedule).
 */
let installs = 0;
const install: Endpoint = {
  key: 'install',
  title: 'install in a new team of 10',
  async call(ctx, team) {
    installs += 1;
    const teamId = `19:install-${installs}-${team.teamId.slice(3, 15)}@thread.tacv2`;
    const roster = team.roster.slice(0, MEMBERS);
    await ctx.stub.setRoster(
      teamId,
      roster.map((m) => ({ id: m.teamsUserId, aadObjectId: m.aadObjectId, name: m.name })),
    );
    const started = performance.now();
    const body = teamInstallationUpdate(inTeam(ctx, { ...team, teamId }), 'add', from(roster[0]));
    const res = await fetch(`${ctx.appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.text();
    ctx.measured = performance.now() - started;
    return res.status === 200 ? undefined : `${res.status}`;
  },
};

/** The preview's send: stores the recognition and posts its card (measured apart). */
const send: Endpoint = {
  key: 'send',
  title: 'submitAction send (stores)',
  async call(ctx, team, member) {
    const preview = await invoke(
      ctx,
      activity(ctx, team, member, 'composeExtension/submitAction', submitValue(team, member)),
    );
    const activityPreview = preview.json?.composeExtension?.activityPreview;
    if (!activityPreview) return `preview: ${preview.status} ${JSON.stringify(preview.json)}`;
    const started = performance.now();
    const r = await invoke(
      ctx,
      activity(ctx, team, member, 'composeExtension/submitAction', {
        commandId: 'recognize',
        botMessagePreviewAction: 'send',
        botActivityPreview: [activityPreview],
      }),
    );
    ctx.measured = performance.now() - started;
    return r.status === 200 ? undefined : `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
  },
};

/**
 * One job of the write rate: a new team installed with 9 of a seeded team's members, a tenth
 * joining (the roster read again), and two recognitions given and sent. Returns a problem or
 * undefined; counts what it stored.
 */
let writeJobs = 0;
async function writeJob(d: Deployment, from: Team): Promise<string | undefined> {
  writeJobs += 1;
  const ctx = d.ctx;
  const teamId = `19:rate-${writeJobs}-${from.teamId.slice(3, 15)}@thread.tacv2`;
  const roster = from.roster.slice(0, MEMBERS);
  const team: Team = { ...from, teamId, roster };
  const stubMembers = roster.map((m) => ({
    id: m.teamsUserId,
    aadObjectId: m.aadObjectId,
    name: m.name,
  }));
  await ctx.stub.setRoster(teamId, stubMembers.slice(0, MEMBERS - 1));
  const installed = await invoke(ctx, {
    ...activity(ctx, team, roster[0], 'installationUpdate', {}),
    type: 'installationUpdate',
    action: 'add',
  });
  d.installed += 1;
  if (installed.status !== 200) return `install: ${installed.status}`;
  await ctx.stub.setRoster(teamId, stubMembers);
  const last = roster[MEMBERS - 1];
  const joined = await invoke(ctx, {
    ...activity(ctx, team, roster[0], 'conversationUpdate', {}),
    type: 'conversationUpdate',
    channelData: {
      eventType: 'teamMemberAdded',
      team: { id: teamId, name: team.name },
      tenant: { id: TENANT_ID },
    },
    membersAdded: [{ id: last.teamsUserId, aadObjectId: last.aadObjectId }],
  });
  if (joined.status !== 200) return `roster update: ${joined.status}`;
  for (const member of [roster[0], last]) {
    const problem = await send.call(ctx, team, member);
    d.sends += 1;
    if (problem) return `recognition: ${problem}`;
  }
  return undefined;
}

/** A burst of the write rate on one size: `WRITE_CONCURRENCY` jobs at once; its duration in s. */
async function writeBurst(d: Deployment, rand: () => number): Promise<number> {
  const started = performance.now();
  const problems = await Promise.all(
    Array.from({ length: WRITE_CONCURRENCY }, () =>
      writeJob(d, d.sample[Math.floor(rand() * d.sample.length)]),
    ),
  );
  for (const problem of problems) {
    if (problem && d.failures.length < 20)
      d.failures.push(`${int(d.size)} teams, write rate: ${problem}`);
  }
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Running a size.

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

interface Figures {
  p50: number;
  p95: number;
  n: number;
}

interface SizeResult {
  size: number;
  figures: Map<string, Figures>;
  failures: string[];
  /** Seconds from starting the app to the end of its start-up read of recognitions. */
  startUp: number;
  /** Write-rate jobs (install, roster update, two recognitions) per second; one per burst too. */
  writeRate?: { perSecond: number; bursts: number[] };
}

/** One size's database and app, running side by side with the others. */
interface Deployment {
  size: number;
  busy: Team;
  sample: Team[];
  ctx: Context;
  times: Map<string, number[]>;
  failures: string[];
  sends: number;
  installed: number;
  startUp: number;
  /** Durations of its write-rate bursts, in s. */
  bursts: number[];
  finish(): Promise<SizeResult>;
}

async function deploy(root: string, size: number, stub: Stub): Promise<Deployment> {
  const { dir, plan: p } = await seeded(root, size);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-scale-${size}-`));
  const removeRunDir = async () => fs.rmSync(runDir, { recursive: true, force: true });
  cleanups.push(removeRunDir);
  log(`${int(size)} teams: copying the seeded database for this run`);
  fs.cpSync(dir, path.join(runDir, 'db'), { recursive: true });
  const embedded = await startDatabase(root, path.join(runDir, 'db'));
  cleanups.push(() => embedded.stop());
  const client = await MongoClient.connect(embedded.uri);
  cleanups.push(() => client.close());
  const db = client.db(DB_NAME);
  const count = (name: string) => db.collection(name).estimatedDocumentCount();
  const storedBefore = await count(collections.recognitions);
  const rostersBefore = await count(collections.rosters);

  log(`${int(size)} teams: starting the app (child process)`);
  const starting = Date.now();
  const app = await startAppProcess(root, path.join(runDir, 'app-data'), embedded.uri, DB_NAME);
  const listening = (Date.now() - starting) / 1000;
  log(
    `${int(size)} teams: listening after ${listening.toFixed(1)} s; waiting for its start-up read`,
  );
  await app.logged(/recognitions checked at start-up/, 60 * 60_000);
  const startUp = (Date.now() - starting) / 1000;
  log(`${int(size)} teams: start-up read over after ${startUp.toFixed(1)} s`);

  const tokens = new Map<string, Promise<string>>();
  const ctx: Context = {
    appUrl: app.url,
    stub,
    token(member) {
      let t = tokens.get(member.aadObjectId);
      if (!t) {
        t = fetch(`${app.url}/api/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            tenantId: TENANT_ID,
            userId: member.aadObjectId,
            name: member.name,
          }),
        }).then(async (res) => ((await res.json()) as { token: string }).token);
        tokens.set(member.aadObjectId, t);
      }
      return t;
    },
  };
  const rand = prng(size + 1);
  const busy = p.teams[0];
  deepCursor(busy);
  const d: Deployment = {
    size,
    busy,
    sample: [...p.teams].sort(() => rand() - 0.5).slice(0, SAMPLE_TEAMS),
    ctx,
    times: new Map(),
    failures: [],
    sends: 0,
    installed: 0,
    startUp,
    bursts: [],
    async finish() {
      const stored = (await count(collections.recognitions)) - storedBefore;
      const rosters = (await count(collections.rosters)) - rostersBefore;
      if (stored !== d.sends) {
        d.failures.push(`${int(size)} teams: ${d.sends} sends stored ${stored} recognitions`);
      }
      if (rosters !== d.installed) {
        d.failures.push(`${int(size)} teams: ${d.installed} installs stored ${rosters} rosters`);
      }
      if (app.problems() > 0) {
        d.failures.push(`${int(size)} teams: the app logged ${app.problems()} warnings or errors`);
      }
      const figures = new Map<string, Figures>();
      for (const [key, list] of d.times) {
        const sorted = [...list].sort((a, b) => a - b);
        figures.set(key, {
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          n: sorted.length,
        });
      }
      await app.stop();
      await client.close();
      await embedded.stop();
      await removeRunDir();
      const writeRate =
        d.bursts.length > 0
          ? {
              perSecond: (d.bursts.length * WRITE_CONCURRENCY) / d.bursts.reduce((a, b) => a + b),
              bursts: d.bursts.map((t) => WRITE_CONCURRENCY / t),
            }
          : undefined;
      return { size, figures, failures: d.failures, startUp, writeRate };
    },
  };
  return d;
}

/** One request by a member of a random team (the busy one for its own endpoint). */
async function runOne(d: Deployment, e: Endpoint, measure: boolean, rand: () => number) {
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const team = e.busyOnly ? d.busy : pick(d.sample);
  const member = pick(team.roster);
  await d.ctx.token(member);
  d.ctx.measured = undefined;
  const started = performance.now();
  const problem = await e.call(d.ctx, team, member);
  const took = d.ctx.measured ?? performance.now() - started;
  if (e.key === 'send') d.sends += 1;
  if (e.key === 'install') d.installed += 1;
  if (problem) {
    if (d.failures.length < 20) d.failures.push(`${int(d.size)} teams, ${e.title}: ${problem}`);
    return;
  }
  if (measure) d.times.set(e.key, [...(d.times.get(e.key) ?? []), took]);
}

// ---------------------------------------------------------------------------------------------

function table(results: SizeResult[], all: Endpoint[]): string {
  const first = results[0];
  const last = results[results.length - 1];
  const header = [
    'endpoint',
    ...results.map((r) => `${int(r.size)} teams p50 / p95 ms`),
    ...(results.length > 1 ? [`p95 ${int(last.size)} / ${int(first.size)}`] : []),
  ];
  const rows = all.map((e) => {
    // An endpoint whose every request failed has no figures: its failures are listed above.
    const cells = results.map((r) => {
      const f = r.figures.get(e.key);
      return f ? `${f.p50.toFixed(1)} / ${f.p95.toFixed(1)}` : 'failed';
    });
    const lastFigures = last.figures.get(e.key);
    const firstFigures = first.figures.get(e.key);
    const ratio =
      results.length > 1
        ? [lastFigures && firstFigures ? (lastFigures.p95 / firstFigures.p95).toFixed(2) : '—']
        : [];
    return [e.title, ...cells, ...ratio];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<number> {
  const root = projectRoot();
  log(
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}; ` +
      `sizes ${SIZES.map(int).join(', ')} teams; ${REQUESTS} requests per endpoint (warm-up ${WARMUP})`,
  );
  const stub = await startStub();
  const deployments: Deployment[] = [];
  for (const size of SIZES) deployments.push(await deploy(root, size, stub));

  // Every size's requests interleaved at random, so the machine's load falls on all alike.
  const all = [...endpoints(), send, install];
  const rand = prng(SIZES.length);
  const mixed = (rounds: number) =>
    deployments
      .flatMap((d) => all.flatMap((e) => Array.from({ length: rounds }, () => ({ d, e }))))
      .sort(() => rand() - 0.5);
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5000);
  loads.push(os.loadavg()[0]);
  try {
    if (REQUESTS > 0) {
      log(`warm-up: ${WARMUP} requests per endpoint and size`);
      for (const { d, e } of mixed(WARMUP)) await runOne(d, e, false, rand);
      log(
        `measuring: ${REQUESTS} requests per endpoint and size, one at a time, sizes interleaved`,
      );
      for (const { d, e } of mixed(REQUESTS)) await runOne(d, e, true, rand);
    }
    if (WRITE_BURSTS > 0) {
      log(
        `write rate: ${WRITE_BURSTS} bursts per size of ${WRITE_CONCURRENCY} new teams at once ` +
          `(install, roster update, two recognitions each), sizes taking turns`,
      );
      // One unreported burst per size first, as the reads have their warm-up.
      for (const d of deployments) await writeBurst(d, rand);
      for (let burst = 1; burst <= WRITE_BURSTS; burst++) {
        for (const d of [...deployments].sort(() => rand() - 0.5)) {
          const took = await writeBurst(d, rand);
          d.bursts.push(took);
          log(
            `  burst ${burst}/${WRITE_BURSTS}, ${int(d.size)} teams: ` +
              `${(WRITE_CONCURRENCY / took).toFixed(1)} installs/s`,
          );
        }
      }
    }
  } finally {
    clearInterval(sampler);
  }
  const results: SizeResult[] = [];
  for (const d of deployments) results.push(await d.finish());

  const failures = results.flatMap((r) => r.failures);
  log(
    `results (load average while measuring: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; ` +
      `app start-up incl. its read of every recognition: ${results.map((r) => `${int(r.size)}: ${r.startUp.toFixed(0)} s`).join(', ')})`,
  );
  for (const f of failures) log(`check failed: ${f}`);
  if (REQUESTS > 0) process.stdout.write(`\n${table(results, all)}\n\n`);

  let targetsMet = true;
  const first = results[0];
  const last = results[results.length - 1];
  if (WRITE_BURSTS > 0) {
    const lines = results.map(
      (r) =>
        `  ${int(r.size).padStart(6)} teams: ${r.writeRate!.perSecond.toFixed(2)} installs/s ` +
        `(bursts: ${r.writeRate!.bursts.map((b) => b.toFixed(1)).join(', ')})`,
    );
    process.stdout.write(
      `Write rate (${WRITE_CONCURRENCY} new teams at once; each: install with 9 members, a tenth ` +
        `joins, two recognitions):\n${lines.join('\n')}\n`,
    );
    if (results.length > 1) {
      const ratio = last.writeRate!.perSecond / first.writeRate!.perSecond;
      process.stdout.write(
        `  installs/s ${int(last.size)} / ${int(first.size)} = ${ratio.toFixed(2)} ` +
          `(target ≥ ${TARGET_WRITE_RATE_RATIO})\n\n`,
      );
      if (ratio < TARGET_WRITE_RATE_RATIO) {
        targetsMet = false;
        log(`target missed: installs/s ratio ${ratio.toFixed(2)} (≥ ${TARGET_WRITE_RATE_RATIO})`);
      }
    }
  }
  for (const e of REQUESTS > 0 ? all : []) {
    if (e.key === 'send' || e.key === 'install') continue;
    const limit = e.key === 'fetch-task' ? TARGET_FETCH_TASK_P95_MS : TARGET_P95_MS;
    for (const r of results) {
      const p95 = r.figures.get(e.key)?.p95 ?? Infinity;
      if (p95 > limit) {
        targetsMet = false;
        log(
          `target missed: ${e.title} p95 ${p95.toFixed(1)} ms at ${int(r.size)} teams (≤ ${limit})`,
        );
      }
    }
    if (results.length > 1) {
      const [lastP95, firstP95] = [last, first].map((r) => r.figures.get(e.key)?.p95);
      const ratio = lastP95 && firstP95 ? lastP95 / firstP95 : Infinity;
      if (ratio > TARGET_RATIO) {
        targetsMet = false;
        log(`target missed: ${e.title} p95 ratio ${ratio.toFixed(2)} (≤ ${TARGET_RATIO})`);
      }
    }
  }
  return verdict(failures, targetsMet);
}

runBenchmark(main);
