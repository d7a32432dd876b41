import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { OutboxWorkerOptions } from './api';

/** The worker's options with their defaults filled in. */
export interface WorkerSettings {
  concurrency: number;
  lockTtlMs: number;
  maxAttempts: number;
  pollMs: number;
  idlePollMaxMs: number;
  batchSize: number;
  /** Read ahead when fewer than this many due messages are buffered. */
  lowWater: number;
  maxInlineWaitMs: number;
  progressEvery: number;
  owner: string;
  now: () => number;
  /** How long to wait before the try after `attempt` tries. */
  backoff: (attempt: number) => number;
}

export interface BackoffCurve {
  baseMs: number;
  jitterMs: number;
  maxMs: number;
}

/** baseMs × 2^attempt plus a share of jitterMs, at most maxMs: Microsoft's 2, 4, 8 s… */
export function backoffDelay(attempt: number, curve: BackoffCurve, randomFraction: number): number {
  return Math.min(curve.maxMs, curve.baseMs * 2 ** attempt + randomFraction * curve.jitterMs);
}

export function resolveSettings(options: OutboxWorkerOptions): WorkerSettings {
  const concurrency = options.concurrency ?? 16;
  const pollMs = options.pollMs ?? 200;
  const batchSize = options.batchSize ?? Math.max(500, concurrency * 16);
  const random = options.random ?? Math.random;
  const curve: BackoffCurve = {
    baseMs: options.backoff?.baseMs ?? 1_000,
    jitterMs: options.backoff?.jitterMs ?? 1_000,
    maxMs: options.backoff?.maxMs ?? 10 * 60_000,
  };
  return {
    concurrency,
    lockTtlMs: options.leaseMs ?? 15_000,
    maxAttempts: options.maxAttempts ?? 5,
    pollMs,
    idlePollMaxMs: Math.max(pollMs, options.idlePollMaxMs ?? 2_000),
    batchSize,
    lowWater: Math.min(batchSize / 2, concurrency * 4),
    maxInlineWaitMs: options.maxInlineWaitMs ?? 1_000,
    progressEvery: options.progressEvery ?? 500,
    owner: options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    now: options.now ?? Date.now,
    backoff: (attempt) => backoffDelay(attempt, curve, random()),
  };
}
