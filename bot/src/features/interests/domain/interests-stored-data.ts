import type { StoredData } from '../../../platform/domain/stored-data';
import { TALK_LISTED_DAYS } from './interests';

export const INTERESTS_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.interests.interestCircles.record',
      fields: [
        {
          field: 'storedData.interests.interestCircles.interestsYouAdd.field',
          why: 'storedData.interests.interestCircles.interestsYouAdd.why',
          visibleTo: 'storedData.interests.interestCircles.interestsYouAdd.visibleTo',
          kept: 'storedData.interests.interestCircles.interestsYouAdd.kept',
        },
      ],
    },
    {
      record: 'storedData.interests.lightningTalks.record',
      fields: [
        {
          field: 'storedData.interests.lightningTalks.talksTitleSentence.field',
          why: 'storedData.interests.lightningTalks.talksTitleSentence.why',
          visibleTo: 'storedData.interests.lightningTalks.talksTitleSentence.visibleTo',
          kept: 'storedData.interests.lightningTalks.talksTitleSentence.kept',
          values: { days: TALK_LISTED_DAYS },
        },
        {
          field: 'storedData.interests.lightningTalks.saidIdCome.field',
          why: 'storedData.interests.lightningTalks.saidIdCome.why',
          visibleTo: 'storedData.interests.lightningTalks.saidIdCome.visibleTo',
          kept: 'storedData.interests.lightningTalks.saidIdCome.kept',
        },
      ],
    },
    {
      record: 'storedData.interests.whereYouKeep.record',
      fields: [
        {
          field: 'storedData.interests.whereYouKeep.idsTeamsWhere.field',
          why: 'storedData.interests.whereYouKeep.idsTeamsWhere.why',
          visibleTo: 'storedData.interests.whereYouKeep.idsTeamsWhere.visibleTo',
          kept: 'storedData.interests.whereYouKeep.idsTeamsWhere.kept',
        },
      ],
    },
  ],
  notStored: [
    'storedData.interests.notStored.askedBeIntroduced',
    'storedData.interests.notStored.anythingAboutInterest',
  ],
};
