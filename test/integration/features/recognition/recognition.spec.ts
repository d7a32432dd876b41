import { randomUUID } from 'node:crypto';
import { collections } from '../../../support/schema';
import { createTrustWeekCounter } from '../../../../bot/src/features/trust-health/trust-week-repository';
import { isoWeekKey } from '../../../../bot/src/platform/domain/week';
import { postJson, type Json } from '../../../support/http';
import { newMembers } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import {
  BOT_ID,
  TENANT_ID,
  channelMessage,
  teamInvoke,
  teamCardAction,
} from '../../../fixtures/teams-activities';

describe('recognition in Teams (over /api/messages)', () => {
  const app = useTestApp('recognition');
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo, chen] = people;

  const installedTeam = () => app.install(people);
  const postedTo = (team: { channelId: string }) =>
    app.connector.posted.filter(
      (p) =>
        p.conversationId === team.channelId && (p.body.attachments as Json[] | undefined)?.length,
    );
  const stored = (teamId: string) =>
    app.database.db.collection(collections.recognitions).find({ teamId }).toArray();
  const week = () => createTrustWeekCounter(app.database.db);

  it('opens the form from the compose box with a people picker and the team roster', async () => {
    const team = await installedTeam();

    const body = await app.send(
      teamInvoke(team, ana, 'composeExtension/fetchTask', {
        commandId: 'recognize',
        commandContext: 'compose',
      }),
    );

    const card = body.task.value.card.content;
    expect(body.task.type).toBe('continue');
    expect(card.version).toBe('1.5');
    const inputs = card.body.filter((e: Json) => e.type.startsWith('Input.'));
    expect(inputs.find((i: Json) => i.id === 'people')['choices.data']).toEqual({
      type: 'Data.Query',
      dataset: 'graph.microsoft.com/users',
    });
    expect(
      inputs.find((i: Json) => i.id === 'teammates').choices.map((c: Json) => c.title),
    ).toEqual(['Ana', 'Bo', 'Chen']);
    expect(inputs.find((i: Json) => i.id === 'tag').choices).toHaveLength(5);
  });

  it('pre-fills the author when opened from a message', async () => {
    const team = await installedTeam();

    const body = await app.send(
      teamInvoke(team, ana, 'composeExtension/fetchTask', {
        commandId: 'recognize',
        commandContext: 'message',
        messagePayload: {
          id: 'm1',
          from: { user: { id: bo.aadObjectId, displayName: 'Bo' } },
          body: { content: 'shipped it' },
        },
      }),
    );

    const card = body.task.value.card.content;
    expect(card.body.find((e: Json) => e.id === 'author').value).toBe(bo.aadObjectId);
    expect(JSON.stringify(card.body)).toContain('Recognize **Bo**');
  });

  it.each([
    [{ people: '', tag: 'dependability', message: 'x' }, 'Choose at least one colleague'],
    [{ teammates: 'SELF', tag: 'dependability', message: 'x' }, 'can’t recognize yourself'],
    [{ teammates: 'BO', tag: 'dependability', message: '   ' }, 'message is empty'],
    [
      { teammates: 'BO', tag: 'dependability', message: 'x'.repeat(1001) },
      'Keep the message to 1000 characters',
    ],
    [{ teammates: 'BO', tag: 'charisma', message: 'great' }, 'Choose one of the traits'],
  ])(
    'answers bad input %# with the form and an inline error, storing nothing',
    async (data, error) => {
      const team = await installedTeam();
      const filled = JSON.parse(
        JSON.stringify(data).replace('SELF', ana.aadObjectId).replace('BO', bo.aadObjectId),
      );

      const body = await app.send(
        teamInvoke(team, ana, 'composeExtension/submitAction', {
          commandId: 'recognize',
          data: filled,
        }),
      );

      expect(body.task.type).toBe('continue');
      expect(body.task.value.card.content.body[0]).toMatchObject({
        color: 'Attention',
        text: expect.stringContaining(error),
      });
      expect(await stored(team.teamId)).toHaveLength(0);
    },
  );

  it('previews where the bot is installed, then posts once with @mentions on send, even when Teams delivers twice', async () => {
    const team = await installedTeam();
    const data = {
      teammates: `${bo.aadObjectId},${chen.aadObjectId}`,
      tag: 'dependability',
      message: 'Covered my on-call [click](https://evil) <at>Boss</at>',
    };

    const preview = await app.send(
      teamInvoke(team, ana, 'composeExtension/submitAction', { commandId: 'recognize', data }),
    );

    expect(preview.composeExtension.type).toBe('botMessagePreview');
    expect(await stored(team.teamId)).toHaveLength(0);
    const previewActivity = preview.composeExtension.activityPreview;
    const sendId = randomUUID();
    const send = teamInvoke(
      team,
      ana,
      'composeExtension/submitAction',
      {
        commandId: 'recognize',
        botMessagePreviewAction: 'send',
        botActivityPreview: [previewActivity],
      },
      sendId,
    );

    await app.send(send);
    await app.send(send);

    const posts = postedTo(team);
    expect(posts).toHaveLength(1);
    const card = (posts[0].body.attachments as Json[])[0].content;
    expect(card.msteams.entities.map((e: Json) => e.mentioned.id)).toEqual([bo.id, chen.id]);
    const text = JSON.stringify(card.body);
    expect(text).toContain('<at>Bo</at>');
    expect(text).not.toContain('[click](');
    expect(text).not.toContain('<at>Boss</at>');
    expect(card.actions[0].url).toContain('/l/entity/');

    const docs = await stored(team.teamId);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      tagKey: 'dependability',
      recipientIds: [bo.aadObjectId, chen.aadObjectId],
      sender: { aadObjectId: ana.aadObjectId },
    });
    const bucket = await week().find(team.teamId, isoWeekKey(new Date()));
    expect(bucket?.recognitions).toEqual({ dependability: 1 });
  });

  it('returns the form pre-filled when the sender edits the preview', async () => {
    const team = await installedTeam();
    const data = { teammates: bo.aadObjectId, tag: 'impact', message: 'Moved the needle' };
    const preview = await app.send(
      teamInvoke(team, ana, 'composeExtension/submitAction', { commandId: 'recognize', data }),
    );

    const edit = await app.send(
      teamInvoke(team, ana, 'composeExtension/submitAction', {
        commandId: 'recognize',
        botMessagePreviewAction: 'edit',
        botActivityPreview: [preview.composeExtension.activityPreview],
      }),
    );

    const inputs = edit.task.value.card.content.body;
    expect(inputs.find((i: Json) => i.id === 'tag').value).toBe('impact');
    expect(inputs.find((i: Json) => i.id === 'message').value).toBe('Moved the needle');
  });

  it('inserts the card into the compose box where the bot is not installed, and stores it once', async () => {
    const team = app.newTeam();
    const submit = teamInvoke(team, ana, 'composeExtension/submitAction', {
      commandId: 'recognize',
      data: { people: bo.aadObjectId, tag: 'meaning', message: 'Reminded us why it matters' },
    });

    const first = await app.send(submit);
    const again = await app.send(submit);

    expect(first.composeExtension.type).toBe('result');
    expect(first.composeExtension.attachments[0].content.type).toBe('AdaptiveCard');
    expect(again).toEqual(first);
    expect(await stored(team.teamId)).toHaveLength(1);
    expect(postedTo(team)).toHaveLength(0);
    expect((await week().find(team.teamId, isoWeekKey(new Date())))?.recognitions).toEqual({
      meaning: 1,
    });
  });

  it('stores and counts a recognition once when Teams delivers the same submit several times at once', async () => {
    const team = app.newTeam();
    const submits = Array.from({ length: 20 }, (_, n) =>
      teamInvoke(team, ana, 'composeExtension/submitAction', {
        commandId: 'recognize',
        data: { people: bo.aadObjectId, tag: 'impact', message: `Thanks for release ${n}` },
      }),
    );

    // Each activity's copies arrive a few milliseconds apart, so that some meet the first one in
    // each of its steps (storing, counting, tidying).
    const copies = (submit: unknown) =>
      Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          new Promise((resolve) => setTimeout(resolve, n * 4)).then(() => app.send(submit)),
        ),
      );
    const answers = await Promise.all(submits.map(copies));

    for (const [first, ...again] of answers) {
      expect(first.composeExtension.type).toBe('result');
      expect(again).toEqual(again.map(() => first));
    }
    expect(await stored(team.teamId)).toHaveLength(submits.length);
    expect((await week().find(team.teamId, isoWeekKey(new Date())))?.recognitions).toEqual({
      impact: submits.length,
    });
  });

  it('names a colleague picked where the bot is not installed from a roster of their team', async () => {
    await installedTeam();
    const chat = app.newTeam();
    await app.send(
      teamInvoke(chat, ana, 'composeExtension/submitAction', {
        commandId: 'recognize',
        data: { people: bo.aadObjectId, tag: 'impact', message: 'Unblocked the release' },
      }),
    );

    const [doc] = await stored(chat.teamId);
    expect(doc.recipients).toEqual([
      { aadObjectId: bo.aadObjectId, name: 'Bo', teamsUserId: bo.id },
    ]);
  });

  it('recognizes from a chat command, forgiving about the trait name', async () => {
    const team = await installedTeam();
    const message = channelMessage(
      team,
      ana,
      `recognize <at>Bo</at> for STRUCT clear plan for the migration`,
    );
    message.entities.push({
      type: 'mention',
      text: '<at>Bo</at>',
      mentioned: { id: bo.id, name: 'Bo' },
    });

    await app.send(message);
    await app.send(message);

    const posts = postedTo(team);
    expect(posts).toHaveLength(1);
    const docs = await stored(team.teamId);
    expect(docs).toEqual([
      expect.objectContaining({
        tagKey: 'structure-clarity',
        message: 'clear plan for the migration',
      }),
    ]);
  });

  it('keeps everything typed after the trait as the message, emoji included', async () => {
    const team = await installedTeam();
    const message = channelMessage(team, ana, `recognize <at>Bo</at> for meaning 🎉🚀 Ünïcödé …`);
    message.entities.push({
      type: 'mention',
      text: '<at>Bo</at>',
      mentioned: { id: bo.id, name: 'Bo' },
    });

    await app.send(message);

    expect(await stored(team.teamId)).toEqual([
      expect.objectContaining({ tagKey: 'meaning', message: '🎉🚀 Ünïcödé …' }),
    ]);
  });

  it('answers a bare "recognize" with its sender’s draft, whose form shows no error', async () => {
    const team = await installedTeam();
    await app.send(channelMessage(team, ana, 'recognize'));

    const draft = (postedTo(team)[0].body.attachments as Json[])[0].content;
    const opened = await app.send(
      teamCardAction(team, ana, 'recognize.draft', draft.refresh.action.data),
    );

    expect(opened).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
    const form = opened.value;
    expect(form.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'recognize' });
    expect(form.body[0].color).toBeUndefined();
    expect(await stored(team.teamId)).toHaveLength(0);
  });

  describe('in a personal chat with the bot', () => {
    const personalMessage = (text: string) => ({
      type: 'message',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: app.connector.url,
      text,
      from: ana,
      recipient: { id: BOT_ID, name: 'Rapport' },
      conversation: { id: `a:${ana.id}`, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    });
    const repliesTo = (conversationId: string) =>
      app.connector.posted.filter((p) => p.conversationId === conversationId);

    it.each(['thanks!', 'recognize <at>Bo</at> for impact shipped it'])(
      'answers "%s" kindly with where and how to recognize someone, and stores nothing',
      async (text) => {
        const before = repliesTo(`a:${ana.id}`).length;

        await app.send(personalMessage(text));

        const replies = repliesTo(`a:${ana.id}`).slice(before);
        expect(replies).toHaveLength(1);
        expect(replies[0].body.attachments ?? []).toEqual([]);
        const reply = String(replies[0].body.text);
        expect(reply).toMatch(/channel or group chat/);
        expect(reply).toContain('@Rapport recognize @name for');
        expect(reply).not.toMatch(/Choose at least one colleague/);
        expect(
          await app.database.db
            .collection(collections.recognitions)
            .countDocuments({ 'sender.aadObjectId': ana.aadObjectId, teamId: `a:${ana.id}` }),
        ).toBe(0);
      },
    );
  });

  it('answers "@Rapport thanks!" in a channel with how to recognize someone, not with a form', async () => {
    const team = await installedTeam();
    const before = app.connector.posted.length;

    await app.send(channelMessage(team, ana, 'thanks!'));

    const replies = app.connector.posted
      .slice(before)
      .filter((p) => p.conversationId === team.channelId);
    expect(replies).toHaveLength(1);
    expect(replies[0].body.attachments ?? []).toEqual([]);
    expect(String(replies[0].body.text)).toContain('@Rapport recognize @name for');
  });

  it.each(['composeExtension/fetchTask', 'composeExtension/submitAction'])(
    'refuses an unknown command id on %s with a 400 invoke error that names no internals',
    async (name) => {
      const team = await installedTeam();
      const res = await postJson(
        `${app.url}/api/messages`,
        teamInvoke(team, ana, name, { commandId: 'surveil', data: {} }),
      );

      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'UNKNOWN_COMMAND',
        message: expect.stringMatching(/^Rapport does not have this command/),
      });
      expect(postedTo(team)).toHaveLength(0);
    },
  );

  it('never mentions the bot itself as a recipient', async () => {
    const team = await installedTeam();
    const message = channelMessage(team, ana, 'recognize for impact nothing');

    await app.send(message);

    const card = (postedTo(team)[0].body.attachments as Json[])[0].content;
    expect(JSON.stringify(card)).not.toContain(BOT_ID);
  });
});
