/**
 * The tab's one way to call the Rapport API: a bearer token on every call, and every failure
 * turned into an ApiError whose message is written for people (the API's own `{code, message}`,
 * in the tab's language). Failures the tab finds itself carry a code that i18n/error-text.ts
 * turns into the person's language; their message here is for the console.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Whether trying the same call again could help (not for "you may not" or "no such thing"). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'CLIENT', 'Something went wrong in the tab.');
}

/** The tab's language, sent with every request so that the API answers errors in it. */
let requestLanguage: string | undefined;

export function setRequestLanguage(locale: string): void {
  requestLanguage = locale;
}

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** For calls that answer 204 or JSON; resolves to undefined on 204. */
  send<T = undefined>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T>;
  /** The raw body of a successful call, for downloads. */
  blob(path: string): Promise<Blob>;
}

const isErrorBody = (v: unknown): v is { code: string; message: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { code?: unknown }).code === 'string' &&
  typeof (v as { message?: unknown }).message === 'string';

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    // The server's catch-all for paths it does not have: this server predates the feature.
    if (res.status === 404 && body.code === 'NOT_FOUND')
      return new ApiError(404, 'NOT_AVAILABLE', 'This server does not offer this path.');
    return new ApiError(res.status, body.code, body.message);
  }
  return new ApiError(res.status, 'HTTP', `HTTP ${res.status} without an error body`);
}

/** GETs started before the view that needs them has rendered, by token and path. */
const prefetched = new Map<string, Promise<unknown>>();

/**
 * Starts a GET now, for a view that will ask for the same path with the same token: the tab
 * fetches the wall while it is still asking who the person is, instead of one after the other.
 * Each prefetched answer is used once; unused ones are never waited for.
 */
export function prefetch(token: string, path: string): void {
  const api = createApi(token, () => undefined);
  const pending = api.get(path);
  pending.catch(() => undefined); // Reported to whoever takes it, if anyone does.
  prefetched.set(`${token} ${path}`, pending);
}

/** An API client. `onUnauthorized` runs on every 401 (the token is missing, invalid or expired). */
export function createApi(token: string | undefined, onUnauthorized: (err: ApiError) => void): Api {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        signal,
        headers: {
          accept: 'application/json',
          ...(requestLanguage ? { 'accept-language': requestLanguage } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'NETWORK', 'Rapport could not be reached.');
    }
    if (!res.ok) {
      const err = await errorFrom(res);
      if (res.status === 401) onUnauthorized(err);
      throw err;
    }
    return res;
  };

  return {
    async get<T>(path: string, signal?: AbortSignal) {
      const early = token ? prefetched.get(`${token} ${path}`) : undefined;
      if (early) {
        prefetched.delete(`${token} ${path}`);
        try {
          return (await early) as T;
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) onUnauthorized(err);
          throw err;
        }
      }
      return (await (await request('GET', path, undefined, signal)).json()) as T;
    },
    async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
      const res = await request(method, path, body);
      if (res.status === 204) return undefined as T;
      return (await res.json()) as T;
    },
    async blob(path: string) {
      return (await request('GET', path)).blob();
    },
  };
}

/** The API path of a team-scoped resource; team ids hold ':' '@' and ';', so always encoded. */
export const teamPath = (teamId: string, rest = '') =>
  `/api/v1/teams/${encodeURIComponent(teamId)}${rest}`;
