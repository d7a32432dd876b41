/**
 * The port between the outbox and whatever delivers messages to Teams. `jobs/` declares it and
 * `teams/proactive-sender.ts` implements it on botbuilder, so the worker knows nothing of the SDK.
 */

/**
 * Who a proactive message goes to: one member, in their 1:1 chat with the bot; or a shared
 * conversation the bot is installed in (a team's channel, a group chat), whose `conversationId`
 * is known from the installation: then `userId` and `aadObjectId` are empty, no conversation is
 * created, and a 403 marks no member unreachable.
 */
export interface OutboxTarget {
  /** The Bot Connector endpoint for the member's tenant (from a stored conversation reference). */
  serviceUrl: string;
  tenantId: string;
  /** The Teams user id (29:…). */
  userId: string;
  aadObjectId: string;
  /** The 1:1 conversation id, when already known: the send then skips creating the conversation. */
  conversationId?: string;
}

/**
 * The two Bot Connector calls a proactive message can take. They are separate so that the worker
 * can pass each one through the rate limiter: creating a conversation counts against the app's
 * limit just as a send does.
 */
export interface ProactiveSender {
  /** Creates (or, for a 1:1 chat that exists, finds) the member's conversation with the bot. */
  createConversation(target: OutboxTarget): Promise<string>;
  /** Posts the activity into the conversation; resolves with the new activity's id, if given. */
  sendToConversation(
    target: OutboxTarget & { conversationId: string },
    activity: Record<string, unknown>,
  ): Promise<string | undefined>;
}

/**
 * A failed Bot Connector call. `status` is undefined when no HTTP answer came back (connection
 * refused, reset, timed out): the request may or may not have reached Teams.
 */
export class SendError extends Error {
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** True when Teams says the member blocked the bot (or its messages). */
  readonly blocked: boolean;

  constructor(
    readonly status: number | undefined,
    message: string,
    details: { code?: string; retryAfterMs?: number; blocked?: boolean } = {},
  ) {
    super(message);
    this.name = 'SendError';
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.blocked = details.blocked ?? false;
  }
}

/** Teams' 403 codes meaning this member cannot be written to until they talk to the bot again. */
export const BLOCKED_CODES = new Set(['ConversationBlockedByUser', 'MessageWritesBlocked']);

/**
 * Microsoft's retry guidance for the Bot Connector: 412, 429, 502, 503 and 504 are transient
 * (500 is not). A call that got no answer at all is retried too.
 */
export function isRetryable(status: number | undefined): boolean {
  return status === undefined || [412, 429, 502, 503, 504].includes(status);
}

/** What a send needs of a stored installation. */
type StoredInstallation = {
  active?: boolean;
  tenantId: string;
  reference: Record<string, unknown>;
};

/**
 * Where a card for the whole team goes: the conversation the app was installed in (or `in`, a
 * chat of that team's), with no member. Undefined when the app is no longer installed there or
 * the stored reference lacks what a send needs.
 */
export function sharedConversationTarget(
  installation: StoredInstallation | null | undefined,
  conversationId?: string,
): OutboxTarget | undefined {
  const reference = installation?.reference as
    { serviceUrl?: unknown; conversation?: { id?: unknown } } | undefined;
  const serviceUrl = reference?.serviceUrl;
  const target = conversationId ?? reference?.conversation?.id;
  if (!installation?.active || typeof serviceUrl !== 'string' || typeof target !== 'string')
    return undefined;
  return {
    serviceUrl,
    tenantId: installation.tenantId,
    userId: '',
    aadObjectId: '',
    conversationId: target,
  };
}

/**
 * How a card reaches one member of a team in their 1:1 chat with the bot: through the Bot
 * Connector endpoint of the team's installation. Undefined when the app is no longer installed
 * there or the stored reference has no endpoint.
 */
export function personalTargetsOf(
  installation: StoredInstallation | null | undefined,
): ((member: { teamsUserId: string; aadObjectId: string }) => OutboxTarget) | undefined {
  const serviceUrl = installation?.reference.serviceUrl;
  if (!installation?.active || typeof serviceUrl !== 'string') return undefined;
  const { tenantId } = installation;
  return (member) => ({
    serviceUrl,
    tenantId,
    userId: member.teamsUserId,
    aadObjectId: member.aadObjectId,
  });
}
