import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { DomainError } from '../../domain/domain-error';

/** Who is calling the tab API, as the token says: nothing else about them is read. */
export interface Caller {
  tenantId: string;
  /** The Entra object id (`oid`): the same id the roster stores. */
  aadObjectId: string;
  name: string;
}

export type AuthErrorCode =
  'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TENANT_NOT_ALLOWED';

/**
 * A request the API cannot attribute to a signed-in person. Its message (the catalog's, for the
 * code) says what to do and never repeats anything from the token: no claims, no key ids, no
 * library error text.
 */
export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode) {
    super(code);
  }
}

/** The signing keys could not be fetched: our problem (or Microsoft's), not the caller's. */
export class KeySetUnavailableError extends DomainError<'AUTH_UNAVAILABLE'> {
  constructor(override readonly cause: unknown) {
    super('AUTH_UNAVAILABLE');
  }
}

/** Issuer and audience of the tokens POST /api/dev/token mints. */
export const DEV_ISSUER = 'rapport-dev';
export const DEV_AUDIENCE = 'rapport-dev';

export type TokenValidatorOptions =
  | {
      mode: 'entra';
      /** Microsoft's key set, or a local one in tests. */
      jwksUrl: string;
      audiences: string[];
      tenantId?: string;
    }
  | {
      mode: 'dev';
      /** The public half of the key generated at start-up. */
      keys: JSONWebKeySet;
      tenantId?: string;
    };

export interface TokenValidator {
  /** Resolves to the caller, or rejects with AuthError (or KeySetUnavailableError). */
  validate(authorizationHeader: string | undefined): Promise<Caller>;
}

const CLOCK_TOLERANCE_SECONDS = 60;
/** Entra tokens are a few KB; anything far larger is not a token we issued or accept. */
const MAX_TOKEN_CHARS = 12 * 1024;

/** jose errors that mean "this token is not acceptable", as opposed to "we could not check". */
const REJECTIONS = new Set<string>([
  errors.JWTClaimValidationFailed.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWSInvalid.code,
  errors.JWTInvalid.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

/** The two issuers Entra uses for a tenant: v2.0 tokens and v1 (sts.windows.net) tokens. */
function entraIssuers(tenantId: string): string[] {
  return [
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    `https://sts.windows.net/${tenantId}/`,
  ];
}

const isIdString = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 100;

/**
 * The one token check of the tab API, for Teams SSO tokens and for dev tokens alike: signature
 * against a key set, issuer, audience, expiry (60 s clock tolerance), tenant when configured,
 * and an `oid` and `tid` to identify the caller by.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keys: JWTVerifyGetKey =
    options.mode === 'entra'
      ? createRemoteJWKSet(new URL(options.jwksUrl))
      : createLocalJWKSet(options.keys);
  const verifyOptions =
    options.mode === 'entra'
      ? { audience: options.audiences, algorithms: ['RS256'] }
      : { audience: DEV_AUDIENCE, issuer: DEV_ISSUER, algorithms: ['ES256'] };
  const allowedTenant = options.tenantId?.toLowerCase();

  const verify = async (token: string): Promise<JWTPayload> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        ...verifyOptions,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['iss', 'aud', 'exp'],
      });
      return payload;
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new AuthError('TOKEN_EXPIRED');
      if (err instanceof errors.JOSEError && REJECTIONS.has(err.code))
        throw new AuthError('TOKEN_INVALID');
      // A key set that cannot be fetched or read, a timeout, a network error.
      throw new KeySetUnavailableError(err);
    }
  };

  return {
    async validate(header) {
      if (header === undefined || header.trim() === '') throw new AuthError('TOKEN_MISSING');
      const match = header.length <= MAX_TOKEN_CHARS ? BEARER.exec(header) : null;
      if (!match) throw new AuthError('TOKEN_INVALID');

      const payload = await verify(match[1]);
      const { tid, oid, name } = payload;
      if (!isIdString(tid) || !isIdString(oid)) throw new AuthError('TOKEN_INVALID');
      // The issuer must be the tenant that the token says it is for.
      if (options.mode === 'entra' && !entraIssuers(tid).includes(String(payload.iss)))
        throw new AuthError('TOKEN_INVALID');
      if (allowedTenant !== undefined && tid.toLowerCase() !== allowedTenant)
        throw new AuthError('TENANT_NOT_ALLOWED');

      return {
        tenantId: tid,
        aadObjectId: oid,
        name: typeof name === 'string' ? name.slice(0, 200) : '',
      };
    },
  };
}
