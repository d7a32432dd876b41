import { z } from 'zod';
import { checkinSettingsSchema } from './domain/checkin';
import { boundedString } from '../../platform/domain/text-rules';

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

export const proposalId = z.string().uuid('is not a proposal id');

/** A round's id as the API gives it (`<teamId>|<local date>[-<HHMM>]`), URL-encoded in paths. */
export const roundId = z
  .string()
  .max(600)
  .regex(/\|\d{4}-\d{2}-\d{2}(-\d{4})?$/, 'is not a check-in round id');
