import type { StoredData } from '../../../platform/domain/stored-data';

export const RECOGNITION_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.recognition.recognition.record',
      fields: [
        {
          field: 'storedData.recognition.recognition.giverRecipientsEntra.field',
          why: 'storedData.recognition.recognition.giverRecipientsEntra.why',
          visibleTo: 'storedData.recognition.recognition.giverRecipientsEntra.visibleTo',
          kept: 'storedData.recognition.recognition.giverRecipientsEntra.kept',
        },
        {
          field: 'storedData.recognition.recognition.traitTeamValue.field',
          why: 'storedData.recognition.recognition.traitTeamValue.why',
          visibleTo: 'storedData.recognition.recognition.traitTeamValue.visibleTo',
          kept: 'storedData.recognition.recognition.traitTeamValue.kept',
        },
        {
          field: 'storedData.recognition.recognition.workingAgreementCites.field',
          why: 'storedData.recognition.recognition.workingAgreementCites.why',
          visibleTo: 'storedData.recognition.recognition.workingAgreementCites.visibleTo',
          kept: 'storedData.recognition.recognition.workingAgreementCites.kept',
        },
        {
          field: 'storedData.recognition.recognition.indexEntryMonth.field',
          why: 'storedData.recognition.recognition.indexEntryMonth.why',
          visibleTo: 'storedData.recognition.recognition.indexEntryMonth.visibleTo',
          kept: 'storedData.recognition.recognition.indexEntryMonth.kept',
        },
      ],
    },
  ],
};
