import { createLogger } from '../../../../../bot/src/logger';
import type { OutboxDoc } from '../../../../../bot/src/platform/jobs/outbox';
import { admit } from '../../../../../bot/src/platform/jobs/outbox-worker/sending';
import type { Due } from '../../../../../bot/src/platform/jobs/outbox-worker/state';
import { Throttle } from '../../../../../bot/src/platform/jobs/outbox-worker/throttle';
import { createRateLimiter } from '../../../../../bot/src/platform/jobs/rate-limiter';

const TENANT = 'tenant-a';

const due = (conversationId?: string): Due => ({
  doc: { _id: 'k' } as OutboxDoc,
  tenantId: TENANT,
  conversationId,
});

describe('admitting a message’s first call', () => {
  it('takes one slot of the conversation (and its tenant) when the conversation is known', () => {
    const limiter = createRateLimiter({ tenantWindows: [{ ms: 1_000, max: 2 }] });

    const a = admit(limiter, due('chat-1'), 0);

    expect(a.ok && a.permits).toHaveLength(1);
    expect(limiter.reserve({ tenant: TENANT }, 0).ok).toBe(true);
    expect(limiter.reserve({ tenant: TENANT }, 0).ok).toBe(false);
  });

  it('takes two tenant slots at once when it must create the conversation first', () => {
    const limiter = createRateLimiter({ tenantWindows: [{ ms: 1_000, max: 2 }] });

    const a = admit(limiter, due(), 0);

    expect(a.ok && a.permits).toHaveLength(2);
    expect(limiter.reserve({ tenant: TENANT }, 0)).toMatchObject({ ok: false, scope: 'tenant' });
  });

  it('takes neither slot when only one is free, so no create waits on its send', () => {
    const limiter = createRateLimiter({ tenantWindows: [{ ms: 1_000, max: 3 }] });
    const first = admit(limiter, due(), 0);

    const second = admit(limiter, due(), 0);

    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, scope: 'tenant' });
    expect(limiter.reserve({ tenant: TENANT }, 0).ok).toBe(true);
  });
});

describe('what a 429 pauses', () => {
  const logger = createLogger('error', () => undefined);
  const setup = () => {
    let now = 0;
    const limiter = createRateLimiter();
    const throttle = new Throttle(limiter, logger, () => now);
    return { limiter, throttle, at: (t: number) => (now = t) };
  };
  const canSend = (limiter: ReturnType<typeof createRateLimiter>, chat: string, t: number) =>
    limiter.reserve({ conversation: chat, tenant: TENANT }, t).ok;

  it('pauses only its conversation when one conversation is throttled', () => {
    const { limiter, throttle } = setup();

    throttle.tooManyRequests(TENANT, 'chat-1', 5_000);

    expect(canSend(limiter, 'chat-1', 10)).toBe(false);
    expect(canSend(limiter, 'chat-2', 10)).toBe(true);
    expect(canSend(limiter, 'chat-1', 5_000)).toBe(true);
  });

  it('pauses the whole tenant when creating a conversation was throttled', () => {
    const { limiter, throttle } = setup();

    throttle.tooManyRequests(TENANT, undefined, 3_000);

    expect(limiter.reserve({ tenant: TENANT }, 10)).toMatchObject({ ok: false, scope: 'tenant' });
    expect(canSend(limiter, 'chat-9', 3_000)).toBe(true);
  });

  it('pauses the tenant when three conversations are throttled within a second, not over longer', () => {
    const spread = setup();
    spread.throttle.tooManyRequests(TENANT, 'chat-1', 2_000);
    spread.at(600);
    spread.throttle.tooManyRequests(TENANT, 'chat-2', 2_000);
    spread.at(1_200);
    spread.throttle.tooManyRequests(TENANT, 'chat-3', 2_000);
    expect(canSend(spread.limiter, 'chat-4', 1_200)).toBe(true);

    const burst = setup();
    burst.throttle.tooManyRequests(TENANT, 'chat-1', 2_000);
    burst.throttle.tooManyRequests(TENANT, 'chat-1', 2_000);
    burst.throttle.tooManyRequests(TENANT, 'chat-2', 2_000);
    expect(canSend(burst.limiter, 'chat-4', 10)).toBe(true);
    burst.throttle.tooManyRequests(TENANT, 'chat-3', 2_000);
    expect(canSend(burst.limiter, 'chat-4', 10)).toBe(false);
  });
});
