import type { StoredData } from '../../../platform/domain/stored-data';

export const TRUST_HEALTH_STORED_DATA: StoredData = {
  stored: [
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
  ],
};
