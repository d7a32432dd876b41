import type { Db, Filter } from 'mongodb';
import type { Agreement, AgreementProposal } from '../domain/agreement';
import type { AgreementRepository } from '../domain/agreement-ports';
import { collections } from './collections';

type AgreementDoc = Omit<Agreement, 'id'> & { _id: string };
type ProposalDoc = Omit<AgreementProposal, 'id'> & { _id: string };

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

const toAgreement = ({ _id, ...rest }: AgreementDoc): Agreement => ({ id: _id, ...rest });
const toProposal = ({ _id, ...rest }: ProposalDoc): AgreementProposal => ({ id: _id, ...rest });
const agreementDoc = ({ id, ...rest }: Agreement): AgreementDoc => compact({ _id: id, ...rest });
const proposalDoc = ({ id, ...rest }: AgreementProposal): ProposalDoc =>
  compact({ _id: id, ...rest });

/**
 * Agreements and proposals, one document each. Every write replaces the whole document on the
 * condition that its revision is the one read: atomic on MongoDB, and on the embedded FerretDB
 * too, whose writes the app serialises (store/serialized-writes.ts). Only plain finds and
 * `$in` are used, which both support.
 */
export function createAgreementRepository(db: Db): AgreementRepository {
  const agreements = db.collection<AgreementDoc>(collections.agreements);
  const proposals = db.collection<ProposalDoc>(collections.agreementProposals);

  return {
    async createAgreement(agreement) {
      await agreements.insertOne(agreementDoc(agreement));
    },

    async agreement(teamId, id) {
      const doc = await agreements.findOne({ _id: id, teamId });
      return doc ? toAgreement(doc) : undefined;
    },

    async agreements(teamId, filter) {
      const query: Filter<AgreementDoc> = { teamId };
      if (filter.status) query.status = filter.status;
      if (filter.category) query['content.category'] = filter.category;
      return (await agreements.find(query).limit(1000).toArray()).map(toAgreement);
    },

    async saveAgreement(agreement, expectedRevision) {
      const res = await agreements.replaceOne(
        { _id: agreement.id, teamId: agreement.teamId, revision: expectedRevision },
        agreementDoc(agreement),
      );
      return res.modifiedCount === 1;
    },

    async createProposal(proposal) {
      await proposals.insertOne(proposalDoc(proposal));
    },

    async proposal(teamId, id) {
      const doc = await proposals.findOne({ _id: id, teamId });
      return doc ? toProposal(doc) : undefined;
    },

    async proposals(teamId, ids) {
      if (ids.length === 0) return [];
      return (await proposals.find({ _id: { $in: ids }, teamId }).toArray()).map(toProposal);
    },

    async proposalsOf(teamId, agreementId) {
      const docs = await proposals
        .find({ teamId, agreementId })
        .sort({ createdAt: -1, _id: -1 })
        .limit(500)
        .toArray();
      return docs.map(toProposal);
    },

    async saveProposal(proposal, expectedRevision) {
      const res = await proposals.replaceOne(
        { _id: proposal.id, teamId: proposal.teamId, revision: expectedRevision },
        proposalDoc(proposal),
      );
      return res.modifiedCount === 1;
    },
  };
}
