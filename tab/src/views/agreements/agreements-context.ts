import { createContext, useContext } from 'react';
import { readParams } from '../../url-state';

/** What every part of the agreements view shares. */
export interface AgreementsContextValue {
  teamId: string;
  /** The team's time zone (check-in settings), once known; review dates are local to it. */
  timeZone: string | undefined;
  /** Today in the team's time zone, YYYY-MM-DD. */
  today: string;
  /** Whether the signed-in person is one of the team's leads (ratify, check-in questions). */
  isLead: boolean;
  /** Says something to screen readers (the view's live region). */
  announce: (text: string) => void;
  /** Opens the list, the composer ('new') or one agreement, adding a history entry. */
  open: (agreement: string | undefined) => void;
}

export const AgreementsContext = createContext<AgreementsContextValue | undefined>(undefined);

export function useAgreements(): AgreementsContextValue {
  const value = useContext(AgreementsContext);
  if (!value) throw new Error('useAgreements outside the agreements view');
  return value;
}

/** The address of one agreement (or the composer), for links that also work in a new tab. */
export function agreementHref(agreement: string | undefined): string {
  const params = new URLSearchParams(readParams() as Record<string, string>);
  if (agreement) params.set('agreement', agreement);
  else params.delete('agreement');
  return `${window.location.pathname}?${params}`;
}
