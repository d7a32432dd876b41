import type { OutboxError } from '../outbox';
import { isRetryable, SendError } from '../proactive-port';

const MAX_ERROR_TEXT = 500;

export type Phase = 'create' | 'send';

/**
 * What a failed try leads to, by Teams' status code:
 *   - 403: `unreachable` (the member blocked the bot, or it is not installed for them), except
 *     `InvalidBotApiHost`, which is a failure like any other;
 *   - 412, 429, 502, 503, 504 and no answer at all: a retry after
 *     max(Retry-After, backoff), until `maxAttempts` tries, then `give-up`;
 *   - any other status: `fail` at once.
 */
export type FailureDecision =
  | { kind: 'unreachable' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'give-up' }
  | { kind: 'fail' };

export function decideAfterFailure(
  e: SendError,
  attempts: number,
  maxAttempts: number,
  backoff: (attempt: number) => number,
): FailureDecision {
  if (e.status === 403 && e.code !== 'InvalidBotApiHost') return { kind: 'unreachable' };
  if (!isRetryable(e.status)) return { kind: 'fail' };
  if (attempts >= maxAttempts) return { kind: 'give-up' };
  return { kind: 'retry', delayMs: Math.max(e.retryAfterMs ?? 0, backoff(attempts)) };
}

export function describeError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SendError(undefined, message);
}

/** The error as stored on the message, its text bounded. */
export function storedError(phase: Phase, e: SendError, at: Date, prefix = ''): OutboxError {
  const what = phase === 'create' ? 'creating the conversation' : 'sending';
  return {
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.code !== undefined ? { code: e.code } : {}),
    message: `${prefix}${what}: ${e.message}`.slice(0, MAX_ERROR_TEXT),
    at,
  };
}
