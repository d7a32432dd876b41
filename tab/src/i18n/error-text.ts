import { useCallback } from 'react';
import type { ApiError } from '../api';
import { useT, type MessageId } from './use-t';

/** Failures the tab finds itself (no server message to show), by ApiError code. */
const CLIENT_ERRORS: Record<string, MessageId> = {
  CLIENT: 'tab.errors.client',
  NETWORK: 'tab.errors.network',
  NOT_AVAILABLE: 'tab.errors.notAvailable',
  HTTP: 'tab.errors.http',
  TEAMS_SSO: 'tab.errors.teamsSignIn',
  DEV_SIGNIN_OFF: 'tab.errors.devSignInOff',
};

/**
 * What to tell the person about a failure: the catalog's words for the tab's own failures, the
 * server's message (already in the person's language) for the API's.
 */
export function useErrorText(): (error: ApiError) => string {
  const t = useT();
  return useCallback(
    (error) => {
      const id = CLIENT_ERRORS[error.code];
      return id ? t(id, { status: error.status }) : error.message;
    },
    [t],
  );
}
