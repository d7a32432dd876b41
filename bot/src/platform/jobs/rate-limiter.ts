/**
 * Teams' bot rate limits as sliding windows, so the outbox sends as fast as Teams allows and
 * no faster. Pure and clock-injected: every call takes `now` (ms), nothing reads the time.
 *
 * Two kinds of window log:
 *   - per conversation (one bot in one conversation): 7 per 1 s, 8 per 2 s, 60 per 30 s,
 *     1,800 per hour;
 *   - per tenant (the app in one tenant): 50 per 1 s, for every Bot Connector call, creating
 *     a conversation included.
 *
 * Each admitted call is logged as "in flight" and, once answered, at the time its answer came
 * back (`permit.done(at)`). Teams counts a request somewhere between our sending it and our
 * reading its answer, so measuring windows from the answer, and counting an unanswered call as
 * happening now, never admits a call that Teams would see as over the limit — whatever the
 * latency. The price is one round-trip per window (about 2 % at 20 ms against a 1 s window).
 */

export interface RateWindow {
  ms: number;
  max: number;
}

/** One bot in one conversation (Microsoft's "per bot per thread" limits). */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];

/** The app in one tenant (Microsoft's global limit: 50 requests per second per app per tenant). */
export const TEAMS_TENANT_WINDOWS: readonly RateWindow[] = [{ ms: 1_000, max: 50 }];

export interface RateLimiterOptions {
  conversationWindows?: readonly RateWindow[];
  tenantWindows?: readonly RateWindow[];
  /** Added to every window's length, for a target whose counting we trust less. Default 0. */
  marginMs?: number;
}

/** What a call is counted against: a conversation, a tenant, or both. */
export interface LimitKey {
  conversation?: string;
  tenant?: string;
}

/** An admitted call. Exactly one of `done` or `cancel` must follow. */
export interface Permit {
  /** The call was made; its answer (or failure) came back at `at`. */
  done(at: number): void;
  /** The call was not made after all: its slot is freed. */
  cancel(): void;
}

export type Reservation =
  | { ok: true; permit: Permit }
  | {
      ok: false;
      /** How long until asking again can succeed (≥ 1 ms). */
      delayMs: number;
      /** Which limit is binding: a tenant wait stalls every conversation of that tenant. */
      scope: 'conversation' | 'tenant';
    };

export interface RateLimiter {
  /** Admits the call now and records it, or says how long to wait before asking again. */
  reserve(key: LimitKey, now: number): Reservation;
  /** Stops admitting calls for the key until `until` (a 429's Retry-After). */
  pause(key: LimitKey, until: number): void;
  /** Conversations currently tracked; stale ones are forgotten. For tests. */
  trackedConversations(): number;
}

interface Entry {
  at: number;
  open: boolean;
}

interface Log {
  entries: Entry[];
  pausedUntil: number;
}

const newLog = (): Log => ({ entries: [], pausedUntil: 0 });

/** Long only as a factory: small functions over the limiter's logs, which nothing outside can reach. */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const conversationWindows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
  const tenantWindows = options.tenantWindows ?? TEAMS_TENANT_WINDOWS;
  const margin = options.marginMs ?? 0;
  const longest = (windows: readonly RateWindow[]) =>
    Math.max(0, ...windows.map((w) => w.ms)) + margin;
  const conversationSpan = longest(conversationWindows);
  const tenantSpan = longest(tenantWindows);

  const conversations = new Map<string, Log>();
  const tenants = new Map<string, Log>();
  let sinceSweep = 0;

  /** Drops answered calls older than every window. */
  const prune = (log: Log, span: number, now: number) => {
    if (log.entries.length === 0) return;
    const keep = log.entries.filter((e) => e.open || e.at > now - span);
    if (keep.length !== log.entries.length) log.entries = keep;
  };

  /** Forgets conversations with nothing left in any window, so memory follows activity. */
  const sweep = (now: number) => {
    for (const [key, log] of conversations) {
      prune(log, conversationSpan, now);
      if (log.entries.length === 0 && log.pausedUntil <= now) conversations.delete(key);
    }
    for (const [key, log] of tenants) {
      prune(log, tenantSpan, now);
      if (log.entries.length === 0 && log.pausedUntil <= now) tenants.delete(key);
    }
  };

  /** Milliseconds until one more call fits every window of the log (0: it fits now). */
  const waitFor = (log: Log | undefined, windows: readonly RateWindow[], now: number): number => {
    if (!log) return 0;
    let wait = Math.max(0, log.pausedUntil - now);
    for (const w of windows) {
      const span = w.ms + margin;
      // An unanswered call counts as happening now until its answer says when it was made.
      const times: number[] = [];
      for (const e of log.entries) {
        const t = e.open ? Math.max(e.at, now) : e.at;
        if (t > now - span) times.push(t);
      }
      if (times.length < w.max) continue;
      times.sort((a, b) => a - b);
      // Enough calls must leave the window that max - 1 remain: the (n - max + 1)th oldest.
      wait = Math.max(wait, times[times.length - w.max] + span - now);
    }
    return wait;
  };

  return {
    reserve(key, now) {
      if (++sinceSweep >= 1000) {
        sinceSweep = 0;
        sweep(now);
      }
      const conversation =
        key.conversation === undefined ? undefined : conversations.get(key.conversation);
      const tenant = key.tenant === undefined ? undefined : tenants.get(key.tenant);
      if (conversation) prune(conversation, conversationSpan, now);
      if (tenant) prune(tenant, tenantSpan, now);

      const conversationWait = waitFor(conversation, conversationWindows, now);
      const tenantWait = waitFor(tenant, tenantWindows, now);
      if (conversationWait > 0 || tenantWait > 0) {
        return {
          ok: false,
          delayMs: Math.max(1, Math.ceil(Math.max(conversationWait, tenantWait))),
          scope: tenantWait >= conversationWait ? 'tenant' : 'conversation',
        };
      }

      const logs: Log[] = [];
      if (key.conversation !== undefined) {
        let log = conversation;
        if (!log) conversations.set(key.conversation, (log = newLog()));
        logs.push(log);
      }
      if (key.tenant !== undefined) {
        let log = tenant;
        if (!log) tenants.set(key.tenant, (log = newLog()));
        logs.push(log);
      }
      const entries = logs.map((log) => {
        const entry: Entry = { at: now, open: true };
        log.entries.push(entry);
        return { log, entry };
      });
      let settled = false;
      return {
        ok: true,
        permit: {
          done(at) {
            if (settled) return;
            settled = true;
            for (const { entry } of entries) {
              entry.at = Math.max(entry.at, at);
              entry.open = false;
            }
          },
          cancel() {
            if (settled) return;
            settled = true;
            for (const { log, entry } of entries) {
              const i = log.entries.indexOf(entry);
              if (i >= 0) log.entries.splice(i, 1);
            }
          },
        },
      };
    },

    pause(key, until) {
      const apply = (map: Map<string, Log>, id: string | undefined) => {
        if (id === undefined) return;
        let log = map.get(id);
        if (!log) map.set(id, (log = newLog()));
        log.pausedUntil = Math.max(log.pausedUntil, until);
      };
      apply(conversations, key.conversation);
      apply(tenants, key.tenant);
    },

    trackedConversations: () => conversations.size,
  };
}
