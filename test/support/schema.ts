import type { Db } from 'mongodb';
import { appSchema } from '../../bot/src/app';
import { agreementCollections } from '../../bot/src/features/agreements/agreement-collections';
import { checkinCollections } from '../../bot/src/features/checkins/checkin-collections';
import { coffeeCollections } from '../../bot/src/features/coffee/coffee-collections';
import { followCollections } from '../../bot/src/features/follow-through/follow-collections';
import { icebreakerCollections } from '../../bot/src/features/icebreakers/icebreaker-collections';
import { interestsCollections } from '../../bot/src/features/interests/interests-collections';
import { recognitionCollections } from '../../bot/src/features/recognition/recognition-collections';
import { trustHealthCollections } from '../../bot/src/features/trust-health/trust-health-collections';
import { peopleCollections } from '../../bot/src/people/people-collections';
import {
  collections as platformCollections,
  prepareSchema as prepareDeclaredSchema,
} from '../../bot/src/platform/store/collections';

/**
 * Collection names by key, for tests and benchmarks that read or seed stored documents directly
 * (the app itself only knows them through each feature's declaration). Only names: which
 * collections exist and their indexes come from the app (appSchema).
 */
export const collections = {
  ...platformCollections,
  ...peopleCollections,
  ...recognitionCollections,
  ...trustHealthCollections,
  ...checkinCollections,
  ...agreementCollections,
  ...followCollections,
  ...coffeeCollections,
  ...icebreakerCollections,
  ...interestsCollections,
};

/** The app's whole schema, for tests and benchmarks that use the database without the app. */
export const prepareSchema = (db: Db): Promise<void> => prepareDeclaredSchema(db, appSchema(db));
