/**
 * The one description of what Rapport stores, who can see it and how long it is kept. The
 * welcome message, the API (`GET /api/v1/privacy`) and the tab all read it from here, so the
 * account given to people cannot drift from what the code does.
 */
export interface StoredField {
  field: string;
  why: string;
  visibleTo: string;
  kept: string;
}

export interface StoredRecord {
  record: string;
  fields: StoredField[];
}

export const NOT_STORED = [
  'Presence, online status, "last seen" or response times',
  'Message counts or any reading of your chats',
  'Who gave which check-in answer',
  'When anyone endorsed or objected to an agreement',
];

export const STORED: StoredRecord[] = [
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
          'Entra object id, Teams user id, display name; per person, the ids of the teams and chats whose roster holds them',
        why: 'to let only members see their team’s data, to list a member’s teams, and to @mention recognized colleagues',
        visibleTo: 'members of the same team',
        kept: 'while the person is a member, removed when they leave; erasing their data keeps it, since it is what lets them open the team’s data',
      },
    ],
  },
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
  {
    record: 'Weekly trust-health totals',
    fields: [
      {
        field:
          'Count of recognitions per trait per week; check-in sums, answer counts and invitations',
        why: 'to draw the team’s trend without keeping anything about individuals',
        visibleTo: 'members of the team',
        kept: 'while the team uses Rapport; contains no names, so deleting a person’s data leaves it intact',
      },
    ],
  },
  {
    record: 'Working agreement',
    fields: [
      {
        field: 'Title, text, category, status, review date and every adopted version',
        why: 'the team’s own norms, and how they changed over time',
        visibleTo: 'members of the team',
        kept: 'while the team uses Rapport; retired agreements stay in the team’s history',
      },
      {
        field:
          'For each version and step: who proposed it (Entra object id, name), when it was adopted, ' +
          'and whether the team decided it or a named lead ratified it; who kept it at a review, and when',
        why: 'so the history shows who changed what, and when',
        visibleTo: 'members of the team',
        kept: 'as above; when a person deletes their data, their name becomes “Former member”',
      },
    ],
  },
  {
    record: 'Agreement proposal',
    fields: [
      {
        field:
          'Proposed wording and note, proposer (Entra object id, name), response window, outcome',
        why: 'so the team can decide a new agreement, a change or a retirement',
        visibleTo: 'members of the team',
        kept: 'as the agreement; names become “Former member” when a person deletes their data',
      },
      {
        field: 'Members who endorse it (Entra object ids only, no time)',
        why: 'one response per member, and the tally',
        visibleTo: 'the count: members of the team; each member sees their own response only',
        kept: 'as the agreement',
      },
      {
        field: 'Objections and their answers: who (Entra object id, name) and the text, no time',
        why: 'an objection needs an answer, so it is signed and shown with its reason',
        visibleTo: 'members of the team',
        kept: 'as the agreement',
      },
    ],
  },
];

/** A short plain-language summary for the welcome message. */
export function storageSummary(): string {
  return (
    'Rapport stores where it is installed, the team roster (names and ids), and what you choose to share. ' +
    'It never stores presence, message counts or response times, and check-in answers are kept without names.'
  );
}
