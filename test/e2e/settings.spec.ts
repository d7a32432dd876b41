/**
 * The check-in settings in the tab, in headless Chromium against the real server and database:
 * a lead edits and saves them (schedule, searchable time zone, quiet days, questions, minimum
 * group size) and sees the server's validation message; a member who is not a lead proposes a
 * change and others approve it until it is adopted; "Run a check-in now"; and an axe-core scan
 * with light and dark screenshots.
 */
import type { Page } from 'playwright-core';
import { call, newMembers, type Member } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import type { SeededTeam } from './support/seed';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

describe('the check-in settings in the tab', () => {
  /** Ana installed Rapport, so she leads; the others are members. */
  const people = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eli');
  const [ana, bo, chen, dee] = people;
  const app = useBrowserApp('e2esettings', { members: people });
  const token = app.token;
  let edited: SeededTeam;
  let voting: SeededTeam;

  const newPage = (as: Member, theme: 'light' | 'dark' = 'light') =>
    app.newPage({ token: token(as), theme });
  const settingsUrl = (t: SeededTeam) =>
    `${app.url}/tab?${new URLSearchParams({ view: 'settings', team: t.teamId })}`;
  const open = async (page: Page, t: SeededTeam) => {
    await page.goto(settingsUrl(t));
    await page.getByTestId('next-round').waitFor();
  };
  const settingsOf = async (t: SeededTeam) =>
    (await call('GET', `${t.path}/checkin/settings`, token(ana))).json;

  beforeAll(async () => {
    edited = await app.install(people, 'Platform');
    voting = await app.install(people, 'Design');
  });

  it('lets a lead change the schedule, time zone, quiet days, questions and group size', async () => {
    const page = await newPage(ana);
    await open(page, edited);
    await page.getByText('You are a lead: your changes apply as soon as you save them.').waitFor();
    expect(await page.getByTestId('next-round').textContent()).toMatch(
      /^The next check-in opens Monday, .* at 10:00 AM, UTC time\./,
    );
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);

    await page.getByRole('radio', { name: 'Every two weeks' }).check();
    await page.getByLabel('Day', { exact: true }).selectOption('tuesday');
    await page.getByLabel('Local time').fill('09:30');

    // The time zone list is searchable: "berlin" leaves Europe/Berlin.
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    await zone.fill('berlin');
    const options = page.getByRole('listbox').getByRole('option');
    await page.waitForFunction(
      'document.querySelectorAll("[role=listbox] [role=option]").length === 1',
    );
    expect(await options.allTextContents()).toEqual(['Europe/Berlin']);
    await options.filter({ hasText: 'Europe/Berlin' }).click();
    expect(await zone.inputValue()).toBe('Europe/Berlin');

    const hours = page.getByRole('spinbutton', { name: 'Open for (hours)' });
    await hours.fill('48');
    await hours.press('Tab');
    await page.getByLabel('Add a quiet day').fill('2030-12-24');
    await page.getByRole('button', { name: 'Add quiet day' }).click();
    await page.getByRole('button', { name: 'Remove quiet day Dec 24, 2030' }).waitFor();

    // A sixth question, moved up one place, and the first one removed.
    await page.getByRole('button', { name: 'Add a question' }).click();
    const wording = page.getByLabel('Question 6: wording');
    expect(await page.evaluate('document.activeElement.id')).toBe(await wording.getAttribute('id'));
    await wording.fill('I knew what to focus on this week.');
    await page.getByLabel('Question 6: trait').selectOption('structure-clarity');
    await page.getByRole('button', { name: 'Move up: question 6' }).click();
    expect(await page.getByLabel('Question 5: wording').inputValue()).toBe(
      'I knew what to focus on this week.',
    );
    await page.getByRole('button', { name: 'Remove question 1' }).click();
    expect(await page.getByTestId('question-row').count()).toBe(5);

    const group = page.getByRole('spinbutton', { name: 'Minimum group size' });
    await group.fill('4');
    await group.press('Tab');
    await page.getByText(/It never goes below 3: with two answers/).waitFor();

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Saved\. The next check-in opens Tuesday, /).waitFor();
    expect(await page.getByTestId('next-round').textContent()).toMatch(
      /^The next check-in opens Tuesday, .* at 9:30 AM, Europe\/Berlin time\./,
    );

    const stored = await settingsOf(edited);
    expect(stored.settings.cadence).toEqual({
      every: 'two-weeks',
      day: 'tuesday',
      time: '09:30',
      timeZone: 'Europe/Berlin',
      windowHours: 48,
      quietDays: ['2030-12-24'],
    });
    expect(stored.settings.minGroupSize).toBe(4);
    expect(stored.settings.questions).toHaveLength(5);
    expect(stored.settings.questions[3]).toEqual({
      id: 'question-6',
      trait: 'structure-clarity',
      text: 'I knew what to focus on this week.',
    });
    expect(stored.settings.questions.map((q: { id: string }) => q.id)).not.toContain(
      'psychological-safety',
    );
  });

  it('shows the server’s validation message next to the form when it refuses the settings', async () => {
    const page = await newPage(ana);
    await open(page, edited);
    await page.getByLabel('Question 1: wording').fill('Ok?');
    await page.getByRole('button', { name: 'Save changes' }).click();

    const alert = page.getByTestId('settings-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The settings were not saved');
    expect(await alert.textContent()).toContain('A question needs at least 5 characters.');
    // It sits with the form's buttons, and nothing was saved.
    expect(
      await page
        .getByRole('form', { name: 'Check-in settings' })
        .getByTestId('settings-error')
        .count(),
    ).toBe(1);
    expect((await settingsOf(edited)).settings.questions[0].text).not.toBe('Ok?');

    await page.getByRole('button', { name: 'Discard changes' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Question 1: wording').inputValue()).not.toBe('Ok?');
  });

  it('lets a member who is not a lead propose a change that others approve until it is adopted', async () => {
    const boPage = await newPage(bo);
    await open(boPage, voting);
    await boPage.getByTestId('settings-summary').waitFor();
    await boPage.getByText(/Ana changes these settings directly/).waitFor();
    expect(await boPage.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await boPage.getByRole('button', { name: 'Run a check-in now' }).count()).toBe(0);
    await boPage.getByRole('heading', { name: 'No proposed changes' }).waitFor();

    await boPage.getByRole('button', { name: 'Propose a change' }).click();
    // Only the schedule and the questions can be proposed; the rest stays with the leads.
    expect(await boPage.getByRole('spinbutton', { name: 'Minimum group size' }).count()).toBe(0);
    await boPage.getByLabel('Day', { exact: true }).selectOption('friday');
    await boPage.getByRole('button', { name: 'Propose this change' }).click();

    const proposal = boPage.getByTestId('settings-proposal');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('Day: Friday (now Monday)');
    expect(await proposal.getByTestId('proposal-tally').textContent()).toBe(
      '1 approve · 0 reject · You approved it',
    );
    expect(await proposal.textContent()).toContain(
      'Takes effect when a majority of the members who vote within 7 days approve.',
    );
    expect(
      await proposal.getByRole('button', { name: 'Approve' }).getAttribute('aria-pressed'),
    ).toBe('true');

    // Chen approves: two of five is not yet a majority.
    const chenPage = await newPage(chen);
    await open(chenPage, voting);
    const chenProposal = chenPage.getByTestId('settings-proposal');
    expect(await chenProposal.getByTestId('proposal-tally').textContent()).toBe(
      '1 approve · 0 reject',
    );
    await chenProposal.getByRole('button', { name: 'Approve' }).click();
    await chenProposal
      .getByTestId('proposal-tally')
      .filter({ hasText: '2 approve · 0 reject · You approved it' })
      .waitFor();
    expect(await chenProposal.getByTestId('proposal-status').textContent()).toBe('Open for votes');
    expect(
      await chenProposal.getByRole('button', { name: 'Approve' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      await chenProposal.getByRole('button', { name: 'Reject' }).getAttribute('aria-pressed'),
    ).toBe('false');

    // Dee approves too: three of five adopt it, and the settings show the new day.
    const deePage = await newPage(dee);
    await open(deePage, voting);
    await deePage.getByTestId('settings-proposal').getByRole('button', { name: 'Approve' }).click();
    await deePage.getByTestId('proposal-status').filter({ hasText: 'Adopted' }).waitFor();
    await deePage
      .getByTestId('settings-summary')
      .getByText(/on Friday at 10:00/)
      .waitFor();
    await deePage
      .getByTestId('next-round')
      .getByText(/opens Friday/)
      .waitFor();
    expect((await settingsOf(voting)).settings.cadence.day).toBe('friday');
  });

  it('lets a lead run a check-in now, after a confirmation', async () => {
    const page = await newPage(ana);
    await open(page, voting);
    await page.getByRole('button', { name: 'Run a check-in now' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Run a check-in now?' });
    await dialog.getByText(/Every member of the team gets the check-in privately/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Run a check-in now' }).click();
    const started = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/checkin/rounds'),
    );
    await dialog.getByRole('button', { name: 'Run it now' }).click();
    expect((await started).status()).toBe(201);
    await page
      .getByTestId('round-started')
      .getByText(/^The check-in is out: 5 members got it privately from Rapport\./)
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it('the lead’s form and a member’s view with a proposal have no serious or critical accessibility violation', async () => {
      const lead = await newPage(ana, theme);
      await open(lead, edited);
      await lead.getByRole('button', { name: 'Save changes' }).waitFor();
      await lead.waitForLoadState('networkidle');
      expect(await lead.getAttribute('[data-theme]', 'data-theme')).toBe(theme);
      await screenshot(lead, `settings-lead-${theme}`);
      expect(await seriousA11yViolations(lead)).toEqual([]);

      const member = await newPage(bo, theme);
      if (theme === 'light') {
        const proposed = await call('POST', `${edited.path}/checkin/proposals`, token(chen), {
          cadence: { ...(await settingsOf(edited)).settings.cadence, time: '11:00' },
        });
        expect(proposed.status).toBe(201);
      }
      await open(member, edited);
      await member.getByTestId('settings-proposal').waitFor();
      await member.waitForLoadState('networkidle');
      await screenshot(member, `settings-member-${theme}`);
      expect(await seriousA11yViolations(member)).toEqual([]);

      // The time zone list, open.
      await member.getByRole('button', { name: 'Propose a change' }).click();
      await member.getByRole('combobox', { name: 'Time zone' }).click();
      await member.getByRole('listbox').getByRole('option').first().waitFor();
      expect(await seriousA11yViolations(member)).toEqual([]);
    });
  });
});
