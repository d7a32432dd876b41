import type { Request, Response } from 'restify';
import type { StoredField } from '../../platform/domain/stored-data';
import type { PrivacyAccount } from './domain/privacy';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain HTML that reads well without scripts, on a phone and in the reader's light or dark mode. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
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

const storedField = (f: StoredField): string => `<dl>
<dt>What</dt><dd>${escapeHtml(f.field)}</dd>
<dt>Why</dt><dd>${escapeHtml(f.why)}</dd>
<dt>Who can see it</dt><dd>${escapeHtml(f.visibleTo)}</dd>
<dt>How long it is kept</dt><dd>${escapeHtml(f.kept)}</dd>
</dl>`;

/**
 * The manifest's privacy page, written from the same description as the tab's "What Rapport
 * stores" view and `GET /api/v1/privacy`, so the three cannot drift apart.
 */
export const privacyPage = ({ stored, notStored }: PrivacyAccount): string =>
  page(
    'Rapport: privacy',
    `<h1>Rapport: privacy</h1>
<p>Rapport helps a team build trust without watching anyone. This page lists everything it stores,
why, who can see it and how long it is kept. The Rapport tab’s “What Rapport stores” view shows the
same list.</p>
<p>Whoever installed Rapport in your organization runs it and looks after this data: ask them if
you have a question.</p>
<h2>What Rapport never stores</h2>
<ul>
${notStored.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}
</ul>
<h2>What Rapport stores</h2>
${stored.map((r) => `<h3>${escapeHtml(r.record)}</h3>\n${r.fields.map(storedField).join('\n')}`).join('\n')}
<h2>Your data</h2>
<p>In the tab’s “What Rapport stores” view, every member can download everything Rapport keeps
about them, and delete it. The team’s anonymous totals stay as they are: they hold no names.</p>
<p><a href="/terms">Terms of use</a></p>`,
  );

/** The manifest's terms of use. */
export const TERMS_PAGE = page(
  'Rapport: terms of use',
  `<h1>Rapport: terms of use</h1>
<p>Rapport is open-source software under the MIT License. It is provided as is, without warranty
of any kind. Your organization runs this copy and decides who may use it.</p>
<h2>Using Rapport</h2>
<ul>
<li>Use it to thank colleagues, to check in on how the team is doing, and to agree together on how
you work.</li>
<li>Do not use it to watch people. It does not track presence or activity, never shows who gave
which check-in answer, and shows no numbers for groups smaller than the team’s minimum.</li>
<li>What you write in a recognition or an agreement is seen by your team: write it as you would say
it to them.</li>
</ul>
<p>What Rapport stores, and how to download or delete your own data, is on the
<a href="/privacy">privacy page</a>.</p>`,
);

/** Answers a GET with one of the pages above: public, since people read them before installing. */
export const publicPage =
  (html: string) =>
  async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, html);
  };
