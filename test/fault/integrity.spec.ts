import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { freeLoopbackPort } from '../../bot/src/platform/store/embedded-database';
import { collections } from '../support/schema';
import { checkinAnswer, teamInvoke } from '../fixtures/teams-activities';
import { ferretDbOf, launchApp, listeningUrl, type AppProcess } from '../support/app-process';
import { ferretDbsOn, running } from '../support/processes';
import { startConnectorStub } from '../support/connector-stub';
import { call, devToken, installTeam, newMembers, type Member } from '../support/team-harness';
import { getJson, postJson } from '../support/http';
import { waitUntil } from '../support/wait-until';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads until `check` holds, or fails with what it last saw. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (v: T) => boolean,
  ms: number,
  explain: () => string = () => '',
) {
  let last: T | undefined;
  const holds = async () => {
    try {
      last = await read();
      return check(last);
    } catch {
      return false; // the app or its database is restarting: ask again
    }
  };
  await waitUntil(holds, {
    what: () => `a state the check accepts; last seen: ${JSON.stringify(last)}${explain()}`,
    timeoutMs: ms,
    stepMs: 200,
  });
  return last as T;
}

/**
 * The app as operators run it, killed the hard way while members keep writing through the real
 * endpoints: the database child several times, the app itself once. Whatever was acknowledged
 * must be stored exactly once, and every counter must match the records it counts.
 */
