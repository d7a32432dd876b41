import type { StoredData } from '../domain/stored-data';

export const MESSAGES_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Messages the bot sends on its own (check-in cards, reminders, agreement cards)',
      fields: [
        {
          field:
            'Recipient (Teams user id, Entra object id, 1:1 conversation id), the card, its delivery status',
          why: 'to send each card once, within Teams’ rate limits, and explain a failed delivery',
          visibleTo: 'nobody (used only by the bot)',
          kept: '30 days after it was sent or given up, then deleted; at once when the recipient deletes their data',
        },
        {
          field:
            'Per person (Entra object id): the 1:1 conversation id, and “unreachable” if the person blocked the bot',
          why: 'to avoid creating the chat again for every card, and to stop writing to someone who blocked the bot',
          visibleTo: 'nobody (used only by the bot)',
          kept: 'while Rapport is installed; “unreachable” clears when they write to the bot again',
        },
      ],
    },
  ],
};
