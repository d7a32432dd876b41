import { isoWeekKey } from '../../../../bot/src/platform/domain/week';
import { createLogger } from '../../../../bot/src/logger';
import { collections } from '../../../support/schema';
import {
  createRecognitionRepository,
  recognitionIdFor,
} from '../../../../bot/src/features/recognition/recognition-repository';
import { createWallIndex } from '../../../../bot/src/features/recognition/wall-index';
import { createTrustWeekCounter } from '../../../../bot/src/features/trust-health/trust-week-repository';
import { recognitionMessage } from '../../../fixtures/teams-activities';
import { postJson } from '../../../support/http';
import { call, devToken, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { useTestDatabase } from '../../../support/test-database';

const silentLogger = createLogger('error', () => undefined);

const person = (name: string) => ({ aadObjectId: `${name}-id`, name });
/** A recognition as the store keeps it: Ana thanks Bo for impact in week 2026-W40. */
const storedRecognition = (id: string, teamId: string, message: string, createdAt: Date) => ({
  _id: id,
  teamId,
  week: '2026-W40',
  sender: person('ana'),
  recipients: [person('bo')],
  recipientIds: ['bo-id'],
  tag: { kind: 'trait', id: 'impact' },
  tagKey: 'impact',
  message,
  createdAt,
});

describe('recognition API (/api/v1/teams/{teamId}/recognitions)', () => {
  const app = useTestApp('recognitionapi');
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  let team: Team;
  let anaToken: string;

  const recognize = async (from: Member, to: Member, text: string) => {
    const res = await postJson(`${app.url}/api/messages`, recognitionMessage(team, from, to, text));
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    team = await app.install([ana, bo, chen, dee]);
    anaToken = await devToken(app.url, ana);
    await recognize(ana, bo, 'for dependability covered the release');
    await recognize(bo, chen, 'for impact fixed the outage');
    await recognize(chen, bo, 'for meaning reminded us why');
  });

  it('lists recognitions newest first, paged with a cursor', async () => {
    const first = await call('GET', `${team.path}/recognitions?limit=2`, anaToken);

    expect(first.status).toBe(200);
    expect(first.json.items.map((r: { message: string }) => r.message)).toEqual([
      'reminded us why',
      'fixed the outage',
    ]);
    const second = await call(
      'GET',
      `${team.path}/recognitions?limit=2&cursor=${first.json.nextCursor}`,
      anaToken,
    );
    expect(second.json.items.map((r: { message: string }) => r.message)).toEqual([
      'covered the release',
    ]);
    expect(second.json.nextCursor).toBeNull();
  });

  it('filters by trait and by recipient', async () => {
    const byTrait = await call('GET', `${team.path}/recognitions?tag=impact`, anaToken);
    const byRecipient = await call(
      'GET',
      `${team.path}/recognitions?recipient=${bo.aadObjectId}`,
      anaToken,
    );

    expect(byTrait.json.items).toEqual([
      expect.objectContaining({
        message: 'fixed the outage',
        tag: { kind: 'trait', id: 'impact' },
      }),
    ]);
    expect(byRecipient.json.items.map((r: { message: string }) => r.message)).toEqual([
      'reminded us why',
      'covered the release',
    ]);
  });

  it('refuses bad query values with a message naming the field', async () => {
    const res = await call('GET', `${team.path}/recognitions?limit=500&tag=DROP%20TABLE`, anaToken);

    expect(res.status).toBe(400);
    expect(res.json.code).toBe('INVALID_INPUT');
    expect(res.json.message).toBe(
      'The tag must be a trait id (e.g. dependability) or value:<id>. The limit must be 1–100.',
    );
    expect(
      (await call('GET', `${team.path}/recognitions?cursor=bm9wZQ`, anaToken)).json.message,
    ).toBe('The cursor is not a cursor this API returned; start without one.');
  });

  it('lists members nobody recognized in the last 30 days, with no counts, once they have been on the team that long', async () => {
    const quiet = async () => (await call('GET', `${team.path}/recognitions/quiet`, anaToken)).json;
    // Installed minutes ago: nobody has had 30 days to be recognized.
    expect(await quiet()).toEqual({ days: 30, members: [] });

    // The same roster as if it had been there for 40 days.
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await app.database.db.collection<{ _id: string }>(collections.rosters).updateOne(
      { _id: team.teamId },
      {
        $set: Object.fromEntries(
          [ana, bo, chen, dee].map((m) => [`joined.${m.aadObjectId}`, longAgo]),
        ),
      },
    );

    expect(await quiet()).toEqual({
      days: 30,
      members: [
        { aadObjectId: ana.aadObjectId, name: 'Ana' },
        { aadObjectId: dee.aadObjectId, name: 'Dee' },
      ],
    });
  });

  it('lets only the giver delete a recognition, and uncounts it', async () => {
    await recognize(ana, dee, 'for impact great onboarding doc');
    const list = await call(
      'GET',
      `${team.path}/recognitions?recipient=${dee.aadObjectId}`,
      anaToken,
    );
    const id = list.json.items[0].id;
    const boToken = await devToken(app.url, bo);

    const notYours = await call('DELETE', `${team.path}/recognitions/${id}`, boToken);
    const deleted = await call('DELETE', `${team.path}/recognitions/${id}`, anaToken);
    const again = await call('DELETE', `${team.path}/recognitions/${id}`, anaToken);

    expect(notYours).toEqual({
      status: 403,
      json: { code: 'RECOGNITION_NOT_YOURS', message: expect.any(String) },
    });
    expect(deleted.status).toBe(204);
    expect(again.status).toBe(404);
    const week = await createTrustWeekCounter(app.database.db).find(
      team.teamId,
      isoWeekKey(new Date()),
    );
    expect(week?.recognitions?.impact).toBe(1);
  });

  it('answers 403 to someone outside the team', async () => {
    const [stranger] = newMembers('Eve');
    const res = await call('GET', `${team.path}/recognitions`, await devToken(app.url, stranger));

    expect(res.status).toBe(403);
  });

  it('lets a lead set the team’s values, which members then recognize by name', async () => {
    const values = [{ id: 'ownership', label: 'Ownership' }];
    const refused = await call('PUT', `${team.path}/values`, await devToken(app.url, bo), {
      values,
    });
    const bad = await call('PUT', `${team.path}/values`, anaToken, {
      values: [{ id: 'Bad Id', label: 'x' }],
    });
    const saved = await call('PUT', `${team.path}/values`, anaToken, { values });

    expect(refused.status).toBe(403);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe(
      'Ids are 1–40 lowercase letters, digits or "-". A value needs a name.',
    );
    expect(saved).toEqual({ status: 200, json: { values } });
    await recognize(dee, chen, 'for ownership took the incident from start to end');
    const byValue = await call('GET', `${team.path}/recognitions?tag=value:ownership`, anaToken);
    expect(byValue.json.items).toEqual([
      expect.objectContaining({ tag: { kind: 'value', id: 'ownership', label: 'Ownership' } }),
    ]);
  });
});

