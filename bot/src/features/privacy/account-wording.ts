import type { StoredDataKey, StoredField } from '../../platform/domain/stored-data';
import type { MessageKey } from '../../platform/i18n/catalogs';
import { isMessageKey, type Translate } from '../../platform/i18n/messages';
import type { PrivacyAccount } from './domain/privacy';
import type { PrivacyDescription } from './privacy-schemas';

/** The account in one reader's language: what the API, the tab, the export and the page show. */
export type AccountWording = (t: Translate) => PrivacyDescription;

/** A declared key as the catalog knows it: a part that names a missing entry stops the start. */
function messageKey(key: StoredDataKey): MessageKey {
  if (!isMessageKey(key)) {
    throw new Error(
      `What Rapport stores names "${key}", which locales/en.json lacks: add it to every catalog.`,
    );
  }
  return key;
}

function fieldWording({ field, why, visibleTo, kept, values }: StoredField) {
  const keys = {
    field: messageKey(field),
    why: messageKey(why),
    visibleTo: messageKey(visibleTo),
    kept: messageKey(kept),
  };
  return (t: Translate) => ({
    field: t(keys.field, values),
    why: t(keys.why, values),
    visibleTo: t(keys.visibleTo, values),
    kept: t(keys.kept, values),
  });
}

/**
 * Checks once, at start, that every text the account declares is in the catalog, and words it
 * for each reader from then on.
 */
export function accountWording(account: PrivacyAccount): AccountWording {
  const records = account.stored.map(({ record, fields }) => ({
    record: messageKey(record),
    fields: fields.map(fieldWording),
  }));
  const notStored = account.notStored.map(messageKey);
  return (t) => ({
    stored: records.map(({ record, fields }) => ({
      record: t(record),
      fields: fields.map((field) => field(t)),
    })),
    notStored: notStored.map((key) => t(key)),
  });
}
