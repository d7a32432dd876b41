import type { StoredData, StoredDataKey, StoredRecord } from '../../../platform/domain/stored-data';

/**
 * The one description of what Rapport stores, who can see it and how long it is kept, gathered
 * from what each part of the app declares. The welcome message, the API (`GET /api/v1/privacy`),
 * the tab and the privacy page all read it, so the account given to people cannot drift from
 * what the code does. It holds catalog keys: each reader gets it in their own language.
 */
export interface PrivacyAccount {
  stored: StoredRecord[];
  notStored: StoredDataKey[];
}

/** What Rapport as a whole never keeps, whichever features it runs. */
export const PRIVACY_STORED_DATA: StoredData = {
  notStored: [
    'storedData.privacy.notStored.presenceOnlineStatus',
    'storedData.privacy.notStored.messageCountsReading',
  ],
};

/** The account in the order the parts are given. */
export function gatherAccount(parts: readonly (StoredData | undefined)[]): PrivacyAccount {
  return {
    stored: parts.flatMap((p) => p?.stored ?? []),
    notStored: parts.flatMap((p) => p?.notStored ?? []),
  };
}
