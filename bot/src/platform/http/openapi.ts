/** The tab API's contract; served at /api/openapi.json and checked against the routes in tests. */
import { devTokenBody } from './auth/dev-tokens';
import {
  authResponses,
  errorResponse,
  errorSchema,
  jsonRequest,
  teamSummary,
} from './openapi-common';
import { checkinPaths } from '../../features/checkins/openapi-checkins';
import { peoplePaths } from '../../people/openapi-people';
import { agreementPaths } from '../../features/agreements/openapi-agreements';
import { recognitionPaths } from '../../features/recognition/openapi-recognitions';

export function openApiDocument(version: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Rapport API',
      version,
      description:
        'The API behind the Rapport tab. Team-scoped routes live under /api/v1/teams/{teamId}; ' +
        'teamId is the Teams team id or, for a group chat, the conversation id, URL-encoded.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'In Teams, the tab’s SSO token (Entra ID). Locally, with AUTH_MODE=dev, a token from ' +
            'POST /api/dev/token. Both are checked by the same validator.',
        },
      },
      schemas: {
        Error: errorSchema,
        TeamSummary: teamSummary,
        StoredField: {
          type: 'object',
          required: ['field', 'why', 'visibleTo', 'kept'],
          properties: {
            field: { type: 'string' },
            why: { type: 'string' },
            visibleTo: { type: 'string' },
            kept: { type: 'string' },
          },
        },
      },
    },
    paths: {
      ...recognitionPaths,
      ...checkinPaths,
      ...peoplePaths,
      ...agreementPaths,
      '/api/dev/token': {
        post: {
          summary: 'Mint a 12-hour dev token (AUTH_MODE=dev only; 404 otherwise)',
          description:
            'Signed by a key generated at start-up and kept in memory: tokens stop working ' +
            'when the process restarts.',
          requestBody: jsonRequest(devTokenBody, 'userId is the aadObjectId the token speaks for'),
          responses: {
            '200': {
              description: 'The token, for an Authorization: Bearer header',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['token'],
                    properties: { token: { type: 'string' } },
                  },
                },
              },
            },
            '400': errorResponse('INVALID_INPUT: the message names the field'),
            '404': errorResponse('NOT_FOUND: not in dev mode'),
          },
        },
      },
      '/api/v1/me': {
        ...peoplePaths['/api/v1/me'],
        get: {
          summary: 'Who the token says you are, and the teams and chats you can open',
          security: [{ bearerAuth: [] }],
          responses: {
            '200': {
              description: 'The caller and the active teams and chats whose roster holds them',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['tenantId', 'aadObjectId', 'name', 'teams'],
                    properties: {
                      tenantId: { type: 'string' },
                      aadObjectId: { type: 'string' },
                      name: { type: 'string' },
                      teams: { type: 'array', items: { $ref: '#/components/schemas/TeamSummary' } },
                    },
                  },
                },
              },
            },
            ...authResponses,
          },
        },
      },
      '/api/v1/teams/{teamId}': {
        get: {
          summary: 'One team or chat, for its members only',
          security: [{ bearerAuth: [] }],
          parameters: [
            {
              name: 'teamId',
              in: 'path',
              required: true,
              description: 'The Teams team id, or a group chat’s conversation id, URL-encoded',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': {
              description: 'The team, its member count and when Rapport was installed',
              content: {
                'application/json': {
                  schema: {
                    allOf: [
                      { $ref: '#/components/schemas/TeamSummary' },
                      {
                        type: 'object',
                        required: ['members', 'installedAt'],
                        properties: {
                          members: { type: 'integer', minimum: 0 },
                          installedAt: {
                            type: 'string',
                            format: 'date-time',
                            nullable: true,
                            description:
                              'When Rapport was last installed here (null if not recorded); ' +
                              'trust health has nothing to show for the weeks before',
                          },
                        },
                      },
                    ],
                  },
                },
              },
            },
            ...authResponses,
            '403': errorResponse(
              'NOT_A_MEMBER: not in this team’s roster, or no such team (the same answer); ' +
                'TENANT_NOT_ALLOWED: the token is from another organization',
            ),
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness and database reachability',
          responses: {
            '200': { description: 'The app and its database answer' },
            '503': { description: 'The database is unreachable' },
          },
        },
      },
      '/api/v1/privacy': {
        get: {
          summary: 'Every record and field Rapport stores, who can see it and how long it is kept',
          responses: {
            '200': {
              description: 'The stored-data description',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['stored', 'notStored'],
                    properties: {
                      stored: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['record', 'fields'],
                          properties: {
                            record: { type: 'string' },
                            fields: {
                              type: 'array',
                              items: { $ref: '#/components/schemas/StoredField' },
                            },
                          },
                        },
                      },
                      notStored: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
