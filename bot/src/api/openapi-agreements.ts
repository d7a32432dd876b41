import { AGREEMENT_CATEGORIES } from '../domain/agreement';
import { errorResponse, jsonBody, memberOnly, teamIdParam } from './openapi-common';

const categories = [...AGREEMENT_CATEGORIES];
const statuses = ['proposed', 'active', 'retired', 'declined'];

const author = {
  type: 'object',
  required: ['aadObjectId', 'name'],
  properties: { aadObjectId: { type: 'string' }, name: { type: 'string' } },
};

const title = { type: 'string', minLength: 3, maxLength: 120 };
const text = {
  type: 'string',
  minLength: 10,
  maxLength: 2000,
  description: 'Plain text: line breaks and "- " list lines are kept, nothing is rendered',
};
const category = { type: 'string', enum: categories };
const reviewAfterDays = {
  type: 'integer',
  minimum: 7,
  maximum: 365,
  default: 90,
  description: 'Days from adoption (or from a kept review) to the next "Still keeping this?"',
};
const note = { type: 'string', maxLength: 500, description: 'Why: shown with the proposal' };

const wordChanges = {
  type: 'array',
  description: 'Word diff (jsdiff): unchanged, added and removed runs; whitespace kept',
  items: {
    type: 'object',
    required: ['value'],
    properties: {
      value: { type: 'string' },
      added: { type: 'boolean', enum: [true] },
      removed: { type: 'boolean', enum: [true] },
    },
  },
};

const contentDiff = {
  type: 'object',
  nullable: true,
  required: ['title', 'text', 'category'],
  properties: {
    title: wordChanges,
    text: wordChanges,
    category: {
      type: 'object',
      nullable: true,
      required: ['from', 'to'],
      properties: { from: category, to: category },
    },
  },
};

const proposal = {
  type: 'object',
  required: [
    'id',
    'agreementId',
    'kind',
    'status',
    'phase',
    'proposedBy',
    'createdAt',
    'closesAt',
    'tally',
    'objections',
    'myResponse',
    'canRatify',
    'rule',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    agreementId: { type: 'string', format: 'uuid' },
    kind: { type: 'string', enum: ['new', 'change', 'retire'] },
    status: { type: 'string', enum: ['open', 'adopted', 'rejected', 'superseded'] },
    phase: {
      type: 'string',
      enum: ['voting', 'awaiting-answers', 'awaiting-lead', 'decided'],
      description:
        'voting: within the 7-day window; awaiting-answers: the window ended, endorsements win ' +
        'but an objection has no answer; awaiting-lead: the window ended in a tie',
    },
    content: {
      type: 'object',
      nullable: true,
      required: ['title', 'text', 'category'],
      properties: { title, text, category },
    },
    diff: { ...contentDiff, description: 'A change proposal against the version it changes' },
    note: { type: 'string', nullable: true },
    reviewAfterDays: { type: 'integer', nullable: true },
    proposedBy: author,
    createdAt: { type: 'string', format: 'date-time' },
    closesAt: { type: 'string', format: 'date-time' },
    tally: {
      type: 'object',
      required: ['endorsements', 'objections', 'unansweredObjections', 'members'],
      description: 'Counts only: who endorsed is not listed, and no response carries a time',
      properties: {
        endorsements: { type: 'integer' },
        objections: { type: 'integer' },
        unansweredObjections: { type: 'integer' },
        members: { type: 'integer' },
      },
    },
    objections: {
      type: 'array',
      description: 'Signed, with their reasons: an objection needs an answer',
      items: {
        type: 'object',
        required: ['id', 'by', 'reason', 'withdrawn', 'answered', 'answers'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          by: author,
          reason: { type: 'string' },
          withdrawn: { type: 'boolean' },
          answered: { type: 'boolean' },
          answers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'by', 'text'],
              properties: { id: { type: 'string' }, by: author, text: { type: 'string' } },
            },
          },
        },
      },
    },
    myResponse: { type: 'string', enum: ['endorse', 'object'], nullable: true },
    canRatify: { type: 'boolean' },
    decidedAt: { type: 'string', format: 'date-time', nullable: true },
    ratifiedBy: { ...author, nullable: true },
    rule: { type: 'string', description: 'The decision rule, in words' },
  },
};

const agreement = {
  type: 'object',
  required: [
    'id',
    'status',
    'title',
    'text',
    'category',
    'version',
    'reviewOn',
    'reviewAfterDays',
    'createdAt',
    'createdBy',
    'openProposal',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: statuses },
    title,
    text,
    category,
    version: { type: 'integer', minimum: 0, description: '0 until first adopted' },
    templateId: { type: 'string', nullable: true },
    reviewOn: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: 'Local date in the team’s time zone (check-in settings); reminder at 09:00',
    },
    reviewAfterDays: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: author,
    adoptedAt: { type: 'string', format: 'date-time', nullable: true },
    openProposal: { ...proposal, nullable: true },
  },
};