describe('the wall index', () => {
  const db = useTestDatabase('wallindex');

  it('lists once, after the catch-up, recognitions stored before the index existed', async () => {
    const repo = createRecognitionRepository(db(), createTrustWeekCounter(db()), silentLogger);
    const legacy = (n: number) =>
      storedRecognition(
        `legacy-${n}`,
        'team-legacy',
        `old thanks ${n}`,
        new Date(Date.UTC(2026, 8, n)),
      );
    await db()
      .collection(collections.recognitions)
      .insertMany([1, 2, 3].map(legacy) as never[]);
    expect(await repo.list('team-legacy', { limit: 10 })).toEqual([]);

    await repo.catchUp();
    await repo.catchUp();

    const wall = await repo.list('team-legacy', { limit: 2 });
    expect(wall.map((r) => r.message)).toEqual(['old thanks 3', 'old thanks 2']);
    const rest = await repo.list('team-legacy', {
      limit: 2,
      before: { createdAt: wall[1].createdAt, id: wall[1].id },
    });
    expect(rest.map((r) => r.message)).toEqual(['old thanks 1']);
    expect(await repo.recognizedSince('team-legacy', new Date(Date.UTC(2026, 8, 2)))).toEqual(
      new Set(['bo-id']),
    );
  });
});

describe('the wall index in buckets', () => {
  const db = useTestDatabase('wallbuckets');
  const entry = (n: number, day = 1 + (n % 20)) => ({
    id: `r-${String(n).padStart(3, '0')}`,
    at: Date.UTC(2026, 9, day, 12, 0, n),
    tag: n % 2 ? 'impact' : 'meaning',
    to: [`p-${n % 3}`],
  });

  it('fills a month bucket by bucket and reads it newest first, each entry once', async () => {
    const wall = createWallIndex(db(), 3);
    // A burst: all at once, as concurrent recognitions add them.
    await Promise.all(Array.from({ length: 10 }, (_, n) => wall.add('team-b', entry(n))));
    // A retry adds one again, after its first bucket filled up: it is read once.
    await wall.add('team-b', entry(4));

    const months = await db()
      .collection<{ _id: string; buckets?: Record<string, number> }>(collections.recognitionMonths)
      .findOne({ _id: 'team-b|months' });
    expect(months?.buckets).toEqual({ '2026-10': 4 });
    const read: string[] = [];
    for await (const e of wall.entries('team-b', {})) read.push(e.id);
    const newestFirst = Array.from({ length: 10 }, (_, n) => entry(n))
      .sort((a, b) => b.at - a.at)
      .map((e) => e.id);
    expect(read).toEqual(newestFirst);

    const impact: string[] = [];
    for await (const e of wall.entries('team-b', { tag: 'impact', recipient: 'p-1' }))
      impact.push(e.id);
    expect(impact).toEqual(newestFirst.filter((id) => ['r-001', 'r-007'].includes(id)));

    await wall.remove('team-b', entry(4));
    const left: string[] = [];
    for await (const e of wall.entries('team-b', {})) left.push(e.id);
    expect(left).toEqual(newestFirst.filter((id) => id !== 'r-004'));
  });

  it('goes on filling the open bucket after a restart, and reads a month kept whole before', async () => {
    const docs = db().collection<{ _id: string; entries?: unknown[]; months?: object }>(
      collections.recognitionMonths,
    );
    // A month written by an earlier version: its own document, entries as documents.
    await docs.insertMany([
      { _id: 'team-r|2026-10', entries: [entry(50), entry(51)] },
      { _id: 'team-r|months', months: { '2026-10': 1 } },
    ]);
    await createWallIndex(db(), 3).add('team-r', entry(52));
    // A new process learns where the last one stopped: bucket 1 holds one of three.
    const wall = createWallIndex(db(), 3);
    await wall.add('team-r', entry(53));
    await wall.add('team-r', entry(54));
    await wall.add('team-r', entry(55));

    expect((await docs.findOne({ _id: 'team-r|2026-10|1' }))?.entries).toHaveLength(3);
    expect((await docs.findOne({ _id: 'team-r|2026-10|2' }))?.entries).toHaveLength(1);
    expect((await wall.since('team-r', new Date(Date.UTC(2026, 9, 1)))).length).toBe(6);
    await wall.remove('team-r', entry(51));
    await wall.remove('team-r', entry(55));
    const read: string[] = [];
    for await (const e of wall.entries('team-r', { before: { at: entry(54).at, id: 'r-054' } }))
      read.push(e.id);
    expect(read.sort()).toEqual(['r-050', 'r-052', 'r-053']);
  });
});

