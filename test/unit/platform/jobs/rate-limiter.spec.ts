import {
  createRateLimiter,
  type LimitKey,
  type RateLimiter,
  type RateWindow,
} from '../../../../bot/src/platform/jobs/rate-limiter';

/**
 * Drives the limiter on a simulated clock the way the worker does: ask, and when told to wait,
 * advance the clock by that much and ask again. Every call is answered instantly unless
 * `latencyMs` says otherwise. Returns the time each call started.
 */
function sendAll(
  limiter: RateLimiter,
  keys: LimitKey[],
  { start = 0, latencyMs = 0 }: { start?: number; latencyMs?: number } = {},
): number[] {
  let now = start;
  const starts: number[] = [];
  for (const key of keys) {
    for (;;) {
      const r = limiter.reserve(key, now);
      if (r.ok) {
        starts.push(now);
        r.permit.done(now + latencyMs);
        break;
      }
      expect(r.delayMs).toBeGreaterThan(0);
      now += r.delayMs;
    }
  }
  return starts;
}

/** The most calls inside any window of `ms` (half-open, as Teams counts). */
function busiest(starts: number[], ms: number): number {
  let most = 0;
  for (let i = 0; i < starts.length; i++) {
    let n = 0;
    for (let j = i; j < starts.length && starts[j] < starts[i] + ms; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}

const T = 'tenant-a';
const toConversation = (id: string): LimitKey => ({ conversation: id, tenant: T });

describe('the Teams rate limiter', () => {
  it('lets 7 sends into one conversation at once and makes the 8th wait a full second: 8 cannot fit in 1 s', () => {
    const limiter = createRateLimiter();
    const starts = sendAll(
      limiter,
      Array.from({ length: 8 }, () => toConversation('chat')),
    );

    expect(starts.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(starts[7]).toBe(1000);
  });

  it('allows 8 per 2 s in a conversation: the 9th waits until the first leaves the 2 s window', () => {
    const limiter = createRateLimiter();
    const starts = sendAll(
      limiter,
      Array.from({ length: 9 }, () => toConversation('chat')),
    );

    expect(starts[7]).toBe(1000);
    expect(starts[8]).toBe(2000);
  });

  it('allows 60 per 30 s in a conversation', () => {
    const limiter = createRateLimiter();
    const starts = sendAll(
      limiter,
      Array.from({ length: 61 }, () => toConversation('chat')),
    );

    expect(busiest(starts, 30_000)).toBe(60);
    expect(starts[60] - starts[0]).toBeGreaterThanOrEqual(30_000);
    expect(busiest(starts, 1000)).toBeLessThanOrEqual(7);
    expect(busiest(starts, 2000)).toBeLessThanOrEqual(8);
  });

  it('allows 1,800 per hour in a conversation', () => {
    const limiter = createRateLimiter();
    const starts = sendAll(
      limiter,
      Array.from({ length: 1801 }, () => toConversation('chat')),
    );

    expect(busiest(starts.slice(0, 1800), 3_600_000)).toBe(1800);
    expect(starts[1800] - starts[0]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('holds the app to 50 calls per second per tenant: 100 sends to 100 conversations need two seconds', () => {
    const limiter = createRateLimiter();
    const keys = Array.from({ length: 100 }, (_, i) => toConversation(`chat-${i}`));
    const starts = sendAll(limiter, keys);

    expect(starts.filter((t) => t === 0)).toHaveLength(50);
    expect(starts[50]).toBe(1000);
    expect(busiest(starts, 1000)).toBe(50);
    // The hundred use up the budget of [0 s, 2 s): the next call anywhere in the tenant has to
    // wait until 2 s.
    const next = limiter.reserve(toConversation('chat-100'), starts[99]);
    expect(next).toMatchObject({ ok: false, scope: 'tenant' });
    const elapsed = starts[99] + (next.ok ? 0 : next.delayMs);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('counts creating a conversation against the tenant, not against any conversation', () => {
    const limiter = createRateLimiter();
    const creates = sendAll(
      limiter,
      Array.from({ length: 50 }, () => ({ tenant: T })),
    );
    expect(creates.every((t) => t === 0)).toBe(true);

    const afterCreates = limiter.reserve(toConversation('chat'), 0);
    expect(afterCreates).toMatchObject({ ok: false, delayMs: 1000, scope: 'tenant' });
  });

  it('keeps tenants apart', () => {
    const limiter = createRateLimiter();
    sendAll(
      limiter,
      Array.from({ length: 50 }, (_, i) => toConversation(`a-${i}`)),
    );

    expect(limiter.reserve({ conversation: 'b-1', tenant: 'tenant-b' }, 0).ok).toBe(true);
    expect(limiter.reserve({ conversation: 'a-51', tenant: T }, 0).ok).toBe(false);
  });

  it('measures windows from when a call was answered, and counts an unanswered call as now', () => {
    const limiter = createRateLimiter({ tenantWindows: [{ ms: 1000, max: 1 }] });
    const first = limiter.reserve({ tenant: T }, 0);
    if (!first.ok) throw new Error('expected the first call to go');

    // Still in flight at 5 s: Teams might count it any moment, so nothing else goes.
    expect(limiter.reserve({ tenant: T }, 5000)).toMatchObject({ ok: false, scope: 'tenant' });
    first.permit.done(5300);
    // Answered at 5.3 s: the window runs to 6.3 s.
    expect(limiter.reserve({ tenant: T }, 6299)).toMatchObject({ ok: false, delayMs: 1 });
    expect(limiter.reserve({ tenant: T }, 6300).ok).toBe(true);
  });

  it('never admits more than a window allows whatever the latency', () => {
    const windows: RateWindow[] = [{ ms: 1000, max: 50 }];
    const limiter = createRateLimiter({ tenantWindows: windows });
    let now = 0;
    const calls: { start: number; end: number }[] = [];
    const open: { end: number; done: () => void }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    while (calls.length < 500) {
      for (const o of open.filter((x) => x.end <= now)) o.done();
      const r = limiter.reserve({ conversation: `c-${calls.length}`, tenant: T }, now);
      if (r.ok) {
        const end = now + Math.floor(random() * 400);
        const call = { start: now, end };
        calls.push(call);
        open.push({ end, done: () => r.permit.done(end) });
      } else {
        now += Math.min(r.delayMs, 1 + Math.floor(random() * 50));
      }
    }
    // Wherever Teams counts a call between its start and its answer, no second holds more
    // than 50: checked at both extremes.
    expect(
      busiest(
        calls.map((c) => c.start).sort((a, b) => a - b),
        1000,
      ),
    ).toBeLessThanOrEqual(50);
    expect(
      busiest(
        calls.map((c) => c.end).sort((a, b) => a - b),
        1000,
      ),
    ).toBeLessThanOrEqual(50);
  });

  it('frees the slot of a call that was not made', () => {
    const limiter = createRateLimiter({ tenantWindows: [{ ms: 1000, max: 1 }] });
    const r = limiter.reserve({ tenant: T }, 0);
    if (!r.ok) throw new Error('expected the call to go');
    r.permit.cancel();
    expect(limiter.reserve({ tenant: T }, 0).ok).toBe(true);
  });

  it('pauses one conversation, or a whole tenant, until a Retry-After', () => {
    const limiter = createRateLimiter();
    limiter.pause({ conversation: 'chat-1' }, 3000);

    expect(limiter.reserve(toConversation('chat-1'), 1000)).toMatchObject({
      ok: false,
      delayMs: 2000,
      scope: 'conversation',
    });
    expect(limiter.reserve(toConversation('chat-2'), 1000).ok).toBe(true);

    limiter.pause({ tenant: T }, 4000);
    expect(limiter.reserve(toConversation('chat-3'), 1000)).toMatchObject({
      ok: false,
      delayMs: 3000,
      scope: 'tenant',
    });
    expect(limiter.reserve({ conversation: 'x', tenant: 'tenant-b' }, 1000).ok).toBe(true);
    expect(limiter.reserve(toConversation('chat-3'), 4000).ok).toBe(true);
  });

  it('forgets conversations that have been quiet for longer than every window', () => {
    const limiter = createRateLimiter();
    sendAll(
      limiter,
      Array.from({ length: 500 }, (_, i) => toConversation(`c-${i}`)),
    );
    expect(limiter.trackedConversations()).toBe(500);

    // A sweep runs every thousand calls; an hour later, only the new conversations remain.
    sendAll(
      limiter,
      Array.from({ length: 1000 }, (_, i) => ({ conversation: `later-${i}`, tenant: `t-${i}` })),
      { start: 3_700_000 },
    );
    expect(limiter.trackedConversations()).toBe(1000);
  });
});
