import { DomainError } from '../domain/domain-error';
import { isMessageKey } from '../i18n/messages';
import type { Refusal } from '../i18n/refusal-text';
import { registry, type Registration } from '../registry';

/**
 * HTTP statuses for the domain's stable error codes: the API says what went wrong and what to
 * do, in the catalog's words for the code, never with internals. Each feature declares the codes
 * it throws; the platform owns the ones it answers itself.
 */
export type ErrorStatuses = Readonly<Record<string, number>>;

export const PLATFORM_ERROR_STATUSES: ErrorStatuses = {
  INVALID_INPUT: 400,
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TENANT_NOT_ALLOWED: 403,
  NOT_A_MEMBER: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
  AUTH_UNAVAILABLE: 503,
};

export interface DomainErrors {
  statusOf(err: unknown): (Refusal & { status: number }) | undefined;
}

/**
 * One table from every feature's codes. A code declared twice, or one the catalog has no
 * `errors.<CODE>` message for, fails at start: every refusal the API answers can be read in
 * each language.
 */
export function domainErrors(tables: readonly Registration<number>[]): DomainErrors {
  const statusByCode = registry(tables);
  const unworded = [...statusByCode.keys()].filter((code) => !isMessageKey(`errors.${code}`));
  if (unworded.length > 0)
    throw new Error(`The catalogs have no errors.<CODE> message for ${unworded.join(', ')}`);
  return {
    statusOf(err) {
      // Only our own refusals: another library's error that happens to carry a code we use
      // has none of the values our message needs, and is a failure, not a refusal.
      if (!(err instanceof DomainError)) return undefined;
      const status = statusByCode.get(err.code);
      if (status === undefined) return undefined;
      return { status, code: err.code, message: err.message, values: err.values };
    },
  };
}

/** Input the API refused before reaching the domain: `detail` names each bad field. */
export class InvalidInputError extends DomainError<'INVALID_INPUT'> {
  constructor(detail: string) {
    super('INVALID_INPUT', { detail });
  }
}
