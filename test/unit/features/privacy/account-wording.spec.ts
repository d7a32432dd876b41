import de from '../../../../locales/de.json';
import { accountWording } from '../../../../bot/src/features/privacy/account-wording';
import {
  gatherAccount,
  PRIVACY_STORED_DATA,
} from '../../../../bot/src/features/privacy/domain/privacy';
import { translator } from '../../../../bot/src/platform/i18n/messages';

describe('the privacy account in each reader’s language', () => {
  it('words the declared keys with the reader’s messages', () => {
    const wording = accountWording(gatherAccount([PRIVACY_STORED_DATA]));

    expect(wording(translator('de'))).toEqual({
      stored: [],
      notStored: [
        de['storedData.privacy.notStored.presenceOnlineStatus'],
        de['storedData.privacy.notStored.messageCountsReading'],
      ],
    });
  });

  it('refuses, at start, a declaration that names a key the catalog lacks', () => {
    const account = gatherAccount([
      {
        stored: [
          {
            record: 'storedData.privacy.notStored.presenceOnlineStatus',
            fields: [
              {
                field: 'storedData.nowhere.field',
                why: 'storedData.privacy.notStored.presenceOnlineStatus',
                visibleTo: 'storedData.privacy.notStored.presenceOnlineStatus',
                kept: 'storedData.privacy.notStored.presenceOnlineStatus',
              },
            ],
          },
        ],
      },
    ]);

    expect(() => accountWording(account)).toThrow(/"storedData\.nowhere\.field".*every catalog/);
  });
});
