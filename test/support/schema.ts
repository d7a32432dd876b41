import type { Db } from 'mongodb';
import {
  AGREEMENT_COLLECTIONS,
  agreementCollections,
} from '../../bot/src/features/agreements/agreement-collections';
import {
  COFFEE_COLLECTIONS,
  coffeeCollections,
} from '../../bot/src/features/coffee/coffee-collections';
import {
  INTERESTS_COLLECTIONS,
  interestsCollections,
} from '../../bot/src/features/interests/interests-collections';
import {
  CHECKIN_COLLECTIONS,
  checkinCollections,
} from '../../bot/src/features/checkins/checkin-collections';
import {
  RECOGNITION_COLLECTIONS,
  recognitionCollections,
} from '../../bot/src/features/recognition/recognition-collections';
import {
  TRUST_HEALTH_COLLECTIONS,
  trustHealthCollections,
} from '../../bot/src/features/trust-health/trust-health-collections';
import { PEOPLE_COLLECTIONS, peopleCollections } from '../../bot/src/people/people-collections';
import {
  collections as platformCollections,
  PLATFORM_SCHEMA,
  prepareSchema as prepareDeclaredSchema,
} from '../../bot/src/platform/store/collections';

/**
 * Every collection's name, for tests and benchmarks that read or seed stored documents directly
 * (the app itself only knows them through each feature's declaration).
 */
export const collections = {
  ...platformCollections,
  ...peopleCollections,
  ...recognitionCollections,
  ...trustHealthCollections,
  ...checkinCollections,
  ...agreementCollections,
  ...coffeeCollections,
  ...interestsCollections,
};

/** The app's whole schema, for tests and benchmarks that use the database without the app. */
export const prepareSchema = (db: Db): Promise<void> =>
  prepareDeclaredSchema(db, [
    PLATFORM_SCHEMA,
    { name: 'people', collections: PEOPLE_COLLECTIONS },
    { name: 'recognition', collections: RECOGNITION_COLLECTIONS },
    { name: 'trust-health', collections: TRUST_HEALTH_COLLECTIONS },
    { name: 'checkins', collections: CHECKIN_COLLECTIONS },
    { name: 'agreements', collections: AGREEMENT_COLLECTIONS },
    { name: 'coffee', collections: COFFEE_COLLECTIONS },
    { name: 'interests', collections: INTERESTS_COLLECTIONS },
  ]);