const agreementDetail = {
  allOf: [
    agreement,
    {
      type: 'object',
      required: ['versions', 'history', 'proposals'],
      properties: {
        versions: {
          type: 'array',
          items: {
            type: 'object',
            required: [
              'version',
              'title',
              'text',
              'category',
              'proposedBy',
              'adoptedAt',
              'decidedBy',
            ],
            properties: {
              version: { type: 'integer' },
              title,
              text,
              category,
              proposalId: { type: 'string' },
              proposedBy: author,
              adoptedAt: { type: 'string', format: 'date-time' },
              decidedBy: {
                type: 'object',
                required: ['kind'],
                properties: { kind: { type: 'string', enum: ['team', 'lead'] }, lead: author },
              },
              diff: { ...contentDiff, description: 'Against the previous version; null for v1' },
            },
          },
        },
        history: {
          type: 'array',
          description: 'Who did what, when: proposals, decisions, kept reviews',
          items: {
            type: 'object',
            required: ['kind', 'at'],
            properties: {
              kind: {
                type: 'string',
                enum: [
                  'proposed',
                  'change-proposed',
                  'retire-proposed',
                  'adopted',
                  'changed',
                  'retired',
                  'not-adopted',
                  'superseded',
                  'kept',
                ],
              },
              at: { type: 'string', format: 'date-time' },
              by: { ...author, nullable: true },
              proposalId: { type: 'string', nullable: true },
              version: { type: 'integer', nullable: true },
              reviewOn: { type: 'string', format: 'date', nullable: true },
            },
          },
        },
        proposals: { type: 'array', items: proposal, description: 'Newest first' },
      },
    },
  ],
};

const proposalWithAgreement = {
  allOf: [proposal, { type: 'object', required: ['agreement'], properties: { agreement } }],
};

const idParam = (name: string, what: string) => ({
  name,
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string', format: 'uuid' },
});
const agreementId = idParam('agreementId', 'The agreement');
const proposalId = idParam('proposalId', 'One of the agreement’s proposals');

const body = (schema: object) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const invalid = errorResponse(
  'INVALID_INPUT: the message names each bad field (e.g. "body.reason: …")',
);
const notFound = errorResponse('AGREEMENT_NOT_FOUND or AGREEMENT_PROPOSAL_NOT_FOUND');
const conflicts = (codes: string) => errorResponse(codes);

const proposalPath = '/api/v1/teams/{teamId}/agreements/{agreementId}/proposals/{proposalId}';

