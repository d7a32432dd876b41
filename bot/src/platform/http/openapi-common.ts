/** Pieces shared by the OpenAPI path modules. */
import { z } from 'zod';

/**
 * The JSON Schema of what a route accepts, built from the zod schema the route parses with, so
 * that the document and the server cannot disagree.
 */
export const requestSchema = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as Record<string, unknown>;

/** A JSON request body the route requires (an absent body is parsed as `{}` and refused). */
export const jsonRequest = (schema: z.ZodType, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema: requestSchema(schema) } },
});

/** One query parameter per field of the route's query schema. */
export function queryParameters(
  schema: z.ZodObject,
  descriptions: Record<string, string> = {},
): object[] {
  const json = requestSchema(schema) as {
    properties: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, fieldSchema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: fieldSchema,
  }));
}

/** A path parameter, described by the schema the route parses it with. */
export const pathParameter = (name: string, schema: z.ZodType, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: requestSchema(schema),
});

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
