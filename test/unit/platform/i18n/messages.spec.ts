import { matchLocale, negotiateLocale } from '../../../../bot/src/platform/domain/locales';
import { isMessageKey, translator } from '../../../../bot/src/platform/i18n/messages';

describe('locale negotiation', () => {
  it.each([
    ['de-DE', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['ja-JP', 'ja'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['EN-us', 'en'],
    ['de_AT', 'de'],
  ])('reads %s as %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it('knows no language Rapport does not speak', () => {
    expect(matchLocale('nl-NL')).toBeUndefined();
    expect(matchLocale(undefined)).toBeUndefined();
  });

  it('takes the person’s language, then the team’s, then English', () => {
    expect(negotiateLocale('fr-FR', 'de')).toBe('fr');
    expect(negotiateLocale('nl-NL', 'de')).toBe('de');
    expect(negotiateLocale(undefined, 'it-IT')).toBe('en');
  });
});

describe('messages', () => {
  it('formats a message with its arguments in the locale asked for', () => {
    expect(translator('de')('welcome.traits', { traits: 'A, B' })).toBe(
      'Worauf wir schauen: A, B.',
    );
    expect(translator('en')('welcome.help.personal', { help: 'help' })).toBe(
      'Type `help` at any time.',
    );
  });

  it('passes user text through unchanged, braces and markdown included', () => {
    const text = "{not an argument} *stars* it's <b>";
    expect(translator('ja')('welcome.traits', { traits: text })).toBe(`注目する要素: ${text}。`);
  });

  it('tells a catalog key from a string that is not one', () => {
    expect(isMessageKey('errors.generic')).toBe(true);
    expect(isMessageKey('errors.NOPE')).toBe(false);
  });
});
