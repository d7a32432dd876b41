import { z } from 'zod';
import { cadenceSchema, checkinSettingsSchema } from './domain/checkin';
import { boundedString } from '../../platform/domain/text-rules';
import { TRAIT_IDS, type TraitId } from '../../platform/domain/traits';
import { isoWeekView } from '../../platform/http/common-schemas';
import { LOCALES } from '../../platform/domain/locales';

export const weeksQuery = z.object({
  weeks: z.coerce.number().int().min(1, 'must be 1–104').max(104, 'must be 1–104').default(12),
});

export const feedbackQuery = z.object({
  rounds: z.coerce.number().int().min(1, 'must be 1–52').max(52, 'must be 1–52').default(12),
});

/** The settings themselves are checked by the check-in service, which names each bad field. */
export const settingsBody = z.object({
  settings: z.unknown(),
  leads: z
    .array(boundedString(1, 200))
    .min(1, 'keep at least one lead')
    .max(50)
    .optional()
    .meta({ description: 'Entra object ids from the team’s roster; 409 names any that is not' }),
});

/** The same body as the document states it, settings included. */
export const settingsBodyDocument = settingsBody.extend({ settings: checkinSettingsSchema });

export const voteBody = z.object({ approve: z.boolean() });

export const proposalId = z
  .string()
  .uuid('is not a proposal id')
  .meta({ description: 'One of the team’s proposals' });

/** A round's id as the API gives it (`<teamId>|<local date>[-<HHMM>]`), URL-encoded in paths. */
export const roundId = z
  .string()
  .max(600)
  .regex(/\|\d{4}-\d{2}-\d{2}(-\d{4})?$/, 'is not a check-in round id')
  .meta({ description: 'The open round’s id, from the settings’ openRound' });

// ——— Answers ——————————————————————————————————————————————————————————————————

const trait = z.enum(TRAIT_IDS as [TraitId, ...TraitId[]]);

/** As stored: a zone the runtime knows, which may be an alias the request's list leaves out. */
const cadenceView = z.strictObject({
  ...cadenceSchema.shape,
  timeZone: z.string().meta({ example: 'Europe/Berlin' }),
});

export const questionView = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  trait,
  text: z.string().min(5).max(200),
});

export const checkinSettingsView = z.strictObject({
  enabled: z.boolean(),
  cadence: cadenceView,
  questions: z.array(questionView).min(1).max(10),
  freeText: z.strictObject({ enabled: z.boolean(), prompt: z.string().min(5).max(200) }),
  minGroupSize: z.number().int().min(3).max(50),
  language: z.enum(LOCALES).meta({
    description:
      'The team’s language: of cards posted for everyone, and for members Rapport has not heard from yet (each member’s own cards follow their Teams language)',
  }),
});
export type CheckinSettings = z.output<typeof checkinSettingsView>;

export const openRoundView = z
  .strictObject({
    id: z.string(),
    closesAt: z.iso.datetime(),
    invited: z.number().int().min(0),
    answered: z.number().int().min(0),
  })
  .meta({ description: 'The round open now: participation only, its results show once it closes' });

export const checkinConfigView = z
  .strictObject({
    settings: checkinSettingsView,
    leads: z.array(z.string()).meta({ description: 'Entra object ids of the members who edit' }),
    isLead: z.boolean(),
    nextRoundAt: z.iso.datetime().nullable().meta({
      description: 'The next opening; none opens while a round is open, so it follows that close',
    }),
    openRound: openRoundView.nullable(),
  })
  .meta({ description: 'The team’s check-in settings' });
export type CheckinConfig = z.output<typeof checkinConfigView>;

export const roundView = z.strictObject({
  id: z.string(),
  week: isoWeekView,
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  invited: z.number().int().min(0),
  status: z.enum(['open', 'closed']),
});
export type CheckinRound = z.output<typeof roundView>;

export const settingsProposalView = z
  .strictObject({
    id: z.uuid(),
    change: z.strictObject({
      cadence: cadenceView.optional(),
      questions: z.array(questionView).optional(),
    }),
    createdAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    status: z.enum(['open', 'adopted', 'rejected']),
    approvals: z.number().int().min(0),
    rejections: z.number().int().min(0),
    myVote: z.enum(['approve', 'reject']).nullable(),
    rule: z.string(),
  })
  .meta({ description: 'The proposal' });
export type SettingsProposal = z.output<typeof settingsProposalView>;

export const settingsProposalsView = z
  .strictObject({ items: z.array(settingsProposalView) })
  .meta({ description: 'Open proposals' });

const recognitionCounts = z.record(z.string(), z.number().int().min(0));

export const trustWeekView = z
  .discriminatedUnion('status', [
    z.strictObject({
      week: isoWeekView,
      status: z.literal('ok'),
      answers: z.number().int().min(0),
      participation: z.number().min(0).max(1).nullable(),
      traits: z.array(
        z.strictObject({
          trait,
          average: z.number(),
          answers: z.number().int().min(0),
        }),
      ),
      recognitions: recognitionCounts,
    }),
    z.strictObject({
      week: isoWeekView,
      status: z.literal('insufficient'),
      reason: z.string(),
      recognitions: recognitionCounts,
    }),
    z.strictObject({
      week: isoWeekView,
      status: z.literal('no-round'),
      recognitions: recognitionCounts,
    }),
  ])
  .meta({
    description:
      'ok: averages per trait answered by at least the minimum group size; insufficient: fewer ' +
      'answered, so only the reason is given; no-round: no check-in that week.',
  });
export type TrustWeek = z.output<typeof trustWeekView>;

export const trustHealthView = z
  .strictObject({ weeks: z.array(trustWeekView), minGroupSize: z.number().int().min(3) })
  .meta({ description: 'Oldest week first' });
export type TrustHealth = z.output<typeof trustHealthView>;
