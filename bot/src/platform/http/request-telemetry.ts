import { SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import type { Request, Response, Server } from 'restify';
import type { Metrics } from '../observability/metrics';

const spans = new WeakMap<Request, Span>();

/** The span of a request being answered, for the handler to add what it learned (bot endpoint). */
export const spanOf = (req: Request): Span | undefined => spans.get(req);

/** The route pattern a request matched, or what kind of unmatched request it was. */
function routeOf(req: Request): string {
  const route = req.getRoute()?.path;
  if (typeof route === 'string') return route;
  return req.path().startsWith('/api/') || req.method !== 'GET' ? '(unmatched)' : '(tab files)';
}

/**
 * Times every answer, and traces it, by the route pattern it matched (`/api/v1/teams/:teamId/…`),
 * never by its URL: no team or user id reaches a label or a span. Paths no route matched are the
 * tab's files or a 404.
 */
export function observeRequests(server: Server, metrics: Metrics, tracer: Tracer): void {
  server.pre((req: Request, _res: Response, next: () => void) => {
    spans.set(
      req,
      tracer.startSpan(req.method ?? 'HTTP', {
        kind: SpanKind.SERVER,
        startTime: req.time(),
        attributes: { 'http.request.method': req.method ?? 'GET' },
      }),
    );
    next();
  });
  server.on('after', (req: Request, res: Response) => {
    const route = routeOf(req);
    const method = req.method ?? 'GET';
    metrics.httpRequest({
      method,
      route,
      status: res.statusCode,
      seconds: (Date.now() - req.time()) / 1000,
    });
    const span = spans.get(req);
    if (!span) return;
    span.updateName(`${method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    spans.delete(req);
  });
}
