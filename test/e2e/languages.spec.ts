/**
 * The tab in other languages: the pseudo-locale en-XA (every catalog message accented, bracketed
 * and a third longer) and German as a German browser asks for it. In each view, at 390 px and
 * 1280 px: no text that skipped the catalog (in en-XA, every letter outside user content, server
 * text and Intl's dates sits inside a bracketed message; in German, no English message of the
 * catalog shows, nor any English of what the server describes), nothing clipped or wider than the page, and no serious axe finding. Screenshots
 * land in test/e2e/artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { call, devToken, newMembers } from '../support/team-harness';
import { screenshot, useToken } from './support/browser';
import { recognize } from './support/seed';
import { useBrowserApp } from './support/use-browser-app';
import {
  expectFitsAndAccessible,
  openView,
  seedViews,
  VIEWS,
  type SeededViews,
  type ViewUnderTest,
} from './support/views';

jest.setTimeout(180_000);

const catalog = (tag: string) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'locales', `${tag}.json`), 'utf8'),
  ) as Record<string, string>;

const WIDTHS = [390, 1280];

/**
 * Text the tab shows as it comes: what people wrote, names, and what the server says (the privacy
 * description, a check-in's reason). Anything else must come from the catalog.
 */
const SERVER_TEXT =
  '[data-testid=stored-record] table, [data-testid=stored-record] h3, [data-testid=stored-record] [role=region], ul li';

/** Dates and weekday names as Intl writes them in English (what en-XA formats with). */
const INTL_TEXT =
  '/^(\\d{1,2}\\/\\d{1,2}\\/\\d{2,4}|(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \\d{1,2}(, \\d{4})?)$/';

/**
 * In en-XA, the visible letters outside every bracketed message, and the texts of aria-label,
 * title and placeholder that are not bracketed, less the allowed user content. Dates and weekday
 * names come from Intl (the pseudo-locale formats as English) and are allowed too.
 */
function unbracketedText(page: Page, allowed: string[]): Promise<string[]> {
  // A string, not a function: the page runs in the browser, whose types this project leaves out.
  return page.evaluate(`(() => {
    const allowed = ${JSON.stringify(allowed)};
    const serverText = ${JSON.stringify(SERVER_TEXT)};
    const intl = ${INTL_TEXT};
    const isAllowed = (text) => {
      const t = text.trim();
      return !t || allowed.some((a) => t === a) || intl.test(t);
    };
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let depth = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [aria-hidden=true]')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      let outside = '';
      for (const ch of node.textContent) {
        if (ch === '[') depth++;
        else if (ch === ']') depth = Math.max(0, depth - 1);
        else if (depth === 0) outside += ch;
      }
      if (!/[A-Za-z]{2,}/.test(outside) || parent.closest(serverText)) continue;
      if (!isAllowed(outside)) found.push(outside.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest(serverText)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value && /[A-Za-z]{2,}/.test(value) && !value.startsWith('[') && !isAllowed(value))
          found.push(name + '="' + value + '"');
      }
    }
    return [...new Set(found)];
  })()`) as Promise<string[]>;
}

