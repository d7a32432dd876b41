import type { StoredData } from '../../platform/domain/stored-data';

export const PEOPLE_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.people.installationTeamChat.record',
      fields: [
        {
          field: 'storedData.people.installationTeamChat.teamChatId.field',
          why: 'storedData.people.installationTeamChat.teamChatId.why',
          visibleTo: 'storedData.people.installationTeamChat.teamChatId.visibleTo',
          kept: 'storedData.people.installationTeamChat.teamChatId.kept',
        },
        {
          field: 'storedData.people.installationTeamChat.conversationReference.field',
          why: 'storedData.people.installationTeamChat.conversationReference.why',
          visibleTo: 'storedData.people.installationTeamChat.conversationReference.visibleTo',
          kept: 'storedData.people.installationTeamChat.conversationReference.kept',
        },
      ],
    },
    {
      record: 'storedData.people.rosterMember.record',
      fields: [
        {
          field: 'storedData.people.rosterMember.entraObjectId.field',
          why: 'storedData.people.rosterMember.entraObjectId.why',
          visibleTo: 'storedData.people.rosterMember.entraObjectId.visibleTo',
          kept: 'storedData.people.rosterMember.entraObjectId.kept',
        },
      ],
    },
    {
      record: 'storedData.people.language.record',
      fields: [
        {
          field: 'storedData.people.language.personEntraObject.field',
          why: 'storedData.people.language.personEntraObject.why',
          visibleTo: 'storedData.people.language.personEntraObject.visibleTo',
          kept: 'storedData.people.language.personEntraObject.kept',
        },
      ],
    },
  ],
};
