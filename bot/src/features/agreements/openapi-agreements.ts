import { AGREEMENT_CATEGORIES } from './domain/agreement';
import {
  agreementListQuery,
  agreementProposalBody,
  answerBody,
  newAgreementBody,
  objectionBody,
  reviewBody,
  uuid,
} from './agreement-schemas';
import {
  errorResponse,
  jsonBody,
  jsonRequest,
  memberOnly,
  pathParameter,
  queryParameters,
  teamIdParam,
} from '../../platform/http/openapi-common';

const categories = [...AGREEMENT_CATEGORIES];
const statuses = ['proposed', 'active', 'retired', 'declined'];

const author = {
  type: 'object',
  required: ['aadObjectId', 'name'],
  properties: { aadObjectId: { type: 'string' }, name: { type: 'string' } },
};

// As stored: requests are described by the schemas the routes parse with (agreement-schemas).
// Normalizing (runs of spaces, blank lines) may leave text shorter than its minimum as typed.
const title = { type: 'string', maxLength: 120 };
const text = {
  type: 'string',
  maxLength: 2000,
  description: 'Plain text: line breaks and "- " list lines are kept, nothing is rendered',
};
const category = { type: 'string', enum: categories };

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

const agreementId = pathParameter('agreementId', uuid('an agreement'), 'The agreement');
const proposalId = pathParameter(
  'proposalId',
  uuid('a proposal'),
  'One of the agreement’s proposals',
);

const invalid = errorResponse(
  'INVALID_INPUT: the message names each bad field (e.g. "body.reason: …") or path id',
);
const notFound = errorResponse('AGREEMENT_NOT_FOUND or AGREEMENT_PROPOSAL_NOT_FOUND');
const conflicts = (codes: string) => errorResponse(codes);

const proposalPath = '/api/v1/teams/{teamId}/agreements/{agreementId}/proposals/{proposalId}';

/**
 * Where an answer's ids lead (OpenAPI links): what a client does next with the agreement and
 * proposal it just made, and what stateful fuzzing follows.
 */
function linksFrom(agreementId: string, proposalId: string) {
  const agreement = { agreementId };
  const proposal = { agreementId, proposalId };
  return {
    getAgreement: { operationId: 'getAgreement', parameters: agreement },
    proposeAgreementChange: { operationId: 'proposeAgreementChange', parameters: agreement },
    reviewAgreement: { operationId: 'reviewAgreement', parameters: agreement },
    addAgreementCheckinQuestion: {
      operationId: 'addAgreementCheckinQuestion',
      parameters: agreement,
    },
    getAgreementProposal: { operationId: 'getAgreementProposal', parameters: proposal },
    endorseAgreementProposal: { operationId: 'endorseAgreementProposal', parameters: proposal },
    objectToAgreementProposal: { operationId: 'objectToAgreementProposal', parameters: proposal },
    ratifyAgreementProposal: { operationId: 'ratifyAgreementProposal', parameters: proposal },
  };
}

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
      parameters: [teamIdParam, ...queryParameters(agreementListQuery)],
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
      requestBody: jsonRequest(newAgreementBody),
      responses: {
        '201': {
          ...jsonBody('The proposed agreement and its proposal', agreement),
          links: linksFrom('$response.body#/id', '$response.body#/openProposal/id'),
        },
        '400': errorResponse('INVALID_INPUT: the message names each bad field'),
        '409': errorResponse(
          'AGREEMENT_PROPOSAL_OPEN: this template is already proposed; the message names that proposal',
        ),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements/{agreementId}': {
    get: {
      operationId: 'getAgreement',
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
      operationId: 'proposeAgreementChange',
      summary: 'Propose a change (new wording) or retiring an active agreement',
      description:
        'One proposal per agreement at a time: one still in its window answers 409; one past ' +
        'its window that waits for answers or a lead is superseded.',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId],
      requestBody: jsonRequest(agreementProposalBody),
      responses: {
        '201': {
          ...jsonBody('The proposal', proposalWithAgreement),
          links: linksFrom('$response.body#/agreementId', '$response.body#/id'),
        },
        '400': invalid,
        '404': notFound,
        '409': conflicts(
          'AGREEMENT_NOT_ACTIVE, AGREEMENT_PROPOSAL_OPEN, or AGREEMENT_NO_CHANGE: the change ' +
            'leaves the current version as it is',
        ),
        ...memberOnly,
      },
    },
  },
  [proposalPath]: {
    get: {
      operationId: 'getAgreementProposal',
      summary: 'One proposal, as the caller sees it',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      responses: {
        '200': jsonBody('The proposal', proposalWithAgreement),
        '400': invalid,
        '404': notFound,
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/endorsements`]: {
    post: {
      operationId: 'endorseAgreementProposal',
      summary: 'Endorse (replaces your objection, if any: one response per member)',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      responses: {
        '200': jsonBody('The proposal after your response', proposalWithAgreement),
        '400': invalid,
        '404': notFound,
        '409': conflicts('AGREEMENT_VOTING_CLOSED or AGREEMENT_PROPOSAL_DECIDED'),
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/objections`]: {
    post: {
      operationId: 'objectToAgreementProposal',
      summary: 'Object, with a reason (replaces your endorsement or earlier objection)',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      requestBody: jsonRequest(objectionBody),
      responses: {
        '201': {
          ...jsonBody('The proposal with your objection', proposalWithAgreement),
          links: {
            answerObjection: {
              operationId: 'answerObjection',
              parameters: {
                agreementId: '$response.body#/agreementId',
                proposalId: '$response.body#/id',
                objectionId: '$response.body#/objections/0/id',
              },
            },
          },
        },
        '400': invalid,
        '404': notFound,
        '409': conflicts('AGREEMENT_VOTING_CLOSED or AGREEMENT_PROPOSAL_DECIDED'),
        ...memberOnly,
      },
    },
  },
  [`${proposalPath}/objections/{objectionId}/answers`]: {
    post: {
      operationId: 'answerObjection',
      summary: 'Answer someone else’s objection (also after the window, until decided)',
      security: [{ bearerAuth: [] }],
      parameters: [
        teamIdParam,
        agreementId,
        proposalId,
        pathParameter('objectionId', uuid('an objection'), 'The objection'),
      ],
      requestBody: jsonRequest(answerBody),
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
      operationId: 'ratifyAgreementProposal',
      summary: 'A lead adopts a proposal the rule left open after its window',
      description:
        'Only for the check-in settings’ leads, only after the 7-day window, and only when ' +
        'endorsements are at least as many as objections; the objections stay on record.',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId, proposalId],
      responses: {
        '200': jsonBody('The ratified proposal', proposalWithAgreement),
        '400': invalid,
        '404': notFound,
        '409': conflicts('AGREEMENT_WINDOW_OPEN or AGREEMENT_PROPOSAL_DECIDED'),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD, NOT_A_MEMBER or TENANT_NOT_ALLOWED'),
      },
    },
  },
  '/api/v1/teams/{teamId}/agreements/{agreementId}/review': {
    post: {
      operationId: 'reviewAgreement',
      summary: '"Still keeping this?" — keep it: the next review is one review period later',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam, agreementId],
      requestBody: jsonRequest(reviewBody),
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
      operationId: 'addAgreementCheckinQuestion',
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
        '400': invalid,
        '404': notFound,
        '409': conflicts(
          'AGREEMENT_NOT_ACTIVE, or AGREEMENT_QUESTIONS_FULL: the check-in has ten questions',
        ),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD, NOT_A_MEMBER or TENANT_NOT_ALLOWED'),
      },
    },
  },
};
