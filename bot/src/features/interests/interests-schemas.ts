import { z } from 'zod';
import { plainText, visibleCharactersPattern } from '../../platform/domain/text-rules';
import { personView } from '../../people/people-schemas';
import { MAX_TAG_LENGTH, MAX_TAGS, displayTag, tagKey } from './domain/tags';

// ——— Requests ————————————————————————————————————————————————————————————————

/** One interest as a person types it; "Dogs", "dog" and "#dogs" are the same one. */
export const tagSchema = plainText(1, MAX_TAG_LENGTH, {
  short: 'an interest cannot be empty',
  long: `keep each interest to ${MAX_TAG_LENGTH} characters`,
})
  // Blank text is refused above; this refuses what normalising empties.
  .refine((t) => tagKey(t) !== '' || !/\S/u.test(t), 'an interest needs a word, not only “#”')
  .meta({
    pattern: visibleCharactersPattern(1, '#'),
    description:
      'An interest, free text: case, spaces, a leading “#” and simple English plurals do not make another one',
  });

export const myTagsBody = z.object({
  tags: z
    .array(tagSchema)
    .max(MAX_TAGS, `keep at most ${MAX_TAGS} interests: remove one to add another`)
    .superRefine((tags, ctx) => {
      const firstOf = new Map<string, string>();
      for (const tag of tags) {
        const first = firstOf.get(tagKey(tag));
        if (first === undefined) firstOf.set(tagKey(tag), tag);
        else
          ctx.addIssue({
            code: 'custom',
            message: `“${displayTag(first)}” and “${displayTag(tag)}” are the same interest: keep one`,
          });
      }
    })
    .meta({
      // JSON Schema can say "no repeats", not "no two the same once normalised": the
      // description says the rest.
      uniqueItems: true,
      description:
        'All your interests in this team, each once (“Dogs” and “dog” are the same): circles you are not in are joined, circles missing here are left. [] takes you out of every circle',
    }),
});

export const tagParams = z.object({
  tag: tagSchema.meta({ description: 'The circle’s interest, in any spelling (“Dogs”, “dog”)' }),
});

export const newTalkBody = z.object({
  title: plainText(3, 100, {
    short: 'give the talk a title of at least 3 characters',
    long: 'keep the title to 100 characters',
  }).transform((s) => s.trim()),
  summary: plainText(10, 300, {
    short: 'say in a sentence what the talk is about (at least 10 characters)',
    long: 'keep it to one sentence of at most 300 characters',
  })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .meta({ description: 'One sentence about the talk' }),
});

export const talkParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'is not a talk id')
    .meta({ description: 'A talk’s id, from the list of talks' }),
});

// ——— Answers —————————————————————————————————————————————————————————————————

const tagView = z.string().meta({ description: 'The circle’s key: the interest normalised' });

export const circleView = z.strictObject({
  tag: tagView,
  label: z.string().meta({ description: 'The interest as the circle’s first member wrote it' }),
  count: z.number().int().min(1),
  members: z.array(personView).meta({ description: 'Members of the team in the circle, by name' }),
  mine: z.boolean().meta({ description: 'Whether you are in it' }),
});

export const talkView = z.strictObject({
  id: z.string(),
  tag: tagView,
  circle: z.string().meta({ description: 'The circle’s label' }),
  title: z.string(),
  summary: z.string(),
  proposer: personView.nullable().meta({ description: 'null once they have left the team' }),
  proposedAt: z.iso.datetime(),
  wanted: z.number().int().meta({ description: 'How many people said “I’d come”' }),
  needed: z.number().int().min(1).meta({
    description: '3, or half the circle (rounded up) when it has fewer than 6 members',
  }),
  iWouldCome: z.boolean(),
  mine: z.boolean().meta({ description: 'Whether you proposed it' }),
  invitedAt: z.iso.datetime().nullable().meta({
    description: 'When the proposer was sent a meeting link inviting everyone who would come',
  }),
  meetingLink: z.string().nullable().meta({
    description:
      'For the proposer once enough people want it: a Teams link to a new meeting with them',
  }),
});

export const interestsView = z
  .strictObject({
    circles: z.array(circleView).meta({ description: 'Largest first' }),
    talks: z.array(talkView).meta({ description: 'Talks on offer, newest first' }),
  })
  .meta({ description: 'The team’s interest circles and lightning talks: team members only' });

export const introductionView = z
  .strictObject({
    others: z.array(personView),
    chatLink: z.string().nullable().meta({
      description: 'A Teams link to a group chat with them, also on the card Rapport sends you',
    }),
  })
  .meta({ description: 'Rapport sends you a card in your chat with it, listing the others' });

export type InterestsView = z.output<typeof interestsView>;
export type CircleView = z.output<typeof circleView>;
export type TalkView = z.output<typeof talkView>;
export type IntroductionView = z.output<typeof introductionView>;
export type NewTalkBody = z.input<typeof newTalkBody>;
