import { z } from 'zod';
import { COMMENT_ID_PATTERN } from '../checkins';
import { boundedString } from '../../platform/domain/text-rules';
import { isoWeekView } from '../../platform/http/common-schemas';
import {
  ACTION_STATUSES,
  actionTitleSchema,
  actionWhySchema,
  dropReasonSchema,
  MAX_THEMES,
  noteSchema,
  replyTextSchema,
  themeNameSchema,
  traitSchema,
} from './domain/follow-through';

// ——— Input ———————————————————————————————————————————————————————————————————

export const commentId = z
  .string()
  .regex(COMMENT_ID_PATTERN, 'is not a comment id: use an id from GET …/feedback')
  .meta({ description: 'A comment’s id from GET …/feedback (its round and place, nothing else)' });

export const actionId = z
  .uuid('is not an action id')
  .meta({ description: 'One of the team’s actions' });

export const replyBody = z.object({ text: replyTextSchema });

export const noteBody = z.object({ text: noteSchema });

export const themesBody = z.object({
  themes: z
    .array(
      z.object({
        name: themeNameSchema,
        commentIds: z.array(commentId).max(200),
      }),
    )
    .max(MAX_THEMES, `keep it to ${MAX_THEMES} themes: a few named themes are easier to act on`),
});

export const actionsQuery = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
});

export const newActionBody = z.object({
  title: actionTitleSchema,
  why: actionWhySchema,
  commentIds: z.array(commentId).max(50).optional(),
  trait: traitSchema.optional(),
  dueDate: z.iso
    .date('is a date, YYYY-MM-DD')
    .meta({ description: 'Today or later, in the team’s zone' }),
});

export const actionChangeBody = z.object({
  status: z.enum(ACTION_STATUSES),
  reason: dropReasonSchema
    .optional()
    .meta({ description: 'Why it was dropped (needed to drop it)' }),
  ownerAadObjectId: boundedString(1, 200)
    .nullable()
    .optional()
    .meta({ description: 'Your own Entra object id to volunteer; null to step down as owner' }),
});

// ——— Answers —————————————————————————————————————————————————————————————————

export const replyView = z
  .strictObject({
    id: z.string(),
    author: z
      .string()
      .meta({ description: 'Who replied: replies are signed and public to the team' }),
    mine: z.boolean(),
    text: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ description: 'The reply' });
export type ReplyView = z.output<typeof replyView>;

export const feedbackCommentView = z.strictObject({
  id: z.string(),
  roundId: z.string(),
  text: z.string(),
  heard: z.boolean(),
  theme: z.string().nullable(),
  replies: z.array(replyView),
});
export type FeedbackComment = z.output<typeof feedbackCommentView>;

export const feedbackView = z
  .strictObject({
    weeks: z.array(z.strictObject({ week: isoWeekView, comments: z.array(feedbackCommentView) })),
  })
  .meta({ description: 'Newest week first; comments carry no author and no time' });
export type Feedback = z.output<typeof feedbackView>;

export const heardView = z
  .strictObject({ id: z.string(), heard: z.literal(true) })
  .meta({ description: 'The comment, marked heard' });

export const themesView = z
  .strictObject({
    roundId: z.string(),
    themes: z.array(z.strictObject({ name: z.string(), commentIds: z.array(z.string()) })),
  })
  .meta({ description: 'The round’s themes; a comment named twice belongs to the last theme' });

const checkBackView = z
  .discriminatedUnion('status', [
    z.strictObject({ status: z.literal('asked'), roundId: z.string() }),
    z.strictObject({
      status: z.literal('ok'),
      roundId: z.string(),
      average: z.number().min(1).max(5),
      answers: z.number().int().min(3),
    }),
    z.strictObject({ status: z.literal('insufficient'), roundId: z.string(), reason: z.string() }),
  ])
  .nullable()
  .meta({
    description: '“Did it help?” in the next check-in: asked, answered (1–5), or too few answers',
  });

export const actionView = z
  .strictObject({
    id: z.uuid(),
    title: z.string(),
    why: z.string(),
    commentIds: z.array(z.string()),
    trait: traitSchema.nullable(),
    dueDate: z.iso.date(),
    status: z.enum(ACTION_STATUSES),
    reason: z.string().nullable(),
    owner: z.strictObject({ name: z.string(), mine: z.boolean() }).nullable(),
    createdAt: z.iso.datetime(),
    doneAt: z.iso.datetime().nullable(),
    checkBack: checkBackView,
    agreementId: z.string().nullable(),
  })
  .meta({ description: 'The action' });
export type ActionView = z.output<typeof actionView>;

export const measuresView = z
  .strictObject({
    quarter: z.string().meta({ example: '2026-Q4' }),
    commentsHeard: z.strictObject({
      heard: z.number().int().min(0),
      comments: z.number().int().min(0),
      share: z.number().min(0).max(1).nullable(),
    }),
    actions: z.strictObject({ done: z.number().int().min(0), planned: z.number().int().min(0) }),
  })
  .meta({
    description:
      'Team level only: comments heard or answered within 7 days of their round’s close, and actions due this quarter done against planned',
  });

export const actionsView = z
  .strictObject({ items: z.array(actionView), measures: measuresView })
  .meta({ description: 'Newest first' });
export type Actions = z.output<typeof actionsView>;

export const agreementFromActionView = z
  .strictObject({ action: actionView, agreementId: z.string() })
  .meta({ description: 'The action, and the working agreement proposed from it' });

const traitTrendView = z.discriminatedUnion('status', [
  z.strictObject({
    trait: traitSchema,
    status: z.literal('shown'),
    average: z.number(),
    trend: z.enum(['up', 'down', 'same', 'new']),
  }),
  z.strictObject({ trait: traitSchema, status: z.literal('not-enough') }),
]);

export const summaryView = z
  .discriminatedUnion('status', [
    z.strictObject({
      roundId: z.string(),
      week: isoWeekView,
      closedAt: z.iso.datetime(),
      status: z.literal('ok'),
      answers: z.number().int().min(0),
      invited: z.number().int().min(0),
      participation: z.number().min(0).max(1).nullable(),
      traits: z.array(traitTrendView),
      comments: z.number().int().min(0),
      actionsDone: z.array(z.strictObject({ id: z.string(), title: z.string() })),
      note: z.string().nullable(),
      posted: z.boolean(),
    }),
    z.strictObject({
      roundId: z.string(),
      week: isoWeekView,
      closedAt: z.iso.datetime(),
      status: z.literal('insufficient'),
      reason: z.string(),
    }),
  ])
  .meta({
    description:
      'What the results card shows: ok, or insufficient when fewer than the minimum answered (then no card goes out)',
  });
export type RoundSummaryView = z.output<typeof summaryView>;
