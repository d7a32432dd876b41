import type { StoredData } from '../../../platform/domain/stored-data';
import { TALK_LISTED_DAYS } from './interests';

export const INTERESTS_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Interest circles',
      fields: [
        {
          field:
            'The interests you add (as the first member of each circle wrote it) and your Entra object id in each circle',
          why: 'to show the team who shares an interest, and to introduce you to them when you ask',
          visibleTo:
            'members of that team or chat only; nothing is kept until you add an interest yourself',
          kept: 'until you remove the interest or delete your data',
        },
      ],
    },
    {
      record: 'Lightning talks',
      fields: [
        {
          field: 'A talk’s title, its sentence, its circle, who offered it and when',
          why: 'so the team can say they would come',
          visibleTo: 'members of that team or chat',
          kept: `${TALK_LISTED_DAYS} days after it was offered, or until its proposer deletes their data`,
        },
        {
          field:
            'Who said “I’d come” (Entra object ids) and when the proposer was sent the invitation',
          why: 'to invite them once enough people would come',
          visibleTo: 'the proposer (on their invitation); others see only how many',
          kept: `as long as the talk, or until the person deletes their data`,
        },
      ],
    },
    {
      record: 'Where you keep interests',
      fields: [
        {
          field:
            'The ids of the teams where you added an interest, offered a talk or said “I’d come”',
          why: 'so that your export and erasure also find them in a team you have left',
          visibleTo: 'nobody: only your export and erasure read it',
          kept: 'until you delete your data',
        },
      ],
    },
  ],
  notStored: [
    'Who asked to be introduced, and what circles say in their chats or talks',
    'Anything about an interest beyond its name: no categories, no profile built from them',
  ],
};
