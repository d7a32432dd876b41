/**
 * The write benchmark's baseline: the least a Teams bot can be on this stack. A bare botbuilder
 * CloudAdapter (anonymous, as the app runs without BOT_ID) on restify, answering the message
 * extension's `composeExtension/submitAction` with a fixed result card and doing nothing else: no
 * database, no validation, no reply posted. Whatever the app does beyond this on a storing submit
 * is the cost measured against it (issue 13).
 *
 * Forked by bench/recognition-submit.ts (talking over IPC), so it shares neither the load
 * generator's event loop nor the app's; it sends {type:'ready', url} once it listens.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { ReusedClientsAuthentication } from '../bot/src/platform/teams/reused-clients';

/** The same shape and about the size of the app's answer: a composeExtension result card. */
export const BARE_ANSWER = {
  composeExtension: {
    type: 'result',
    attachmentLayout: 'list',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [
            { type: 'TextBlock', text: 'Ana recognized Bo', weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: 'Dependability', isSubtle: true, wrap: true },
            {
              type: 'TextBlock',
              text: 'Thanks for keeping the release notes current, every single week.',
              wrap: true,
            },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open the wall', url: 'https://example.com' }],
        },
      },
    ],
  },
};

function main(): void {
  // BENCH_BARE_REUSED_CLIENTS=1: botbuilder's per-turn clients made once, as the app makes them,
  // for a like-for-like figure (the baseline is botbuilder as it comes).
  const auth =
    process.env.BENCH_BARE_REUSED_CLIENTS === '1'
      ? new ReusedClientsAuthentication({})
      : new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (
        context.activity.type === 'invoke' &&
        context.activity.name === 'composeExtension/submitAction'
      ) {
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 200, body: BARE_ANSWER },
        });
      }
    });
  });
  // The parent going away (even killed) closes the IPC channel: leave with it.
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
  });
}

if (require.main === module) main();
