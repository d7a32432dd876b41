import { z } from 'zod';

/** Someone as the API names them: never more than their id and display name. */
export const personView = z.strictObject({ aadObjectId: z.string(), name: z.string() });

export const teamSummaryView = z.strictObject({
  id: z.string().meta({ description: 'Teams team id, or the conversation id of a chat' }),
  name: z.string().nullable(),
  kind: z.enum(['team', 'groupChat', 'personal']),
});

export const meView = z
  .strictObject({
    tenantId: z.string(),
    aadObjectId: z.string(),
    name: z.string(),
    teams: z.array(teamSummaryView),
  })
  .meta({ description: 'The caller and the active teams and chats whose roster holds them' });

export const teamInfoView = teamSummaryView
  .extend({
    members: z.number().int().min(0),
    installedAt: z.iso
      .datetime()
      .nullable()
      .meta({
        description:
          'When Rapport was last installed here (null if not recorded); trust health has ' +
          'nothing to show for the weeks before',
      }),
  })
  .meta({ description: 'The team, its member count and when Rapport was installed' });

export const membersView = z
  .strictObject({ members: z.array(personView) })
  .meta({ description: 'Members in name order' });

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

export type Person = z.output<typeof personView>;
export type TeamSummary = z.output<typeof teamSummaryView>;
export type Me = z.output<typeof meView>;
export type TeamInfo = z.output<typeof teamInfoView>;
