import type { CollectionSpec } from '../platform/store/collections';

export const peopleCollections = {
  conversations: 'conversations',
  rosters: 'rosters',
  memberships: 'memberships',
  personalConversations: 'personal_conversations',
} as const;

export const PEOPLE_COLLECTIONS: readonly CollectionSpec[] = [
  { name: peopleCollections.conversations, indexes: [{ keys: { tenantId: 1, active: 1 } }] },
  { name: peopleCollections.rosters },
  { name: peopleCollections.memberships },
  { name: peopleCollections.personalConversations },
];
