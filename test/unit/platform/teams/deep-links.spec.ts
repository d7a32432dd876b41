import de from '../../../../locales/de.json';
import ja from '../../../../locales/ja.json';
import { translator } from '../../../../bot/src/platform/i18n/messages';
import { agreementLink, recognitionWallLink } from '../../../../bot/src/platform/teams/deep-links';

const label = (link: string) => new URL(link).searchParams.get('label');

describe('the deep links into the tab', () => {
  it('name the tab in the language of the card that carries them', () => {
    expect(label(recognitionWallLink(translator('de'), 'app-id', '19:team'))).toBe(
      de['tab.views.wall'],
    );
    expect(label(agreementLink(translator('ja'), 'app-id', '19:team', 'a1'))).toBe(
      ja['tab.views.agreements'],
    );
  });
});
