import {
  errorResponse,
  jsonBody,
  memberOnly,
  queryParameters,
  teamIdParam,
} from '../../platform/http/openapi-common';
import { RECOGNITION_ID, recognitionListQuery } from './recognition-schemas';

const person = {
  type: 'object',
  required: ['aadObjectId', 'name'],
  properties: { aadObjectId: { type: 'string' }, name: { type: 'string' } },
};

const recognition = {
  type: 'object',
  required: ['id', 'sender', 'recipients', 'tag', 'message', 'week', 'createdAt'],
  properties: {
    id: { type: 'string' },
    sender: person,
    recipients: { type: 'array', items: person },
    tag: {
      type: 'object',
      required: ['kind', 'id'],
      properties: {
        kind: { type: 'string', enum: ['trait', 'value'] },
        id: { type: 'string' },
        label: { type: 'string' },
      },
    },
    message: { type: 'string', maxLength: 1000 },
    agreement: {
      type: 'object',
      nullable: true,
      description: 'The working agreement it cites ("Living our agreement: …")',
      required: ['id', 'title'],
      properties: { id: { type: 'string' }, title: { type: 'string' } },
    },
    week: { type: 'string', example: '2026-W48' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const recognitionPaths = {
  '/api/v1/teams/{teamId}/recognitions': {
    get: {
      summary: 'The recognition wall: newest first, filtered by trait or recipient, paged',
      security: [{ bearerAuth: [] }],
      parameters: [
        teamIdParam,
        ...queryParameters(recognitionListQuery, {
          tag: 'A trait id or value:<id>',
          recipient: 'An Entra object id',
          cursor: 'nextCursor of the previous page',
        }),
      ],
      responses: {
        '200': {
          ...jsonBody('One page', {
            type: 'object',
            required: ['items', 'nextCursor'],
            properties: {
              items: { type: 'array', items: recognition },
              nextCursor: { type: 'string', nullable: true },
            },
          }),
          links: {
            deleteRecognition: {
              operationId: 'deleteRecognition',
              parameters: { id: '$response.body#/items/0/id' },
            },
          },
        },
        '400': errorResponse('INVALID_INPUT: the message names each bad query field'),
        ...memberOnly,
      },
    },
  },
  '/api/v1/teams/{teamId}/recognitions/{id}': {
    delete: {
      operationId: 'deleteRecognition',
      summary: 'Delete a recognition you gave (its count leaves the weekly totals too)',
      security: [{ bearerAuth: [] }],
      parameters: [
        teamIdParam,
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: RECOGNITION_ID },
        },
      ],
      responses: {
        '204': { description: 'Deleted' },
        '404': errorResponse('RECOGNITION_NOT_FOUND; or NOT_FOUND: the id is not a recognition id'),
        ...memberOnly,
        '403': errorResponse(
          'RECOGNITION_NOT_YOURS: only the giver can delete it; or NOT_A_MEMBER',
        ),
      },
    },
  },
  '/api/v1/teams/{teamId}/recognitions/quiet': {
    get: {
      summary: 'Members nobody recognized in the last 30 days, in roster order, with no counts',
      security: [{ bearerAuth: [] }],
      parameters: [teamIdParam],
      responses: {
        '200': jsonBody('The quiet members', {
          type: 'object',
          required: ['days', 'members'],
          properties: { days: { type: 'integer' }, members: { type: 'array', items: person } },
        }),
        ...memberOnly,
      },
    },
  },
};
