import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  adaptiveCard,
  cardAttachment,
} from '../../../../bot/src/platform/teams/cards/adaptive-card';
import { collections } from '../../../support/schema';
import { createInstallationRepository } from '../../../../bot/src/people/installation-repository';
import { getJson, postJson, type Json } from '../../../support/http';
import { newMembers, type Member } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import {
  BOT_ID,
  TENANT_ID,
  channelMessage,
  memberJoined,
  memberLeft,
  teamInstallationUpdate,
  teamInvoke,
  teamMembersChanged,
  type TeamContext,
  teamCardAction,
} from '../../../fixtures/teams-activities';

type Path = (string | number)[];

/** Text that only an exception, a parser or a stack trace would put in an answer or a reply. */
const INTERNALS =
  /ECONNREFUSED|ENOTFOUND|TypeError|RangeError|ZodError|Mongo|Cannot read|is not a function|Invalid input|expected (string|object|nonoptional)|\.ts:\d+|\.js:\d+|\n\s+at /;

const RUNS = 300;

/**
 * Generated activities against the real endpoint: Teams-shaped ones (install, roster changes,
 * messages, message extension and card invokes), then broken in up to three places each: fields
 * removed, objects and query operators where strings belong, "$" and dotted keys, huge strings,
 * unknown names, command ids and verbs.
 */
