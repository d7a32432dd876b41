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

const exportedRecognition = z.strictObject({
  id: z.string(),
  teamId: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  tag: z.string(),
  message: z.string(),
  createdAt: z.iso.datetime(),
});

const proposalRef = { proposalId: z.string(), agreementId: z.string(), teamId: z.string() };

export const personalExportView = z
  .strictObject({
    exportedAt: z.iso.datetime(),
    person: z.strictObject({ tenantId: z.string(), aadObjectId: z.string(), name: z.string() }),
    memberships: z.array(
      z.strictObject({ teamId: z.string(), name: z.string().nullable(), displayName: z.string() }),
    ),
    recognitionsGiven: z.array(exportedRecognition),
    recognitionsReceived: z.array(exportedRecognition),
    openRoundsAnswered: z.array(z.string()),
    checkinVotes: z.array(
      z.strictObject({
        proposalId: z.string(),
        teamId: z.string(),
        vote: z.enum(['approve', 'reject']),
      }),
    ),
    agreementActivity: z.strictObject({
      proposalsMade: z.array(z.strictObject({ ...proposalRef, kind: z.string() })),
      endorsed: z.array(z.strictObject(proposalRef)),
      objections: z.array(z.strictObject({ proposalId: z.string(), reason: z.string() })),
      answers: z.array(z.strictObject({ proposalId: z.string(), text: z.string() })),
    }),
    notStored: z.array(z.string()),
  })
  .meta({ description: 'The export (Content-Disposition: attachment)' });
