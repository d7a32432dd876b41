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

/** The export: the person and their rosters, then each feature's keys in the feature list's order. */
export function personalExportView(exported: Readonly<Record<string, z.ZodType>>) {
  return z
    .strictObject({
      exportedAt: z.iso.datetime(),
      person: z.strictObject({ tenantId: z.string(), aadObjectId: z.string(), name: z.string() }),
      memberships: z.array(
        z.strictObject({
          teamId: z.string(),
          name: z.string().nullable(),
          displayName: z.string(),
        }),
      ),
      ...exported,
      notStored: z.array(z.string()),
    })
    .meta({ description: 'The export (Content-Disposition: attachment)' });
}

export type PersonalExportView = ReturnType<typeof personalExportView>;
