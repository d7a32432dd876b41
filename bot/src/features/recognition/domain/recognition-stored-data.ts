import type { StoredData } from '../../../platform/domain/stored-data';

export const RECOGNITION_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Recognition',
      fields: [
        {
          field: 'Giver and recipients (Entra object id, Teams user id, display name)',
          why: 'to show who thanked whom on the recognition wall and to @mention recipients',
          visibleTo: 'members of the team where it was given',
          kept: 'until the giver deletes it, or a giver or recipient deletes their data',
        },
        {
          field: 'Trait or team value, message, week and time given',
          why: 'to show the recognition and count recognitions by trait',
          visibleTo: 'members of the team where it was given',
          kept: 'as above',
        },
        {
          field: 'The working agreement it cites, if the giver chose one (id and title)',
          why: 'to show “Living our agreement” on the card and the wall',
          visibleTo: 'members of the team where it was given',
          kept: 'as above',
        },
        {
          field:
            'An index entry per month: the recognition’s id, time, trait or value, recipients’ ids',
          why: 'to show the wall newest first and the “quiet lately” list without reading every team’s data',
          visibleTo: 'nobody directly (the wall and the quiet list are read through it)',
          kept: 'as long as the recognition',
        },
      ],
    },
  ],
};
