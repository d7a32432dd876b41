/**
 * The tab in headless Chromium against the real server and database: sign-in, the team picker,
 * the recognition wall (filters, paging, delete), "What Rapport stores" with export and delete,
 * and an axe-core scan plus light and dark screenshots of each view.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { call, devToken, newMembers } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import {
  backdateRoster,
  recognize,
  recognizeCiting,
  TENANT_ID,
  type SeededTeam,
} from './support/seed';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

describe('the tab, in a browser outside Teams', () => {
  const app = useBrowserApp('e2etab');
  const newPage = app.newPage;
  let platform: SeededTeam;
  let design: SeededTeam;
  const [ana, bo, chen, dee, eli] = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eli');
  let anaToken: string;
  const tabUrl = (query: Record<string, string>) => `${app.url}/tab?${new URLSearchParams(query)}`;
  const cards = (page: Page) => page.getByTestId('recognition-card');

  beforeAll(async () => {
    platform = await app.install([ana, bo, chen, dee, eli], 'Platform');
    design = await app.install([ana, bo, chen], 'Design');
    for (let i = 1; i <= 20; i++)
      await recognize(app.url, platform, bo, chen, `for dependability thorough review number ${i}`);
    await recognize(app.url, platform, ana, bo, 'for dependability covered the release');
    await recognize(app.url, platform, bo, chen, 'for impact fixed the outage');
    await recognize(app.url, platform, chen, bo, 'for meaning reminded us why');
    // Only people on the team for 30 days can be "quiet lately".
    await backdateRoster(app.database.db, platform.teamId, [ana, bo, chen, dee, eli], 40);
    anaToken = await devToken(app.url, ana);
  });

  it('signs in with a dev token, lists the teams to pick from, and opens the wall', async () => {
    const page = await newPage();
    await page.goto(tabUrl({ view: 'wall' }));

    await page.getByLabel('Tenant id').fill(TENANT_ID);
    await page.getByLabel('User id').fill(ana.aadObjectId);
    await page.getByLabel('Name').fill('Ana');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Choose a team' }).waitFor();
    await page.getByRole('button', { name: 'Platform' }).click();
    await cards(page).first().waitFor();
    expect(new URL(page.url()).searchParams.get('team')).toBe(platform.teamId);
    expect(await page.evaluate('sessionStorage.getItem("rapport.token")')).toMatch(/^ey/);
    expect(await cards(page).first().textContent()).toContain('reminded us why');
    expect(await page.getByText('Signed in as Ana').isVisible()).toBe(true);
  });

  it('says clearly when the server does not issue dev tokens', async () => {
    const page = await newPage();
    await page.route('**/api/dev/token', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'NOT_FOUND', message: 'Dev tokens are issued only when…' }),
      }),
    );
    await page.goto(tabUrl({ view: 'wall' }));
    await page.getByLabel('User id').fill(ana.aadObjectId);
    await page.getByLabel('Name').fill('Ana');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('alert').filter({ hasText: 'AUTH_MODE=dev' }).waitFor();
  });

  it('goes back to sign-in, with the reason, when the token is refused', async () => {
    const page = await newPage({ token: 'eyJhbGciOiJFUzI1NiJ9.eyJvaWQiOiJ4In0.c2ln' });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));

    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    await page.getByText(/sign-in token could not be verified/).waitFor();
  });

  it('shows the wall newest first, 20 at a time, and loads the rest', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));
    await cards(page).first().waitFor();

    expect(await cards(page).count()).toBe(20);
    expect(await cards(page).nth(0).textContent()).toContain('reminded us why');
    expect(await cards(page).nth(1).textContent()).toContain('fixed the outage');

    // The button is the keyboard path; scrolling to it (IntersectionObserver) loads the same.
    const more = page.getByRole('button', { name: 'Load more' });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=recognition-card]").length === 23',
    );
    expect(await more.count()).toBe(0);
    expect(await cards(page).last().textContent()).toContain('thorough review number 1');
  });

  it('loads the next page when the end of the list scrolls into view', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));
    await cards(page).first().waitFor();
    await page.mouse.wheel(0, 20_000);
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=recognition-card]").length === 23',
    );
  });

  it('filters the wall by trait and by person, and keeps the filter in the URL', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));
    await cards(page).first().waitFor();

    await page.getByLabel('Trait').selectOption('impact');
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=recognition-card]").length === 1',
    );
    expect(await cards(page).first().textContent()).toContain('fixed the outage');
    expect(new URL(page.url()).searchParams.get('trait')).toBe('impact');

    await page.getByLabel('Trait').selectOption('');
    await page.getByLabel('Recognized person').selectOption({ label: 'Bo' });
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=recognition-card]").length === 2',
    );
    expect(await cards(page).allTextContents()).toEqual([
      expect.stringContaining('reminded us why'),
      expect.stringContaining('covered the release'),
    ]);

    await page.getByLabel('Trait').selectOption('psychological-safety');
    await page.getByRole('heading', { name: 'No recognitions match these filters' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=recognition-card]").length === 20',
    );
    expect(new URL(page.url()).searchParams.has('trait')).toBe(false);
  });

  it('names quiet teammates gently, without counts and without the reader', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));

    const prompt = page.getByText(/Nobody has recognized/);
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('Dee and Eli in 30 days');
    expect(await prompt.textContent()).not.toContain('Ana');
  });

  it('lets the giver delete their own recognition, after confirming', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));
    await cards(page).first().waitFor();

    // Only Ana's own recognition offers Delete.
    const deletes = page.getByRole('button', { name: /^Delete your recognition/ });
    expect(await deletes.count()).toBe(1);
    await deletes.click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this recognition?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('covered the release').count()).toBe(1);

    await deletes.click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('covered the release').waitFor({ state: 'detached' });
    await page.getByText('Your recognition was deleted.').waitFor({ state: 'attached' });
    // Closing the dialog gives the page back to screen readers, and keyboard focus stays in the
    // wall (its heading) although the button that opened the dialog is gone.
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction('!document.getElementById("root").hasAttribute("aria-hidden")');
    expect(await page.evaluate('document.activeElement.id')).toBe('wall-title');

    const left = await call('GET', `${platform.path}/recognitions?limit=100`, anaToken);
    expect(left.json.items.map((r: { message: string }) => r.message)).not.toContain(
      'covered the release',
    );
  });

  it('tells someone outside a team how to get access, instead of offering to try again', async () => {
    // Dee is in Platform only.
    const page = await newPage({ token: await devToken(app.url, dee) });
    await page.goto(tabUrl({ view: 'wall', team: design.teamId }));

    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'The recognition wall could not be loaded' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('To get access, ask someone in that team or chat');
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await alert.getByRole('button', { name: 'Show my teams' }).click();
    await cards(page).first().waitFor();
    expect(new URL(page.url()).searchParams.get('team')).toBe(platform.teamId);
  });

  it('shows the agreement a recognition cites, linking to it', async () => {
    const support = await app.install([ana, bo, chen], 'Support');
    const proposed = await call('POST', `${support.path}/agreements`, anaToken, {
      templateId: 'ask-openly-and-kindly',
    });
    await call(
      'POST',
      `${support.path}/agreements/${proposed.json.id}/proposals/${proposed.json.openProposal.id}/endorsements`,
      await devToken(app.url, bo),
    );
    await recognizeCiting(app.url, support, chen, bo, proposed.json.id, 'Asked me how I was.');
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: support.teamId }));

    const card = cards(page).filter({ hasText: 'Asked me how I was.' });
    await card.waitFor();
    expect(await card.textContent()).toContain(
      'Living our agreement: If someone goes quiet, we ask openly and kindly',
    );
    await card
      .getByRole('link', { name: 'If someone goes quiet, we ask openly and kindly' })
      .click();
    await page
      .getByRole('heading', { level: 2, name: 'If someone goes quiet, we ask openly and kindly' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('agreement')).toBe(proposed.json.id);
  });

  it('says what to do next on an empty wall', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'wall', team: design.teamId }));

    await page.getByRole('heading', { name: 'No recognitions yet' }).waitFor();
    await page.getByText(/use Recognize in any chat/i).waitFor();
  });

  it('switches views with the keyboard and keeps ?view= in step', async () => {
    // Wide enough for every view's tab, so End reaches the last one rather than the overflow menu.
    const page = await newPage({ token: anaToken, width: 1600 });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));
    await page.getByRole('tab', { name: 'Recognition wall' }).focus();

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Working agreements' }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('agreements');

    await page.getByRole('tab', { name: 'Working agreements' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What Rapport stores' }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('privacy');

    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Working agreements' }).waitFor();

    await page.goBack();
    await page.getByRole('heading', { name: 'Recognition wall' }).waitFor();
  });

  it('lists every stored record and field on "What Rapport stores"', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'privacy', team: platform.teamId }));
    const privacy = (await (await fetch(`${app.url}/api/v1/privacy`)).json()) as {
      stored: { record: string; fields: { field: string }[] }[];
      notStored: string[];
    };

    await page.getByTestId('stored-record').first().waitFor();
    expect(await page.getByTestId('stored-record').count()).toBe(privacy.stored.length);
    for (const record of privacy.stored) {
      const section = page.getByTestId('stored-record').filter({
        has: page.getByRole('heading', { name: record.record, exact: true }),
      });
      expect(await section.getByRole('row').count()).toBe(record.fields.length + 1);
      for (const field of record.fields)
        expect(await section.getByRole('cell', { name: field.field, exact: true }).count()).toBe(1);
    }
    for (const item of privacy.notStored) await page.getByText(item, { exact: true }).waitFor();
  });

  it('exports the signed-in person’s data as a JSON file', async () => {
    const page = await newPage({ token: anaToken });
    await page.goto(tabUrl({ view: 'privacy', team: platform.teamId }));
    const exportButton = page.getByRole('button', { name: 'Export my data' });
    await exportButton.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toBe('rapport-my-data.json');
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as unknown;
    expect(typeof exported).toBe('object');
    expect(JSON.stringify(exported)).toContain(ana.aadObjectId);
  });

  it('deletes the person’s data only after a confirmation that says aggregates stay', async () => {
    const eliToken = await devToken(app.url, eli);
    await recognize(app.url, platform, eli, dee, 'for impact thanks for the pairing');
    expect(
      (await call('GET', `${app.url}/api/v1/me/export`, eliToken)).json.recognitionsGiven,
    ).toHaveLength(1);
    const page = await newPage({ token: eliToken });
    await page.goto(tabUrl({ view: 'privacy', team: platform.teamId }));
    await page.getByRole('button', { name: 'Delete my data' }).click();

    const dialog = page.getByRole('alertdialog', { name: 'Delete your data?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/aggregates stay intact/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Delete my data' }).click();
    const deleted = page.waitForRequest(
      (r) => r.method() === 'DELETE' && new URL(r.url()).pathname === '/api/v1/me',
    );
    await dialog.getByRole('button', { name: 'Delete my data' }).click();
    await deleted;
    await page.getByRole('status').filter({ hasText: 'Your data was deleted.' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Delete my data' }).isDisabled()).toBe(true);
    await page.waitForFunction('!document.getElementById("root").hasAttribute("aria-hidden")');
    await page.getByRole('status').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    // Eli's recognitions are gone; membership stays (it is what lets Eli open the team at all).
    const exported = await call('GET', `${app.url}/api/v1/me/export`, eliToken);
    expect(exported.json.recognitionsGiven).toEqual([]);
    expect(exported.json.recognitionsReceived).toEqual([]);
    expect(exported.json.memberships).toHaveLength(1);
  });

  it('explains the configuration page when it is opened outside Teams', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/tab/config`);

    await page.getByRole('heading', { name: 'Add Rapport to this conversation' }).waitFor();
    await page.getByText(/it opens when you add Rapport as a tab/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says so, with a retry, when Teams does not answer the tab', async () => {
    const page = await newPage();
    await page.goto(tabUrl({ view: 'wall', inTeams: '1' }));

    const alert = page.getByRole('alert').filter({ hasText: 'Rapport could not open' });
    await alert.waitFor({ timeout: 20_000 });
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
  });

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it.each([
      ['wall', 'recognition-card'],
      ['privacy', 'stored-record'],
    ])('the %s view has no serious or critical accessibility violation', async (view, testId) => {
      const page = await newPage({ token: anaToken, theme });
      await page.goto(tabUrl({ view, team: platform.teamId }));
      await page.getByTestId(testId).first().waitFor();
      await page.waitForLoadState('networkidle');

      expect(await page.getAttribute('[data-theme]', 'data-theme')).toBe(theme);
      await screenshot(page, `${view}-${theme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('the sign-in form has no serious or critical accessibility violation', async () => {
      const page = await newPage({ theme });
      await page.goto(tabUrl({ view: 'wall' }));
      await page.getByRole('button', { name: 'Sign in' }).waitFor();

      await screenshot(page, `sign-in-${theme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });

  it('follows the theme switch live', async () => {
    const page = await newPage({ token: anaToken, theme: 'light' });
    await page.goto(tabUrl({ view: 'wall', team: platform.teamId }));
    await page.getByRole('switch', { name: 'Dark theme' }).check();

    expect(await page.getAttribute('[data-theme]', 'data-theme')).toBe('dark');
    expect(await page.evaluate('localStorage.getItem("rapport.theme")')).toBe('dark');
  });
});
