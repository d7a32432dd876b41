import {
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import type { BotAuth } from '../../config';
import type { Logger } from '../../logger';
import { ReusedClientsAuthentication } from './reused-clients';
import { turnTranslator } from './turn-locale';

/**
 * CloudAdapter with its turn runner public: `process` answers a failed turn with the exception's
 * own message, so the bot endpoint runs the turn itself and writes every answer.
 */
export class RapportAdapter extends CloudAdapter {
  runTurn(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Bot Framework adapter. With no BOT_ID it runs anonymous, which is what Agents Playground
 * and the Emulator expect; with one, every inbound activity's token is validated.
 */
export function createAdapter(auth: BotAuth, logger: Logger): RapportAdapter {
  const settings =
    auth.mode === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: auth.appId,
          MicrosoftAppPassword: auth.password,
          MicrosoftAppType: auth.type,
          MicrosoftAppTenantId: auth.tenantId,
        };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new RapportAdapter(new ReusedClientsAuthentication(settings, credentials));

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error('turn failed', {
      err: error,
      activityId: context.activity.id,
      activityType: context.activity.type,
      name: context.activity.name,
    });
    if (context.activity.type === 'invoke') {
      // An invoke must get an answer, or Teams shows its own timeout error.
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 500,
          body: { code: 'INTERNAL', message: turnTranslator(context)('errors.INTERNAL') },
        },
      });
      return;
    }
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(turnTranslator(context)('errors.generic'));
      } catch (sendError) {
        // Often the same cause (the connector is unreachable): logged, and the turn ends here.
        logger.warn('could not send the apology for a failed turn', {
          err: sendError,
          activityId: context.activity.id,
        });
      }
    }
  };
  return adapter;
}
