import type { CreateIndexesOptions, Db, IndexSpecification } from 'mongodb';
import { registry } from '../registry';

/** Bumped when stored documents change shape; start-up records it in the `meta` collection. */
export const SCHEMA_VERSION = 3;

/**
 * A collection and the indexes the code reading it relies on. Only index features that both
 * MongoDB and FerretDB 1.24 support are used (no TTL, no partial indexes).
 */
export interface CollectionSpec {
  readonly name: string;
  readonly indexes?: readonly { keys: IndexSpecification; options?: CreateIndexesOptions }[];
  /**
   * Names of indexes that earlier versions created and nothing reads any more: dropped at
   * start-up, since every index costs each insert (on FerretDB, an expression per index).
   */
  readonly retiredIndexes?: readonly string[];
}

/** The platform's own collections; people and each feature declare theirs. */
export const collections = {
  meta: 'meta',
  schedules: 'schedules',
  outbox: 'outbox',
  outboxOutcomes: 'outbox_outcomes',
  outboxPending: 'outbox_pending',
  locks: 'locks',
  listings: 'listings',
} as const;

export const PLATFORM_SCHEMA: SchemaPart = {
  name: 'platform',
  collections: [
    { name: collections.meta },
    { name: collections.schedules, indexes: [{ keys: { nextRunAt: 1 } }] },
    // The outbox worker's "what is due" query (over the messages still to send only).
    { name: collections.outboxPending, indexes: [{ keys: { notBefore: 1, _id: 1 } }] },
    {
      name: collections.outbox,
      indexes: [
        // The daily purge of finished messages, and a person's messages when they delete their data.
        { keys: { status: 1, sentAt: 1 } },
        { keys: { status: 1, finishedAt: 1 } },
        { keys: { 'target.aadObjectId': 1 } },
      ],
    },
    { name: collections.outboxOutcomes },
    { name: collections.locks },
    { name: collections.listings },
  ],
};

/** A part of the app (the platform, people, a feature) and the collections it owns. */
export interface SchemaPart {
  readonly name: string;
  readonly collections?: readonly CollectionSpec[];
}

/** Drops the retired indexes a collection still has; a repeat finds none and drops nothing. */
async function dropRetired(db: Db, name: string, retired: readonly string[]): Promise<void> {
  if (retired.length === 0) return;
  const present = new Set((await db.collection(name).listIndexes().toArray()).map((i) => i.name));
  for (const index of retired) if (present.has(index)) await db.collection(name).dropIndex(index);
}

/**
 * Creates every declared index and drops retired ones. Both are idempotent, so running this at
 * each start-up is safe.
 */
export async function prepareSchema(db: Db, parts: readonly SchemaPart[]): Promise<void> {
  // A name declared twice would let two owners write one another's documents.
  const specs = registry(
    parts.map(({ name, collections = [] }) => ({
      owner: name,
      entries: Object.fromEntries(collections.map((spec) => [spec.name, spec])),
    })),
  );
  for (const { name, indexes = [], retiredIndexes = [] } of specs.values()) {
    for (const { keys, options } of indexes) await db.collection(name).createIndex(keys, options);
    await dropRetired(db, name, retiredIndexes);
  }
  await db
    .collection<{ _id: string; version: number; updatedAt: Date }>(collections.meta)
    .updateOne(
      { _id: 'schema' },
      { $max: { version: SCHEMA_VERSION }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
}
