import type { Db } from 'mongodb';
import { collections } from './collections';

/**
 * What a listing holds, each under the key of what it belongs to: a team's agreements, an
 * agreement's proposals, a team's check-in rounds and open settings proposals, and who answered
 * an open round (so closing it deletes those records by key), a team's followed-up rounds and
 * its actions.
 */
export type ListingKind =
  | 'agreements'
  | 'agreement-proposals'
  | 'checkin-rounds'
  | 'checkin-proposals'
  | 'checkin-participation'
  | 'follow-rounds'
  | 'follow-actions';

export interface ListingDoc {
  _id: string;
  ids: string[];
}

/** The kind comes first and holds no "|", so no two (kind, owner) pairs share a key. */
export const listingId = (kind: ListingKind, owner: string) => `${kind}|${owner}`;

/**
 * The ids of one owner's records of one kind, in one document (`<kind>|<owner>`), so listing
 * them is a lookup by `_id` (the `_id` index on MongoDB, the only filter FerretDB answers from an
 * index) followed by lookups of each record by `_id`, whatever the size of the database.
 *
 * An id is listed before its record is stored and unlisted after it is gone, so a crash in
 * between leaves an id without a record, which readers skip; never a record nobody can find.
 * Every write is an `$addToSet` or a `$pull` of one id: repeating it changes nothing.
 */
export function createListing(db: Db, kind: ListingKind) {
  const listings = db.collection<ListingDoc>(collections.listings);
  return {
    async add(owner: string, id: string): Promise<void> {
      await listings.updateOne(
        { _id: listingId(kind, owner) },
        { $addToSet: { ids: id } },
        { upsert: true },
      );
    },
    async remove(owner: string, id: string): Promise<void> {
      await listings.updateOne({ _id: listingId(kind, owner) }, { $pull: { ids: id } });
    },
    /** Oldest first: the order they were listed in. */
    async ids(owner: string): Promise<string[]> {
      return (await listings.findOne({ _id: listingId(kind, owner) }))?.ids ?? [];
    },
    /** Forgets the whole listing, once its records are gone. */
    async drop(owner: string): Promise<void> {
      await listings.deleteOne({ _id: listingId(kind, owner) });
    },
  };
}
