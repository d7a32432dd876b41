import type { StoredData } from '../../../platform/domain/stored-data';

export const ICEBREAKER_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.icebreakers.promptDeck.record',
      fields: [
        {
          field: 'storedData.icebreakers.promptDeck.teamsOwnPrompts.field',
          why: 'storedData.icebreakers.promptDeck.teamsOwnPrompts.why',
          visibleTo: 'storedData.icebreakers.promptDeck.teamsOwnPrompts.visibleTo',
          kept: 'storedData.icebreakers.promptDeck.teamsOwnPrompts.kept',
        },
        {
          field: 'storedData.icebreakers.promptDeck.promptsAreHidden.field',
          why: 'storedData.icebreakers.promptDeck.promptsAreHidden.why',
          visibleTo: 'storedData.icebreakers.promptDeck.promptsAreHidden.visibleTo',
          kept: 'storedData.icebreakers.promptDeck.promptsAreHidden.kept',
        },
        {
          field: 'storedData.icebreakers.promptDeck.promptDrawnLatest.field',
          why: 'storedData.icebreakers.promptDeck.promptDrawnLatest.why',
          visibleTo: 'storedData.icebreakers.promptDeck.promptDrawnLatest.visibleTo',
          kept: 'storedData.icebreakers.promptDeck.promptDrawnLatest.kept',
        },
      ],
    },
    {
      record: 'storedData.icebreakers.icebreakerSettings.record',
      fields: [
        {
          field: 'storedData.icebreakers.icebreakerSettings.whetherMeetingChat.field',
          why: 'storedData.icebreakers.icebreakerSettings.whetherMeetingChat.why',
          visibleTo: 'storedData.icebreakers.icebreakerSettings.whetherMeetingChat.visibleTo',
          kept: 'storedData.icebreakers.icebreakerSettings.whetherMeetingChat.kept',
        },
        {
          field: 'storedData.icebreakers.icebreakerSettings.questionWeekOff.field',
          why: 'storedData.icebreakers.icebreakerSettings.questionWeekOff.why',
          visibleTo: 'storedData.icebreakers.icebreakerSettings.questionWeekOff.visibleTo',
          kept: 'storedData.icebreakers.icebreakerSettings.questionWeekOff.kept',
        },
      ],
    },
  ],
  notStored: [
    'storedData.icebreakers.notStored.answersIcebreakersQuestion',
    'storedData.icebreakers.notStored.wroteHidDrew',
  ],
};
