import { createContext, useContext } from 'react';
import type { InterestsView } from '../../../../bot/src/features/interests/interests-schemas';

/** What the parts of the interests view share: the team, the caller's own tags, and changes. */
export interface InterestsContextValue {
  teamId: string;
  /** The caller's interests: the labels of the circles they are in. */
  mine: string[];
  announce(text: string): void;
  /** Replaces the loaded data in place with what an action answered. */
  update(change: (data: InterestsView) => InterestsView): void;
  /** Makes the caller's interests exactly `tags`; throws the API's refusal for useAction to show. */
  putTags(tags: string[]): Promise<InterestsView>;
}

export const InterestsContext = createContext<InterestsContextValue | undefined>(undefined);

export function useInterests(): InterestsContextValue {
  const value = useContext(InterestsContext);
  if (!value) throw new Error('useInterests outside the interests view');
  return value;
}
