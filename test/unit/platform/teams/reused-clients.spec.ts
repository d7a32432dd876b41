import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../../../bot/src/platform/teams/reused-clients';

describe('Bot Framework clients made once, not per activity', () => {
  const activity = (serviceUrl: string) =>
    ({ type: 'invoke', channelId: 'msteams', serviceUrl }) as Activity;
  const clientFor = async (auth: ReusedClientsAuthentication, serviceUrl: string) => {
    const turn = await auth.authenticateRequest(activity(serviceUrl), '');
    return turn.connectorFactory!.create(serviceUrl, turn.audience);
  };

  it('gives every turn at one service URL the same connector client, and another URL its own', async () => {
    const auth = new ReusedClientsAuthentication({});
    const amer = 'https://smba.trafficmanager.net/amer/';
    const emea = 'https://smba.trafficmanager.net/emea/';

    const [first, second, other] = await Promise.all([
      clientFor(auth, amer),
      clientFor(auth, amer),
      clientFor(auth, emea),
    ]);

    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('gives proactive sends the clients of turns, and one user token client per bot', async () => {
    const auth = new ReusedClientsAuthentication({});
    const url = 'https://smba.trafficmanager.net/amer/';
    const turn = await auth.authenticateRequest(activity(url), '');

    const proactive = auth.createConnectorFactory(turn.claimsIdentity);

    expect(await proactive.create(url, turn.audience)).toBe(await clientFor(auth, url));
    expect(await auth.createUserTokenClient(turn.claimsIdentity)).toBe(
      await auth.createUserTokenClient(turn.claimsIdentity),
    );
  });
});
