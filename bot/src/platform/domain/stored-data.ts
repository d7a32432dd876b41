/**
 * How Rapport accounts for what it keeps: each part of the app declares its own records, and the
 * privacy feature shows them all (welcome message, `GET /api/v1/privacy`, the tab, the privacy
 * page), so the account given to people cannot drift from what the code does.
 *
 * Each text is a catalog key (`storedData.<part>.…` in `locales/<tag>.json`): the account is
 * worded in each reader's language when it is shown, and the app does not start if a key lacks
 * its entry.
 */
export type StoredDataKey = `storedData.${string}`;

export interface StoredField {
  field: StoredDataKey;
  why: StoredDataKey;
  visibleTo: StoredDataKey;
  kept: StoredDataKey;
  /** What the four messages name, such as a number of days the code keeps something. */
  values?: Readonly<Record<string, number>>;
}

export interface StoredRecord {
  record: StoredDataKey;
  fields: StoredField[];
}

export interface StoredData {
  /** What is kept, who sees it and how long. */
  stored?: readonly StoredRecord[];
  /** What is deliberately never kept. */
  notStored?: readonly StoredDataKey[];
}
