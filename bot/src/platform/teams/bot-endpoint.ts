import type { TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { sendError } from '../http/http-error';
import type { Logger } from '../../logger';
import type { RapportAdapter } from './adapter';
import { readActivity } from './incoming-activity';

export interface BotEndpointDeps {
  adapter: RapportAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
}

/** The status of a Bot Framework authentication failure (botframework-connector's AuthenticationError). */
const authFailureStatus = (err: unknown) => {
  const status = (err as { statusCode?: unknown } | null | undefined)?.statusCode;
  return status === 401 || status === 403 ? status : undefined;
};

/**
 * POST /api/messages. The activity is read before any handler sees it, so a malformed one gets a
 * 400 and reaches neither the database nor the conversation. Every answer is then the bot's invoke
 * response or one of our own error bodies, never an exception's text.
 */
export function botEndpoint(deps: BotEndpointDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const reading = readActivity(req.body);
    if (!reading.ok) {
      sendError(res, 400, 'INVALID_ACTIVITY', reading.message);
      return;
    }
    const { activity } = reading;
    const authorization = req.headers.authorization ?? '';
    try {
      const answer = await deps.adapter.runTurn(authorization, activity, (context) =>
        deps.bot.run(context),
      );
      res.status(answer?.status ?? 200);
      if (answer?.body === undefined) res.end();
      else res.json(answer.body);
    } catch (err) {
      const authStatus = authFailureStatus(err);
      if (authStatus) {
        sendError(
          res,
          authStatus,
          'UNAUTHORIZED',
          'The request is not signed for this bot: send it through the Bot Framework channel.',
        );
        return;
      }
      // Outside the turn (onTurnError handles failures inside it): the connector client could not
      // be made, or onTurnError itself failed.
      deps.logger.error('activity failed outside its turn', {
        err,
        activityId: activity.id,
        activityType: activity.type,
      });
      sendError(res, 500, 'INTERNAL', 'Rapport could not process this activity. Please try again.');
    }
  };
}
