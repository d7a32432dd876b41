import { z } from 'zod';
import { boundedString } from '../../platform/domain/text-rules';
import {
  coffeeSettingsSchema,
  MAX_AVOIDED,
  timeZoneSchema,
  workingHoursSchema,
} from './domain/coffee';

// ——— Requests ————————————————————————————————————————————————————————————————

export const coffeeSettingsBody = coffeeSettingsSchema;

export const coffeeMeBody = z
  .object({
    status: z.enum(['in', 'out', 'paused']).optional().meta({
      description:
        'in: take part; out: leave; paused: skip rounds until pausedUntil (or until you come back)',
    }),
    pausedUntil: z.iso
      .date('pausedUntil is a date, YYYY-MM-DD')
      .optional()
      .meta({ description: 'The last day of the pause, in the team’s time zone; after today' }),
    timeZone: timeZoneSchema.optional(),
    workingHours: workingHoursSchema.optional().meta({
      description:
        'Your usual hours in your own time zone: partners with hours in common are preferred',
    }),
    avoid: z
      .array(boundedString(1, 200))
      .max(MAX_AVOIDED, `at most ${MAX_AVOIDED} people`)
      .optional()
      .meta({
        description:
          'Entra object ids of teammates you would rather not be paired with. Private: nobody else ever sees it',
      }),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'send at least one of status, pausedUntil, timeZone, workingHours or avoid',
  })
  .meta({ minProperties: 1 });

export const coffeeRoundId = z
  .string()
  .max(600)
  .regex(/\|\d+$/, 'is not a coffee round id')
  .meta({ description: 'A round’s id, from a member’s match' });

// ——— Answers —————————————————————————————————————————————————————————————————

const timeView = z.string().regex(/^\d{2}:\d{2}$/);

export const coffeePartnerView = z.strictObject({
  aadObjectId: z.string(),
  name: z.string(),
  timeZone: z.string().nullable(),
  aheadMinutes: z.number().int().meta({ description: 'How far ahead of you their clock is' }),
  sharedHours: z
    .strictObject({ start: timeView, end: timeView })
    .nullable()
    .meta({ description: 'Working hours you share, in your own time; null when none' }),
});

export const coffeeMatchView = z.strictObject({
  roundId: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  partners: z.array(coffeePartnerView),
  starter: z.string().meta({ description: 'A conversation starter, the same for the whole group' }),
  chatLink: z.string().nullable().meta({ description: 'Teams link to a chat with the group' }),
  meetingLink: z.string().nullable().meta({ description: 'Teams link to schedule 30 minutes' }),
  myAnswer: z.enum(['met', 'not-yet', 'skip']).nullable(),
});

export const coffeeView = z
  .strictObject({
    settings: z.strictObject(coffeeSettingsSchema.shape),
    timeZone: z.string().meta({ description: 'The team’s time zone: rounds start in it' }),
    isLead: z.boolean(),
    nextRoundAt: z.iso.datetime().nullable(),
    me: z.strictObject({
      status: z.enum(['in', 'out', 'paused']),
      pausedUntil: z.iso.date().nullable().meta({
        description: 'Paused until this date; null when paused until you come back, or not paused',
      }),
      timeZone: z.string().nullable(),
      timeZoneSource: z.enum(['member', 'teams']).nullable().meta({
        description: 'member: you set it; teams: Teams reported it with your messages',
      }),
      workingHours: z.strictObject({ start: timeView, end: timeView }).nullable(),
      avoid: z
        .array(z.string())
        .meta({ description: 'Your own private list; shown to nobody else' }),
      match: coffeeMatchView.nullable(),
    }),
    stats: z.strictObject({
      members: z.number().int().meta({ description: 'Members taking part' }),
      paused: z.number().int(),
      recent: z
        .array(
          z.strictObject({
            startsAt: z.iso.datetime(),
            groups: z.number().int(),
            met: z.number().int().meta({ description: 'Groups in which someone said “we met”' }),
          }),
        )
        .meta({ description: 'The latest closed rounds, oldest first' }),
    }),
  })
  .meta({ description: 'Virtual coffee as the caller sees it: only their own match is shown' });

export const pairNowView = z.strictObject({
  roundId: z.string(),
  groups: z
    .number()
    .int()
    .meta({ description: 'How many groups; members learn their own match only' }),
});

export type CoffeeView = z.output<typeof coffeeView>;
export type CoffeeMatch = z.output<typeof coffeeMatchView>;
export type CoffeeSettingsBody = z.input<typeof coffeeSettingsBody>;
export type CoffeeMeBody = z.input<typeof coffeeMeBody>;
