import { SendError } from '../../../../bot/src/platform/jobs/proactive-port';
import { retryAfterMs, toSendError } from '../../../../bot/src/platform/teams/proactive-sender';

/** The shape of @azure/core-rest-pipeline's RestError, as the connector client throws it. */
const restError = (
  statusCode: number | undefined,
  code?: string,
  headers: Record<string, string> = {},
) =>
  Object.assign(new Error(`${code ?? 'error'} from the connector`), {
    name: 'RestError',
    statusCode,
    code,
    response:
      statusCode === undefined
        ? undefined
        : { status: statusCode, headers: { get: (n: string) => headers[n] } },
  });

describe('reading Bot Connector failures', () => {
  it('reads Retry-After in seconds, as an HTTP date, and the millisecond variants', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(retryAfterMs(restError(429, 'Throttled', { 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(restError(429, 'Throttled', { 'retry-after': '0.5' }), now)).toBe(500);
    expect(
      retryAfterMs(
        restError(503, undefined, { 'retry-after': 'Mon, 02 Mar 2026 10:00:07 GMT' }),
        now,
      ),
    ).toBe(7000);
    expect(retryAfterMs(restError(429, 'Throttled', { 'retry-after-ms': '1500' }), now)).toBe(1500);
    expect(retryAfterMs(restError(429, 'Throttled'), now)).toBeUndefined();
    expect(
      retryAfterMs(restError(429, 'Throttled', { 'retry-after': 'soon' }), now),
    ).toBeUndefined();
  });

  it('keeps the status, Teams’ error code and Retry-After', () => {
    const e = toSendError(restError(429, 'Throttled', { 'retry-after': '2' }));

    expect(e).toBeInstanceOf(SendError);
    expect(e).toMatchObject({ status: 429, code: 'Throttled', retryAfterMs: 2000, blocked: false });
  });

  it('recognises a member who blocked the bot', () => {
    expect(toSendError(restError(403, 'ConversationBlockedByUser'))).toMatchObject({
      status: 403,
      blocked: true,
    });
    expect(toSendError(restError(403, 'BotNotInConversationRoster'))).toMatchObject({
      status: 403,
      blocked: false,
    });
  });

  it('has no status when no answer came back', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

    expect(toSendError(refused)).toMatchObject({ status: undefined, retryAfterMs: undefined });
  });
});
