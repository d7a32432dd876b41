/** The tab API's contract; served at /api/openapi.json and checked against the routes in tests. */
const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

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
      schemas: {
        Error: errorSchema,
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
