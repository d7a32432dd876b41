import type { Logger } from '../../../logger';
import type { RateLimiter } from '../rate-limiter';

/** Different conversations of one tenant answered 429 within this long: pause the tenant. */
const BURST_MS = 1_000;
const BURST_CONVERSATIONS = 3;

/**
 * What a 429 pauses. Teams does not say which limit a 429 is about, so the whole tenant is paused
 * when the 429 answered a create-conversation call (only the app-wide limit applies there) or
 * when three different conversations of the tenant got one within a second (the app-wide limit,
 * or Teams shedding load); a lone 429 in one conversation holds up nobody else.
 */
export class Throttle {
  private readonly recent429 = new Map<string, { at: number; conversation: string }[]>();
  private readonly tenantPausedUntil = new Map<string, number>();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  /** A 429 until `until`; `conversationId` is undefined when it answered a create. */
  tooManyRequests(tenantId: string, conversationId: string | undefined, until: number): void {
    const t = this.now();
    if (conversationId === undefined) {
      this.pauseTenant(tenantId, until, t, 'creating a conversation');
      return;
    }
    this.limiter.pause({ conversation: conversationId }, until);
    const recent = (this.recent429.get(tenantId) ?? []).filter((r) => r.at > t - BURST_MS);
    recent.push({ at: t, conversation: conversationId });
    this.recent429.set(tenantId, recent);
    if (new Set(recent.map((r) => r.conversation)).size >= BURST_CONVERSATIONS)
      this.pauseTenant(tenantId, until, t, 'in several conversations');
  }

  private pauseTenant(tenantId: string, until: number, t: number, why: string): void {
    this.limiter.pause({ tenant: tenantId }, until);
    const pausedUntil = this.tenantPausedUntil.get(tenantId) ?? 0;
    if (pausedUntil < t) {
      this.logger.warn(`outbox: throttled ${why}; pausing the tenant`, {
        tenantId,
        forMs: until - t,
      });
    }
    this.tenantPausedUntil.set(tenantId, Math.max(until, pausedUntil));
  }
}
