import type { CollectionSpec } from '../../platform/store/collections';

export const checkinCollections = {
  teamSettings: 'team_settings',
  checkinRounds: 'checkin_rounds',
  checkinParticipation: 'checkin_participation',
  checkinProposals: 'checkin_proposals',
} as const;

export const CHECKIN_COLLECTIONS: readonly CollectionSpec[] = [
  { name: checkinCollections.teamSettings },
  {
    name: checkinCollections.checkinRounds,
    indexes: [{ keys: { teamId: 1, status: 1, week: -1 } }],
  },
  { name: checkinCollections.checkinParticipation, indexes: [{ keys: { roundId: 1 } }] },
  {
    name: checkinCollections.checkinProposals,
    indexes: [{ keys: { teamId: 1, status: 1, createdAt: -1 } }],
  },
];
