import type { Db } from 'mongodb';
import { agreementCollections, proposalsOwner } from '../features/agreements';
import { checkinCollections } from '../features/checkins';
import { collections } from '../platform/store/collections';
import { insertMissing } from '../platform/store/insert-missing';
import { listingId, type ListingDoc, type ListingKind } from '../platform/store/listings';

const MARKER = 'listings';

/**
 * A one-off start-up migration over two features' collections, so it lives with the composition
 * root rather than in either feature or the platform.
 *
 * Lists the records stored before listings existed (schema version 3): a team's agreements, each
 * agreement's proposals, a team's check-in rounds and open proposals, an open round's
 * participation. Runs once, before the app serves, so no team's list is ever short; it reads
 * each collection once. A run cut short is done again whole: a listing is inserted if missing
 * and otherwise completed with `$addToSet`, and the marker is written last. Returns how many
 * records it listed.
 */
export async function migrateListings(db: Db): Promise<number> {
  const meta = db.collection<{ _id: string; builtAt?: Date }>(collections.meta);
  if (await meta.findOne({ _id: MARKER })) return 0;

  const lists = new Map<string, string[]>();
  let listed = 0;
  const list = (kind: ListingKind, owner: string, id: string) => {
    const key = listingId(kind, owner);
    lists.set(key, [...(lists.get(key) ?? []), id]);
    listed += 1;
  };
  const scan = <T extends { _id: string }>(name: string, filter: object = {}) =>
    db.collection<T>(name).find(filter);

  for await (const a of scan<{ _id: string; teamId: string }>(agreementCollections.agreements)) {
    list('agreements', a.teamId, a._id);
  }
  for await (const p of scan<{ _id: string; teamId: string; agreementId: string }>(
    agreementCollections.agreementProposals,
  )) {
    list('agreement-proposals', proposalsOwner(p.teamId, p.agreementId), p._id);
  }
  for await (const r of scan<{ _id: string; teamId: string }>(checkinCollections.checkinRounds)) {
    list('checkin-rounds', r.teamId, r._id);
  }
  for await (const p of scan<{ _id: string; teamId: string }>(checkinCollections.checkinProposals, {
    status: 'open',
  })) {
    list('checkin-proposals', p.teamId, p._id);
  }
  for await (const p of scan<{ _id: string; roundId: string }>(
    checkinCollections.checkinParticipation,
  )) {
    list('checkin-participation', p.roundId, p._id);
  }

  const listings = db.collection<ListingDoc>(collections.listings);
  const docs = [...lists].map(([_id, ids]) => ({ _id, ids }));
  for (const doc of await insertMissing(listings, docs)) {
    await listings.updateOne({ _id: doc._id }, { $addToSet: { ids: { $each: doc.ids } } });
  }
  await meta.updateOne({ _id: MARKER }, { $set: { builtAt: new Date() } }, { upsert: true });
  return listed;
}
