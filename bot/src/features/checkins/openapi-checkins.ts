import { settingsChangeSchema } from './domain/checkin';
import {
  feedbackQuery,
  proposalId,
  roundId,
  settingsBodyDocument,
  voteBody,
  weeksQuery,
} from './checkin-schemas';
import {
  errorResponse,
  jsonBody,
  jsonRequest,
  memberOnly,
  pathParameter,
  queryParameters,
  teamIdParam,
} from '../../platform/http/openapi-common';

const traitIds = [
  'psychological-safety',
  'dependability',
  'structure-clarity',
  'meaning',
  'impact',
];

const question = {
  type: 'object',
  required: ['id', 'trait', 'text'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    trait: { type: 'string', enum: traitIds },
    text: { type: 'string', minLength: 5, maxLength: 200 },
  },
};

const cadence = {
  type: 'object',
  required: ['every', 'day', 'time', 'timeZone', 'windowHours', 'quietDays'],
  properties: {
    every: { type: 'string', enum: ['week', 'two-weeks'] },
    day: {
      type: 'string',
      enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    },
    time: { type: 'string', example: '09:30' },
    timeZone: { type: 'string', example: 'Europe/Berlin' },
    windowHours: { type: 'integer', minimum: 4, maximum: 168 },
    quietDays: { type: 'array', items: { type: 'string', format: 'date' } },
  },
};

const settings = {
  type: 'object',
  required: ['enabled', 'cadence', 'questions', 'freeText', 'minGroupSize'],
  properties: {
    enabled: { type: 'boolean' },
    cadence,
    questions: { type: 'array', items: question, minItems: 1, maxItems: 10 },
    freeText: {
      type: 'object',
      required: ['enabled', 'prompt'],
      properties: { enabled: { type: 'boolean' }, prompt: { type: 'string' } },
    },
    minGroupSize: { type: 'integer', minimum: 3, maximum: 50 },
  },
};

const settingsView = jsonBody('The team’s check-in settings', {
  type: 'object',
  required: ['settings', 'leads', 'isLead', 'nextRoundAt', 'openRound'],
  properties: {
    settings,
    leads: { type: 'array', items: { type: 'string' } },
    isLead: { type: 'boolean' },
    nextRoundAt: {
      type: 'string',
      format: 'date-time',
      nullable: true,
      description: 'The next opening; none opens while a round is open, so it follows that close',
    },
    openRound: {
      type: 'object',
      nullable: true,
      description: 'The round open now: participation only, its results show once it closes',
      required: ['id', 'closesAt', 'invited', 'answered'],
      properties: {
        id: { type: 'string' },
        closesAt: { type: 'string', format: 'date-time' },
        invited: { type: 'integer' },
        answered: { type: 'integer' },
      },
    },
  },
});

const round = {
  type: 'object',
  required: ['id', 'week', 'opensAt', 'closesAt', 'invited', 'status'],
  properties: {
    id: { type: 'string' },
    week: { type: 'string' },
    opensAt: { type: 'string', format: 'date-time' },
    closesAt: { type: 'string', format: 'date-time' },
    invited: { type: 'integer' },
    status: { type: 'string', enum: ['open', 'closed'] },
  },
};

const proposal = {
  type: 'object',
  required: [
    'id',
    'change',
    'createdAt',
    'closesAt',
    'status',
    'approvals',
    'rejections',
    'myVote',
    'rule',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    change: {
      type: 'object',
      properties: { cadence, questions: { type: 'array', items: question } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    closesAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['open', 'adopted', 'rejected'] },
    approvals: { type: 'integer' },
    rejections: { type: 'integer' },
    myVote: { type: 'string', enum: ['approve', 'reject'], nullable: true },
    rule: { type: 'string' },
  },
};

const week = {
  type: 'object',
  required: ['week', 'status', 'recognitions'],
  description:
    'status ok: averages per trait answered by at least the minimum group size; insufficient: ' +
    'fewer answered, so only the reason is given; no-round: no check-in that week.',
  properties: {
    week: { type: 'string', example: '2026-W48' },
    status: { type: 'string', enum: ['ok', 'insufficient', 'no-round'] },
    reason: { type: 'string' },
    answers: { type: 'integer' },
    participation: { type: 'number', nullable: true },
    traits: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          trait: { type: 'string', enum: traitIds },
          average: { type: 'number' },
          answers: { type: 'integer' },
        },
      },
    },
    recognitions: { type: 'object', additionalProperties: { type: 'integer' } },
  },
};

