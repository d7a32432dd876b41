import {
  errorResponse,
  jsonBody,
  jsonRequest,
  memberOnly,
  teamIdParam,
} from '../platform/http/openapi-common';
import { valuesBody } from '../features/recognition/team-values-schemas';

const security = [{ bearerAuth: [] }];
const person = {
  type: 'object',
  required: ['aadObjectId', 'name'],
  properties: { aadObjectId: { type: 'string' }, name: { type: 'string' } },
};
const values = {
  type: 'object',
  required: ['values'],
  properties: {
    values: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['id', 'label'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
          label: { type: 'string', minLength: 2, maxLength: 60 },
        },
      },
    },
  },
};
const authOnly = {
  '401': errorResponse('TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED: sign in again'),
};

/** The roster, the team's values, and a member's own data (export and erasure). */
export const peoplePaths = {
  '/api/v1/teams/{teamId}/members': {
    get: {
      summary: 'The team’s roster: names and ids only',
      security,
      parameters: [teamIdParam],
      responses: {
        '200': jsonBody('Members in name order', {
          type: 'object',
          required: ['members'],
          properties: { members: { type: 'array', items: person } },
        }),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/values': {
    get: {
      summary: 'The team’s own values, recognizable beside the five traits',
      security,
      parameters: [teamIdParam],
      responses: { '200': jsonBody('The values', values), ...memberOnly },
    },
    put: {
      summary: 'Replace the team’s values (leads only)',
      security,
      parameters: [teamIdParam],
      requestBody: jsonRequest(
        valuesBody,
        'The values; a repeated id replaces the earlier value, as in a JSON object',
      ),
      responses: {
        '200': jsonBody('The values', values),
        '400': errorResponse('INVALID_INPUT: the message names each bad field'),
        ...memberOnly,
        '403': errorResponse('NOT_A_LEAD; or NOT_A_MEMBER'),
      },
    },
  },
  '/api/v1/me/export': {
    get: {
      summary: 'Everything Rapport stores about the caller, as a JSON download',
      security,
      responses: {
        '200': jsonBody('The export (Content-Disposition: attachment)', { type: 'object' }),
        ...authOnly,
      },
    },
  },
  '/api/v1/me': {
    delete: {
      summary:
        'Erase the caller’s data: recognitions given or received, votes on decided proposals; names on agreements become “Former member”. Anonymous aggregates stay intact.',
      security,
      responses: { '204': { description: 'Erased' }, ...authOnly },
    },
  },
};
