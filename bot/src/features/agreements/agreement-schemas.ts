import { z } from 'zod';
import { AGREEMENT_CATEGORIES } from './domain/agreement-categories';
import {
  AGREEMENT_STATUSES,
  MAX_TEXT,
  MAX_TITLE,
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
import { personView } from '../../people/people-schemas';
import { questionView } from '../checkins';

export const uuid = (what: string) => z.string().uuid(`is not ${what} id`);

export const agreementParams = z.object({
  agreementId: uuid('an agreement').meta({ description: 'The agreement' }),
});

/** The proposal's id is checked first, as it always was. */
export const proposalParams = z.object({
  proposalId: uuid('a proposal').meta({ description: 'One of the agreement’s proposals' }),
  agreementId: agreementParams.shape.agreementId,
});

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

// ——— Answers ——————————————————————————————————————————————————————————————————
// As stored: normalizing (runs of spaces, blank lines) may leave text shorter than its minimum
// as typed, so answers state only the maximum.

const title = z.string().max(MAX_TITLE);
const text = z.string().max(MAX_TEXT).meta({
  description: 'Plain text: line breaks and "- " list lines are kept, nothing is rendered',
});
const category = z.enum(AGREEMENT_CATEGORIES);
export type AgreementCategory = z.output<typeof category>;
const at = z.iso.datetime();

export const wordChangeView = z.strictObject({
  value: z.string(),
  added: z.literal(true).optional(),
  removed: z.literal(true).optional(),
});
export type WordChange = z.output<typeof wordChangeView>;

const wordChanges = z
  .array(wordChangeView)
  .meta({ description: 'Word diff (jsdiff): unchanged, added and removed runs; whitespace kept' });

export const contentDiffView = z.strictObject({
  title: wordChanges,
  text: wordChanges,
  category: z.strictObject({ from: category, to: category }).nullable(),
});
export type ContentDiff = z.output<typeof contentDiffView>;

export const agreementContentView = z.strictObject({ title, text, category });
export type AgreementContent = z.output<typeof agreementContentView>;

const objectionView = z.strictObject({
  id: z.uuid(),
  by: personView,
  reason: z.string(),
  withdrawn: z.boolean(),
  answered: z.boolean(),
  answers: z.array(z.strictObject({ id: z.string(), by: personView, text: z.string() })),
});

const count = z.number().int().min(0);

export const agreementProposalView = z.strictObject({
  id: z.uuid(),
  agreementId: z.uuid(),
  kind: z.enum(['new', 'change', 'retire']),
  status: z.enum(['open', 'adopted', 'rejected', 'superseded']),
  phase: z.enum(['voting', 'awaiting-answers', 'awaiting-lead', 'decided']).meta({
    description:
      'voting: within the 7-day window; awaiting-answers: the window ended, endorsements win ' +
      'but an objection has no answer; awaiting-lead: the window ended in a tie',
  }),
  content: agreementContentView.nullable(),
  diff: contentDiffView
    .nullable()
    .meta({ description: 'A change proposal against the version it changes' }),
  note: z.string().nullable(),
  reviewAfterDays: z.number().int().nullable(),
  proposedBy: personView,
  createdAt: at,
  closesAt: at,
  tally: z
    .strictObject({
      endorsements: count,
      objections: count,
      unansweredObjections: count,
      members: count,
    })
    .meta({
      description: 'Counts only: who endorsed is not listed, and no response carries a time',
    }),
  objections: z
    .array(objectionView)
    .meta({ description: 'Signed, with their reasons: an objection needs an answer' }),
  myResponse: z.enum(['endorse', 'object']).nullable(),
  canRatify: z.boolean(),
  decidedAt: at.nullable(),
  ratifiedBy: personView.nullable(),
  rule: z.string().meta({ description: 'The decision rule, in words' }),
});
export type AgreementProposal = z.output<typeof agreementProposalView>;

export const agreementSummaryView = z.strictObject({
  id: z.uuid(),
  status: z.enum(AGREEMENT_STATUSES as [AgreementStatus, ...AgreementStatus[]]),
  title,
  text,
  category,
  version: z.number().int().min(0).meta({ description: '0 until first adopted' }),
  templateId: z.string().nullable(),
  reviewOn: z.iso.date().nullable().meta({
    description: 'Local date in the team’s time zone (check-in settings); reminder at 09:00',
  }),
  reviewAfterDays: z.number().int(),
  createdAt: at,
  createdBy: personView,
  adoptedAt: at.nullable(),
  openProposal: agreementProposalView.nullable(),
});
export type AgreementSummary = z.output<typeof agreementSummaryView>;

const agreementVersionView = z.strictObject({
  version: z.number().int().min(1),
  title,
  text,
  category,
  proposalId: z.string(),
  proposedBy: personView,
  adoptedAt: at,
  decidedBy: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('team') }),
    z.strictObject({ kind: z.literal('lead'), lead: personView }),
  ]),
  diff: contentDiffView
    .nullable()
    .meta({ description: 'Against the previous version; null for v1' }),
});

const agreementEventView = z.strictObject({
  kind: z.enum([
    'proposed',
    'change-proposed',
    'retire-proposed',
    'adopted',
    'changed',
    'retired',
    'not-adopted',
    'superseded',
    'kept',
  ]),
  at,
  by: personView.nullable(),
  proposalId: z.string().nullable(),
  version: z.number().int().nullable(),
  reviewOn: z.iso.date().nullable(),
});

export const agreementDetailView = agreementSummaryView
  .extend({
    versions: z.array(agreementVersionView),
    history: z
      .array(agreementEventView)
      .meta({ description: 'Who did what, when: proposals, decisions, kept reviews' }),
    proposals: z.array(agreementProposalView).meta({ description: 'Newest first' }),
  })
  .meta({ description: 'One agreement with its versions, history and proposals' });
export type AgreementDetail = z.output<typeof agreementDetailView>;

/** What every proposal action answers: the proposal, and its agreement without the proposal. */
export const proposalWithAgreementView = agreementProposalView.extend({
  agreement: agreementSummaryView,
});
export type ProposalWithAgreement = z.output<typeof proposalWithAgreementView>;

export const agreementListView = z
  .strictObject({ items: z.array(agreementSummaryView) })
  .meta({ description: 'The agreements, each with its open proposal' });

export const keptAgreementView = agreementSummaryView
  .extend({ kept: z.boolean() })
  .meta({ description: 'The agreement with its next review date' });

export const agreementTemplatesView = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        title,
        category,
        text,
        suggestedMessage: z.string().optional(),
      }),
    ),
  })
  .meta({ description: 'The templates' });
export type AgreementTemplate = z.output<typeof agreementTemplatesView>['items'][number];

export const checkinQuestionAddedView = z.strictObject({
  question: questionView,
  added: z.boolean(),
  questions: z.array(questionView),
});
