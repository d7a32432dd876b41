import fs from 'node:fs';
import path from 'node:path';
import type { PrivacyDescription } from '../../../../bot/src/features/privacy';
import { useTestApp } from '../../../support/use-test-app';

const manifest = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '..', '..', '..', '..', 'appPackage', 'manifest.json'),
    'utf8',
  ),
) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
const pathOf = (url: string) => new URL(url.replace('${{BOT_DOMAIN}}', 'rapport.test')).pathname;

/** Text as it appears in the page's HTML. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the privacy and terms pages the manifest links to', () => {
  const app = useTestApp('publicpages');

  const open = async (url: string) => {
    const res = await fetch(`${app.url}${pathOf(url)}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('serves the privacy page without sign-in, listing every stored field and what is never stored', async () => {
    const page = await open(manifest.developer.privacyUrl);
    // The account every feature declared, as the API gives it.
    const account = (await (await fetch(`${app.url}/api/v1/privacy`)).json()) as PrivacyDescription;
    expect(account.stored.length).toBeGreaterThan(0);

    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.text).toContain('<h1>Rapport: privacy</h1>');
    expect(page.text).not.toContain('<script');
    for (const item of account.notStored) expect(page.text).toContain(`<li>${html(item)}</li>`);
    for (const record of account.stored) {
      expect(page.text).toContain(`<h3>${html(record.record)}</h3>`);
      for (const field of record.fields)
        for (const text of [field.field, field.why, field.visibleTo, field.kept])
          expect(page.text).toContain(`<dd>${html(text)}</dd>`);
    }
  });

  it('serves the terms of use without sign-in, pointing to the privacy page', async () => {
    const page = await open(manifest.developer.termsOfUseUrl);

    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.text).toContain('<h1>Rapport: terms of use</h1>');
    expect(page.text).toContain('href="/privacy"');
    expect(page.text).not.toContain('<script');
  });
});
