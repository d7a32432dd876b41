import { createHash } from 'node:crypto';
import { createNoopMeter, trace, type Meter, type Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { Logger } from '../../logger';

/** Where traces and metrics go: OTLP/HTTP, Application Insights, both, or nowhere. */
export interface TelemetryConfig {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL (/v1/traces and /v1/metrics below it). */
  otlpEndpoint?: string;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING. */
  azureMonitorConnectionString?: string;
  serviceName: string;
  /** How long finished spans wait to be sent in one batch. */
  spanDelayMs: number;
  /** How often metrics are sent. */
  metricIntervalMs: number;
}

export interface Telemetry {
  readonly tracer: Tracer;
  readonly meter: Meter;
  /** Sends what is still buffered, then stops exporting. */
  shutdown(): Promise<void>;
}

/** Nothing configured: spans and instruments that record nothing and send nothing. */
const OFF: Telemetry = {
  tracer: trace.getTracer('rapport'),
  meter: createNoopMeter(),
  shutdown: async () => undefined,
};

/**
 * A team id as traces carry it: the same team gives the same value, so its requests can be
 * followed, but the value names no team (a truncated SHA-256).
 */
export const hashedTeamId = (teamId: string): string =>
  createHash('sha256').update(`rapport-team:${teamId}`).digest('hex').slice(0, 16);

/**
 * Exports traces and metrics with OpenTelemetry when an endpoint or an Application Insights
 * connection string is configured, and does nothing otherwise. Only the app's own spans and
 * instruments are exported (no automatic instrumentation, which would record URLs holding team
 * ids and database commands holding people's data). The SDK is loaded only when configured, so
 * a start without it does not pay for loading it.
 */
export async function startTelemetry(
  config: TelemetryConfig,
  version: string,
  logger: Logger,
): Promise<Telemetry> {
  const spanExporters: SpanExporter[] = [];
  const metricExporters: PushMetricExporter[] = [];
  if (config.otlpEndpoint) {
    const base = config.otlpEndpoint.replace(/\/+$/, '');
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
    spanExporters.push(new OTLPTraceExporter({ url: `${base}/v1/traces` }));
    metricExporters.push(new OTLPMetricExporter({ url: `${base}/v1/metrics` }));
  }
  if (config.azureMonitorConnectionString) {
    const azure = await import('@azure/monitor-opentelemetry-exporter');
    const connectionString = config.azureMonitorConnectionString;
    spanExporters.push(new azure.AzureMonitorTraceExporter({ connectionString }));
    metricExporters.push(new azure.AzureMonitorMetricExporter({ connectionString }));
  }
  if (spanExporters.length === 0) return OFF;

  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const { BasicTracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const { MeterProvider, PeriodicExportingMetricReader } =
    await import('@opentelemetry/sdk-metrics');
  const resource = resourceFromAttributes({
    'service.name': config.serviceName,
    'service.version': version,
  });
  const tracing = new BasicTracerProvider({
    resource,
    spanProcessors: spanExporters.map(
      (exporter) => new BatchSpanProcessor(exporter, { scheduledDelayMillis: config.spanDelayMs }),
    ),
  });
  const metering = new MeterProvider({
    resource,
    readers: metricExporters.map(
      (exporter) =>
        new PeriodicExportingMetricReader({
          exporter,
          exportIntervalMillis: config.metricIntervalMs,
          exportTimeoutMillis: Math.min(30_000, config.metricIntervalMs),
        }),
    ),
  });
  logger.info('exporting traces and metrics with OpenTelemetry', {
    otlp: config.otlpEndpoint !== undefined,
    applicationInsights: config.azureMonitorConnectionString !== undefined,
  });
  return {
    tracer: tracing.getTracer('rapport', version),
    meter: metering.getMeter('rapport', version),
    shutdown: async () => {
      await Promise.all([tracing.shutdown(), metering.shutdown()]);
    },
  };
}
