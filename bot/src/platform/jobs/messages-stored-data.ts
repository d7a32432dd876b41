import type { StoredData } from '../domain/stored-data';

export const MESSAGES_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.messages.messagesBotSends.record',
      fields: [
        {
          field: 'storedData.messages.messagesBotSends.recipientTeamsUser.field',
          why: 'storedData.messages.messagesBotSends.recipientTeamsUser.why',
          visibleTo: 'storedData.messages.messagesBotSends.recipientTeamsUser.visibleTo',
          kept: 'storedData.messages.messagesBotSends.recipientTeamsUser.kept',
        },
        {
          field: 'storedData.messages.messagesBotSends.personEntraObject.field',
          why: 'storedData.messages.messagesBotSends.personEntraObject.why',
          visibleTo: 'storedData.messages.messagesBotSends.personEntraObject.visibleTo',
          kept: 'storedData.messages.messagesBotSends.personEntraObject.kept',
        },
      ],
    },
  ],
};
