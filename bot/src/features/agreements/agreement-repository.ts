import type { Collection, Db, Filter, OptionalUnlessRequiredId } from 'mongodb';
import type { Agreement, AgreementProposal } from './domain/agreement';
import type { AgreementRepository } from './domain/agreement-ports';
import { createListing } from '../../platform/store/listings';
import { agreementCollections } from './agreement-collections';

export type AgreementDoc = Omit<Agreement, 'id'> & { _id: string };
export type ProposalDoc = Omit<AgreementProposal, 'id'> & { _id: string };

/**
 * Leaves out keys whose value is undefined (the driver would store them as null), deeply, so a
 * document read back has the same shape as the one written.
 */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, compact(v)]),
  ) as T;
}

/** Replaces a document only if nobody changed it since it was read at `expectedRevision`. */
async function replaceAtRevision<D extends { _id: string; teamId: string; revision: number }>(
  collection: Collection<D>,
  doc: D,
  expectedRevision: number,
): Promise<boolean> {
  const res = await collection.replaceOne(
    { _id: doc._id, teamId: doc.teamId, revision: expectedRevision } as Filter<D>,
    doc as OptionalUnlessRequiredId<D>,
  );
  return res.modifiedCount === 1;
}

const toAgreement = ({ _id, ...rest }: AgreementDoc): Agreement => ({ id: _id, ...rest });
const toProposal = ({ _id, ...rest }: ProposalDoc): AgreementProposal => ({ id: _id, ...rest });
export const agreementDoc = ({ id, ...rest }: Agreement): AgreementDoc =>
  compact({ _id: id, ...rest });
export const proposalDoc = ({ id, ...rest }: AgreementProposal): ProposalDoc =>
  compact({ _id: id, ...rest });

/** The owner of an agreement's proposal listing; agreement ids are UUIDs, without "|". */
export const proposalsOwner = (teamId: string, agreementId: string) => `${teamId}|${agreementId}`;

/**
 * Agreements and proposals, one document each. Every write replaces the whole document on the
 * condition that its revision is the one read: atomic on MongoDB, and on the embedded FerretDB
 * too, whose writes the app serialises (store/serialized-writes.ts).
 *
 * Every query names an `_id`, served by the `_id` index on MongoDB and on FerretDB: a record by
 * `{_id, teamId}` (the team check keeps one team's ids from opening another's records), and a
 * team's agreements or an agreement's proposals through their listing (listings.ts), then each
 * record by key. `$in` is not used: FerretDB answers it by reading the whole collection.
 */
export function createAgreementRepository(db: Db): AgreementRepository {
  const agreements = db.collection<AgreementDoc>(agreementCollections.agreements);
  const proposals = db.collection<ProposalDoc>(agreementCollections.agreementProposals);
  const teamAgreements = createListing(db, 'agreements');
  const agreementProposals = createListing(db, 'agreement-proposals');

  const proposalsById = async (teamId: string, ids: string[]) => {
    const docs = await Promise.all(ids.map((_id) => proposals.findOne({ _id, teamId })));
    return docs.flatMap((d) => (d ? [toProposal(d)] : []));
  };

  return {
    async createAgreement(agreement) {
      await teamAgreements.add(agreement.teamId, agreement.id);
      await agreements.insertOne(agreementDoc(agreement));
    },

    async agreement(teamId, id) {
      const doc = await agreements.findOne({ _id: id, teamId });
      return doc ? toAgreement(doc) : undefined;
    },

    async agreements(teamId, filter) {
      const ids = await teamAgreements.ids(teamId);
      const docs = await Promise.all(ids.map((_id) => agreements.findOne({ _id, teamId })));
      return docs
        .flatMap((d) => (d ? [toAgreement(d)] : []))
        .filter(
          (a) =>
            (!filter.status || a.status === filter.status) &&
            (!filter.category || a.content.category === filter.category),
        )
        .slice(0, 1000);
    },

    saveAgreement: (agreement, expectedRevision) =>
      replaceAtRevision(agreements, agreementDoc(agreement), expectedRevision),

    async createProposal(proposal) {
      await agreementProposals.add(
        proposalsOwner(proposal.teamId, proposal.agreementId),
        proposal.id,
      );
      await proposals.insertOne(proposalDoc(proposal));
    },

    async proposal(teamId, id) {
      const doc = await proposals.findOne({ _id: id, teamId });
      return doc ? toProposal(doc) : undefined;
    },

    proposals: proposalsById,

    async proposalsOf(teamId, agreementId) {
      const ids = await agreementProposals.ids(proposalsOwner(teamId, agreementId));
      return (await proposalsById(teamId, ids))
        .filter((p) => p.agreementId === agreementId)
        .sort(
          (a, b) =>
            b.createdAt.getTime() - a.createdAt.getTime() ||
            (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
        )
        .slice(0, 500);
    },

    saveProposal: (proposal, expectedRevision) =>
      replaceAtRevision(proposals, proposalDoc(proposal), expectedRevision),
  };
}
