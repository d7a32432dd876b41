import { z } from 'zod';
import { lastById, plainText } from '../../platform/domain/text-rules';

export const valuesBody = z.object({
  values: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'ids are 1–40 lowercase letters, digits or "-"'),
        label: plainText(2, 60, {
          short: 'a value needs a name',
          long: 'keep a value’s name under 60 characters',
        }).transform((s) => s.trim()),
      }),
    )
    .max(10, 'ten values at most')
    .transform(lastById),
});

export const teamValuesView = z
  .strictObject({
    values: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/),
          label: z.string().min(2).max(60),
        }),
      )
      .max(10),
  })
  .meta({ description: 'The values' });
