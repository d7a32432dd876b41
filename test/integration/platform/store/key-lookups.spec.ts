import { Collection, ObjectId } from 'mongodb';
import { FILTERED_WRITE_METHODS } from '../../../../bot/src/platform/store/serialized-writes';
import { collections } from '../../../support/schema';
import {
  recognitionMessage,
  checkinAnswer,
  personalMessage,
  teamInvoke,
  memberJoined,
  memberLeft,
} from '../../../fixtures/teams-activities';
import type { Json } from '../../../support/http';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

/** Driver calls that take a filter first. */
const FILTERED = [
  'find',
  'findOne',
  'countDocuments',
  'distinct',
  ...FILTERED_WRITE_METHODS,
] as const;

/**
 * The job queues: the outbox worker and the scheduler poll them on their own, and what they read
 * is bounded by the work waiting (README, "Reliability"), not by a team's data.
 */
const QUEUES = new Set<string>([
  collections.outbox,
  collections.outboxOutcomes,
  collections.outboxPending,
  collections.schedules,
  collections.locks,
]);

/** What FerretDB answers from an index: a filter naming one `_id` (a string or an ObjectId). */
const namesOneId = (filter: unknown) => {
  const id = (filter as { _id?: unknown } | null)?._id;
  return typeof id === 'string' || id instanceof ObjectId;
};

/**
 * Every request a member makes, through the real endpoints of the app on the embedded database,
 * reads and writes only documents it names by `_id`: the one filter FerretDB answers from an
 * index, and the `_id` index on MongoDB. Anything else costs the whole collection, every team's
 * rows, on FerretDB. The driver's collection methods are observed (each call still goes to the
 * database) for the length of one request.
 */
