import type { StoredData } from '../../../platform/domain/stored-data';

export const CHECKIN_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.checkins.checkinSettingsProposals.record',
      fields: [
        {
          field: 'storedData.checkins.checkinSettingsProposals.scheduleTimeZone.field',
          why: 'storedData.checkins.checkinSettingsProposals.scheduleTimeZone.why',
          visibleTo: 'storedData.checkins.checkinSettingsProposals.scheduleTimeZone.visibleTo',
          kept: 'storedData.checkins.checkinSettingsProposals.scheduleTimeZone.kept',
        },
        {
          field: 'storedData.checkins.checkinSettingsProposals.proposalsChangeQuestions.field',
          why: 'storedData.checkins.checkinSettingsProposals.proposalsChangeQuestions.why',
          visibleTo:
            'storedData.checkins.checkinSettingsProposals.proposalsChangeQuestions.visibleTo',
          kept: 'storedData.checkins.checkinSettingsProposals.proposalsChangeQuestions.kept',
        },
      ],
    },
    {
      record: 'storedData.checkins.checkinAnswer.record',
      fields: [
        {
          field: 'storedData.checkins.checkinAnswer.scores15.field',
          why: 'storedData.checkins.checkinAnswer.scores15.why',
          visibleTo: 'storedData.checkins.checkinAnswer.scores15.visibleTo',
          kept: 'storedData.checkins.checkinAnswer.scores15.kept',
        },
        {
          field: 'storedData.checkins.checkinAnswer.optionalCommentStored.field',
          why: 'storedData.checkins.checkinAnswer.optionalCommentStored.why',
          visibleTo: 'storedData.checkins.checkinAnswer.optionalCommentStored.visibleTo',
          kept: 'storedData.checkins.checkinAnswer.optionalCommentStored.kept',
        },
      ],
    },
    {
      record: 'storedData.checkins.checkinParticipation.record',
      fields: [
        {
          field: 'storedData.checkins.checkinParticipation.memberAnsweredRound.field',
          why: 'storedData.checkins.checkinParticipation.memberAnsweredRound.why',
          visibleTo: 'storedData.checkins.checkinParticipation.memberAnsweredRound.visibleTo',
          kept: 'storedData.checkins.checkinParticipation.memberAnsweredRound.kept',
        },
      ],
    },
  ],
  notStored: ['storedData.checkins.notStored.gaveCheckinAnswer'],
};
