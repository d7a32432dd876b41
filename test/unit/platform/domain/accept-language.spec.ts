import fc from 'fast-check';
import { localeFromAcceptLanguage, LOCALES } from '../../../../bot/src/platform/domain/locales';

describe('the language a request asks in (Accept-Language)', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['JA-jp', 'ja'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en;q=0.5, es;q=0.9', 'es'],
    ['nl-NL, de;q=0.7, en;q=0.3', 'de'],
    ['*', 'en'],
    ['sv', 'en'],
    ['', 'en'],
  ])('reads %j as %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it('reads English when nothing is asked', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });

  it('keeps the order of equally preferred languages, and never picks one refused with q=0', () => {
    expect(localeFromAcceptLanguage('ja;q=0.8, de;q=0.8')).toBe('ja');
    expect(localeFromAcceptLanguage('de;q=0, fr;q=0.1')).toBe('fr');
    expect(localeFromAcceptLanguage('de;q=0')).toBe('en');
  });

  it('skips malformed entries and reads the rest', () => {
    expect(localeFromAcceptLanguage('de;q=2, fr')).toBe('fr');
    expect(localeFromAcceptLanguage('de;q=abc, ja;q=0.4')).toBe('ja');
    expect(localeFromAcceptLanguage('d€, es-419;q=0.5')).toBe('es');
    expect(localeFromAcceptLanguage(',,;;, pt-BR')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('toolongsubtag-de')).toBe('en');
  });

  it('answers a language Rapport speaks for any header at all, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        expect(LOCALES).toContain(localeFromAcceptLanguage(header));
      }),
    );
  });

  it('picks the most preferred language Rapport speaks, whatever else is listed', () => {
    const spoken = fc.constantFrom('de', 'fr-FR', 'es-MX', 'ja', 'pt');
    const unspoken = fc.constantFrom('nl', 'sv-SE', 'zh-Hans-CN', 'ko');
    fc.assert(
      fc.property(
        fc.array(unspoken, { maxLength: 4 }),
        spoken,
        fc.array(fc.oneof(spoken, unspoken), { maxLength: 4 }),
        (before, wanted, after) => {
          const header = [
            ...before.map((tag) => `${tag};q=0.9`),
            wanted,
            ...after.map((tag) => `${tag};q=0.5`),
          ].join(', ');
          expect(localeFromAcceptLanguage(header)).toBe(localeFromAcceptLanguage(wanted));
        },
      ),
    );
  });
});
