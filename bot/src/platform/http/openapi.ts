/**
 * The tab API's contract, served at /api/openapi.json: generated from the route definitions, so
 * every parameter, body and answer is stated by the very schema the server parses with, and
 * every answer by the schema its handler is typed against.
 */
import { z } from 'zod';
import type { Access, BodySpec, Errors, Route, SuccessStatus } from './route';

type JsonSchema = Record<string, unknown>;

/** Requests are described as clients send them, answers as the server writes them. */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io }) as JsonSchema;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const TEAM_ID = {
  name: 'teamId',
  in: 'path',
  required: true,
  description: 'The Teams team id, or a group chat’s conversation id, URL-encoded',
  schema: { type: 'string' },
};

/** The refusals of the access check itself, before a route reads any input. */
const ACCESS_ERRORS: Record<Access, Record<number, string>> = {
  public: {},
  caller: {
    401: 'TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED: sign in again (WWW-Authenticate: Bearer)',
    403: 'TENANT_NOT_ALLOWED: the token is from another organization',
    503: 'AUTH_UNAVAILABLE: the signing keys could not be fetched; retry later',
  },
  member: {
    401: 'TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED: sign in again (WWW-Authenticate: Bearer)',
    403:
      'NOT_A_MEMBER: not in this team’s roster, or no such team (the same answer); ' +
      'TENANT_NOT_ALLOWED: the token is from another organization',
    503: 'AUTH_UNAVAILABLE: the signing keys could not be fetched; retry later',
  },
};

/** `/teams/:teamId/x/:id(<regex>)` as OpenAPI writes it: `/teams/{teamId}/x/{id}`. */
export const openApiPath = (path: string): string =>
  path.replace(/:(\w+)(\([^/]*\))?/g, (_m, name: string) => `{${name}}`);

/** A parameter's description lives beside its schema in OpenAPI, not inside it. */
function parameter(name: string, where: 'path' | 'query', schema: JsonSchema, required: boolean) {
  const { description, ...rest } = schema;
  return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
}

function parameters(route: Route<never>): object[] {
  const path = route.path.includes(':teamId') ? [TEAM_ID] : [];
  const params = route.params ? jsonSchema(route.params, 'input') : { properties: {} };
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((n) => n !== 'teamId');
  const query = route.query ? jsonSchema(route.query, 'input') : { properties: {} };
  const queryRequired = (query.required as string[] | undefined) ?? [];
  return [
    ...path,
    ...names.map((name) =>
      parameter(name, 'path', (params.properties as Record<string, JsonSchema>)[name], true),
    ),
    ...Object.entries(query.properties as Record<string, JsonSchema>).map(([name, schema]) =>
      parameter(name, 'query', schema, queryRequired.includes(name)),
    ),
  ];
}

/** A body the route requires: an absent one is parsed as `{}` and refused. */
function requestBody(body: BodySpec, description: string | undefined) {
  const schema = 'parsesWith' in body ? body.documents : body;
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema: jsonSchema(schema, 'input') } },
  };
}

function errorResponses(access: Access, errors: Errors = {}) {
  const own = errors as Record<number, string>;
  const merged: Record<number, string> = { ...own };
  for (const [status, text] of Object.entries(ACCESS_ERRORS[access]))
    merged[Number(status)] = own[Number(status)] ? `${own[Number(status)]}; or ${text}` : text;
  return Object.fromEntries(
    Object.entries(merged).map(([status, text]) => [status, errorResponse(text)]),
  );
}

function successResponses(route: Route<never>) {
  return Object.fromEntries(
    Object.entries(route.responses).map(([status, schema]) => {
      const links = route.links?.[Number(status) as SuccessStatus];
      const answer = schema
        ? {
            description: schema.description ?? route.summary,
            content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
          }
        : { description: route.summary };
      return [status, links ? { ...answer, links } : answer];
    }),
  );
}

function operation(route: Route<never>) {
  const params = parameters(route);
  return {
    ...(route.operationId ? { operationId: route.operationId } : {}),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.access === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body ? { requestBody: requestBody(route.body, route.bodyDescription) } : {}),
    responses: { ...successResponses(route), ...errorResponses(route.access, route.errors) },
  };
}

function paths(routes: readonly Route<never>[]) {
  const byPath: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    byPath[path] = { ...byPath[path], [route.method.toLowerCase()]: operation(route) };
  }
  return byPath;
}

export function openApiDocument(routes: readonly Route<never>[], version: string) {
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
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
    paths: paths(routes),
  };
}
