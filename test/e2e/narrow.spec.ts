/**
 * The tab where Teams gives it little room: 390 px (Teams mobile) and 320 px (a side panel, the
 * narrowest the tab supports). Every view fits the width without sideways scrolling, every view
 * can be reached from the navigation, the trust chart's week labels stay apart, and each view at
 * 390 px passes an axe-core scan and leaves a screenshot in test/e2e/artifacts/.
 */
import type { Page } from 'playwright-core';
import { call, devToken, newMembers } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import { recognize, recognizeCiting } from './support/seed';
import { useBrowserApp } from './support/use-browser-app';
import {
  expectFitsAndAccessible,
  openView,
  pageOverflow,
  seedViews,
  VIEWS,
  type SeededViews,
  type ViewUnderTest,
} from './support/views';

jest.setTimeout(120_000);

describe('the tab on a narrow screen', () => {
  const app = useBrowserApp('e2enarrow');
  let seeded: SeededViews;
  let token: string;
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');

  const newPage = (width: number, signedIn = true): Promise<Page> =>
    app.newPage({ width, height: 800, token: signedIn ? token : undefined });
  const open = (page: Page, view: ViewUnderTest) => openView(page, app.url, seeded, view);

  beforeAll(async () => {
    token = await devToken(app.url, ana);
    seeded = await seedViews(app, [ana, bo, chen, dee], 'Platform engineering', async (team) => {
      const tokens = await Promise.all([bo, chen].map((m) => devToken(app.url, m)));
      const proposed = await call('POST', `${team.path}/agreements`, token, {
        title: 'Meetings have a purpose',
        text: 'Every recurring meeting:\n- states its purpose in the invite\n- ends with notes in the channel',
        category: 'meetings',
      });
      for (const t of tokens)
        await call(
          'POST',
          `${team.path}/agreements/${proposed.json.id}/proposals/${proposed.json.openProposal.id}/endorsements`,
          t,
        );
      await recognize(app.url, team, bo, chen, 'for impact fixed the outage before anyone noticed');
      await recognizeCiting(
        app.url,
        team,
        chen,
        bo,
        proposed.json.id,
        'Sent the notes right away.',
      );
    });
  });

  describe.each(VIEWS)('the $label view', (view) => {
    it('fits 390 px and has no serious or critical accessibility violation', async () => {
      const page = await newPage(390);
      await open(page, view);

      await screenshot(page, `${view.view}-390`);
      await expectFitsAndAccessible(page);
    });

    it('fits 320 px', async () => {
      const page = await newPage(320);
      await open(page, view);

      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });
  });

  /** Opens a view from its tab, or from "More views" when its tab did not fit. */
  const choose = async (page: Page, view: ViewUnderTest, width: number) => {
    const tab = page.getByRole('tab', { name: view.label });
    const box = (await tab.isVisible()) ? await tab.boundingBox() : null;
    if (box && box.x >= 0 && box.x + box.width <= width) {
      await tab.click();
      return;
    }
    await page.getByRole('button', { name: 'More views' }).click();
    const item = page.getByRole('menuitem', { name: view.label });
    await item.waitFor();
    if (width === 390 && view.view === 'agreements') await screenshot(page, 'more-views-390');
    await item.click();
  };
  const showsView = (page: Page, view: ViewUnderTest) =>
    page
      .waitForURL((url) => url.searchParams.get('view') === view.view, { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );

  it.each([390, 320])('reaches every view from the navigation at %i px', async (width) => {
    const page = await newPage(width);
    await open(page, VIEWS[1]);

    for (const view of VIEWS) {
      // The tabs re-flow after each choice (the open view's tab moves into sight), and a click
      // that lands mid-reflow can miss; a person would click again, and so does the test, once.
      await choose(page, view, width);
      if (!(await showsView(page, view))) await choose(page, view, width);
      expect(new URL(page.url()).searchParams.get('view')).toBe(view.view);
      const ready = await page
        .locator(view.ready)
        .first()
        .waitFor({ timeout: 15_000 })
        .then(
          () => '',
          async () =>
            `${view.label} did not finish loading at ${width} px; it showed: ` +
            `${await page.locator('main').innerText()} (screenshot ${await screenshot(page, `stuck-${view.view}-${width}`)})`,
        );
      expect(ready).toBe('');
      // The open view's own tab is always in sight, so people see where they are.
      const current = await page
        .getByRole('tab', { name: view.label, selected: true })
        .boundingBox();
      expect(current && current.x >= 0 && current.x + current.width <= width).toBe(true);
    }
  });

  it('keeps the trust chart’s week labels apart at 390 px', async () => {
    const page = await newPage(390);
    await open(page, VIEWS[0]);

    const labels = (await page.evaluate(`
      [...document.querySelectorAll('[data-testid=trust-chart] svg g.tick text')]
        .map((t) => t.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }))
    `)) as { left: number; right: number; top: number; bottom: number }[];
    const xLabels = labels.filter((r) => r.top === Math.max(...labels.map((l) => l.top)));
    expect(xLabels.length).toBeGreaterThan(1);
    const sorted = [...xLabels].sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].left).toBeGreaterThanOrEqual(sorted[i - 1].right);
  });

  it.each(['sign-in', 'privacy page', 'terms page'])(
    'the %s fits 320 px and passes axe at 390 px',
    async (what) => {
      const path = {
        'sign-in': '/tab?view=wall',
        'privacy page': '/privacy',
        'terms page': '/terms',
      }[what]!;
      for (const width of [320, 390]) {
        const page = await newPage(width, false);
        await page.goto(`${app.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();

        expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
        if (width === 390) {
          await screenshot(page, `${what.replace(' ', '-')}-390`);
          expect(await seriousA11yViolations(page)).toEqual([]);
        }
      }
    },
  );
});
