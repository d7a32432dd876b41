import { MongoClient, type Db } from 'mongodb';
import { startApp, type RunningApp } from '../../../../bot/src/app';
import { loadConfig } from '../../../../bot/src/config';
import { createLogger } from '../../../../bot/src/logger';
import { collections } from '../../../support/schema';
import { createPersonalConversations } from '../../../../bot/src/people/personal-conversations';
import type { RosterDoc } from '../../../../bot/src/people/rosters';
import { checkinAnswer, TENANT_ID } from '../../../fixtures/teams-activities';
import { startConnectorStub } from '../../../support/connector-stub';
import { postJson, type Json } from '../../../support/http';
import {
  call,
  devToken,
  installTeam,
  newMembers,
  type Member,
} from '../../../support/team-harness';
import { testMongoUri, uniqueDbName } from '../../../support/test-app';
import { waitUntil } from '../../../support/wait-until';

/**
 * A database written before schema version 3 kept rosters as one document per member (with the
 * 1:1 chat facts on each) and found a team's agreements, rounds and proposals by searching for
 * its id. The app moves that data at start-up, before it serves: these build a team through the
 * real endpoints, turn its database back into the old shapes, and start the app on it again.
 */
describe('start-up migrations of a database from before schema version 3', () => {
  const dbName = uniqueDbName('migrations');
  const logger = createLogger('error', (line) => process.stderr.write(line + '\n'));
  let connector: Awaited<ReturnType<typeof startConnectorStub>>;
  let client: MongoClient;
  let db: Db;
  let app: RunningApp | undefined;
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  let team: Awaited<ReturnType<typeof installTeam>>;
  let other: Awaited<ReturnType<typeof installTeam>>;
  let openRound: string;

  const start = async () => {
    app = await startApp(
      loadConfig({
        PORT: '0',
        MONGODB_URI: testMongoUri(),
        MONGODB_DB: dbName,
        LOG_LEVEL: 'error',
        SHUTDOWN_GRACE_MS: '2000',
      }),
      logger,
    );
    return app;
  };
  const stop = async () => {
    await app?.stop();
    app = undefined;
  };

  beforeAll(async () => {
    connector = await startConnectorStub();
    client = await MongoClient.connect(testMongoUri());
    db = client.db(dbName);
  });
  afterAll(async () => {
    await stop();
    await db.dropDatabase();
    await client.close();
    await connector.close();
  });

  const get = async (url: string, member: Member) => {
    const res = await call('GET', url, await devToken(app!.url, member));
    expect(res.status).toBe(200);
    return res.json as Json;
  };
  const answer = async (member: Member, data: Record<string, unknown>) => {
    const res = await postJson(
      `${app!.url}/api/messages`,
      checkinAnswer(connector.url, member, data),
    );
    expect(res.status).toBe(200);
  };

  /** The team's API path on the app running now (each start listens on a new port). */
  const at = (t: typeof team) => `${app!.url}/api/v1/teams/${encodeURIComponent(t.teamId)}`;

  /** What members see, read through the API. */
  const view = async () => {
    const agreements = await get(`${at(team)}/agreements`, bo);
    const first = agreements.items[0] as Json;
    return {
      me: await Promise.all([ana, bo, chen, dee].map((m) => get(`${app!.url}/api/v1/me`, m))),
      team: await get(at(team), ana),
      members: await get(`${at(team)}/members`, ana),
      agreements,
      agreement: await get(`${at(team)}/agreements/${first.id}`, bo),
      feedback: await get(`${at(team)}/feedback`, chen),
      proposals: await get(`${at(team)}/checkin/proposals`, dee),
    };
  };

  /** Rewrites the database as an app before schema version 3 left it. */
  const downgrade = async () => {
    const rosters = await db.collection<RosterDoc>(collections.rosters).find({}).toArray();
    const facts = new Map(
      (
        await db.collection<{ _id: string }>(collections.personalConversations).find({}).toArray()
      ).map(({ _id, ...rest }) => [_id, rest]),
    );
    await db.collection('members').insertMany(
      rosters.flatMap((r) =>
        r.members.map((m) => ({
          _id: `${r._id}|${m.aadObjectId}` as never,
          conversationId: r._id,
          ...m,
          updatedAt: new Date(),
          ...facts.get(m.aadObjectId),
        })),
      ),
    );
    for (const r of rosters) {
      await db
        .collection<{ _id: string }>(collections.conversations)
        .updateOne({ _id: r._id }, { $set: { memberCount: r.count } });
    }
    for (const name of [
      collections.rosters,
      collections.memberships,
      collections.personalConversations,
      collections.listings,
      collections.outboxPending,
    ]) {
      await db.collection(name).drop();
    }
    await db
      .collection<{ _id: string }>(collections.meta)
      .deleteMany({ _id: { $in: ['listings', 'outbox-pending'] } });
    // A card still to send, as the old outbox kept it (no index entry).
    await db.collection(collections.outbox).insertOne({
      _id: 'legacy-card' as never,
      target: {
        serviceUrl: connector.url,
        tenantId: TENANT_ID,
        userId: dee.id,
        aadObjectId: dee.aadObjectId,
      },
      activityJson: JSON.stringify({ type: 'message', text: 'left in the queue' }),
      status: 'pending',
      attempts: 0,
      notBefore: new Date(),
      createdAt: new Date(),
    });
  };

  it('moves rosters, memberships, 1:1 chat facts, listings and the queue, and members see what they saw', async () => {
    await start();
    team = await installTeam(app!.url, connector, [ana, bo, chen, dee]);
    other = await installTeam(app!.url, connector, [ana, bo, chen]);
    await createPersonalConversations(app!.database.db).markUnreachable(
      chen.aadObjectId,
      'ConversationBlockedByUser',
      new Date(),
    );
    const anaToken = await devToken(app!.url, ana);
    const proposed = await call('POST', `${at(team)}/agreements`, anaToken, {
      title: 'Async by default',
      text: 'We write things down before we meet.',
      category: 'communication',
    });
    expect(proposed.status).toBe(201);
    const questions = [
      { id: 'focus', trait: 'structure-clarity', text: 'I knew what to focus on this week.' },
    ];
    expect(
      (
        await call('POST', `${at(team)}/checkin/proposals`, await devToken(app!.url, bo), {
          questions,
        })
      ).status,
    ).toBe(201);
    const round = (await call('POST', `${at(team)}/checkin/rounds`, anaToken)).json as Json;
    for (const m of [ana, bo, chen]) {
      await answer(m, { roundId: round.id, dependability: '4', freeText: `From ${m.name}` });
    }
    await app!.scheduler.tick(new Date(round.closesAt));
    openRound = ((await call('POST', `${at(other)}/checkin/rounds`, anaToken)).json as Json).id;
    await answer(bo, { roundId: openRound, impact: '3' });

    const before = await view();
    expect(before.feedback.weeks[0].comments).toHaveLength(3);
    expect(before.proposals.items).toHaveLength(1);
    await stop();
    await downgrade();

    await start();
    expect(await view()).toEqual(before);
    await waitUntil(async () => (await app!.outbox.find('legacy-card'))?.status === 'sent', {
      what: 'the card left in the old queue to be sent',
      stepMs: 100,
    });
    expect(await db.listCollections({ name: 'members' }).toArray()).toEqual([]);
    expect(
      await db
        .collection<{ _id: string }>(collections.personalConversations)
        .findOne({ _id: chen.aadObjectId }),
    ).toMatchObject({ unreachable: { code: 'ConversationBlockedByUser' } });
    expect(
      await db
        .collection<{ _id: string }>(collections.conversations)
        .countDocuments({ memberCount: { $exists: true } }),
    ).toBe(0);

    // The open round's participation was listed, so closing it deletes it by key.
    const participation = db.collection<{ _id: string; roundId: string }>(
      collections.checkinParticipation,
    );
    expect(await participation.countDocuments({ roundId: openRound })).toBe(1);
    const closes = (await db
      .collection<{ _id: string; closesAt: Date }>(collections.checkinRounds)
      .findOne({ _id: openRound }))!.closesAt;
    await app!.scheduler.tick(new Date(closes.getTime() + 1000));
    expect(await participation.countDocuments({ roundId: openRound })).toBe(0);
    const after = await view();
    await stop();

    // Nothing to move any more: a second start changes nothing.
    await start();
    expect(await view()).toEqual(after);
  });
});