describe('the start-up sweep of unfinished counts', () => {
  const db = useTestDatabase('sweep');

  it('finishes the changes a crash left from their notes, once the older records are done', async () => {
    const weeks = createTrustWeekCounter(db());
    const repo = createRecognitionRepository(db(), weeks, silentLogger);
    const record = (id: string, extra: object = {}) => ({
      ...storedRecognition(id, 'team-sweep', `thanks ${id}`, new Date(Date.UTC(2026, 8, 30))),
      ...extra,
    });
    // Cut off after storing: one noted, one stored before notes existed (no note).
    await db()
      .collection(collections.recognitions)
      .insertMany([
        record('noted', { pending: 'count' }),
        record('older', { pending: 'count' }),
        record('done'),
      ] as never[]);
    const notes = db().collection<{ _id: string; at: Date }>(collections.recognitionChanges);
    await notes.insertMany([
      { _id: 'noted', at: new Date() },
      // Finished but not tidied; a record never stored (long ago); one being stored right now.
      { _id: 'done', at: new Date() },
      { _id: 'never-stored', at: new Date(Date.now() - 3_600_000) },
      { _id: 'storing', at: new Date() },
    ]);

    // The wall's own catch-up is over: only the sweep lists records here.
    await db()
      .collection<{ _id: string; listedAt: Date }>(collections.meta)
      .insertOne({ _id: 'wall-index', listedAt: new Date() });

    expect(await repo.catchUp()).toBe(2);
    expect(await repo.catchUp()).toBe(0);

    expect((await weeks.find('team-sweep', '2026-W40'))?.recognitions).toEqual({ impact: 2 });
    expect((await repo.list('team-sweep', { limit: 10 })).map((r) => r.id).sort()).toEqual([
      'noted',
      'older',
    ]);
    expect(
      await db()
        .collection(collections.recognitions)
        .countDocuments({ pending: { $exists: true } }),
    ).toBe(0);
    expect((await notes.find({}).toArray()).map((n) => n._id)).toEqual(['storing']);
  });
});

