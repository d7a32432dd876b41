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
        field: 'Entra object id, Teams user id, display name',
        why: 'to let only members see their team’s data and to @mention recognized colleagues',
        visibleTo: 'members of the same team',
        kept: 'while the person is a member; removed when they leave or delete their data',
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
    ],
  },
  {
    record: 'Weekly trust-health totals',
    fields: [
      {
        field: 'Count of recognitions per trait per week',
        why: 'to draw the team’s trend without keeping anything about individuals',
        visibleTo: 'members of the team',
        kept: 'while the team uses Rapport; contains no names, so deleting a person’s data leaves it intact',
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
