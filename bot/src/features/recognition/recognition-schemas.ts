import { z } from 'zod';
import type { Recognition } from './domain/recognition';
import { boundedString } from '../../platform/domain/text-rules';

/** A recognition's id, as its route matches it. */
export const RECOGNITION_ID = '^[0-9a-f]{24}$';

// "<milliseconds>-<id>": readable by a pattern, so every value the document allows is a cursor.
const CURSOR = /^(0|[1-9][0-9]{0,14})-([0-9a-f]{24})$/;

export const encodeCursor = (r: Pick<Recognition, 'createdAt' | 'id'>) =>
  `${r.createdAt.getTime()}-${r.id}`;

const cursor = z
  .string()
  .regex(CURSOR, 'is not a cursor this API returned; start without one')
  .transform((value) => {
    const [, at, id] = CURSOR.exec(value) ?? [];
    return { createdAt: new Date(Number(at)), id };
  });

export const recognitionListQuery = z.object({
  tag: z
    .string()
    .regex(/^(value:)?[a-z0-9-]{1,60}$/, 'must be a trait id (e.g. dependability) or value:<id>')
    .optional(),
  recipient: boundedString(1, 200).optional(),
  limit: z.coerce.number().int().min(1, 'must be 1–100').max(100, 'must be 1–100').default(20),
  cursor: cursor.optional(),
});
