import type { z } from 'zod';
import { plainIssues } from '../domain/plain-issues';
import { InvalidInputError } from './domain-errors';

/** Parses a request part with a schema, refusing with plain sentences that name each bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new InvalidInputError(plainIssues(parsed.error.issues, where));
  }
  return parsed.data;
}
