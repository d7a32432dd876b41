import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { plainText } from '../../domain/text-rules';
import { DomainError } from '../../domain/domain-error';
import { InvalidInputError } from '../domain-errors';
import { defineRoute } from '../route';
import { DEV_AUDIENCE, DEV_ISSUER } from './token-validator';

const ALGORITHM = 'ES256';
const LIFETIME = '12h';

export interface DevTokenRequest {
  tenantId: string;
  /** The aadObjectId the token speaks for (its `oid`). */
  userId: string;
  name: string;
}

/** Signs local tokens that the tab API's one validator accepts when AUTH_MODE=dev. */
export interface DevTokenIssuer {
  /** The public key, for the validator. */
  readonly keys: JSONWebKeySet;
  mint(request: DevTokenRequest): Promise<string>;
}

/**
 * Generates an ES256 key pair for this process. The private key lives only in memory and cannot
 * be exported, so dev tokens die with the process: after a restart, mint new ones.
 */
export async function createDevTokenIssuer(): Promise<DevTokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM);
  const kid = randomUUID();
  const keys: JSONWebKeySet = {
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' }],
  };
  const sign = (request: DevTokenRequest, key: CryptoKey) =>
    new SignJWT({ oid: request.userId, tid: request.tenantId, name: request.name })
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(LIFETIME)
      .sign(key);
  return { keys, mint: (request) => sign(request, privateKey) };
}

/** A 1–100 character string; a missing field is named as missing, a wrong type as such. */
const text = (field: string) =>
  plainText(
    1,
    100,
    { short: `${field} must be 1–100 characters`, long: `${field} must be 1–100 characters` },
    z.string({
      error: (issue) =>
        issue.input === undefined ? `${field} is required` : `${field} must be a string`,
    }),
  ).transform((s) => s.trim());

export const devTokenBody = z.object(
  { tenantId: text('tenantId'), userId: text('userId'), name: text('name') },
  { error: 'The body must be a JSON object with "tenantId", "userId" and "name"' },
);

const route = defineRoute<{ devTokens?: DevTokenIssuer }>();

/**
 * POST /api/dev/token: mints a 12 h token for local runs. Registered in every mode so the path
 * always answers the same way; outside dev mode it is a 404, as if it did not exist.
 */
export const devTokenRoutes = [
  route({
    method: 'POST',
    path: '/api/dev/token',
    summary: 'Mint a 12-hour dev token (AUTH_MODE=dev only; 404 otherwise)',
    description:
      'Signed by a key generated at start-up and kept in memory: tokens stop working when the ' +
      'process restarts.',
    access: 'public',
    // Checked here, after the dev-mode check, and named by its first issue alone.
    body: { documents: devTokenBody, parsesWith: 'none' },
    bodyDescription: 'userId is the aadObjectId the token speaks for',
    responses: {
      200: z
        .strictObject({ token: z.string() })
        .meta({ description: 'The token, for an Authorization: Bearer header' }),
    },
    errors: {
      400: 'INVALID_INPUT: the message names the field',
      404: 'NOT_FOUND: not in dev mode',
    },
    handler: async ({ body }, { devTokens }) => {
      if (!devTokens) throw new DomainError('NOT_FOUND', { what: 'devTokens' });
      const parsed = devTokenBody.safeParse(body);
      if (!parsed.success) throw new InvalidInputError(`${parsed.error.issues[0].message}.`);
      return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        body: { token: await devTokens.mint(parsed.data) },
      };
    },
  }),
];
