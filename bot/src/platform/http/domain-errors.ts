import { registry, type Registration } from '../registry';

/**
 * HTTP statuses for the domain's stable error codes: the API says what went wrong and what to
 * do, in the error's own words, never with internals. Each feature declares the codes it throws;
 * the platform owns only the ones it raises itself.
 */
export type ErrorStatuses = Readonly<Record<string, number>>;

export const PLATFORM_ERROR_STATUSES: ErrorStatuses = {
  INVALID_INPUT: 400,
};

export interface DomainErrors {
  statusOf(err: unknown): { status: number; code: string; message: string } | undefined;
}

/** One table from every feature's codes; a code declared twice fails at start. */
export function domainErrors(tables: readonly Registration<number>[]): DomainErrors {
  const statusByCode = registry(tables);
  return {
    statusOf(err) {
      if (!(err instanceof Error)) return undefined;
      const code = (err as { code?: unknown }).code;
      const status = typeof code === 'string' ? statusByCode.get(code) : undefined;
      return status === undefined
        ? undefined
        : { status, code: code as string, message: err.message };
    },
  };
}

/** Input the API refused before reaching the domain. */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
}
