import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api';

export interface Action {
  /** Which action is running (a view may offer several at once), if any. */
  busy: string | undefined;
  error: ApiError | undefined;
  /** Runs `fn` as `name` unless something is running; the API's error is kept to show. */
  run<T>(name: string, fn: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

/** One thing at a time for a part of a view: its buttons wait, and its error is shown there. */
export function useAction(): Action {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const running = useRef(false);
  const run = useCallback(async <T>(name: string, fn: () => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(name);
    setError(undefined);
    try {
      return await fn();
    } catch (err) {
      setError(toApiError(err));
      return undefined;
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, run, clearError };
}
