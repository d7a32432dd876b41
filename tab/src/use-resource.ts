import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from './api';

/** A failed load carries its own retry, so that whatever shows the error can offer it. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiError; retry: () => void };

type Result<T> = { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

interface Settled<T> {
  load: (signal: AbortSignal) => Promise<T>;
  attempt: number;
  result: Result<T>;
}

/**
 * Loads data for a view, again when its error's `retry` is called. `load` must be stable
 * (useCallback): a new function means new data, shown as loading until it settles; a stale answer
 * is never shown. `change` replaces loaded data in place (with what an action answered), without
 * reloading.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, (change: (data: T) => T) => void] {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>();

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted)
          setSettled({ load, attempt, result: { status: 'ok', data } });
      },
      (err: unknown) => {
        if (!controller.signal.aborted)
          setSettled({ load, attempt, result: { status: 'error', error: toApiError(err) } });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const change = useCallback(
    (update: (data: T) => T) =>
      setSettled((s) =>
        s?.result.status === 'ok'
          ? { ...s, result: { status: 'ok', data: update(s.result.data) } }
          : s,
      ),
    [],
  );
  const result =
    settled && settled.load === load && settled.attempt === attempt ? settled.result : undefined;
  const current: Resource<T> = !result
    ? { status: 'loading' }
    : result.status === 'error'
      ? { ...result, retry: reload }
      : result;
  return [current, change];
}
