import { useCallback, useSyncExternalStore } from 'react';

/**
 * The tab's state that belongs in the address: the view, the team and the view's own options
 * (`?view=wall&team=…&inTeams=1`). Teams reopens a tab at its saved URL, and a browser user can
 * bookmark or share a view, so the URL is the source of truth and the UI follows it.
 */
export type UrlParams = Record<string, string | undefined>;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.search;

/** Reads the query string's parameters. */
export function readParams(search = window.location.search): UrlParams {
  return Object.fromEntries(new URLSearchParams(search).entries());
}

/**
 * Changes some parameters (undefined removes one), keeping the others such as `inTeams`.
 * `push` adds a history entry (a new view); otherwise the current entry is replaced.
 */
export function updateParams(changes: UrlParams, { push = false } = {}): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  notify();
}

/** The current parameters, re-rendering on every change (including Back and Forward). */
export function useUrlParams(): [UrlParams, typeof updateParams] {
  const search = useSyncExternalStore(subscribe, snapshot);
  const update = useCallback<typeof updateParams>((c, o) => updateParams(c, o), []);
  // `search` is the snapshot; parsing it here keeps the parameters in step with it.
  return [readParams(search), update];
}

/** Whether the page was opened by Teams (the manifest's URLs carry `inTeams=1`). */
export const isInTeams = (): boolean => readParams().inTeams === '1';
