import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import {
  withCaller,
  withoutCaller,
  withTeamMember,
  type AccessDeps,
  type TeamAccess,
} from './auth/team-access';
import type { Caller } from './auth/token-validator';
import type { Translate } from '../i18n/messages';
import { parseInput } from './query';

/**
 * Who may call a route: anyone; any signed-in caller; or a member of the team in its
 * `:teamId` (the roster check runs before any input is read).
 */
export type Access = 'public' | 'caller' | 'member';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The statuses a handler answers with (503: /healthz, which answers its body either way). */
export type SuccessStatus = 200 | 201 | 204 | 503;

/** Success statuses and the body each answers with; `null` for an empty answer (204). */
export type Responses = Readonly<Partial<Record<SuccessStatus, z.ZodType | null>>>;

/** Error statuses a route itself can answer, each with the codes it uses there. */
export type Errors = Readonly<Partial<Record<400 | 403 | 404 | 409, string>>>;

/**
 * A request body: the schema the route parses with and documents; or, where a service checks
 * the body itself (so that its refusals keep their own code), the documented schema and what
 * the route parses with before handing it on (`'none'`: the body as it came).
 */
export type BodySpec = z.ZodType | { documents: z.ZodType; parsesWith: z.ZodType | 'none' };

/** Every handler gets `t`, the messages of the language the request asks in. */
type AccessContext = {
  public: { t: Translate };
  caller: { caller: Caller; t: Translate };
  member: TeamAccess;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type BodyOf<B> = B extends z.ZodType
  ? z.output<B>
  : B extends { parsesWith: infer P }
    ? P extends z.ZodType
      ? z.output<P>
      : unknown
    : undefined;

export type RouteInput<A extends Access, P, Q, B> = AccessContext[A] & {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: BodyOf<B>;
};

/** What a handler answers: one of the route's success statuses, with that status's body. */
export type Reply<R extends Responses> = {
  [S in keyof R & SuccessStatus]: R[S] extends z.ZodType
    ? { status: S; body: z.input<R[S]>; headers?: Record<string, string> }
    : { status: S; headers?: Record<string, string> };
}[keyof R & SuccessStatus];

/** Where a success answer's ids lead (OpenAPI links): what a client, or stateful fuzzing, does next. */
export type Links = Readonly<
  Record<string, { operationId: string; parameters: Record<string, string> }>
>;

export interface RouteDefinition<
  D,
  A extends Access,
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends BodySpec | undefined,
  R extends Responses,
> {
  method: Method;
  /** In restify's syntax (`/teams/:teamId`, `:id(<regex>)` to match only such ids). */
  path: string;
  operationId?: string;
  summary: string;
  description?: string;
  access: A;
  /** Path parameters besides teamId, parsed one at a time in this order. */
  params?: P;
  query?: Q;
  body?: B;
  bodyDescription?: string;
  /** Each response's description is its schema's description, or the summary. */
  responses: R;
  errors?: Errors;
  links?: Readonly<Partial<Record<keyof R & SuccessStatus, Links>>>;
  handler: (input: RouteInput<A, P, Q, B>, deps: D) => Promise<NoInfer<Reply<R>>>;
}

/** A definition with its schema types erased, as registration and the document read it. */
export interface Route<D> {
  method: Method;
  path: string;
  operationId?: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: BodySpec;
  bodyDescription?: string;
  responses: Responses;
  errors?: Errors;
  links?: Readonly<Partial<Record<SuccessStatus, Links>>>;
  handler: (input: never, deps: D) => Promise<{ status: number; body?: unknown }>;
}

/**
 * Route definitions for handlers that need `D`: the handler's input is typed by the route's own
 * schemas, and its answer by the route's responses.
 */
export function defineRoute<D>() {
  return <
    A extends Access,
    R extends Responses,
    P extends z.ZodObject | undefined = undefined,
    Q extends z.ZodObject | undefined = undefined,
    B extends BodySpec | undefined = undefined,
  >(
    definition: RouteDefinition<D, A, P, Q, B, R>,
  ): Route<D> => definition as unknown as Route<D>;
}

/** A route whose handler already holds the services it needs: what a feature hands the server. */
export type ApiRoute = Route<unknown>;

/** Gives each route the services its handler needs, once, where the feature is built. */
export function serveWith<D>(routes: readonly Route<D>[], deps: D): ApiRoute[] {
  return routes.map((route) => ({
    ...route,
    handler: (input: never) => route.handler(input, deps),
  }));
}

function parseParams(schema: z.ZodObject | undefined, req: Request): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  // One at a time, so a request with two bad ids is told about the first, as before.
  for (const [name, field] of Object.entries(schema?.shape ?? {}))
    params[name] = parseInput(field as z.ZodType, req.params?.[name], name);
  return params;
}

function parseBody(spec: BodySpec | undefined, body: unknown): unknown {
  if (spec === undefined) return undefined;
  if (!('parsesWith' in spec)) return parseInput(spec, body, 'body');
  return spec.parsesWith === 'none' ? body : parseInput(spec.parsesWith, body, 'body');
}

function send(res: Response, reply: { status: number; body?: unknown; headers?: object }): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
  res.status(reply.status);
  if ('body' in reply) res.json(reply.body);
  else res.end();
}

function restifyHandler<D>(route: Route<D>, deps: D & AccessDeps) {
  const run = async (req: Request, res: Response, access: object) => {
    const input = {
      ...access,
      params: parseParams(route.params, req),
      query: route.query ? parseInput(route.query, req.query, 'query') : {},
      body: parseBody(route.body, req.body),
    };
    send(res, await route.handler(input as never, deps));
  };
  if (route.access === 'member') return withTeamMember(deps, run);
  if (route.access === 'caller') return withCaller(deps, run);
  return withoutCaller(deps, run);
}

const ROUTER_METHOD = {
  GET: 'get',
  POST: 'post',
  PUT: 'put',
  PATCH: 'patch',
  DELETE: 'del',
} as const;

/** Serves each route: access checked, input parsed with its schemas, refusals in the shared shape. */
export function registerRoutes<D>(
  server: Server,
  routes: readonly Route<D>[],
  deps: D & AccessDeps,
): void {
  for (const route of routes)
    server[ROUTER_METHOD[route.method]](route.path, restifyHandler(route, deps));
}
