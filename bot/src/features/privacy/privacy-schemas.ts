import { z } from 'zod';

const storedFieldView = z.strictObject({
  field: z.string(),
  why: z.string(),
  visibleTo: z.string(),
  kept: z.string(),
});

export const privacyView = z
  .strictObject({
    stored: z.array(z.strictObject({ record: z.string(), fields: z.array(storedFieldView) })),
    notStored: z.array(z.string()),
  })
  .meta({ description: 'The stored-data description' });

export type PrivacyDescription = z.output<typeof privacyView>;
