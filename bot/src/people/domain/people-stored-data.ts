import type { StoredData } from '../../platform/domain/stored-data';

export const PEOPLE_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Installation (team or chat)',
      fields: [
        {
          field: 'Team or chat id, tenant id, name',
          why: 'to know where Rapport is installed',
          visibleTo: 'members of that team or chat',
          kept: 'while installed; marked inactive on uninstall, deleted on request of an admin',
        },
        {
          field: 'Conversation reference',
          why: 'so the bot can post check-ins and reminders on the team’s schedule',
          visibleTo: 'nobody (used only by the bot)',
          kept: 'while installed',
        },
      ],
    },
    {
      record: 'Roster member',
      fields: [
        {
          field:
            'Entra object id, Teams user id, display name, sign-in name (user principal name); per person, the ids of the teams and chats whose roster holds them',
          why: 'to let only members see their team’s data, to list a member’s teams, to @mention recognized colleagues, and to open a chat or meeting with a coffee partner (Teams’ links name people by sign-in name)',
          visibleTo: 'members of the same team',
          kept: 'while the person is a member, removed when they leave; erasing their data keeps it, since it is what lets them open the team’s data',
        },
      ],
    },
    {
      record: 'Language',
      fields: [
        {
          field:
            'Per person (Entra object id): the language tag Teams sent with their last message or card action (such as “fr-FR”), and its tenant; never when it was sent',
          why: 'to write the cards and reminders Rapport sends them later in their language',
          visibleTo: 'nobody (used only by the bot)',
          kept: 'until it changes or they erase their data',
        },
      ],
    },
  ],
};
