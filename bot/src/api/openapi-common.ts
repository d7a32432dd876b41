/** Pieces shared by the OpenAPI path modules. */
export const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The answers every route behind bearerAuth can give when the token or membership fails. */
export const authResponses = {
  '401': errorResponse(
    'TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED: sign in again (WWW-Authenticate: Bearer)',
  ),
  '403': errorResponse('TENANT_NOT_ALLOWED: the token is from another organization'),
  '503': errorResponse('AUTH_UNAVAILABLE: the signing keys could not be fetched; retry later'),
};

export const teamSummary = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  properties: {
    id: { type: 'string', description: 'Teams team id, or the conversation id of a chat' },
    name: { type: 'string', nullable: true },
    kind: { type: 'string', enum: ['team', 'groupChat', 'personal'] },
  },
};

/** The path parameter every team-scoped route shares. */
export const teamIdParam = {
  name: 'teamId',
  in: 'path',
  required: true,
  description: 'The Teams team id, or a group chat’s conversation id, URL-encoded',
  schema: { type: 'string' },
};

export const memberOnly = {
  ...authResponses,
  '403': errorResponse(
    'NOT_A_MEMBER: not in this team’s roster, or no such team (the same answer); ' +
      'TENANT_NOT_ALLOWED: the token is from another organization',
  ),
};

export const jsonBody = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});
