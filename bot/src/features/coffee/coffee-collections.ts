import type { CollectionSpec } from '../../platform/store/collections';

export const coffeeCollections = {
  coffeeProgrammes: 'coffee_programmes',
  coffeeRounds: 'coffee_rounds',
  coffeeProfiles: 'coffee_profiles',
} as const;

/**
 * Every read is by `_id` (the team's id; `<team>|<round number>`; `<tenant>|<person>`), served by
 * the `_id` index on MongoDB, Atlas and Cosmos DB vCore, and by FerretDB's only pushed-down filter:
 * no other index is needed.
 */
export const COFFEE_COLLECTIONS: readonly CollectionSpec[] = [
  { name: coffeeCollections.coffeeProgrammes },
  { name: coffeeCollections.coffeeRounds },
  { name: coffeeCollections.coffeeProfiles },
];
