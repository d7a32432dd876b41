import { SendError } from '../../../../../bot/src/platform/jobs/proactive-port';
import {
  decideAfterFailure,
  describeError,
  storedError,
} from '../../../../../bot/src/platform/jobs/outbox-worker/retry-policy';
import {
  backoffDelay,
  resolveSettings,
} from '../../../../../bot/src/platform/jobs/outbox-worker/settings';

const backoff = (attempt: number) => 1_000 * 2 ** attempt;

describe('what a failed send leads to', () => {
  it('marks a member unreachable on a 403, except for InvalidBotApiHost, which fails', () => {
    const blocked = new SendError(403, 'blocked', { code: 'ConversationBlockedByUser' });
    const badHost = new SendError(403, 'bad host', { code: 'InvalidBotApiHost' });

    expect(decideAfterFailure(blocked, 1, 5, backoff)).toEqual({ kind: 'unreachable' });
    expect(decideAfterFailure(badHost, 1, 5, backoff)).toEqual({ kind: 'fail' });
  });

  it.each([412, 429, 502, 503, 504, undefined])(
    'retries %s after the backoff, or Retry-After when that is longer',
    (status) => {
      expect(decideAfterFailure(new SendError(status, 'x'), 2, 5, backoff)).toEqual({
        kind: 'retry',
        delayMs: 4_000,
      });
      const later = new SendError(status, 'x', { retryAfterMs: 9_000 });
      expect(decideAfterFailure(later, 2, 5, backoff)).toEqual({ kind: 'retry', delayMs: 9_000 });
    },
  );

  it('gives up on a transient error once the tries are used up', () => {
    expect(decideAfterFailure(new SendError(503, 'x'), 5, 5, backoff)).toEqual({
      kind: 'give-up',
    });
  });

  it('fails at once on any other status, 500 included', () => {
    for (const status of [400, 404, 500]) {
      expect(decideAfterFailure(new SendError(status, 'x'), 1, 5, backoff)).toEqual({
        kind: 'fail',
      });
    }
  });

  it('treats anything thrown that is not a SendError as a call with no answer', () => {
    const e = describeError(new Error('socket hang up'));
    expect(e.status).toBeUndefined();
    expect(e.message).toBe('socket hang up');
    expect(decideAfterFailure(e, 1, 5, backoff).kind).toBe('retry');
  });

  it('stores the error with its phase, its text bounded to 500 characters', () => {
    const at = new Date(0);
    const e = new SendError(429, 'y'.repeat(600), { code: 'Throttled' });

    const stored = storedError('create', e, at, 'gave up after 5 tries; ');

    expect(stored.status).toBe(429);
    expect(stored.code).toBe('Throttled');
    expect(stored.message).toMatch(/^gave up after 5 tries; creating the conversation: y+$/);
    expect(stored.message).toHaveLength(500);
    expect(storedError('send', new SendError(undefined, 'reset'), at)).toEqual({
      message: 'sending: reset',
      at,
    });
  });
});

describe('the retry backoff', () => {
  const curve = { baseMs: 1_000, jitterMs: 1_000, maxMs: 10_000 };

  it('doubles with each try, adds up to jitterMs of jitter, and stops growing at maxMs', () => {
    expect(backoffDelay(1, curve, 0)).toBe(2_000);
    expect(backoffDelay(2, curve, 0.5)).toBe(4_500);
    expect(backoffDelay(3, curve, 0.999)).toBeCloseTo(8_999);
    expect(backoffDelay(4, curve, 0)).toBe(10_000);
  });

  it('draws the jitter from the worker’s random source, once per delay', () => {
    const draws = [0.25, 0.75];
    const settings = resolveSettings({
      backoff: { baseMs: 100, jitterMs: 100 },
      random: () => draws.shift() ?? 0,
    } as Parameters<typeof resolveSettings>[0]);

    expect(settings.backoff(1)).toBe(225);
    expect(settings.backoff(1)).toBe(275);
  });

  it('reads ahead when fewer than four sends per slot are buffered, in reads of 500 or more', () => {
    const settings = resolveSettings({ concurrency: 16 } as Parameters<typeof resolveSettings>[0]);
    expect(settings.batchSize).toBe(500);
    expect(settings.lowWater).toBe(64);
  });
});
