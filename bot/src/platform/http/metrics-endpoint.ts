import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Registry } from 'prom-client';
import { sendError } from './http-error';

export interface MetricsAccess {
  /** When set, every scrape must carry it as a bearer token, from anywhere. */
  token?: string;
}

/** Headers a proxy or tunnel adds: a request through one is not from this machine, whatever its socket says. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-original-url'];

const isLoopbackAddress = (address: string | undefined) =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(address));

/** Compared by digest, in constant time, so the answer's timing says nothing about the token. */
const sameToken = (given: string, expected: string) =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

/** Why this request may not read the metrics, or undefined when it may. */
function refusal(req: Request, access: MetricsAccess) {
  if (access.token !== undefined) {
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && given && sameToken(given, access.token)) return;
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Send the metrics token (METRICS_TOKEN) as "Authorization: Bearer <token>".',
    };
  }
  const forwarded = FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
  if (isLoopbackAddress(req.socket.remoteAddress) && !forwarded) return;
  return {
    status: 403,
    code: 'METRICS_LOOPBACK_ONLY',
    message:
      'Metrics are served to this machine only; set METRICS_TOKEN on the server to read them from elsewhere with a bearer token.',
  };
}

/** GET /metrics: Prometheus' text format, for this machine or a holder of the token. */
export function metricsEndpoint(registry: Registry, access: MetricsAccess) {
  return async (req: Request, res: Response): Promise<void> => {
    const refused = refusal(req, access);
    if (refused) {
      if (refused.status === 401) res.header('WWW-Authenticate', 'Bearer');
      sendError(res, refused.status, refused.code, refused.message);
      return;
    }
    const text = await registry.metrics();
    res.writeHead(200, { 'Content-Type': registry.contentType });
    res.end(text);
  };
}
