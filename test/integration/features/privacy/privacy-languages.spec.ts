import en from '../../../../locales/en.json';
import fr from '../../../../locales/fr.json';
import type { PrivacyDescription } from '../../../../bot/src/features/privacy';
import { useTestApp } from '../../../support/use-test-app';

/** Every text of the account, in the order the API lists them. */
const textsOf = ({ stored, notStored }: PrivacyDescription) => [
  ...stored.flatMap((r) => [
    r.record,
    ...r.fields.flatMap((f) => [f.field, f.why, f.visibleTo, f.kept]),
  ]),
  ...notStored,
];

/** Text as it appears in the page's HTML. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

describe('what Rapport stores, in the reader’s language', () => {
  const app = useTestApp('privacylang');

  const get = (path: string, language: string) =>
    fetch(`${app.url}${path}`, { headers: { 'accept-language': language } });
  const account = async (language: string) =>
    (await (await get('/api/v1/privacy', language)).json()) as PrivacyDescription;

  it('words every record and field of GET /api/v1/privacy in German and in Japanese', async () => {
    const english = textsOf(await account('en'));
    const englishTexts = new Set(english);
    expect(english.length).toBeGreaterThan(100);

    for (const language of ['de-DE', 'ja']) {
      const res = await get('/api/v1/privacy', language);
      expect(res.headers.get('content-language')).toBe(language.slice(0, 2));
      const texts = textsOf((await res.json()) as PrivacyDescription);
      // Same account, same order: only the words differ, and none is left in English.
      expect(texts).toHaveLength(english.length);
      expect(texts.filter((text) => englishTexts.has(text))).toEqual([]);
    }
  });

  it('serves the privacy page in French, with the same account as the API in French', async () => {
    const res = await get('/privacy', 'fr-CA,fr;q=0.9,en;q=0.5');
    const page = await res.text();
    const french = await account('fr');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(`<h1>${html(fr['publicPages.privacy.title'])}</h1>`);
    expect(page).toContain(`<dt>${html(fr['publicPages.privacy.visibleTo'])}</dt>`);
    for (const text of textsOf(french)) expect(page).toContain(html(text));
    for (const key of ['publicPages.privacy.intro', 'publicPages.privacy.yourDataText'] as const)
      expect(page).not.toContain(html(en[key]));
  });

  it('serves the terms of use in French, and in English to a browser that asks for none of its languages', async () => {
    const french = await get('/terms', 'fr');
    const other = await get('/terms', 'ko-KR');

    expect(french.headers.get('content-language')).toBe('fr');
    const page = await french.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(`<h1>${html(fr['publicPages.terms.title'])}</h1>`);
    expect(page).toContain(html(fr['publicPages.terms.noWatching']));
    expect(page).toContain('href="/privacy"');
    expect(await other.text()).toContain(`<h1>${html(en['publicPages.terms.title'])}</h1>`);
  });
});
