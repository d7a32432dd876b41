import type { StoredData } from '../../../platform/domain/stored-data';

export const CHECKIN_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Check-in settings and proposals',
      fields: [
        {
          field: 'Schedule, time zone, questions, minimum group size, leads (Entra object ids)',
          why: 'so the team’s check-ins run the way the team designed them',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport',
        },
        {
          field: 'Proposals to change questions or schedule, and who approved or rejected them',
          why: 'so each member votes once and the team sees the tally',
          visibleTo: 'members of the team see the tally and their own vote, never who voted how',
          kept: 'votes on closed proposals are removed when a voter deletes their data',
        },
      ],
    },
    {
      record: 'Check-in answer',
      fields: [
        {
          field:
            'Scores (1–5) added to the round’s sums per trait; no name, no time, no per-answer record',
          why: 'to show the team’s anonymous trend',
          visibleTo:
            'members of the team, once the round has closed and only if at least the minimum group size answered',
          kept: 'while the team uses Rapport',
        },
        {
          field: 'Optional comment, stored in random order with the round and no author or time',
          why: 'to let people say what scores cannot',
          visibleTo: 'members of the team, after the round closes and only if it met the minimum',
          kept: 'while the team uses Rapport',
        },
      ],
    },
    {
      record: 'Check-in participation',
      fields: [
        {
          field:
            'That a member answered a round (Entra object id, round, and a random token that lets a retried answer count once; nothing else)',
          why: 'to send one gentle reminder only to those who have not answered, and accept one answer each',
          visibleTo: 'nobody (used only by the bot); never joined to answers',
          kept: 'until the round closes, then deleted',
        },
      ],
    },
  ],
  notStored: ['Who gave which check-in answer'],
};