describe('recognitions stored unmarked, their count owed while their note is there', () => {
  const db = useTestDatabase('unmarked');
  const given = (teamId: string, message: string) => ({
    teamId,
    week: '2026-W40',
    sender: person('ana'),
    recipients: [person('bo')],
    tag: { kind: 'trait' as const, id: 'impact' as const },
    message,
    createdAt: new Date(Date.UTC(2026, 8, 30)),
  });
  const setUp = () => {
    const weeks = createTrustWeekCounter(db());
    const repo = createRecognitionRepository(db(), weeks, silentLogger);
    const counted = async (teamId: string) =>
      (await weeks.find(teamId, '2026-W40'))?.recognitions?.impact ?? 0;
    const notes = db().collection<{ _id: string; at: Date; unmarked?: true }>(
      collections.recognitionChanges,
    );
    const years = db().collection<{ _id: string; applied?: Record<string, 1> }>(
      collections.trustWeeks,
    );
    return { weeks, repo, counted, notes, years };
  };
  const settled = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('stores a recognition without a mark, counts it once, and tidies its note and name', async () => {
    const { repo, counted, notes, years } = setUp();

    const first = await repo.record('key-1', given('team-u', 'thanks'));
    const again = await repo.record('key-1', given('team-u', 'thanks again'));
    await settled();

    expect(first.created).toBe(true);
    expect(again).toEqual({ recognition: first.recognition, created: false });
    expect(await counted('team-u')).toBe(1);
    const stored = await db()
      .collection<{ _id: string; pending?: string }>(collections.recognitions)
      .findOne({ _id: first.recognition.id });
    expect(stored?.pending).toBeUndefined();
    expect(await notes.countDocuments({})).toBe(0);
    expect((await years.findOne({ _id: 'team-u|2026' }))?.applied ?? {}).toEqual({});
  });

  it('finishes, from a retry or from the sweep, a record stored before a crash counted it', async () => {
    const { repo, counted, notes } = setUp();
    // Cut off after storing, as a crash leaves them: the note, then the record, uncounted.
    const cutOff = async (key: string, teamId: string) => {
      const id = recognitionIdFor(key);
      await notes.insertOne({ _id: id, at: new Date(), unmarked: true });
      await db()
        .collection(collections.recognitions)
        .insertOne({
          ...storedRecognition(id, teamId, `thanks ${key}`, new Date(Date.UTC(2026, 8, 30))),
        } as never);
      return id;
    };
    const retriedId = await cutOff('key-r', 'team-r');
    const sweptId = await cutOff('key-s', 'team-s');
    await db()
      .collection<{ _id: string; listedAt: Date }>(collections.meta)
      .insertMany([
        { _id: 'wall-index', listedAt: new Date() },
        { _id: 'recognition-changes', listedAt: new Date() },
      ]);

    // The retry finishes its count and says so (the bot then posts the card).
    const retried = await repo.record('key-r', given('team-r', 'thanks key-r'));
    expect(retried.created).toBe(true);
    expect((await repo.record('key-r', given('team-r', 'thanks key-r'))).created).toBe(false);
    // The sweep finishes the other; a second sweep finds nothing left.
    await repo.catchUp();
    await repo.catchUp();
    await settled();

    expect(await counted('team-r')).toBe(1);
    expect(await counted('team-s')).toBe(1);
    expect((await repo.list('team-r', { limit: 5 })).map((r) => r.id)).toEqual([retriedId]);
    expect((await repo.list('team-s', { limit: 5 })).map((r) => r.id)).toEqual([sweptId]);
    expect(await notes.countDocuments({})).toBe(0);
  });

  it('counts once a record whose count was applied before the crash cut off its tidying', async () => {
    const { repo, weeks, counted, notes } = setUp();
    const id = recognitionIdFor('key-t');
    await notes.insertOne({ _id: id, at: new Date(), unmarked: true });
    await db()
      .collection(collections.recognitions)
      .insertOne({
        ...storedRecognition(id, 'team-t', 'thanks', new Date(Date.UTC(2026, 8, 30))),
      } as never);
    await weeks.countOnce('team-t', '2026-W40', id, 'recognitions.impact', 1);

    const retried = await repo.record('key-t', given('team-t', 'thanks'));
    await settled();

    expect(retried.created).toBe(false);
    expect(await counted('team-t')).toBe(1);
    expect(await notes.countDocuments({})).toBe(0);
  });

  it('counts once when a second delivery arrives while the first is counting and tidying', async () => {
    const { weeks, counted } = setUp();
    // The interleaving that counted twice, forced: the first count of the name is held until a
    // second one is asked for (or 2 s pass, when nothing asks), and the second is let through only
    // once the first delivery has forgotten the name.
    let secondAsked = () => {};
    const asked = new Promise<void>((resolve) => (secondAsked = resolve));
    let forgotten = () => {};
    const gone = new Promise<void>((resolve) => (forgotten = resolve));
    let counts = 0;
    const interleaved: typeof weeks = {
      ...weeks,
      countOnce: async (...args) => {
        counts += 1;
        if (counts === 1) await Promise.race([asked, new Promise((r) => setTimeout(r, 2000))]);
        else {
          secondAsked();
          await gone;
        }
        return weeks.countOnce(...args);
      },
      forget: async (...args) => {
        const outcome = await weeks.forget(...args);
        forgotten();
        return outcome;
      },
    };
    const repo = createRecognitionRepository(db(), interleaved, silentLogger);

    const [first, second] = await Promise.all([
      repo.record('key-2x', given('team-2x', 'thanks')),
      repo.record('key-2x', given('team-2x', 'thanks')),
    ]);
    await settled();

    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.recognition).toEqual(first.recognition);
    expect(await counted('team-2x')).toBe(1);
  });

  it('sweeps a note by the attempt it names: the record’s own is owed, a later delivery’s is not', async () => {
    const { repo, weeks, counted, notes } = setUp();
    // Both cut off by a crash: one after storing its record, one a redelivery of a record
    // counted and tidied long before, after writing its own note.
    const stored = async (key: string, teamId: string, recordAttempt: string) => {
      const id = recognitionIdFor(key);
      await db()
        .collection(collections.recognitions)
        .insertOne({
          ...storedRecognition(id, teamId, 'thanks', new Date(Date.UTC(2026, 8, 30))),
          attempt: recordAttempt,
        } as never);
      return id;
    };
    const owed = await stored('key-o', 'team-o', 'first');
    await notes.insertOne({ _id: owed, at: new Date(), unmarked: true, attempt: 'first' } as never);
    const counted2 = await stored('key-c', 'team-c', 'first');
    await weeks.countOnce('team-c', '2026-W40', counted2, 'recognitions.impact', 1);
    await weeks.forget('team-c', '2026-W40', [counted2]);
    await notes.insertOne({
      _id: counted2,
      at: new Date(),
      unmarked: true,
      attempt: 'again',
    } as never);

    await repo.catchUp();
    await settled();

    expect(await counted('team-o')).toBe(1);
    expect(await counted('team-c')).toBe(1);
    expect(await notes.countDocuments({})).toBe(0);
  });

  it('finishes the records of a batch a crash cut off, from a retry, a removal or the sweep', async () => {
    const { repo, counted, notes, years } = setUp();
    // One insert's note and what it stored before the crash: three records of four, none counted.
    const key = (n: string) => `key-b${n}`;
    const ids = ['1', '2', '3', '4'].map((n) => recognitionIdFor(key(n)));
    await notes.insertOne({
      _id: '+batch',
      at: new Date(Date.now() - 3_600_000),
      ids,
    } as never);
    await db()
      .collection(collections.recognitions)
      .insertMany(
        ids.slice(0, 3).map((id) => ({
          ...storedRecognition(id, 'team-b', 'thanks', new Date(Date.UTC(2026, 8, 30))),
          note: '+batch',
        })) as never[],
      );

    // A retry of the first finishes its count; the removal of the second counts it first.
    expect((await repo.record(key('1'), given('team-b', 'thanks'))).created).toBe(true);
    expect(await repo.remove('team-b', ids[1])).toBe(true);
    expect(await counted('team-b')).toBe(1);
    // The sweep counts the third, and the fourth was never stored.
    expect(await repo.catchUp()).toBe(2);
    await settled();

    expect(await counted('team-b')).toBe(2);
    expect((await repo.list('team-b', { limit: 5 })).map((r) => r.id).sort()).toEqual(
      [ids[0], ids[2]].sort(),
    );
    expect(await notes.countDocuments({})).toBe(0);
    expect((await years.findOne({ _id: 'team-b|2026' }))?.applied ?? {}).toEqual({});
  });

  it('keeps a young note whose record may be being stored, and owes nothing for a record stored under another', async () => {
    const { repo, counted, notes } = setUp();
    const other = recognitionIdFor('key-other');
    await db()
      .collection(collections.recognitions)
      .insertOne({
        ...storedRecognition(other, 'team-n', 'thanks', new Date(Date.UTC(2026, 8, 30))),
        note: '+first',
      } as never);
    await notes.insertMany([
      // A redelivery's note, cut off: the record it names was stored under '+first'.
      { _id: '+again', at: new Date(), ids: [other] },
      { _id: '+storing', at: new Date(), ids: [recognitionIdFor('key-storing')] },
    ] as never[]);

    expect(await repo.catchUp()).toBe(0);

    expect(await counted('team-n')).toBe(0);
    expect((await notes.find({}).toArray()).map((n) => n._id)).toEqual(['+storing']);
    // The other cases here count every note.
    await notes.deleteOne({ _id: '+storing' });
  });

  it('counts an owed record before its removal takes the count away', async () => {
    const { repo, counted, notes } = setUp();
    const id = recognitionIdFor('key-d');
    await notes.insertOne({ _id: id, at: new Date(), unmarked: true });
    await db()
      .collection(collections.recognitions)
      .insertOne({
        ...storedRecognition(id, 'team-d', 'thanks', new Date(Date.UTC(2026, 8, 30))),
      } as never);

    expect(await repo.remove('team-d', id)).toBe(true);
    await settled();

    expect(await counted('team-d')).toBe(0);
    expect(await repo.list('team-d', { limit: 5 })).toEqual([]);
    expect(await notes.countDocuments({})).toBe(0);
  });
});
