import type { Db } from 'mongodb';

/** Bumped when stored documents change shape; start-up records it in the `meta` collection. */
export const SCHEMA_VERSION = 3;

export const collections = {
  meta: 'meta',
  conversations: 'conversations',
  rosters: 'rosters',
  memberships: 'memberships',
  personalConversations: 'personal_conversations',
  recognitions: 'recognitions',
  recognitionMonths: 'recognition_months',
  recognitionChanges: 'recognition_changes',
  trustWeeks: 'trust_weeks',
  teamSettings: 'team_settings',
  checkinRounds: 'checkin_rounds',
  checkinParticipation: 'checkin_participation',
  checkinProposals: 'checkin_proposals',
  agreements: 'agreements',
  agreementProposals: 'agreement_proposals',
  schedules: 'schedules',
  outbox: 'outbox',
  outboxOutcomes: 'outbox_outcomes',
  outboxPending: 'outbox_pending',
  locks: 'locks',
  listings: 'listings',
} as const;

/**
 * Creates every index the app relies on. createIndex is idempotent, so running this at each
 * start-up is safe; only features that both MongoDB and FerretDB 1.24 support are used
 * (no TTL, no partial indexes).
 */
export async function prepareSchema(db: Db): Promise<void> {
  await db.collection(collections.conversations).createIndex({ tenantId: 1, active: 1 });
  await db.collection(collections.recognitions).createIndex({ teamId: 1, createdAt: -1, _id: -1 });
  await db
    .collection(collections.recognitions)
    .createIndex({ teamId: 1, tagKey: 1, createdAt: -1 });
  await db
    .collection(collections.recognitions)
    .createIndex({ teamId: 1, recipientIds: 1, createdAt: -1 });
  await db.collection(collections.recognitions).createIndex({ 'sender.aadObjectId': 1 });
  // Only records whose counter change is unfinished carry `pending`: the start-up sweep's query.
  await db.collection(collections.recognitions).createIndex({ pending: 1 }, { sparse: true });
  await db.collection(collections.checkinRounds).createIndex({ teamId: 1, status: 1, week: -1 });
  await db.collection(collections.checkinParticipation).createIndex({ roundId: 1 });
  await db
    .collection(collections.checkinProposals)
    .createIndex({ teamId: 1, status: 1, createdAt: -1 });
  await db.collection(collections.agreements).createIndex({ teamId: 1, status: 1 });
  await db
    .collection(collections.agreementProposals)
    .createIndex({ teamId: 1, agreementId: 1, createdAt: -1 });
  await db.collection(collections.schedules).createIndex({ nextRunAt: 1 });
  // The outbox worker's "what is due" query (over the messages still to send only).
  await db.collection(collections.outboxPending).createIndex({ notBefore: 1, _id: 1 });
  // The daily purge of finished messages, and a person's messages when they delete their data.
  await db.collection(collections.outbox).createIndex({ status: 1, sentAt: 1 });
  await db.collection(collections.outbox).createIndex({ status: 1, finishedAt: 1 });
  await db.collection(collections.outbox).createIndex({ 'target.aadObjectId': 1 });
  await db
    .collection<{ _id: string; version: number; updatedAt: Date }>(collections.meta)
    .updateOne(
      { _id: 'schema' },
      { $max: { version: SCHEMA_VERSION }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
}
