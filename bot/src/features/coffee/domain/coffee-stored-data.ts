import type { StoredData } from '../../../platform/domain/stored-data';

export const COFFEE_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Virtual coffee programme',
      fields: [
        {
          field: 'The rhythm (how often, day, time, group size) and whether it is on',
          why: 'to start rounds when the team wants them',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport',
        },
        {
          field:
            'Who takes part (Entra object id, when they joined, a pause date) and how many introductions in a row they left unanswered',
          why: 'to include only people who want to take part, and to pause someone who stopped answering',
          visibleTo: 'each member sees their own status; the team sees how many take part',
          kept: 'until the member leaves the programme or deletes their data',
        },
        {
          field: 'A member’s “don’t pair me with” list (Entra object ids)',
          why: 'so they are never grouped with those people',
          visibleTo: 'only that member: never leads, never the people on it',
          kept: 'until the member changes it, leaves, or deletes their data',
        },
      ],
    },
    {
      record: 'Virtual coffee round',
      fields: [
        {
          field: 'Who was grouped with whom (Entra object ids), when the round started and ended',
          why: 'so nobody meets the same person again before they have met everyone else',
          visibleTo: 'each member sees their own group only',
          kept: 'only as many rounds as the cooldown needs (one fewer than the people taking part, at most 26); a member’s erasure removes them from every round',
        },
        {
          field: 'Each member’s “we met / not yet / skip” answer while the round runs',
          why: 'to count how many groups met',
          visibleTo: 'nobody: only the count of groups that met is shown',
          kept: 'until the round ends; then only the team’s count is kept',
        },
      ],
    },
    {
      record: 'Time zone and working hours',
      fields: [
        {
          field:
            'Your IANA time zone (set by you, or reported by Teams with your messages) and the working hours you set',
          why: 'to pair people whose days overlap, and to show partners each other’s local time',
          visibleTo: 'you; your coffee partners see your local time and the hours you share',
          kept: 'until you change it or delete your data',
        },
      ],
    },
  ],
  notStored: [
    'What coffee partners talk about, and any reason for pausing or leaving (none is asked)',
    'Who answered “we met”: only the team’s count of groups that met',
  ],
};
