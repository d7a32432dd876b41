import type { Feature, FeatureContext } from '../../platform/feature';
import { TRUST_HEALTH_STORED_DATA } from './domain/trust-health-stored-data';
import { TRUST_HEALTH_COLLECTIONS } from './trust-health-collections';
import { createTrustWeekCounter, type TrustWeekCounter } from './trust-week-repository';

export { roundResultsOf, type TrustWeekCounter } from './trust-week-repository';

export interface TrustHealthFeature extends Feature {
  /** One counter per team and year for recognitions and closed rounds, written by both. */
  readonly counter: TrustWeekCounter;
}

/** The team's weekly trust-health totals, which recognition and check-ins count into. */
export function createTrustHealthFeature(deps: { platform: FeatureContext }): TrustHealthFeature {
  return {
    name: 'trust-health',
    collections: TRUST_HEALTH_COLLECTIONS,
    storedData: TRUST_HEALTH_STORED_DATA,
    counter: createTrustWeekCounter(deps.platform.db),
  };
}
