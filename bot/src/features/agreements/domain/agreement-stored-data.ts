import type { StoredData } from '../../../platform/domain/stored-data';

export const AGREEMENT_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.agreements.workingAgreement.record',
      fields: [
        {
          field: 'storedData.agreements.workingAgreement.titleTextCategory.field',
          why: 'storedData.agreements.workingAgreement.titleTextCategory.why',
          visibleTo: 'storedData.agreements.workingAgreement.titleTextCategory.visibleTo',
          kept: 'storedData.agreements.workingAgreement.titleTextCategory.kept',
        },
        {
          field: 'storedData.agreements.workingAgreement.versionStepProposed.field',
          why: 'storedData.agreements.workingAgreement.versionStepProposed.why',
          visibleTo: 'storedData.agreements.workingAgreement.versionStepProposed.visibleTo',
          kept: 'storedData.agreements.workingAgreement.versionStepProposed.kept',
        },
      ],
    },
    {
      record: 'storedData.agreements.agreementProposal.record',
      fields: [
        {
          field: 'storedData.agreements.agreementProposal.proposedWordingNote.field',
          why: 'storedData.agreements.agreementProposal.proposedWordingNote.why',
          visibleTo: 'storedData.agreements.agreementProposal.proposedWordingNote.visibleTo',
          kept: 'storedData.agreements.agreementProposal.proposedWordingNote.kept',
        },
        {
          field: 'storedData.agreements.agreementProposal.membersEndorseEntra.field',
          why: 'storedData.agreements.agreementProposal.membersEndorseEntra.why',
          visibleTo: 'storedData.agreements.agreementProposal.membersEndorseEntra.visibleTo',
          kept: 'storedData.agreements.agreementProposal.membersEndorseEntra.kept',
        },
        {
          field: 'storedData.agreements.agreementProposal.objectionsAnswersEntra.field',
          why: 'storedData.agreements.agreementProposal.objectionsAnswersEntra.why',
          visibleTo: 'storedData.agreements.agreementProposal.objectionsAnswersEntra.visibleTo',
          kept: 'storedData.agreements.agreementProposal.objectionsAnswersEntra.kept',
        },
      ],
    },
  ],
  notStored: ['storedData.agreements.notStored.anyoneEndorsedObjected'],
};