/** Elements whose text is cut off: wider than their box with overflow hidden, or ellipsized. */
const clippedText = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((el) => el.textContent.trim() && el.checkVisibility({ visibilityProperty: true }))
    .filter((el) => {
      const style = getComputedStyle(el);
      const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      // Visually hidden text (1 px, clipped) is for screen readers only; the view tabs move what
      // does not fit into "More views".
      return hides && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 &&
        !el.querySelector('[role=tablist]');
    })
    .map((el) => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 60))`) as Promise<
    string[]
  >;

describe('the tab in other languages', () => {
  const app = useBrowserApp('e2elanguages');
  let seeded: SeededViews;
  let token: string;
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  const TEAM = 'Platform engineering';
  const userText = [
    'for impact fixed the outage before anyone noticed',
    'paired on the migration all afternoon',
    'Board games',
    'Dogs',
    'Cameras are optional',
    'Turn your camera on when it helps you, off when it does not.',
    'Some of our reviews need faces to read the room.',
  ];
  const allowed = [TEAM, ...[ana, bo, chen, dee].map((m) => m.name), ...userText];

  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  });

  /** A signed-in page in a browser whose language is `browserLocale`. */
  const newPage = async (width: number, browserLocale = 'en-US') => {
    const context = await app.browser.newContext({
      viewport: { width, height: 900 },
      locale: browserLocale,
      timezoneId: 'UTC',
    });
    contexts.push(context);
    const page = await context.newPage();
    await useToken(page, token);
    return page;
  };
  const open = (page: Page, view: ViewUnderTest, lang?: string) =>
    openView(page, app.url, seeded, view, lang);

  beforeAll(async () => {
    token = await devToken(app.url, ana);
    seeded = await seedViews(app, [ana, bo, chen, dee], TEAM, async (team) => {
      const agreement = await call('POST', `${team.path}/agreements`, token, {
        title: userText[4],
        text: userText[5],
        category: 'meetings',
      });
      expect(agreement.status).toBe(201);
      const objection = await call(
        'POST',
        `${team.path}/agreements/${agreement.json.id}/proposals/${agreement.json.openProposal.id}/objections`,
        await devToken(app.url, bo),
        { reason: userText[6] },
      );
      expect(objection.status).toBe(201);
      await recognize(app.url, team, bo, ana, userText[0]);
      await recognize(app.url, team, ana, chen, userText[1]);
    });
  });

  describe.each(VIEWS)('the $view view', (view) => {
    it.each(WIDTHS)(
      'in en-XA at %i px: every text is in the catalog, fits, passes axe',
      async (width) => {
        const page = await newPage(width);
        await open(page, view, 'en-XA');

        await screenshot(page, `en-XA-${view.view}-${width}`);
        expect(await page.evaluate('document.documentElement.lang')).toBe('en-XA');
        expect(await unbracketedText(page, allowed)).toEqual([]);
        expect(await clippedText(page)).toEqual([]);
        await expectFitsAndAccessible(page);
      },
    );

    it.each(WIDTHS)(
      'in German (a de-DE browser) at %i px: no English, fits, passes axe',
      async (width) => {
        const page = await newPage(width, 'de-DE');
        await open(page, view);

        await screenshot(page, `de-${view.view}-${width}`);
        expect(await page.evaluate('document.documentElement.lang')).toBe('de');
        const en = catalog('en');
        const de = catalog('de');
        // Messages the tab reads, with no arguments, whose German differs: any of them on the
        // page is English.
        const english = Object.entries(en)
          .filter(
            ([key, text]) =>
              /^(tab|icebreakers\.prompt)\./.test(key) && !/[{<]/.test(text) && de[key] !== text,
          )
          .map(([, text]) => text);
        const texts = (await page.evaluate(`
        [...document.querySelectorAll('body *')]
          .filter((el) => el.checkVisibility({ visibilityProperty: true }))
          .filter((el) => !el.closest(${JSON.stringify(SERVER_TEXT)}))
          .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()))
          .filter(Boolean)
      `)) as string[];
        expect(texts.filter((t) => english.includes(t))).toEqual([]);
        // What the server says (the privacy description) comes in German too.
        const englishFromServer = Object.entries(en)
          .filter(([key, text]) => key.startsWith('storedData.') && de[key] !== text)
          .map(([, text]) => text);
        const serverTexts = (await page.evaluate(`
        [...document.querySelectorAll(${JSON.stringify(SERVER_TEXT)})]
          .flatMap((el) => [el, ...el.querySelectorAll('*')])
          .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()))
          .filter(Boolean)
      `)) as string[];
        expect(serverTexts.filter((t) => englishFromServer.includes(t))).toEqual([]);
        expect(await clippedText(page)).toEqual([]);
        await expectFitsAndAccessible(page);
      },
    );
  });

  it('loads only the catalog of the language it shows', async () => {
    const page = await newPage(1280, 'ja-JP');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await open(
      page,
      VIEWS.find((v) => v.view === 'wall')!,
    );

    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    const catalogs = scripts.filter((s) =>
      /\/assets\/(en|de|fr|es|ja|pt-BR|en-XA)-[^/]+\.js$/.test(s),
    );
    expect(catalogs).toHaveLength(1);
    expect(catalogs[0]).toMatch(/\/assets\/ja-/);
  });
});
