import { randomUUID } from 'node:crypto';
import { collections } from '../../../support/schema';
import { expectValidCard } from '../../../support/adaptive-card-check';
import type { Json } from '../../../support/http';
import { newMembers } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import {
  channelMessage,
  groupChatInstallationUpdate,
  groupChatInvoke,
  teamInstallationUpdate,
  teamInvoke,
  teamCardAction,
  type TeamContext,
} from '../../../fixtures/teams-activities';

describe('recognizing only people in the team or chat (over /api/messages)', () => {
  const app = useTestApp('recipients');
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  // Zed is in another team Rapport knows, so his name is known; Yan is known nowhere.
  const [zed, yan] = newMembers('Zed', 'Yan');

  beforeAll(async () => {
    const elsewhere = app.newTeam();
    app.connector.setRoster(elsewhere.teamId, [zed, ana]);
    await app.send(teamInstallationUpdate(elsewhere, 'add', zed));
  });

  const installedTeam = () => app.install([ana, bo, chen]);
  const stored = (teamId: string) =>
    app.database.db.collection(collections.recognitions).countDocuments({ teamId });
  const submit = (team: TeamContext, data: Record<string, unknown>) =>
    app.send(
      teamInvoke(team, ana, 'composeExtension/submitAction', { commandId: 'recognize', data }),
    );
  const formError = (body: Json) => {
    const card = body.task.value.card.content;
    expectValidCard(card);
    return { error: card.body[0], people: card.body.find((e: Json) => e.id === 'people') };
  };

  it('refuses someone from another team in the message extension, naming them and keeping the others', async () => {
    const team = await installedTeam();

    const body = await submit(team, {
      people: `${bo.aadObjectId},${zed.aadObjectId}`,
      tag: 'impact',
      message: 'Shipped it',
    });

    const { error, people } = formError(body);
    expect(error).toMatchObject({
      color: 'Attention',
      text: 'Zed isn’t in this team, so they can’t be recognized here. Choose people from this team.',
    });
    expect(people.value).toBe(bo.aadObjectId);
    expect(await stored(team.teamId)).toBe(0);
  });

  it('refuses someone Rapport has never seen, saying so without a name', async () => {
    const team = await installedTeam();

    const body = await submit(team, {
      people: `${yan.aadObjectId},${zed.aadObjectId}`,
      tag: 'impact',
      message: 'Shipped it',
    });

    expect(formError(body).error.text).toBe(
      'Zed isn’t in this team, nor is one other person you chose, so they can’t be recognized ' +
        'here. Choose people from this team.',
    );
  });

  it('accepts a member who joined after the roster was stored, as Teams knows them', async () => {
    const team = await installedTeam();
    app.connector.setRoster(team.teamId, [ana, bo, chen, dee]);

    const body = await submit(team, { people: dee.aadObjectId, tag: 'impact', message: 'Welcome' });

    expect(body.composeExtension?.type).toBe('botMessagePreview');
    const preview = body.composeExtension.activityPreview.attachments[0].content;
    expect(preview.rapportDraft.recipients).toEqual([
      { aadObjectId: dee.aadObjectId, name: 'Dee', teamsUserId: dee.id },
    ]);
  });

  it('refuses an outsider written into a preview by hand, and posts nothing', async () => {
    const team = await installedTeam();
    const preview = await submit(team, { people: bo.aadObjectId, tag: 'impact', message: 'Hi' });
    const activity = preview.composeExtension.activityPreview;
    activity.attachments[0].content.rapportDraft.recipients.push({
      aadObjectId: yan.aadObjectId,
      name: 'Yan',
    });
    const before = app.connector.posted.length;

    const body = await app.send(
      teamInvoke(team, ana, 'composeExtension/submitAction', {
        commandId: 'recognize',
        botMessagePreviewAction: 'send',
        botActivityPreview: [activity],
      }),
    );

    expect(formError(body).error.text).toMatch(/^Yan isn’t in this team/);
    expect(app.connector.posted.slice(before)).toEqual([]);
    expect(await stored(team.teamId)).toBe(0);
  });

  it('refuses someone @mentioned from outside the team in the chat command, naming them', async () => {
    const team = await installedTeam();
    const message = channelMessage(
      team,
      ana,
      'recognize <at>Bo</at> and <at>Zed</at> for impact shipped it',
    );
    message.entities.push(
      { type: 'mention', text: '<at>Bo</at>', mentioned: { id: bo.id, name: 'Bo' } },
      { type: 'mention', text: '<at>Zed</at>', mentioned: { id: zed.id, name: 'Zed' } },
    );
    const before = app.connector.posted.length;

    await app.send(message);

    const [draft] = app.connector.posted
      .slice(before)
      .map((p) => (p.body.attachments as Json[])[0].content);
    const opened = await app.send(
      teamCardAction(team, ana, 'recognize.draft', draft.refresh.action.data),
    );
    const form = opened.value;
    expectValidCard(form);
    expect(form.body[0].text).toBe(
      'Zed isn’t in this team, so they can’t be recognized here. Choose people from this team.',
    );
    expect(form.body.find((e: Json) => e.id === 'people').value).toBe(bo.aadObjectId);
    expect(await stored(team.teamId)).toBe(0);
  });

  it('counts the members of a group chat as its team', async () => {
    const chat = { serviceUrl: app.connector.url, chatId: `19:${randomUUID()}@thread.v2` };
    app.connector.setRoster(chat.chatId, [ana, bo]);
    await app.send(groupChatInstallationUpdate(chat, ana));

    const outside = await app.send(
      groupChatInvoke(chat, ana, 'composeExtension/submitAction', {
        commandId: 'recognize',
        data: { people: chen.aadObjectId, tag: 'impact', message: 'Thanks' },
      }),
    );
    const inside = await app.send(
      groupChatInvoke(chat, ana, 'composeExtension/submitAction', {
        commandId: 'recognize',
        data: { people: bo.aadObjectId, tag: 'impact', message: 'Thanks' },
      }),
    );

    expect(formError(outside).error.text).toBe(
      'Chen isn’t in this chat, so they can’t be recognized here. Choose people from this chat.',
    );
    expect(inside.composeExtension?.type).toBe('botMessagePreview');
  });
});
