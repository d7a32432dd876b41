import type { Db } from 'mongodb';
import { z } from 'zod';
import type { PersonalDataPart } from '../../platform/domain/personal-data';
import { agreementCollections } from './agreement-collections';
import {
  FORMER_MEMBER_ID,
  type Agreement,
  type AgreementProposal,
  type Author,
} from './domain/agreement';

type AgreementDoc = Omit<Agreement, 'id'> & { _id: string };
type ProposalDoc = Omit<AgreementProposal, 'id'> & { _id: string };

const FORMER_MEMBER: Author = { aadObjectId: FORMER_MEMBER_ID, name: 'Former member' };

const proposalRef = { proposalId: z.string(), agreementId: z.string(), teamId: z.string() };

/**
 * Replaces every Author that is the given person with FORMER_MEMBER, wherever it sits in a
 * document (versions, events, objections, answers, ratifications). Returns whether it changed.
 */
function anonymise<T>(value: T, aad: string): { value: T; changed: boolean } {
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node instanceof Date || node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if (
      record.aadObjectId === aad &&
      typeof record.name === 'string' &&
      Object.keys(record).length === 2
    ) {
      changed = true;
      return { ...FORMER_MEMBER };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
  };
  return { value: walk(value) as T, changed };
}

/**
 * A person's part in the working agreements of the teams they are a member of: proposals made,
 * endorsed, objected to or answered. Agreements are the team's shared text, so erasure keeps
 * them and takes the person's name off them.
 */
export function createAgreementPersonalData(db: Db): PersonalDataPart {
  const agreements = db.collection<AgreementDoc>(agreementCollections.agreements);
  const proposals = db.collection<ProposalDoc>(agreementCollections.agreementProposals);

  return {
    exported: {
      agreementActivity: z.strictObject({
        proposalsMade: z.array(z.strictObject({ ...proposalRef, kind: z.string() })),
        endorsed: z.array(z.strictObject(proposalRef)),
        objections: z.array(z.strictObject({ proposalId: z.string(), reason: z.string() })),
        answers: z.array(z.strictObject({ proposalId: z.string(), text: z.string() })),
      }),
    },

    async collect({ aadObjectId: aad }, { memberTeams }) {
      const inTeams = await proposals.find({ teamId: { $in: [...memberTeams] } }).toArray();
      return {
        agreementActivity: {
          proposalsMade: inTeams
            .filter((p) => p.proposedBy.aadObjectId === aad)
            .map((p) => ({
              proposalId: p._id,
              agreementId: p.agreementId,
              teamId: p.teamId,
              kind: p.kind,
            })),
          endorsed: inTeams
            .filter((p) => p.endorsedBy.includes(aad))
            .map((p) => ({ proposalId: p._id, agreementId: p.agreementId, teamId: p.teamId })),
          objections: inTeams.flatMap((p) =>
            p.objections
              .filter((o) => o.by.aadObjectId === aad)
              .map((o) => ({ proposalId: p._id, reason: o.reason })),
          ),
          answers: inTeams.flatMap((p) =>
            p.objections.flatMap((o) =>
              o.answers
                .filter((a) => a.by.aadObjectId === aad)
                .map((a) => ({ proposalId: p._id, text: a.text })),
            ),
          ),
        },
      };
    },

    async erase({ aadObjectId: aad }, { memberTeams }) {
      const teams = [...memberTeams];
      let anonymised = 0;
      for (const doc of await agreements.find({ teamId: { $in: teams } }).toArray()) {
        const { value, changed } = anonymise(doc, aad);
        if (!changed) continue;
        const res = await agreements.replaceOne(
          { _id: doc._id, revision: doc.revision },
          { ...value, revision: doc.revision + 1 },
        );
        anonymised += res.modifiedCount;
      }
      // Endorsements of decided proposals go too (open ones still count until decided).
      for (const doc of await proposals.find({ teamId: { $in: teams } }).toArray()) {
        const { value, changed } = anonymise(doc, aad);
        const endorsed = doc.status !== 'open' && doc.endorsedBy.includes(aad);
        if (!changed && !endorsed) continue;
        const endorsedBy = endorsed ? doc.endorsedBy.filter((id) => id !== aad) : doc.endorsedBy;
        const res = await proposals.replaceOne(
          { _id: doc._id, revision: doc.revision },
          { ...value, endorsedBy, revision: doc.revision + 1 },
        );
        anonymised += res.modifiedCount;
      }
      // Agreements and proposals where the person's name was replaced by "Former member".
      return { agreementRecordsAnonymised: anonymised };
    },
  };
}