const security = [{ bearerAuth: [] }];
const invalid = errorResponse(
  'INVALID_INPUT or INVALID_SETTINGS: the message names each bad field',
);

export const checkinPaths = {
  '/api/v1/teams/{teamId}/trust-health': {
    get: {
      summary:
        'Anonymous weekly trust health: averages per trait, participation, recognition counts',
      security,
      parameters: [teamIdParam, ...queryParameters(weeksQuery)],
      responses: {
        '200': jsonBody('Oldest week first', {
          type: 'object',
          required: ['weeks', 'minGroupSize'],
          properties: { weeks: { type: 'array', items: week }, minGroupSize: { type: 'integer' } },
        }),
        '400': invalid,
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/feedback': {
    get: {
      summary:
        'Free-text answers of closed rounds that met the minimum group size, by week, without author or time',
      security,
      parameters: [teamIdParam, ...queryParameters(feedbackQuery)],
      responses: {
        '200': jsonBody('Newest week first', {
          type: 'object',
          required: ['weeks'],
          properties: {
            weeks: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  week: { type: 'string' },
                  comments: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        }),
        '400': invalid,
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/checkin/settings': {
    get: {
      summary: 'Check-in settings, leads and the next opening',
      security,
      parameters: [teamIdParam],
      responses: { '200': settingsView, ...memberOnly },
    },
    put: {
      summary:
        'Change the settings (leads only); a team without leads makes its first editor a lead',
      security,
      parameters: [teamIdParam],
      requestBody: jsonRequest(settingsBodyDocument, 'New settings, and optionally the leads'),
      responses: {
        '200': settingsView,
        '400': invalid,
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD: propose the change instead; or NOT_A_MEMBER'),
        '409': errorResponse('LEAD_NOT_A_MEMBER: a named lead is not in the team’s roster'),
      },
    },
  },
  '/api/v1/teams/{teamId}/checkin/proposals': {
    get: {
      summary: 'Open proposals to change the questions or the cadence, with their tally',
      security,
      parameters: [teamIdParam],
      responses: {
        '200': jsonBody('Open proposals', {
          type: 'object',
          properties: { items: { type: 'array', items: proposal } },
        }),
        ...memberOnly,
      },
    },
    post: {
      summary:
        'Propose new questions and/or cadence; adopted when a majority of those voting within 7 days approve',
      security,
      parameters: [teamIdParam],
      requestBody: jsonRequest(
        settingsChangeSchema,
        'The change: a repeated question id replaces the earlier question',
      ),
      responses: {
        '201': {
          ...jsonBody('The proposal', proposal),
          links: {
            voteOnCheckinProposal: {
              operationId: 'voteOnCheckinProposal',
              parameters: { proposalId: '$response.body#/id' },
            },
          },
        },
        '400': invalid,
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/checkin/proposals/{proposalId}/votes': {
    post: {
      operationId: 'voteOnCheckinProposal',
      summary: 'Approve or reject a proposal (one vote per member; voting again replaces it)',
      security,
      parameters: [
        teamIdParam,
        pathParameter('proposalId', proposalId, 'One of the team’s proposals'),
      ],
      requestBody: jsonRequest(voteBody, 'The vote'),
      responses: {
        '200': jsonBody('The proposal after the vote', proposal),
        '400': invalid,
        '404': errorResponse('PROPOSAL_NOT_FOUND'),
        '409': errorResponse('PROPOSAL_CLOSED: voting has ended'),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/checkin/rounds': {
    post: {
      summary: 'Run a round now (leads only): every member gets the card privately',
      security,
      parameters: [teamIdParam],
      responses: {
        '201': jsonBody('The round, opened now', round),
        '200': jsonBody('The round already open: nothing new was started', round),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD; or NOT_A_MEMBER'),
      },
    },
  },
  '/api/v1/teams/{teamId}/checkin/rounds/{roundId}/close': {
    post: {
      operationId: 'closeCheckinRound',
      summary: 'Close the open round early (leads only): its results show at once',
      security,
      parameters: [
        teamIdParam,
        pathParameter('roundId', roundId, 'The open round’s id, from the settings’ openRound'),
      ],
      responses: {
        '200': jsonBody('The round, closed', round),
        '400': invalid,
        '404': errorResponse('CHECKIN_ROUND_NOT_FOUND'),
        '409': errorResponse('ROUND_NOT_OPEN: it has closed already'),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD; or NOT_A_MEMBER'),
      },
    },
  },
};
