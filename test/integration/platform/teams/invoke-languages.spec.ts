import { randomUUID } from 'node:crypto';
import de from '../../../../locales/de.json';
import en from '../../../../locales/en.json';
import { postJson } from '../../../support/http';
import { newMembers } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import { teamInvoke } from '../../../fixtures/teams-activities';

describe('the bot refuses an invoke in the language of the person who sent it', () => {
  const app = useTestApp('invokelang');
  const [ana] = newMembers('Ana');

  const team = () => ({
    serviceUrl: app.connector.url,
    teamId: `19:${randomUUID()}@thread.tacv2`,
    teamName: 'Elsewhere',
    channelId: `19:${randomUUID()}@thread.tacv2`,
  });
  /** An invoke as a German Teams client sends it. */
  const inGerman = (name: string, value: Record<string, unknown>) => ({
    ...teamInvoke(team(), ana, name, value),
    locale: 'de-DE',
  });
  const post = (activity: unknown) => postJson(`${app.url}/api/messages`, activity);

  it.each([
    [
      'an invoke Rapport does not handle',
      'composeExtension/query',
      { commandId: 'recognize' },
      'UNSUPPORTED_INVOKE',
    ],
    [
      'a message extension command it does not have',
      'composeExtension/fetchTask',
      { commandId: 'surveil' },
      'UNKNOWN_COMMAND',
    ],
  ] as const)('answers %s in German', async (_case, name, value, code) => {
    const res = await post(inGerman(name, value));

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code, message: de[`errors.${code}`] });
    expect(de[`errors.${code}`]).not.toBe(en[`errors.${code}`]);
  });

  it('answers an unknown card verb with Teams’ card error in German', async () => {
    const res = await post(
      inGerman('adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'nope', data: {} },
      }),
    );

    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'UNKNOWN_VERB', message: de['errors.UNKNOWN_VERB'] },
    });
  });
});
