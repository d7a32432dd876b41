import { z } from 'zod';

export const storedFieldView = z.strictObject({
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

export type StoredField = z.output<typeof storedFieldView>;
export type PrivacyDescription = z.output<typeof privacyView>;
