import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  answerTextSchema,
  categorySchema,
  noteSchema,
  objectionReasonSchema,
  reviewAfterDaysSchema,
  textSchema,
  titleSchema,
  type AgreementStatus,
} from './domain/agreement';
import { AGREEMENT_TEMPLATES } from './domain/agreement-templates';

export const uuid = (what: string) => z.string().uuid(`is not ${what} id`);

export const agreementListQuery = z.object({
  status: z
    .enum(AGREEMENT_STATUSES as [AgreementStatus, ...AgreementStatus[]], {
      error: `must be one of ${AGREEMENT_STATUSES.join(', ')}`,
    })
    .optional(),
  category: categorySchema.optional(),
});

const templateIds = AGREEMENT_TEMPLATES.map((t) => t.id) as [string, ...string[]];

export const newAgreementBody = z
  .object({
    templateId: z.enum(templateIds, { error: 'is not one of the agreement templates' }).optional(),
    title: titleSchema.optional(),
    text: textSchema.optional(),
    category: categorySchema.optional(),
    reviewAfterDays: reviewAfterDaysSchema.optional(),
    note: noteSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.templateId !== undefined) return;
    for (const field of ['title', 'text', 'category'] as const) {
      if (body[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'is needed when no template is chosen',
        });
      }
    }
  })
  .meta({
    description: 'templateId, or all of title, text and category',
    anyOf: [{ required: ['templateId'] }, { required: ['title', 'text', 'category'] }],
  });

export const agreementProposalBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('change'),
      title: titleSchema.optional(),
      text: textSchema.optional(),
      category: categorySchema.optional(),
      reviewAfterDays: reviewAfterDaysSchema.optional(),
      note: noteSchema.optional(),
    }),
    z.object({ kind: z.literal('retire'), note: noteSchema.optional() }),
  ],
  { error: 'kind must be "change" or "retire"' },
);

export const objectionBody = z.object({ reason: objectionReasonSchema });

export const answerBody = z.object({ text: answerTextSchema });

export const reviewBody = z.object({
  decision: z.literal('keep', {
    error: 'decision must be "keep" (to change or retire it, propose that)',
  }),
  reviewAfterDays: reviewAfterDaysSchema.optional(),
  reviewOn: z.iso
    .date('is the review date being answered, YYYY-MM-DD')
    .optional()
    .meta({ description: 'The review being answered; a repeated keep for it changes nothing' }),
});
