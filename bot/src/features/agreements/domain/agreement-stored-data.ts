import type { StoredData } from '../../../platform/domain/stored-data';

export const AGREEMENT_STORED_DATA: StoredData = {
  stored: [
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
  ],
  notStored: ['When anyone endorsed or objected to an agreement'],
};
