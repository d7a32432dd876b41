import type { CollectionSpec } from '../../platform/store/collections';

export const agreementCollections = {
  agreements: 'agreements',
  agreementProposals: 'agreement_proposals',
} as const;

export const AGREEMENT_COLLECTIONS: readonly CollectionSpec[] = [
  { name: agreementCollections.agreements, indexes: [{ keys: { teamId: 1, status: 1 } }] },
  {
    name: agreementCollections.agreementProposals,
    indexes: [{ keys: { teamId: 1, agreementId: 1, createdAt: -1 } }],
  },
];
