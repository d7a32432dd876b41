import type { StoredData } from '../../../platform/domain/stored-data';

export const TRUST_HEALTH_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.trustHealth.weeklyTrusthealthTotals.record',
      fields: [
        {
          field: 'storedData.trustHealth.weeklyTrusthealthTotals.countRecognitionsTrait.field',
          why: 'storedData.trustHealth.weeklyTrusthealthTotals.countRecognitionsTrait.why',
          visibleTo:
            'storedData.trustHealth.weeklyTrusthealthTotals.countRecognitionsTrait.visibleTo',
          kept: 'storedData.trustHealth.weeklyTrusthealthTotals.countRecognitionsTrait.kept',
        },
      ],
    },
  ],
};