describe('POST /api/messages under generated activities', () => {
  const app = useTestApp('activityfuzz');
  let home: TeamContext;
  let victim: TeamContext;
  const members = newMembers('Ana', 'Bo', 'Chen');
  const victimMembers = newMembers('Vera', 'Wes', 'Xia');

  beforeAll(async () => {
    // Installed first, so a query that matches "any team" finds it before the others.
    victim = await app.install(victimMembers);
    home = await app.install(members);
  });

  const stranger = (seed: string): TeamContext => ({
    serviceUrl: app.connector.url,
    teamId: `19:${seed}@thread.tacv2`,
    teamName: 'Elsewhere',
    channelId: `19:${seed}-general@thread.tacv2`,
  });

  const mention = (m: Member) => ({
    type: 'mention',
    text: `<at>${m.name}</at>`,
    mentioned: { id: m.id, name: m.name },
  });
  const cardAction = (t: TeamContext, m: Member, verb: string, data: Json) =>
    teamCardAction(t, m, verb, data);
  const form = (to: Member, message: string) => ({
    people: to.aadObjectId,
    tag: 'dependability',
    message,
  });
  const draft = (to: Member, message: string) => ({
    type: 'message',
    attachments: [
      cardAttachment(
        adaptiveCard([], { rapportDraft: { recipients: [to], tag: 'impact', message } }),
      ),
    ],
  });

  /** Well-formed activities as Teams sends them, in a team, by a member, with some text. */
  const templates: ((t: TeamContext, m: Member, other: Member, text: string) => Json)[] = [
    (t, m) => teamInstallationUpdate(t, 'add', m),
    (t, m) => teamInstallationUpdate(t, 'remove', m),
    (t) => teamMembersChanged(t, { membersAdded: [{ id: BOT_ID }] }),
    (t) => teamMembersChanged(t, { membersRemoved: [{ id: BOT_ID }] }),
    (t, _m, o) => memberJoined(t, o),
    (t, _m, o) => memberLeft(t, o),
    (t, m, _o, text) => channelMessage(t, m, text),
    (t, m) => channelMessage(t, m, 'help'),
    (t, m) => channelMessage(t, m, 'checkin now'),
    (t, m, o, text) => {
      const message = channelMessage(t, m, `recognize <at>${o.name}</at> for impact ${text}`);
      message.entities.push(mention(o));
      return message;
    },
    (t, m, _o, text) => ({
      ...channelMessage(t, m, text),
      conversation: { id: `a:${m.id}`, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    }),
    (t, m) =>
      teamInvoke(t, m, 'composeExtension/fetchTask', {
        commandId: 'recognize',
        commandContext: 'compose',
      }),
    (t, m, o, text) =>
      teamInvoke(t, m, 'composeExtension/fetchTask', {
        commandId: 'recognize',
        commandContext: 'message',
        messagePayload: {
          id: '1',
          from: { user: { id: o.aadObjectId, displayName: o.name } },
          body: { content: text },
        },
      }),
    (t, m, o, text) =>
      teamInvoke(t, m, 'composeExtension/submitAction', {
        commandId: 'recognize',
        data: form(o, text || 'thanks'),
      }),
    (t, m, o, text) =>
      teamInvoke(t, m, 'composeExtension/submitAction', {
        commandId: 'recognize',
        botMessagePreviewAction: 'send',
        botActivityPreview: [draft(o, text || 'thanks')],
      }),
    (t, m, o, text) =>
      teamInvoke(t, m, 'composeExtension/submitAction', {
        commandId: 'recognize',
        botMessagePreviewAction: 'edit',
        botActivityPreview: [draft(o, text)],
      }),
    (t, m, o, text) => cardAction(t, m, 'recognize', form(o, text || 'thanks')),
    (t, m) => cardAction(t, m, 'checkin.answer', { roundId: randomUUID(), dependability: '4' }),
    (t, m) => cardAction(t, m, 'agreement.endorse', { proposalId: randomUUID() }),
    (t, m, _o, text) =>
      cardAction(t, m, 'agreement.object', { proposalId: randomUUID(), reason: text }),
    (t, m) => cardAction(t, m, 'agreement.keep', { agreementId: randomUUID() }),
    (t, m) => cardAction(t, m, 'agreement.refresh', { proposalId: randomUUID() }),
    (t, m) => ({
      ...channelMessage(t, m, ''),
      type: 'event',
      name: 'application/vnd.microsoft.meetingStart',
      value: { Id: 'm1', JoinUrl: 'https://teams.example/join', MeetingType: 'Scheduled' },
      channelData: { ...channelMessage(t, m, '').channelData, meeting: { id: 'm1' } },
    }),
  ];

  /** Where ids sit in these activities: the places an operator would reach a query from. */
  const idPaths: Path[] = [
    ['conversation', 'id'],
    ['channelData', 'team', 'id'],
    ['channelData', 'tenant', 'id'],
    ['conversation', 'tenantId'],
    ['from', 'id'],
    ['from', 'aadObjectId'],
    ['recipient', 'id'],
    ['membersRemoved', 0, 'id'],
    ['membersAdded', 0, 'aadObjectId'],
    ['value', 'commandId'],
    ['value', 'action', 'verb'],
    ['value', 'action', 'data', 'roundId'],
    ['value', 'action', 'data', 'proposalId'],
    ['value', 'data', 'people'],
    ['id'],
    ['replyToId'],
  ];

  const operator = fc.constantFrom<unknown>(
    { $gt: '' },
    { $ne: null },
    { $regex: '.*' },
    { $in: [] },
    { $where: 'true' },
    { $exists: true },
  );
  const hostile = fc.oneof(
    fc.constantFrom<unknown>(
      null,
      0,
      -1,
      1e308,
      true,
      [],
      {},
      [{}],
      '',
      ' ',
      '$gt',
      'a.b',
      '\u0000',
      '\u202e',
      'x'.repeat(100_000),
      '\u{1F600}'.repeat(10_000),
      'https://127.0.0.1:1/',
    ),
    operator,
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  const unsafeKey = fc.oneof(
    fc.constantFrom('$where', '$set', 'a.b', '__proto__', 'constructor', ''),
    fc.string({ maxLength: 12 }),
  );

  type Mutation =
    | { kind: 'delete'; at: number }
    | { kind: 'replace'; at: number; value: unknown }
    | { kind: 'addKey'; at: number; key: string; value: unknown }
    | { kind: 'operator'; path: Path; value: unknown }
    | { kind: 'rename'; path: Path; value: string };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostile }),
    fc.record({
      kind: fc.constant('addKey' as const),
      at: fc.nat(),
      key: unsafeKey,
      value: hostile,
    }),
    fc.record({
      kind: fc.constant('operator' as const),
      path: fc.constantFrom(...idPaths),
      value: operator,
    }),
    fc.record({
      kind: fc.constant('rename' as const),
      path: fc.constantFrom<Path>(
        ['type'],
        ['name'],
        ['value', 'commandId'],
        ['value', 'action', 'verb'],
      ),
      value: fc.oneof(
        fc.constantFrom(
          'invoke',
          'composeExtension/query',
          'task/fetch',
          'agreement.',
          'recognize ',
        ),
        fc.string({ maxLength: 30 }),
      ),
    }),
  );

  const pathsIn = (value: unknown, prefix: Path = []): Path[] =>
    typeof value !== 'object' || value === null || prefix.length > 6
      ? []
      : Object.entries(value).flatMap(([key, inner]) => {
          const path = [...prefix, Array.isArray(value) ? Number(key) : key];
          return [path, ...pathsIn(inner, path)];
        });
  const at = (root: unknown, path: Path): unknown =>
    path.reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Json)[key] : undefined),
      root,
    );
  const isObject = (value: unknown): value is Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const set = (root: Json, path: Path, value: unknown) => {
    const parent = at(root, path.slice(0, -1));
    if (typeof parent === 'object' && parent !== null)
      (parent as Json)[path[path.length - 1]] = value;
  };

  const mutate = (activity: Json, mutations: Mutation[]): Json => {
    const copy = structuredClone(activity);
    // Generated values are shared (between runs, and between mutations): each is copied in, so
    // none is changed in place and none ends up inside itself.
    for (const m of mutations) {
      const paths = pathsIn(copy);
      if (m.kind === 'delete') {
        const path = paths[m.at % paths.length];
        const parent = at(copy, path.slice(0, -1));
        if (typeof parent === 'object' && parent !== null)
          delete (parent as Json)[path[path.length - 1]];
      } else if (m.kind === 'replace') {
        set(copy, paths[m.at % paths.length], structuredClone(m.value));
      } else if (m.kind === 'addKey') {
        const objects = [copy, ...paths.map((p) => at(copy, p)).filter(isObject)];
        objects[m.at % objects.length][m.key] = structuredClone(m.value);
      } else {
        set(copy, m.path, structuredClone(m.value));
        // Without a team id, the conversation id is what keys the team's data.
        if (m.kind === 'operator' && m.path[0] === 'conversation') delete copy.channelData?.team;
      }
    }
    return copy;
  };

  const generated = fc.record({
    template: fc.nat(templates.length - 1),
    team: fc.oneof(fc.constant<TeamContext | undefined>(undefined), fc.uuid().map(stranger)),
    who: fc.nat(members.length - 1),
    text: fc.oneof(
      fc.constantFrom('thanks', 'for impact shipped it', ''),
      fc.string({ maxLength: 60 }),
    ),
    mutations: fc.oneof(
      { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
      { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
  });

  it(`answers ${RUNS} generated activities without a 5xx or internals, and stays healthy`, async () => {
    const repo = createInstallationRepository(app.database.db);
    // Read from the collection: the repository's own reads are cached for a few seconds.
    const victimDoc = () =>
      app.database.db
        .collection<{ _id: string }>(collections.conversations)
        .findOne({ _id: victim.teamId });
    const victimBefore = await victimDoc();
    const rosterBefore = await repo.roster(victim.teamId);
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(generated, async ({ template, team, who, text, mutations }) => {
        const member = members[who];
        const other = members[(who + 1) % members.length];
        const activity = mutate(templates[template](team ?? home, member, other, text), mutations);

        const res = await postJson(`${app.url}/api/messages`, activity);

        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        expect(res.text).not.toMatch(INTERNALS);
      }),
      { numRuns: RUNS },
    );

    // Mostly refused, but the valid share must get through, or this tests only the parser.
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 10);
    const replies = [...app.connector.posted, ...app.connector.updated].map((p) =>
      JSON.stringify(p.body),
    );
    expect(replies.filter((r) => INTERNALS.test(r))).toEqual([]);
    expect((await getJson(`${app.url}/healthz`)).status).toBe(200);
    // Hostile activities named every id but the victim's: its installation and roster are as before.
    expect(victimBefore).toMatchObject({ active: true });
    expect(await victimDoc()).toEqual(victimBefore);
    expect(await repo.roster(victim.teamId)).toEqual(rosterBefore);
  });
});