describe('what a team member’s requests cost: lookups by key only', () => {
  const members = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  const [ana, bo, chen, dee] = members;
  let team: Team;
  const spies: jest.SpyInstance[] = [];
  let recording: { collection: string; method: string; filter: unknown }[] | undefined;

  // Observing from before the app starts, as every query it makes must go through the spies.
  beforeAll(() => {
    for (const method of FILTERED) {
      const original = Collection.prototype[method] as (...a: unknown[]) => unknown;
      const spy = jest.spyOn(Collection.prototype, method) as unknown as jest.SpyInstance;
      spy.mockImplementation(function (this: Collection, ...args: unknown[]) {
        recording?.push({ collection: this.collectionName, method, filter: args[0] });
        return original.apply(this, args);
      });
      spies.push(spy);
    }
    // A bulk write's operations each take their own filter (an insert names its document).
    const bulkWrite = Collection.prototype.bulkWrite as (...a: unknown[]) => unknown;
    const spy = jest.spyOn(Collection.prototype, 'bulkWrite') as unknown as jest.SpyInstance;
    spy.mockImplementation(function (this: Collection, ...args: unknown[]) {
      for (const operation of args[0] as Record<
        string,
        { filter?: unknown; document?: unknown }
      >[]) {
        const [[kind, spec]] = Object.entries(operation);
        recording?.push({
          collection: this.collectionName,
          method: `bulkWrite ${kind}`,
          filter: kind === 'insertOne' ? spec.document : spec.filter,
        });
      }
      return bulkWrite.apply(this, args);
    });
    spies.push(spy);
  });
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
  });
  const app = useTestApp('keylookups', { members });
  const token = app.token;
  // The start-up sweep of unfinished recognition changes runs in the background; on a busy
  // machine it could still be reading when the first request is observed. It marks its end.
  beforeAll(() =>
    waitUntil(
      async () =>
        Boolean(
          await app.database.db
            .collection<{ _id: string }>(collections.meta)
            .findOne({ _id: 'wall-index' }),
        ),
      { what: 'the start-up sweep of recognition changes to finish' },
    ),
  );

  /** Runs `action` and returns the queries it made that do not name one `_id`. */
  const unkeyed = async (action: () => Promise<unknown>) => {
    const seen: NonNullable<typeof recording> = [];
    recording = seen;
    try {
      await action();
    } finally {
      recording = undefined;
    }
    // Something was observed: the check is not passing because the observer saw nothing.
    expect(seen.length).toBeGreaterThan(0);
    return seen
      .filter((q) => !QUEUES.has(q.collection) && !namesOneId(q.filter))
      .map((q) => `${q.collection}.${q.method}(${JSON.stringify(q.filter)})`);
  };

  /** Runs `action`, expects every query it made to name one `_id`, and returns its result. */
  const byKey = async <T>(action: () => Promise<T>): Promise<T> => {
    let result: T | undefined;
    expect(
      await unkeyed(async () => {
        result = await action();
      }),
    ).toEqual([]);
    return result as T;
  };

  const ok = async (res: Promise<{ status: number; json: Json }>, status = 200) => {
    const r = await res;
    expect(r.status).toBe(status);
    return r.json;
  };
  const recognizeInChat = (from: Member, to: Member, text: string) =>
    app.send(recognitionMessage(team, from, to, text));

  it('installs, follows roster changes and answers GET /api/v1/me by key', async () => {
    team = await byKey(() => app.install(members));
    await byKey(() => app.send(memberLeft(team, dee)));
    app.connector.setRoster(team.teamId, members);
    await byKey(() => app.send(memberJoined(team, dee)));

    const me: Json = await byKey(() => ok(call('GET', `${app.url}/api/v1/me`, token(dee))));
    expect(me.teams.map((t: Json) => t.id)).toEqual([team.teamId]);
    await byKey(() => ok(call('GET', team.path, token(ana))));
    await byKey(() => ok(call('GET', `${team.path}/members`, token(ana))));
  });

  it('recognizes through the message extension and the chat command, and reads the wall, by key', async () => {
    await byKey(() =>
      app.send(
        teamInvoke(team, ana, 'composeExtension/fetchTask', {
          commandId: 'recognize',
          commandContext: 'compose',
        }),
      ),
    );
    const preview: Json = await byKey(() =>
      app.send(
        teamInvoke(team, ana, 'composeExtension/submitAction', {
          commandId: 'recognize',
          data: { teammates: bo.aadObjectId, tag: 'dependability', message: 'Covered on-call' },
        }),
      ),
    );
    await byKey(() =>
      app.send(
        teamInvoke(team, ana, 'composeExtension/submitAction', {
          commandId: 'recognize',
          botMessagePreviewAction: 'send',
          botActivityPreview: [preview.composeExtension.activityPreview],
        }),
      ),
    );
    await byKey(() => recognizeInChat(bo, chen, 'for impact fixed the outage'));
    await recognizeInChat(chen, dee, 'for meaning reminded us why');

    const first: Json = await byKey(() =>
      ok(call('GET', `${team.path}/recognitions?limit=2`, token(ana))),
    );
    expect(first.items).toHaveLength(2);
    const older: Json = await byKey(() =>
      ok(call('GET', `${team.path}/recognitions?limit=2&cursor=${first.nextCursor}`, token(ana))),
    );
    expect(older.items.map((r: Json) => r.message)).toEqual(['Covered on-call']);
    await byKey(() => ok(call('GET', `${team.path}/recognitions/quiet`, token(ana))));
    await byKey(() =>
      ok(call('DELETE', `${team.path}/recognitions/${first.items[0].id}`, token(chen)), 204),
    );
  });

  it('runs a check-in round, takes an answer and reads trends, feedback and proposals by key', async () => {
    const round: Json = await byKey(() =>
      ok(call('POST', `${team.path}/checkin/rounds`, token(ana)), 201),
    );
    await byKey(() =>
      app.send(
        checkinAnswer(app.connector.url, bo, {
          roundId: round.id,
          dependability: '4',
          freeText: 'Calm week',
        }),
      ),
    );
    await byKey(() => app.scheduler.tick(new Date(round.closesAt)));
    for (const path of [
      'trust-health?weeks=12',
      'feedback',
      'checkin/settings',
      'checkin/proposals',
    ]) {
      await byKey(() => ok(call('GET', `${team.path}/${path}`, token(bo))));
    }
    const { settings } = await ok(call('GET', `${team.path}/checkin/settings`, token(ana)));
    const proposal: Json = await byKey(() =>
      ok(
        call('POST', `${team.path}/checkin/proposals`, token(bo), {
          questions: settings.questions.slice(0, 3),
        }),
        201,
      ),
    );
    await byKey(() =>
      ok(
        call('POST', `${team.path}/checkin/proposals/${proposal.id}/votes`, token(chen), {
          approve: true,
        }),
      ),
    );
  });

  it('follows a closed round through by key: reply, heard, themes, actions, summary and note', async () => {
    const own = await app.install(members, 'Follow');
    const round: Json = await ok(call('POST', `${own.path}/checkin/rounds`, token(ana)), 201);
    for (const member of [ana, bo, chen])
      await app.send(
        checkinAnswer(app.connector.url, member, { roundId: round.id, freeText: 'Calm week' }),
      );
    const inRound = `${own.path}/rounds/${encodeURIComponent(round.id)}`;
    await byKey(() =>
      ok(
        call(
          'POST',
          `${own.path}/checkin/rounds/${encodeURIComponent(round.id)}/close`,
          token(ana),
        ),
      ),
    );
    const feedback: Json = await byKey(() => ok(call('GET', `${own.path}/feedback`, token(bo))));
    const commentId = feedback.weeks[0].comments[0].id as string;
    await byKey(() =>
      ok(
        call('POST', `${own.path}/feedback/${commentId}/replies`, token(bo), { text: 'Agreed' }),
        201,
      ),
    );
    await byKey(() => ok(call('POST', `${own.path}/feedback/${commentId}/heard`, token(ana))));
    await byKey(() =>
      ok(
        call('PUT', `${inRound}/themes`, token(chen), {
          themes: [{ name: 'Calm', commentIds: [commentId] }],
        }),
      ),
    );
    const action: Json = await byKey(() =>
      ok(
        call('POST', `${own.path}/actions`, token(chen), {
          title: 'Keep it calm',
          why: 'Calm weeks are good weeks',
          commentIds: [commentId],
          dueDate: '2099-01-01',
        }),
        201,
      ),
    );
    await byKey(() =>
      ok(
        call('PATCH', `${own.path}/actions/${action.id}`, token(chen), {
          status: 'done',
          ownerAadObjectId: chen.aadObjectId,
        }),
      ),
    );
    await byKey(() => ok(call('GET', `${own.path}/actions`, token(dee))));
    await byKey(() => ok(call('GET', `${inRound}/summary`, token(dee))));
    await byKey(() =>
      ok(call('POST', `${inRound}/summary/note`, token(ana), { text: 'Thank you' })),
    );
    await byKey(() =>
      ok(call('POST', `${own.path}/actions/${action.id}/agreement`, token(chen)), 201),
    );
  });

  it('proposes, lists, opens and endorses working agreements by key', async () => {
    const created: Json = await byKey(() =>
      ok(
        call('POST', `${team.path}/agreements`, token(ana), {
          title: 'Async by default',
          text: 'We write things down before we meet.',
          category: 'communication',
        }),
        201,
      ),
    );
    await byKey(() => ok(call('GET', `${team.path}/agreements`, token(bo))));
    await byKey(() => ok(call('GET', `${team.path}/agreements/${created.id}`, token(bo))));
    await byKey(() =>
      ok(
        call(
          'POST',
          `${team.path}/agreements/${created.id}/proposals/${created.openProposal.id}/endorsements`,
          token(bo),
        ),
      ),
    );
  });

  it('clears a member’s unreachable mark from their 1:1 chat by key', async () => {
    await byKey(() => app.send(personalMessage(app.connector.url, dee, 'hi')));
  });
});