describe('acknowledged writes survive crashes of the database and the app', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-fault-'));
  let connector: Awaited<ReturnType<typeof startConnectorStub>>;
  let port: number;
  let run: AppProcess | undefined;
  let url: string;

  /** What the app said about its database, for a failure: a restart that never came back. */
  const databaseLog = () => {
    const { stdout, stderr } = run!.output();
    const lines = `${stdout}\n${stderr}`.split('\n').filter((l) => /database|ferretdb/i.test(l));
    return `\nthe app's database lines:\n${lines.slice(-20).join('\n')}`;
  };

  const start = async () => {
    run = launchApp({ PORT: String(port), DATA_DIR: dataDir });
    url = await listeningUrl(run, 60_000);
  };

  /** Reads the app's own database directly, through its embedded FerretDB. */
  const withDatabase = async <T>(read: (db: Db) => Promise<T>): Promise<T> => {
    const ferret = ferretDbOf(run!, dataDir);
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${ferret.port}/`, {
      serverSelectionTimeoutMS: 2000,
    });
    try {
      return await read(client.db('rapport'));
    } finally {
      await client.close();
    }
  };

  beforeAll(async () => {
    connector = await startConnectorStub();
    port = await freeLoopbackPort();
    await start();
  }, 90_000);

  afterAll(async () => {
    run?.child.kill('SIGTERM');
    await run?.exited;
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const invoke = (body: unknown) => postJson(`${url}/api/messages`, body);

  /** Preview, then send: the bot stores and posts it. Acknowledged when the send answers 200. */
  const recognize = async (team: Json, from: Member, to: Member, message: string) => {
    const preview = await invoke(
      teamInvoke(team, from, 'composeExtension/submitAction', {
        commandId: 'recognize',
        data: { teammates: to.aadObjectId, tag: 'impact', message },
      }),
    );
    const activityPreview = (preview.json as Json)?.composeExtension?.activityPreview;
    if (preview.status !== 200 || !activityPreview) return false;
    const sent = await invoke(
      teamInvoke(team, from, 'composeExtension/submitAction', {
        commandId: 'recognize',
        botMessagePreviewAction: 'send',
        botActivityPreview: [activityPreview],
      }),
    );
    return sent.status === 200;
  };

  const answer = async (member: Member, roundId: string) => {
    const res = await invoke(checkinAnswer(connector.url, member, { roundId, dependability: '4' }));
    const text = JSON.stringify((res.json as Json)?.value ?? '');
    // "Already answered" means an earlier try that looked lost was in fact counted.
    return res.status === 200 && /recorded anonymously|already answered/.test(text);
  };

  it('stores every acknowledged recognition, answer and endorsement exactly once, and counts each once', async () => {
    const people = newMembers(...Array.from({ length: 12 }, (_, i) => `m${i}`));
    const team = await installTeam(url, connector, people);
    const tokens = new Map<string, string>();
    for (const p of people) tokens.set(p.aadObjectId, await devToken(url, p));
    const tokenOf = (m: Member) => tokens.get(m.aadObjectId)!;
    const round = await call('POST', `${team.path}/checkin/rounds`, tokenOf(people[0]));
    expect(round.status).toBe(201);
    const templates = ['outcomes-not-status', 'meeting-purpose', 'cameras-optional'];
    const agreements: Json[] = [];
    for (const templateId of templates) {
      const res = await call('POST', `${team.path}/agreements`, tokenOf(people[0]), { templateId });
      expect(res.status).toBe(201);
      agreements.push(res.json);
    }

    const acknowledged = { recognitions: new Set<string>(), answers: new Set<string>() };
    const endorsed = new Map<string, Set<string>>(agreements.map((a) => [a.id, new Set()]));
    let attempts = 0;
    let writing = true;

    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        attempts += 1;
        const from = people[(w + i) % people.length];
        const to = people[(w + i + 1) % people.length];
        const message = `fault test ${w}-${i}`;
        try {
          if (await recognize(team, from, to, message)) acknowledged.recognitions.add(message);
          const member = people[(w * 3 + i) % people.length];
          if (
            !acknowledged.answers.has(member.aadObjectId) &&
            (await answer(member, round.json.id))
          )
            acknowledged.answers.add(member.aadObjectId);
          // Five of twelve endorse each proposal: below the majority that would settle it.
          const agreement = agreements[i % agreements.length];
          const voter = people[1 + ((w + i) % 5)];
          const res = await call(
            'POST',
            `${team.path}/agreements/${agreement.id}/proposals/${agreement.openProposal.id}/endorsements`,
            tokenOf(voter),
          );
          if (res.status === 200) endorsed.get(agreement.id)!.add(voter.aadObjectId);
        } catch {
          // Connection refused while the app restarts: nothing was acknowledged.
          await sleep(50);
        }
      }
    };
    const writers = Array.from({ length: 6 }, (_, w) => writer(w));

    // The database dies three times under load, then the app itself.
    for (let kill = 0; kill < 3; kill++) {
      await sleep(1500);
      process.kill(ferretDbOf(run!, dataDir).pid, 'SIGKILL');
      await eventually(
        () => getJson(`${url}/healthz`),
        (r) => r.status === 200,
        30_000,
        databaseLog,
      );
    }
    await sleep(1000);
    run!.child.kill('SIGKILL');
    await run!.exited;
    await start();
    await sleep(1500);
    writing = false;
    await Promise.all(writers);

    expect(acknowledged.recognitions.size).toBeGreaterThan(20);

    const stored = await withDatabase(async (db) => {
      const recognitions = await db
        .collection(collections.recognitions)
        .find({ teamId: team.teamId })
        .toArray();
      return { recognitions };
    });
    const messages = stored.recognitions.map((r) => r.message as string);
    for (const message of acknowledged.recognitions) {
      expect(messages.filter((m) => m === message)).toEqual([message]);
    }
    expect(new Set(messages).size).toBe(messages.length);

    // The start-up sweep finishes what the crashes cut off; then the week counts every record.
    const week = stored.recognitions[0].week as string;
    await eventually(
      () =>
        withDatabase(async (db) => {
          const year = await db
            .collection<{ _id: string; weeks: Json }>(collections.trustWeeks)
            .findOne({ _id: `${team.teamId}|${week.slice(0, 4)}` });
          const pending = await db
            .collection(collections.recognitions)
            .countDocuments({ teamId: team.teamId, pending: { $exists: true } });
          const records = await db
            .collection(collections.recognitions)
            .countDocuments({ teamId: team.teamId });
          return { counted: year?.weeks?.[week]?.recognitions?.impact, records, pending };
        }),
      (v) => v.pending === 0 && v.counted === v.records,
      30_000,
    );

    const checkin = await withDatabase(async (db) => {
      const roundDoc = await db
        .collection<Json>(collections.checkinRounds)
        .findOne({ _id: round.json.id });
      const participation = await db
        .collection<Json>(collections.checkinParticipation)
        .find({ roundId: round.json.id })
        .toArray();
      return { roundDoc, participation };
    });
    const applied = Object.keys(checkin.roundDoc.applied ?? {});
    const answeredBy = checkin.participation
      .filter((p: Json) => applied.includes(p.token))
      .map((p: Json) => p._id.split('|').pop());
    expect(checkin.roundDoc.answers).toBe(applied.length);
    expect(checkin.roundDoc.sums.dependability.count).toBe(applied.length);
    expect(new Set(answeredBy).size).toBe(applied.length);
    for (const member of acknowledged.answers) expect(answeredBy).toContain(member);

    const proposals = await withDatabase((db) =>
      db.collection<Json>(collections.agreementProposals).find({ teamId: team.teamId }).toArray(),
    );
    for (const agreement of agreements) {
      const proposal = proposals.find((p: Json) => p._id === agreement.openProposal.id);
      const ids: string[] = proposal.endorsedBy;
      expect(new Set(ids).size).toBe(ids.length);
      for (const voter of endorsed.get(agreement.id)!) expect(ids).toContain(voter);
    }
    expect(attempts).toBeGreaterThan(acknowledged.recognitions.size);
    // One database on the data directory: the one the new app started, none left by the old.
    expect(ferretDbsOn(dataDir)).toEqual([ferretDbOf(run!, dataDir).pid]);
  }, 240_000);

  /**
   * Kills the app the moment `firstPosts` of a fan-out's messages (those naming `roundId`) have
   * reached Teams, starts it again, and waits until every member has had theirs. Answers how many
   * each member got and how many had gone out before the crash.
   */
  const fanOutAcrossACrash = async (roundId: string, firstPosts: number, members: number) => {
    const postsOf = () => connector.posted.filter((p) => JSON.stringify(p.body).includes(roundId));
    await connector.postsArrived((p) => JSON.stringify(p.body).includes(roundId), firstPosts);
    const before = run!.child.pid!;
    run!.child.kill('SIGKILL');
    await run!.exited;
    expect(running(before)).toBe(false);
    const sentBeforeCrash = postsOf().length;
    connector.answerPostsAfter(0);
    await start();
    const perMember = await eventually(
      async () => {
        const counts = new Map<string, number>();
        for (const p of postsOf())
          counts.set(p.conversationId, (counts.get(p.conversationId) ?? 0) + 1);
        return counts;
      },
      (counts) => counts.size === members,
      60_000,
    );
    return { sentBeforeCrash, perMember };
  };

  it('sends every member the check-in card after the app dies mid fan-out, at most twice', async () => {
    const people = newMembers(...Array.from({ length: 40 }, (_, i) => `f${i}`));
    const team = await installTeam(url, connector, people);

    const round = await call('POST', `${team.path}/checkin/rounds`, await devToken(url, people[0]));
    expect(round.status).toBe(201);
    const { sentBeforeCrash, perMember } = await fanOutAcrossACrash(round.json.id, 5, 40);
    expect(sentBeforeCrash).toBeLessThan(people.length);
    for (const count of perMember.values()) expect(count).toBeLessThanOrEqual(2);
  }, 180_000);

  it('introduces every coffee member after the app dies mid fan-out, at most twice', async () => {
    const people = newMembers(...Array.from({ length: 40 }, (_, i) => `c${i}`));
    const team = await installTeam(url, connector, people);
    const tokens = await Promise.all(people.map((p) => devToken(url, p)));
    const rhythm = { enabled: true, every: 1, day: 'monday', time: '10:00', groupSize: 2 };
    expect((await call('PUT', `${team.path}/coffee/settings`, tokens[0], rhythm)).status).toBe(200);
    for (const token of tokens)
      expect((await call('PUT', `${team.path}/coffee/me`, token, { status: 'in' })).status).toBe(
        200,
      );

    // Intros are small and go out fast: a slow Teams keeps the fan-out open long enough to die in.
    connector.answerPostsAfter(100);
    const round = await call('POST', `${team.path}/coffee/rounds`, tokens[0]);
    expect(round.status).toBe(201);
    expect(round.json.groups).toBe(20);
    const { sentBeforeCrash, perMember } = await fanOutAcrossACrash(round.json.roundId, 1, 40);
    expect(sentBeforeCrash).toBeLessThan(people.length);
    for (const count of perMember.values()) expect(count).toBeLessThanOrEqual(2);
  }, 180_000);
});
