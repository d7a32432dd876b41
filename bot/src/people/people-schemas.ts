import { z } from 'zod';

/** Someone as the API names them: never more than their id and display name. */
export const personView = z.strictObject({ aadObjectId: z.string(), name: z.string() });
export type Person = z.output<typeof personView>;

export const teamSummaryView = z.strictObject({
  id: z.string().meta({ description: 'Teams team id, or the conversation id of a chat' }),
  name: z.string().nullable(),
  kind: z.enum(['team', 'groupChat', 'personal']),
});
export type TeamSummary = z.output<typeof teamSummaryView>;

export const meView = z
  .strictObject({
    tenantId: z.string(),
    aadObjectId: z.string(),
    name: z.string(),
    teams: z.array(teamSummaryView),
  })
  .meta({ description: 'The caller and the active teams and chats whose roster holds them' });
export type Me = z.output<typeof meView>;

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
export type TeamInfo = z.output<typeof teamInfoView>;

export const membersView = z
  .strictObject({ members: z.array(personView) })
  .meta({ description: 'Members in name order' });
