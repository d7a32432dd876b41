import type { Request, Response } from 'restify';
import { readerOf } from '../../platform/http/reader-language';
import type { Locale } from '../../platform/domain/locales';
import type { MessageKey } from '../../platform/i18n/catalogs';
import type { Translate } from '../../platform/i18n/messages';
import type { PrivacyDescription } from './privacy-schemas';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain HTML that reads well without scripts, on a phone and in the reader's light or dark mode. */
function page(lang: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: anywhere; }
  h3 { margin-bottom: 0.25rem; }
  dl { margin: 0.5rem 0 1rem; padding-inline-start: 1rem; border-inline-start: 3px solid GrayText; }
  dt { font-weight: 600; }
  dd { margin: 0 0 0.5rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

type StoredFieldText = PrivacyDescription['stored'][number]['fields'][number];

/** A catalog message as page text. */
const message = (t: Translate, key: MessageKey) => escapeHtml(t(key));

const storedField = (t: Translate, f: StoredFieldText): string => `<dl>
<dt>${message(t, 'publicPages.privacy.what')}</dt><dd>${escapeHtml(f.field)}</dd>
<dt>${message(t, 'publicPages.privacy.why')}</dt><dd>${escapeHtml(f.why)}</dd>
<dt>${message(t, 'publicPages.privacy.visibleTo')}</dt><dd>${escapeHtml(f.visibleTo)}</dd>
<dt>${message(t, 'publicPages.privacy.kept')}</dt><dd>${escapeHtml(f.kept)}</dd>
</dl>`;

/**
 * The manifest's privacy page, written from the same description as the tab's "What Rapport
 * stores" view and `GET /api/v1/privacy`, so the three cannot drift apart.
 */
export function privacyPage(t: Translate, { stored, notStored }: PrivacyDescription): string {
  const text = (key: MessageKey) => message(t, key);
  return page(
    t.locale,
    t('publicPages.privacy.title'),
    `<h1>${text('publicPages.privacy.title')}</h1>
<p>${text('publicPages.privacy.intro')}</p>
<p>${text('publicPages.privacy.whoRunsIt')}</p>
<h2>${text('publicPages.privacy.neverStored')}</h2>
<ul>
${notStored.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}
</ul>
<h2>${text('publicPages.privacy.stored')}</h2>
${stored.map((r) => `<h3>${escapeHtml(r.record)}</h3>\n${r.fields.map((f) => storedField(t, f)).join('\n')}`).join('\n')}
<h2>${text('publicPages.privacy.yourData')}</h2>
<p>${text('publicPages.privacy.yourDataText')}</p>
<p><a href="/terms">${text('publicPages.terms.title')}</a></p>`,
  );
}

/** The manifest's terms of use. */
export function termsPage(t: Translate): string {
  const text = (key: MessageKey) => message(t, key);
  return page(
    t.locale,
    t('publicPages.terms.title'),
    `<h1>${text('publicPages.terms.title')}</h1>
<p>${text('publicPages.terms.licence')}</p>
<h2>${text('publicPages.terms.using')}</h2>
<ul>
<li>${text('publicPages.terms.use')}</li>
<li>${text('publicPages.terms.noWatching')}</li>
<li>${text('publicPages.terms.seenByTeam')}</li>
</ul>
<p>${text('publicPages.terms.privacy')}</p>
<p><a href="/privacy">${text('publicPages.privacy.title')}</a></p>`,
  );
}

/**
 * Answers a GET with a page in the language the reader's browser asks for: public, since people
 * read it before installing. Each language's page is written once.
 */
export function publicPage(write: (t: Translate) => string) {
  const written = new Map<Locale, string>();
  return async (req: Request, res: Response): Promise<void> => {
    const t = readerOf(req, res);
    const html = written.get(t.locale) ?? write(t);
    written.set(t.locale, html);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, html);
  };
}
