/**
 * How Rapport accounts for what it keeps: each part of the app declares its own records, and the
 * privacy feature shows them all (welcome message, `GET /api/v1/privacy`, the tab, the privacy
 * page), so the account given to people cannot drift from what the code does.
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

export interface StoredData {
  /** What is kept, who sees it and how long. */
  stored?: readonly StoredRecord[];
  /** What is deliberately never kept. */
  notStored?: readonly string[];
}
