import type { StoredData } from '../../../platform/domain/stored-data';

export const FOLLOW_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.followThrough.followthroughCheckinRound.record',
      fields: [
        {
          field: 'storedData.followThrough.followthroughCheckinRound.repliesCommentsText.field',
          why: 'storedData.followThrough.followthroughCheckinRound.repliesCommentsText.why',
          visibleTo:
            'storedData.followThrough.followthroughCheckinRound.repliesCommentsText.visibleTo',
          kept: 'storedData.followThrough.followthroughCheckinRound.repliesCommentsText.kept',
        },
        {
          field: 'storedData.followThrough.followthroughCheckinRound.whetherCommentWas.field',
          why: 'storedData.followThrough.followthroughCheckinRound.whetherCommentWas.why',
          visibleTo:
            'storedData.followThrough.followthroughCheckinRound.whetherCommentWas.visibleTo',
          kept: 'storedData.followThrough.followthroughCheckinRound.whetherCommentWas.kept',
        },
        {
          field: 'storedData.followThrough.followthroughCheckinRound.namedThemesGrouping.field',
          why: 'storedData.followThrough.followthroughCheckinRound.namedThemesGrouping.why',
          visibleTo:
            'storedData.followThrough.followthroughCheckinRound.namedThemesGrouping.visibleTo',
          kept: 'storedData.followThrough.followthroughCheckinRound.namedThemesGrouping.kept',
        },
        {
          field: 'storedData.followThrough.followthroughCheckinRound.roundsResultsCard.field',
          why: 'storedData.followThrough.followthroughCheckinRound.roundsResultsCard.why',
          visibleTo:
            'storedData.followThrough.followthroughCheckinRound.roundsResultsCard.visibleTo',
          kept: 'storedData.followThrough.followthroughCheckinRound.roundsResultsCard.kept',
        },
      ],
    },
    {
      record: 'storedData.followThrough.action.record',
      fields: [
        {
          field: 'storedData.followThrough.action.titleWhyComments.field',
          why: 'storedData.followThrough.action.titleWhyComments.why',
          visibleTo: 'storedData.followThrough.action.titleWhyComments.visibleTo',
          kept: 'storedData.followThrough.action.titleWhyComments.kept',
        },
        {
          field: 'storedData.followThrough.action.ownerVolunteeredEntra.field',
          why: 'storedData.followThrough.action.ownerVolunteeredEntra.why',
          visibleTo: 'storedData.followThrough.action.ownerVolunteeredEntra.visibleTo',
          kept: 'storedData.followThrough.action.ownerVolunteeredEntra.kept',
        },
        {
          field: 'storedData.followThrough.action.didHelpAnswers.field',
          why: 'storedData.followThrough.action.didHelpAnswers.why',
          visibleTo: 'storedData.followThrough.action.didHelpAnswers.visibleTo',
          kept: 'storedData.followThrough.action.didHelpAnswers.kept',
        },
      ],
    },
  ],
  notStored: [
    'storedData.followThrough.notStored.wroteCommentComments',
    'storedData.followThrough.notStored.createdActionMarked',
    'storedData.followThrough.notStored.perpersonFiguresKind',
  ],
};
