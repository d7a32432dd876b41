import type { CollectionSpec } from '../../platform/store/collections';

export const trustHealthCollections = { trustWeeks: 'trust_weeks' } as const;

export const TRUST_HEALTH_COLLECTIONS: readonly CollectionSpec[] = [
  { name: trustHealthCollections.trustWeeks },
];
