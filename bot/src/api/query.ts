import type { Request } from 'restify';
import type { z } from 'zod';
import { InvalidInputError } from './domain-errors';

/** Parses a request part with a schema, refusing with a message that names each bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new InvalidInputError(
      parsed.error.issues
        .map((i) => `${where}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}

export const queryOf = (req: Request): unknown => req.query;
