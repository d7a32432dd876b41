import type { StoredData } from '../../../platform/domain/stored-data';

export const FOLLOW_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Follow-through on a check-in round',
      fields: [
        {
          field: 'Replies to comments: the text, who wrote it (Entra object id and name) and when',
          why: 'so the team sees who answered a comment, in the open',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport, or until the author deletes their data',
        },
        {
          field: 'Whether a comment was marked heard, and when (not by whom)',
          why: 'to show the team that comments are heard, and how soon',
          visibleTo: 'members of the team (as "heard" and as the team’s share heard within 7 days)',
          kept: 'while the team uses Rapport',
        },
        {
          field: 'Named themes grouping the round’s comments; a lead’s note on the results',
          why: 'to act on what was said, and to share the results with a word from the lead',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport',
        },
        {
          field:
            'The round’s results card: participation, each trait against the previous round (only where enough answered), the number of comments, actions done',
          why: 'to post "you said, we did" to the team once the round closes',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport',
        },
      ],
    },
    {
      record: 'Action',
      fields: [
        {
          field:
            'Title, why, the comments or trait it answers, due date, status (and the reason if dropped), the agreement proposed from it',
          why: 'so the team can plan and track what it does about feedback',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport',
        },
        {
          field: 'The owner who volunteered (Entra object id and name)',
          why: 'so the team knows who looks after it; only a person can volunteer themselves',
          visibleTo: 'members of the team see the name',
          kept: 'until the owner steps down or deletes their data',
        },
        {
          field: '"Did it help?" answers from the next check-in, as an anonymous average',
          why: 'to learn whether the action helped',
          visibleTo: 'members of the team, only when enough people answered',
          kept: 'while the team uses Rapport',
        },
      ],
    },
  ],
  notStored: [
    'Who wrote a comment: comments stay anonymous, replies never ask their author to come forward',
    'Who created an action or marked a comment heard',
    'Per-person figures of any kind: the measures are the team’s only',
  ],
};
