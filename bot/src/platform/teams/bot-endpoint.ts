import type { TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { sendError } from '../http/http-error';
import type { Logger } from '../../logger';
import { spanOf } from '../http/request-telemetry';
import type { ActivityOutcome, Metrics } from '../observability/metrics';
import { hashedTeamId } from '../observability/telemetry';
import type { RapportAdapter } from './adapter';
import { readActivity } from './incoming-activity';
import { activityTranslator } from './turn-locale';

export interface BotEndpointDeps {
  adapter: RapportAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
  metrics: Metrics;
}

/** How an answered activity ended, as its invoke status says (other activities answer 200). */
const outcomeOf = (status: number, turnFailed: boolean): ActivityOutcome =>
  turnFailed || status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'ok';

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
    const started = Date.now();
    const reading = readActivity(req.body);
    const record = (outcome: ActivityOutcome) => {
      const counted = deps.metrics.botActivity({
        ...kindOf(req.body),
        outcome,
        seconds: (Date.now() - started) / 1000,
      });
      const team = reading.ok ? teamOf(reading.activity) : undefined;
      spanOf(req)?.setAttributes({
        'rapport.activity.type': counted.type,
        'rapport.activity.name': counted.name,
        'rapport.activity.outcome': counted.outcome,
        ...(team ? { 'rapport.team.hash': hashedTeamId(team) } : {}),
      });
    };
    if (!reading.ok) {
      sendError(res, 400, 'INVALID_ACTIVITY', reading.message);
      record('invalid');
      return;
    }
    const { activity } = reading;
    const authorization = req.headers.authorization ?? '';
    // A turn's error reaches onTurnError, which answers for it; this only notes that it failed.
    let turnFailed = false;
    try {
      const answer = await deps.adapter.runTurn(authorization, activity, (context) =>
        deps.bot.run(context).catch((err: unknown) => {
          turnFailed = true;
          throw err;
        }),
      );
      res.status(answer?.status ?? 200);
      if (answer?.body === undefined) res.end();
      else res.json(answer.body);
      record(outcomeOf(answer?.status ?? 200, turnFailed));
    } catch (err) {
      const authStatus = authFailureStatus(err);
      if (authStatus) {
        sendError(
          res,
          authStatus,
          'UNAUTHORIZED',
          'The request is not signed for this bot: send it through the Bot Framework channel.',
        );
        record('unauthorized');
        return;
      }
      // Outside the turn (onTurnError handles failures inside it): the connector client could not
      // be made, or onTurnError itself failed.
      deps.logger.error('activity failed outside its turn', {
        err,
        activityId: activity.id,
        activityType: activity.type,
      });
      sendError(res, 500, 'INTERNAL', activityTranslator(activity)('errors.INTERNAL'));
      record('failed');
    }
  };
}

/** The type and (for invokes and events) the name an activity claims, for counting only. */
function kindOf(body: unknown): { type: string; name: string } {
  const { type, name } = (typeof body === 'object' && body !== null ? body : {}) as {
    type?: unknown;
    name?: unknown;
  };
  const kind = typeof type === 'string' ? type : '';
  return {
    type: kind,
    name: (kind === 'invoke' || kind === 'event') && typeof name === 'string' ? name : '',
  };
}

/** The team (or group chat) an activity comes from; none for a personal chat, which is a person. */
function teamOf(activity: {
  channelData?: { team?: { id?: string } };
  conversation?: { id?: string; conversationType?: string };
}): string | undefined {
  return (
    activity.channelData?.team?.id ??
    (activity.conversation?.conversationType === 'groupChat' ? activity.conversation.id : undefined)
  );
}
