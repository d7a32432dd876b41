import { randomUUID } from 'node:crypto';
import { createInstallationRepository } from '../../../../bot/src/people/installation-repository';
import { collections } from '../../../support/schema';
import { postJson, type Json } from '../../../support/http';
import { newMembers } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import {
  BOT_ID,
  channelMessage,
  teamInvoke,
  teamMembersChanged,
} from '../../../fixtures/teams-activities';

/** Text that only an exception, a parser or a stack trace would put in an answer. */
const INTERNALS =
  /ECONNREFUSED|ENOTFOUND|TypeError|ZodError|Mongo|Cannot read|is not a function|Invalid input|expected (string|object)|\.ts:\d+|\.js:\d+/;

describe('the bot endpoint at its edge (POST /api/messages)', () => {
  const app = useTestApp('activityedge');
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo] = people;

  const post = (activity: unknown) => postJson(`${app.url}/api/messages`, activity);
  const postedTo = (conversationId: string) =>
    [...app.connector.posted, ...app.connector.updated].filter(
      (p) => p.conversationId === conversationId,
    );
  /** A team the app never heard of, so anything posted to it came from the activity under test. */
  const strangerTeam = () => ({
    serviceUrl: app.connector.url,
    teamId: `19:${randomUUID()}@thread.tacv2`,
    teamName: 'Elsewhere',
    channelId: `19:${randomUUID()}@thread.tacv2`,
  });
  const expectInvalid = (res: { status: number; json: unknown }, message: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: 'INVALID_ACTIVITY', message: expect.stringMatching(message) });
    expect(JSON.stringify(res.json)).not.toMatch(INTERNALS);
  };
  const cardAction = (team: ReturnType<typeof strangerTeam>, action: unknown) =>
    teamInvoke(team, ana, 'adaptiveCard/action', { action });

  describe('operator injection through the activity', () => {
    it('answers 400 to a people-picker fetch whose conversation id is a query operator, and lists nobody', async () => {
      const victim = await app.install(people);
      const hostile: Json = teamInvoke(strangerTeam(), bo, 'composeExtension/fetchTask', {
        commandId: 'recognize',
        commandContext: 'compose',
      });
      hostile.conversation.id = { $gt: '' };
      delete hostile.channelData.team;

      const res = await post(hostile);

      expectInvalid(res, /conversation id must be text/);
      for (const member of people) expect(res.text).not.toContain(member.aadObjectId);
      expect(
        await createInstallationRepository(app.database.db).roster(victim.teamId),
      ).toHaveLength(3);
    });

    it('answers 400 to "bot removed" whose conversation id is a query operator, and leaves every installation active', async () => {
      const victim = await app.install(people);
      const hostile: Json = teamMembersChanged(strangerTeam(), {
        membersRemoved: [{ id: BOT_ID }],
      });
      hostile.conversation.id = { $gt: '' };
      delete hostile.channelData.team;

      const res = await post(hostile);

      expectInvalid(res, /conversation id must be text/);
      const inactive = await app.database.db
        .collection(collections.conversations)
        .countDocuments({ active: false });
      expect(inactive).toBe(0);
      expect(await createInstallationRepository(app.database.db).find(victim.teamId)).toMatchObject(
        { active: true },
      );
    });

    it.each([
      ['a team id', (a: Json) => (a.channelData.team.id = { $ne: null })],
      ['a tenant id', (a: Json) => (a.channelData.tenant.id = { $ne: null })],
      ['the sender', (a: Json) => (a.from.aadObjectId = { $gt: '' })],
      ['a removed member', (a: Json) => (a.membersRemoved = [{ id: { $gt: '' } }])],
    ])('answers 400 when %s is an object', async (_what, corrupt) => {
      const team = strangerTeam();
      const hostile: Json = teamMembersChanged(team, { membersRemoved: [{ id: BOT_ID }] });
      corrupt(hostile);

      expectInvalid(await post(hostile), /must be text/);
      expect(postedTo(team.channelId)).toHaveLength(0);
    });

    it('answers 400 to card data with a "$" or dotted field name', async () => {
      const team = strangerTeam();
      for (const data of [{ roundId: 'r1', $set: { answers: 0 } }, { 'checkin.answers': 1 }]) {
        const res = await post(
          cardAction(team, { type: 'Action.Execute', verb: 'checkin.answer', data }),
        );
        expectInvalid(res, /must not start with "\$" or contain "\."/);
      }
    });
  });

  describe('malformed and partial activities', () => {
    it('answers 400 and sends nothing for an activity with nothing but a type', async () => {
      const before = app.connector.posted.length;

      const res = await post({ type: 'message' });

      expectInvalid(res, /activity id is missing/);
      expect(app.connector.posted.length).toBe(before);
    });

    it('answers 400 and sends nothing for an invoke without from', async () => {
      const team = strangerTeam();
      const activity: Json = teamInvoke(team, ana, 'composeExtension/fetchTask', {
        commandId: 'recognize',
      });
      delete activity.from;

      expectInvalid(await post(activity), /sender \("from"\) is missing/);
      expect(postedTo(team.channelId)).toHaveLength(0);
    });

    it('answers 400 and sends nothing for an invoke without value', async () => {
      const team = strangerTeam();
      const activity: Json = teamInvoke(team, ana, 'composeExtension/submitAction', {});
      delete activity.value;

      expectInvalid(await post(activity), /invoke value is missing/);
      expect(postedTo(team.channelId)).toHaveLength(0);
    });

    it.each([
      ['no verb', { type: 'Action.Execute', data: {} }, /verb is missing/],
      ['a null action', null, /card action must be an object/],
      ['a numeric verb', { type: 'Action.Execute', verb: 7 }, /verb must be text/],
    ])('answers 400 to a card action with %s', async (_what, action, message) => {
      const team = strangerTeam();

      expectInvalid(await post(cardAction(team, action)), message);
      expect(postedTo(team.channelId)).toHaveLength(0);
    });

    it('answers 400 to a service URL that is not an http(s) URL', async () => {
      const team = { ...strangerTeam(), serviceUrl: 'file:///etc/passwd' };

      expectInvalid(await post(channelMessage(team, ana, 'help')), /serviceUrl must be/);
    });

    it('answers 400 to a conversation id that is not ASCII, which no reply could carry', async () => {
      const team = { ...strangerTeam(), channelId: '19:команда@thread.tacv2' };

      expectInvalid(await post(channelMessage(team, ana, 'help')), /printable ASCII/);
    });

    it('answers 400 to an id longer than any Teams id', async () => {
      const team = { ...strangerTeam(), channelId: `19:${'x'.repeat(2000)}` };

      expectInvalid(
        await post(channelMessage(team, ana, 'help')),
        /conversation id must be at most 1024/,
      );
    });
  });

  describe('refusals the bot answers as invokes', () => {
    it('answers a submitted form whose fields have the wrong types with a 400 invoke error, storing nothing', async () => {
      const team = await app.install(people);

      const res = await post(
        teamInvoke(team, ana, 'composeExtension/submitAction', {
          commandId: 'recognize',
          data: { teammates: { id: bo.aadObjectId }, tag: 5, message: ['thanks'] },
        }),
      );

      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'UNREADABLE_FORM',
        message: 'The recognition form could not be read. Open it again and fill it in.',
      });
      const stored = await app.database.db
        .collection(collections.recognitions)
        .countDocuments({ teamId: team.teamId });
      expect(stored).toBe(0);
    });

    it('answers the same form pressed on a card with Teams’ card error', async () => {
      const team = await app.install(people);

      const res = await post(
        teamInvoke(team, ana, 'adaptiveCard/action', {
          action: { type: 'Action.Execute', verb: 'recognize', data: { tag: 5 } },
        }),
      );

      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'UNREADABLE_FORM' },
      });
    });

    it('answers an unknown card verb with Teams’ card error, without repeating the verb', async () => {
      const team = strangerTeam();
      const verb = `surveil-${'x'.repeat(100)}`;

      const res = await post(cardAction(team, { type: 'Action.Execute', verb, data: {} }));

      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'UNKNOWN_VERB', message: expect.any(String) },
      });
      expect(res.text).not.toContain(verb);
    });

    it('answers an invoke Rapport does not handle with 400, not 501', async () => {
      const team = strangerTeam();

      const res = await post(
        teamInvoke(team, ana, 'composeExtension/query', { commandId: 'recognize' }),
      );

      expect(res.status).toBe(400);
      expect(res.json).toEqual({ code: 'UNSUPPORTED_INVOKE', message: expect.any(String) });
    });

    it('reads an invoke or event named like an object property as any unknown name', async () => {
      const team = strangerTeam();
      const invoke = await post(teamInvoke(team, ana, 'toString', {}));
      const event = await post({ ...teamInvoke(team, ana, 'constructor', {}), type: 'event' });

      expect(invoke.status).toBe(400);
      expect(invoke.json).toEqual({ code: 'UNSUPPORTED_INVOKE', message: expect.any(String) });
      expect(event.status).toBe(200);
    });
  });

  describe('what reaches the conversation', () => {
    it('answers an @mention of the bot with no text with its help, not an apology', async () => {
      const team = strangerTeam();
      const activity: Json = channelMessage(team, ana, '');
      delete activity.text;

      const res = await post(activity);

      expect(res.status).toBe(200);
      const replies = postedTo(team.channelId).map((p) => String(p.body.text));
      expect(replies).toEqual([expect.stringContaining('Here is what I can do')]);
    });

    it('answers 200 without exception text when the connector cannot be reached', async () => {
      const team = { ...strangerTeam(), serviceUrl: 'http://127.0.0.1:9/' };

      const res = await post(channelMessage(team, ana, 'help'));

      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(INTERNALS);
    });
  });
});

describe('the bot endpoint with Bot Framework authentication', () => {
  const app = useTestApp('activityauth', {
    env: {
      BOT_ID: randomUUID(),
      BOT_PASSWORD: 'not-a-real-secret',
      HOST: '127.0.0.1',
    },
  });

  it('answers an unsigned activity with 401 and a JSON error, not the validator’s text', async () => {
    const team = {
      serviceUrl: 'http://127.0.0.1:9/',
      teamId: `19:${randomUUID()}@thread.tacv2`,
      teamName: 'Signed',
      channelId: `19:${randomUUID()}@thread.tacv2`,
    };
    const from = { id: '29:ana', aadObjectId: randomUUID(), name: 'Ana' };

    const res = await postJson(`${app.url}/api/messages`, channelMessage(team, from, 'help'));

    expect(res.status).toBe(401);
    expect(res.json).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    expect(res.text).not.toMatch(/Unauthorized Access|Request is not authorized/);
  });
});
