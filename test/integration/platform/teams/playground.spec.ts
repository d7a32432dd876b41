import { getJson, postJson } from '../../../support/http';
import { startPlayground, type RunningPlayground } from '../../../support/playground';
import { startTestApp } from '../../../support/test-app';

interface PlaygroundConfig {
  config: {
    bot: { id: string };
    currentUser: { id: string };
    personalChat: { id: string };
    teams: { id: string; channels: { id: string }[] }[];
  };
  internalConfig: { channelId: string };
}

/**
 * A round trip through Microsoft 365 Agents Playground, a Teams-like client run offline as a child
 * process: it sends our app the activities Teams would, hosts the connector our replies go to, and
 * pushes those replies to its client over a websocket, which this test reads.
 */
describe('Rapport in Microsoft 365 Agents Playground', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let playground: RunningPlayground;
  let config: PlaygroundConfig['config'];

  beforeAll(async () => {
    app = await startTestApp('playground');
    playground = await startPlayground(`${app.url}/api/messages`);
    // The web client starts by reading the mocked tenant: users, personal chat, teams.
    const res = await getJson(`${playground.url}/_internal/v1/config`);
    expect(res.status).toBe(200);
    const body = res.json as PlaygroundConfig;
    expect(body.internalConfig.channelId).toBe('msteams');
    config = body.config;
  });
  afterAll(async () => {
    await playground?.stop();
    await app?.stop();
  });

  it('answers "help" in the personal chat with what it can do', async () => {
    const chatId = config.personalChat.id;
    const sent = await postJson(
      `${playground.url}/_conversation/v1/conversations/${encodeURIComponent(chatId)}/messages`,
      { from: { id: config.currentUser.id }, text: 'help', textFormat: 'plain' },
    );
    expect(sent.status).toBe(200);

    const reply = await playground.waitForAction(
      (a) =>
        a.action === 'createMessage' &&
        a.actionConversationId === chatId &&
        a.message?.from.id === config.bot.id,
    );
    expect(reply.message?.text).toContain('Here is what I can do');
  });

  it('opens the recognition task module from the compose box in a team channel', async () => {
    const team = config.teams[0];
    const res = await postJson(`${playground.url}/_conversation/v1/invoke`, {
      name: 'composeExtension/fetchTask',
      value: { commandId: 'recognize', commandContext: 'compose' },
      from: { id: config.currentUser.id },
      conversation: { id: team.channels[0].id },
    });
    expect(res.status).toBe(200);
    // The playground hands back the body of our invoke response, as Teams gives it to its client.
    const body = res.json as {
      task: { type: string; value: { card: { content: { type: string } } } };
    };
    expect(body.task.type).toBe('continue');
    expect(body.task.value.card.content.type).toBe('AdaptiveCard');
  });
});