/** Working agreements: members only; every write validated, every error code stable. */
export const agreementPaths = {
  '/api/v1/teams/{teamId}/agreement-templates': {
    get: {
      summary: 'Starter agreements the team can adopt as they are or edit before proposing',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam],
      responses: {
        '200': jsonBody('The templates', {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'title', 'category', 'text'],
                properties: {
                  id: { type: 'string' },
                  title,
                  category,
                  text,
                  suggestedMessage: { type: 'string' },
                },
              },
            },
          },
        }),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements': {
    get: {
      summary: 'The team’s agreements: proposed first, then active and past ones by title',
      security: [{ bearerAuth: [] }],
      parameters: [
        teamIdParam,
        { name: 'status', in: 'query', schema: { type: 'string', enum: statuses } },
        { name: 'category', in: 'query', schema: category },
      ],
      responses: {
        '200': jsonBody('The agreements, each with its open proposal', {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: agreement } },
        }),
        '400': invalid,
        ...memberOnly,
      },
    },
    post: {
      summary: 'Propose a new agreement, from a template (any field replaced) or from scratch',
      description:
        'The proposer endorses it. It is posted to the team’s channel with Endorse and Object.',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam],
      requestBody: body({
        type: 'object',
        description: 'templateId, or all of title, text and category',
        properties: {
          templateId: { type: 'string' },
          title,
          text,
          category,
          reviewAfterDays,
          note,
        },
      }),
      responses: {
        '201': jsonBody('The proposed agreement and its proposal', agreement),
        '400': errorResponse('INVALID_INPUT (names each field) or AGREEMENT_UNKNOWN_TEMPLATE'),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements/{agreementId}': {
    get: {
      summary: 'One agreement with its versions (and word diffs), history and proposals',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId],
      responses: {
        '200': jsonBody('The agreement', agreementDetail),
        '400': invalid,
        '404': notFound,
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements/{agreementId}/proposals': {
    post: {
      summary: 'Propose a change (new wording) or retiring an active agreement',
      description:
        'One proposal per agreement at a time: one still in its window answers 409; one past ' +
        'its window that waits for answers or a lead is superseded.',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId],
      requestBody: body({
        type: 'object',
        required: ['kind'],
        properties: {
          kind: { type: 'string', enum: ['change', 'retire'] },
          title,
          text,
          category,
          reviewAfterDays,
          note,
        },
      }),
      responses: {
        '201': jsonBody('The proposal', proposalWithAgreement),
        '400': errorResponse('INVALID_INPUT or AGREEMENT_NO_CHANGE'),
        '404': notFound,
        '409': conflicts('AGREEMENT_NOT_ACTIVE or AGREEMENT_PROPOSAL_OPEN'),
        ...memberOnly,
      },
    },
  },
  [proposalPath]: {
    get: {
      summary: 'One proposal, as the caller sees it',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      responses: {
        '200': jsonBody('The proposal', proposalWithAgreement),
        '404': notFound,
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/endorsements`]: {
    post: {
      summary: 'Endorse (replaces your objection, if any: one response per member)',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      responses: {
        '200': jsonBody('The proposal after your response', proposalWithAgreement),
        '404': notFound,
        '409': conflicts('AGREEMENT_VOTING_CLOSED or AGREEMENT_PROPOSAL_DECIDED'),
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/objections`]: {
    post: {
      summary: 'Object, with a reason (replaces your endorsement or earlier objection)',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      requestBody: body({
        type: 'object',
        required: ['reason'],
        properties: { reason: { type: 'string', minLength: 5, maxLength: 500 } },
      }),
      responses: {
        '201': jsonBody('The proposal with your objection', proposalWithAgreement),
        '400': invalid,
        '404': notFound,
        '409': conflicts('AGREEMENT_VOTING_CLOSED or AGREEMENT_PROPOSAL_DECIDED'),
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/objections/{objectionId}/answers`]: {
    post: {
      summary: 'Answer someone else’s objection (also after the window, until decided)',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId, idParam('objectionId', 'The objection')],
      requestBody: body({
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string', minLength: 2, maxLength: 1000 } },
      }),
      responses: {
        '201': jsonBody(
          'The proposal (adopted, if that was the last open objection)',
          proposalWithAgreement,
        ),
        '400': invalid,
        '404': errorResponse('AGREEMENT_PROPOSAL_NOT_FOUND or AGREEMENT_OBJECTION_NOT_FOUND'),
        '409': conflicts(
          'AGREEMENT_OWN_OBJECTION, AGREEMENT_OBJECTION_WITHDRAWN or AGREEMENT_PROPOSAL_DECIDED',
        ),
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/ratification`]: {
    post: {
      summary: 'A lead adopts a proposal the rule left open after its window',
      description:
        'Only for the check-in settings’ leads, only after the 7-day window, and only when ' +
        'endorsements are at least as many as objections; the objections stay on record.',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      responses: {
        '200': jsonBody('The ratified proposal', proposalWithAgreement),
        '404': notFound,
        '409': conflicts('AGREEMENT_WINDOW_OPEN or AGREEMENT_PROPOSAL_DECIDED'),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD, NOT_A_MEMBER or TENANT_NOT_ALLOWED'),
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements/{agreementId}/review': {
    post: {
      summary: '"Still keeping this?" — keep it: the next review is one review period later',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId],
      requestBody: body({
        type: 'object',
        required: ['decision'],
        properties: {
          decision: { type: 'string', enum: ['keep'] },
          reviewAfterDays,
          reviewOn: {
            type: 'string',
            format: 'date',
            description: 'The review being answered; a repeated keep for it changes nothing',
          },
        },
      }),
      responses: {
        '200': jsonBody('The agreement with its next review date', {
          allOf: [agreement, { type: 'object', properties: { kept: { type: 'boolean' } } }],
        }),
        '400': invalid,
        '404': notFound,
        '409': conflicts('AGREEMENT_NOT_ACTIVE'),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements/{agreementId}/checkin-question': {
    post: {
      summary: 'A lead adds "Are we keeping: …?" to the team’s check-in questions',
      description:
        'The trait follows the category: communication and feedback → psychological safety; ' +
        'availability and collaboration → dependability; meetings and other → structure & ' +
        'clarity; connection → meaning.',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId],
      responses: {
        '201': jsonBody('The question was added', {
          type: 'object',
          required: ['question', 'added', 'questions'],
          properties: {
            question: { type: 'object' },
            added: { type: 'boolean' },
            questions: { type: 'array', items: { type: 'object' } },
          },
        }),
        '200': { description: 'The question was already there (added: false)' },
        '400': errorResponse('INVALID_SETTINGS: e.g. ten questions at most'),
        '404': notFound,
        '409': conflicts('AGREEMENT_NOT_ACTIVE'),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD, NOT_A_MEMBER or TENANT_NOT_ALLOWED'),
      },
    },
  },
};
