import { createContext, useContext } from 'react';
import type { Api } from './api';
import type { Me } from '../../bot/src/people/people-schemas';

/** What every view of a signed-in tab shares. */
export interface Session {
  api: Api;
  me: Me;
  /** BCP 47 locale for dates and numbers: the Teams client's, else the browser's. */
  locale: string;
  inTeams: boolean;
  /** Ends the browser session (outside Teams), showing `notice` on the sign-in form. */
  signOut(notice?: string): void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in tab');
  return session;
}
