import type { Request, Response } from 'restify';
import {
  belongsToTenant,
  type ConversationSummary,
  type InstallationRepository,
} from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import { DomainError } from '../../domain/domain-error';
import type { Translate } from '../../i18n/messages';
import { refusalText } from '../../i18n/refusal-text';
import type { DomainErrors } from '../domain-errors';
import { sendError } from '../http-error';
import { readerOf } from '../reader-language';
import {
  AuthError,
  KeySetUnavailableError,
  type Caller,
  type TokenValidator,
} from './token-validator';

/**
 * Signed in, but not someone this team's data belongs to. One answer for "no such team", "not
 * installed any more" and "not in its roster", so that the API does not tell outsiders which
 * team ids exist.
 */
export class ForbiddenError extends DomainError<'NOT_A_MEMBER'> {
  constructor() {
    super('NOT_A_MEMBER');
  }
}

/** Whether a stored conversation belongs to the caller's tenant. */
export const inCallerTenant = (conversationTenantId: string, caller: Caller): boolean =>
  belongsToTenant(conversationTenantId, caller.tenantId);

/**
 * The caller may read a team's data only when the team's stored roster holds them, the app is
 * still installed there, and the team belongs to the caller's tenant.
 */
export async function authorizeTeamMember(
  caller: Caller,
  teamId: string,
  installations: Pick<InstallationRepository, 'find' | 'isMember'>,
): Promise<ConversationSummary> {
  const [team, member] = await Promise.all([
    installations.find(teamId),
    installations.isMember(teamId, caller.aadObjectId),
  ]);
  if (!team || !team.active || !inCallerTenant(team.tenantId, caller) || !member)
    throw new ForbiddenError();
  return { id: team.id, kind: team.kind, tenantId: team.tenantId, name: team.name };
}

export interface AccessDeps {
  tokens: TokenValidator;
  installations: Pick<InstallationRepository, 'find' | 'isMember'>;
  /** The status of each feature's error codes. */
  errors: DomainErrors;
  logger: Logger;
}

export interface TeamAccess {
  caller: Caller;
  /** The messages of the language the request asks in (Accept-Language). */
  t: Translate;
  /** The decoded team id (restify decodes route parameters once). */
  teamId: string;
  team: ConversationSummary;
}

type Handler<C> = (req: Request, res: Response, context: C) => Promise<void>;

/** Reads and validates the `Authorization: Bearer …` header. */
export function requireCaller(req: Request, deps: Pick<AccessDeps, 'tokens'>): Promise<Caller> {
  return deps.tokens.validate(req.header('authorization') || undefined);
}

/**
 * Answers a refusal with its status and the catalog's words for it in the reader's language;
 * anything else is logged and answered with a 500.
 */
function sendFailure(
  res: Response,
  err: unknown,
  t: Translate,
  deps: Pick<AccessDeps, 'errors' | 'logger'>,
): void {
  const refusal = deps.errors.statusOf(err);
  if (!refusal) {
    deps.logger.error('API request failed', { err });
    sendError(res, 500, 'INTERNAL', t('errors.INTERNAL'));
    return;
  }
  if (err instanceof AuthError) {
    // RFC 6750: tell the client which scheme to use; no details beyond the error class.
    res.header(
      'www-authenticate',
      err.code === 'TOKEN_MISSING' ? 'Bearer' : 'Bearer error="invalid_token"',
    );
  } else if (err instanceof KeySetUnavailableError) {
    deps.logger.warn('token signing keys unavailable', { err: err.cause });
    res.header('retry-after', '30');
  }
  sendError(res, refusal.status, refusal.code, refusalText(t, refusal));
}

/**
 * Runs a route's handler for the language the request asks in (its answer says which), and
 * answers its refusals and failures.
 */
function answering(
  deps: Pick<AccessDeps, 'errors' | 'logger'>,
  handler: (req: Request, res: Response, t: Translate) => Promise<void>,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const t = readerOf(req, res);
    try {
      await handler(req, res, t);
    } catch (err) {
      if (res.headersSent) throw err;
      sendFailure(res, err, t, deps);
    }
  };
}

/** A route open to anyone: only its refusals and failures are answered here. */
export function withoutCaller(
  deps: Pick<AccessDeps, 'errors' | 'logger'>,
  handler: Handler<{ t: Translate }>,
) {
  return answering(deps, (req, res, t) => handler(req, res, { t }));
}

/** A route for any signed-in caller: the handler runs only with a validated caller. */
export function withCaller(deps: AccessDeps, handler: Handler<{ caller: Caller; t: Translate }>) {
  return answering(deps, async (req, res, t) => {
    const caller = await requireCaller(req, deps);
    res.header('cache-control', 'no-store');
    await handler(req, res, { caller, t });
  });
}

/**
 * A route under /api/v1/teams/:teamId: the handler runs only for a validated caller who is in
 * that team's roster.
 */
export function withTeamMember(deps: AccessDeps, handler: Handler<TeamAccess>) {
  return withCaller(deps, async (req, res, { caller, t }) => {
    const teamId = String(req.params?.teamId ?? '');
    const team = await authorizeTeamMember(caller, teamId, deps.installations);
    await handler(req, res, { caller, teamId, team, t });
  });
}
