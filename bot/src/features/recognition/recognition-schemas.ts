import { z } from 'zod';
import { isoWeekView } from '../../platform/http/common-schemas';
import {
  MAX_RECOGNITION_LENGTH,
  type Recognition as StoredRecognition,
} from './domain/recognition';
import { boundedString } from '../../platform/domain/text-rules';
import { TRAIT_IDS, type TraitId } from '../../platform/domain/traits';
import { personView } from '../../people/people-schemas';

/** A recognition's id, as its route matches it. */
export const RECOGNITION_ID = '^[0-9a-f]{24}$';

// "<milliseconds>-<id>": readable by a pattern, so every value the document allows is a cursor.
const CURSOR = /^(0|[1-9][0-9]{0,14})-([0-9a-f]{24})$/;

export const encodeCursor = (r: Pick<StoredRecognition, 'createdAt' | 'id'>) =>
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
    .optional()
    .meta({ description: 'A trait id or value:<id>' }),
  recipient: boundedString(1, 200).optional().meta({ description: 'An Entra object id' }),
  limit: z.coerce.number().int().min(1, 'must be 1–100').max(100, 'must be 1–100').default(20),
  cursor: cursor.optional().meta({ description: 'nextCursor of the previous page' }),
});

/** An ISO week key, as trust health and the wall bucket by: "2026-W48". */

export const recognitionView = z.strictObject({
  id: z.string().regex(new RegExp(RECOGNITION_ID)),
  sender: personView,
  recipients: z.array(personView),
  tag: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('trait'), id: z.enum(TRAIT_IDS as [TraitId, ...TraitId[]]) }),
    z.strictObject({ kind: z.literal('value'), id: z.string(), label: z.string() }),
  ]),
  message: z.string().max(MAX_RECOGNITION_LENGTH),
  agreement: z
    .strictObject({ id: z.string(), title: z.string() })
    .nullable()
    .meta({ description: 'The working agreement it cites ("Living our agreement: …")' }),
  week: isoWeekView,
  createdAt: z.iso.datetime(),
});
export type Recognition = z.output<typeof recognitionView>;

export const recognitionPageView = z
  .strictObject({
    items: z.array(recognitionView),
    nextCursor: z.string().regex(CURSOR).nullable(),
  })
  .meta({ description: 'One page' });
export type RecognitionPage = z.output<typeof recognitionPageView>;

export const quietMembersView = z
  .strictObject({ days: z.number().int().min(1), members: z.array(personView) })
  .meta({ description: 'The quiet members' });
export type QuietMembers = z.output<typeof quietMembersView>;
