import type {
  Activity,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
import {
  BLOCKED_CODES,
  SendError,
  type OutboxTarget,
  type ProactiveSender,
} from '../jobs/proactive-port';
import type { Logger } from '../../logger';

/**
 * The outbox's sender on botbuilder's CloudAdapter: one proactive turn per Bot Connector call,
 * through `continueConversationAsync`, which gives a connector client carrying the bot's
 * credentials (none in anonymous mode: an empty app id makes the SDK send no token, as the
 * local clients expect). Three things in the SDK shape this file (botbuilder 4.23):
 *
 * 1. An error thrown inside a proactive turn's logic never reaches the caller: the adapter hands
 *    it to `onTurnError` (which logs it) and `continueConversationAsync` resolves as if all went
 *    well. So the logic catches its own error and it is rethrown after the turn.
 * 2. The connector client's HTTP pipeline retries by itself — a 429 or 503 after its Retry-After,
 *    5xx up to 3 times with its own backoff — hidden from the caller. That would defeat the
 *    outbox's limiter, its pause on 429 and its bounded tries, so each client's
 *    `defaultRetryPolicy` is removed; every call here is exactly one HTTP request.
 * 3. `createConversationAsync` creates the conversation before running any logic, with a client
 *    we cannot reach to remove those retries. So the create goes through the turn's client too
 *    (`conversations.createConversation`, the call `createConversationAsync` makes), with the
 *    parameters Teams expects for a 1:1 chat.
 *
 * Failures become a `SendError` with Teams' status, error code and Retry-After.
 */

export interface ProactiveSenderOptions {
  adapter: CloudAdapter;
  /** The bot's Microsoft App id; undefined in anonymous (local) mode. */
  botAppId?: string;
  logger: Logger;
  /** Per-call HTTP timeout; an unanswered call is then retried by the outbox. Default 20 s. */
  timeoutMs?: number;
}

interface ConnectorConversations {
  createConversation(
    parameters: ConversationParameters,
    options?: { timeout?: number },
  ): Promise<{ id?: string }>;
  sendToConversation(
    conversationId: string,
    activity: Partial<Activity>,
    options?: { timeout?: number },
  ): Promise<{ id?: string }>;
}

interface ConnectorClientLike {
  conversations: ConnectorConversations;
  /** The underlying @azure/core-client ServiceClient (not part of botbuilder's typings). */
  client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } };
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: {
    status?: number;
    headers?: { get?(name: string): string | undefined } | Record<string, string | undefined>;
  };
}

function header(err: RestErrorLike, name: string): string | undefined {
  const headers = err.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const record = headers as Record<string, string | undefined>;
  return record[name] ?? record[name.toLowerCase()];
}

/** Retry-After as seconds or an HTTP date; the millisecond variants Azure services use too. */
export function retryAfterMs(err: RestErrorLike, nowMs: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(header(err, name));
    if (header(err, name) !== undefined && Number.isFinite(value) && value >= 0) return value;
  }
  const raw = header(err, 'retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}

/** A connector failure as the outbox understands it. */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as RestErrorLike;
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  const message = e.message ?? String(err);
  const code = typeof e.code === 'string' ? e.code : undefined;
  return new SendError(status, message, {
    code,
    retryAfterMs: status === undefined ? undefined : retryAfterMs(e),
    blocked: status === 403 && code !== undefined && BLOCKED_CODES.has(code),
  });
}

export function createProactiveSender(options: ProactiveSenderOptions): ProactiveSender {
  const { adapter, logger } = options;
  const botAppId = options.botAppId ?? '';
  const timeout = options.timeoutMs ?? 20_000;
  let warnedAboutRetries = false;

  /** Runs `call` with the connector client of a proactive turn for `serviceUrl`. */
  const withConnector = async <T>(
    target: OutboxTarget,
    conversationId: string,
    call: (connector: ConnectorClientLike) => Promise<T>,
  ): Promise<T> => {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: {
        id: conversationId,
        conversationType: 'personal',
        isGroup: false,
        tenantId: target.tenantId,
        name: '',
      },
      user: { id: target.userId, name: '', aadObjectId: target.aadObjectId },
    };
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(botAppId, reference, async (context: TurnContext) => {
      try {
        const connector = context.turnState.get<ConnectorClientLike>(adapter.ConnectorClientKey);
        if (!connector?.conversations) throw new Error('the turn has no connector client');
        const pipeline = connector.client?.pipeline;
        if (pipeline) pipeline.removePolicy({ name: 'defaultRetryPolicy' });
        else if (!warnedAboutRetries) {
          warnedAboutRetries = true;
          logger.warn('proactive sender: could not turn off the connector client’s own retries');
        }
        outcome = { ok: true, value: await call(connector) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new SendError(undefined, 'the proactive turn did not run');
    if (!outcome.ok) throw toSendError(outcome.error);
    return outcome.value;
  };

  return {
    async createConversation(target) {
      const parameters: ConversationParameters = {
        isGroup: false,
        // Teams names the bot by its app id with the "28:" prefix; without one (local clients)
        // the connector takes the bot from the token.
        bot: { id: botAppId ? `28:${botAppId}` : '', name: '' },
        members: [{ id: target.userId, name: '' }],
        tenantId: target.tenantId,
        channelData: { tenant: { id: target.tenantId } },
      };
      return withConnector(target, '', async (connector) => {
        const created = await connector.conversations.createConversation(parameters, { timeout });
        if (!created.id) throw new SendError(undefined, 'Teams created no conversation id');
        return created.id;
      });
    },

    async sendToConversation(target, activity) {
      return withConnector(target, target.conversationId, async (connector) => {
        const sent = await connector.conversations.sendToConversation(
          target.conversationId,
          activity as Partial<Activity>,
          { timeout },
        );
        return sent.id;
      });
    },
  };
}
