/**
 * Virtual coffee in the tab, in headless Chromium against the real server and database: a member
 * joins, saves the time zone the browser offers and their hours, keeps a private "don't pair me
 * with" list, pauses until a date and comes back; a second member joins, a lead sets the rhythm
 * and presses "Pair now" (after a confirmation) and sees only the number of groups; the member then sees their
 * partner's name, local time, the hours they share and the Teams links; and an axe-core scan with
 * a screenshot.
 */
import type { Page } from 'playwright-core';
import { call, newMembers, type Member } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import type { SeededTeam } from './support/seed';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

const DAY = 86_400_000;
/** A local date (YYYY-MM-DD) `days` from now in UTC, the seeded team's zone. */
const utcDate = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** "Tuesday, March 3, 2026", as the tab writes a date in en-US. */
const fullDate = (date: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

describe('virtual coffee in the tab', () => {
  /**
   * Ana installed Rapport, so she leads; Bo and Chen are members. The connector stub gives each
   * a sign-in name (chen@contoso.example), as Teams does, so that the match has its links.
   */
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo, chen] = people;
  const app = useBrowserApp('e2ecoffee', { members: people });
  const token = app.token;
  let team: SeededTeam;

  const coffeeUrl = () =>
    `${app.url}/tab?${new URLSearchParams({ view: 'coffee', team: team.teamId })}`;
  const open = async (as: Member): Promise<Page> => {
    const page = await app.newPage({ token: token(as) });
    await page.goto(coffeeUrl());
    await page.getByTestId('coffee-next').waitFor();
    return page;
  };
  const coffeeOf = async (as: Member) => (await call('GET', `${team.path}/coffee`, token(as))).json;
  const status = (page: Page) => page.getByTestId('coffee-status');

  beforeAll(async () => {
    team = await app.install(people, 'Platform');
  });

  it('lets a member join, set their time zone and hours, keep a private list, pause and come back', async () => {
    const page = await open(bo);
    expect(await status(page).textContent()).toBe('You are not taking part.');
    await page
      .getByTestId('coffee-match')
      .getByText('Join to be paired with a teammate for a casual chat.')
      .waitFor();
    // Only leads see the rhythm and "Pair now".
    expect(await page.getByRole('button', { name: 'Pair now' }).count()).toBe(0);
    expect(await page.getByTestId('coffee-rhythm').count()).toBe(0);

    await page.getByRole('button', { name: 'Join virtual coffee' }).click();
    await status(page)
      .filter({ hasText: 'You are taking part: every round, Rapport pairs you with a teammate.' })
      .waitFor();
    expect((await coffeeOf(bo)).me.status).toBe('in');

    // No zone is stored and Teams reported none: the browser's (UTC here) is offered.
    const hours = page.getByTestId('coffee-hours');
    expect(await hours.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('UTC');
    await hours
      .getByText(/Teams has not reported your time zone yet, so this is your browser’s/)
      .waitFor();
    await hours.getByLabel('Working hours start').fill('09:00');
    await hours.getByLabel('Working hours end').fill('17:00');
    await hours.getByRole('button', { name: 'Save time zone and hours' }).click();
    await hours.getByText('Your time zone and hours are saved.').waitFor();
    await hours.getByText('You chose this time zone.').waitFor();
    expect((await coffeeOf(bo)).me).toMatchObject({
      timeZone: 'UTC',
      timeZoneSource: 'member',
      workingHours: { start: '09:00', end: '17:00' },
    });

    // The private list: said to be private, saved, and shown to nobody else (not to Ana, a lead).
    const avoid = page.getByTestId('coffee-avoid');
    await avoid.getByText(/Private: only you ever see this list\..*not the team’s leads/).waitFor();
    const picker = avoid.getByRole('combobox', { name: 'Add a teammate' });
    await picker.click();
    await picker.fill('an');
    await page.getByRole('option', { name: 'Ana' }).click();
    await avoid.getByRole('button', { name: 'Remove Ana from your list' }).waitFor();
    await avoid.getByRole('button', { name: 'Save my list' }).click();
    await avoid.getByText('Your private list is saved.').waitFor();
    expect((await coffeeOf(bo)).me.avoid).toEqual([ana.aadObjectId]);
    expect(JSON.stringify(await coffeeOf(ana))).not.toContain(bo.aadObjectId);

    // Pause until a date: one click, no reason asked; then back at once.
    const until = utcDate(10);
    await page.getByLabel('Pause until', { exact: true }).fill(until);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await status(page)
      .filter({
        hasText: `You are paused until ${fullDate(until)}. You are back in the rounds after that day.`,
      })
      .waitFor();
    expect((await coffeeOf(bo)).me).toMatchObject({ status: 'paused', pausedUntil: until });
    await page
      .getByTestId('coffee-match')
      .getByText('You are paused, so you have no match for now.')
      .waitFor();

    await page.getByRole('button', { name: 'Come back now' }).click();
    await status(page).filter({ hasText: 'You are taking part' }).waitFor();
    expect((await coffeeOf(bo)).me).toMatchObject({ status: 'in', pausedUntil: null });
  });

  it('shows the member their partner after a lead presses "Pair now"; the lead sees only the count', async () => {
    // Chen joins through the API, in a zone 5 h 30 min ahead of Bo's with the same hours.
    const joined = await call('PUT', `${team.path}/coffee/me`, token(chen), {
      status: 'in',
      timeZone: 'Asia/Kolkata',
      workingHours: { start: '09:00', end: '17:00' },
    });
    expect(joined.status).toBe(200);

    const lead = await open(ana);
    await lead
      .getByTestId('coffee-members')
      .filter({ hasText: '2 members taking part.' })
      .waitFor();

    // The lead sets the rhythm, in the team's time zone (UTC here).
    const rhythm = lead.getByTestId('coffee-rhythm');
    await rhythm.getByRole('switch', { name: 'Virtual coffee is off' }).click();
    await rhythm.getByRole('radio', { name: 'Every week' }).check();
    await rhythm.getByLabel('Day', { exact: true }).selectOption('friday');
    await rhythm.getByLabel('Local time').fill('09:30');
    await rhythm.getByRole('radio', { name: 'Groups of three' }).check();
    await rhythm.getByRole('button', { name: 'Save the rhythm' }).click();
    await rhythm.getByText(/^Saved\. The next round starts Friday, .* at 9:30 AM\.$/).waitFor();
    expect(await lead.getByTestId('coffee-next').textContent()).toMatch(
      /^Every week on Friday at 09:30 \(UTC time\), in groups of three\. The next round starts Friday, /,
    );
    expect((await coffeeOf(ana)).settings).toEqual({
      enabled: true,
      every: 1,
      day: 'friday',
      time: '09:30',
      groupSize: 3,
    });

    await lead.getByRole('button', { name: 'Pair now' }).click();
    const dialog = lead.getByRole('alertdialog', { name: 'Pair everyone now?' });
    await dialog.getByText(/Everyone taking part now \(2 members\)/).waitFor();
    await dialog.getByText(/Members learn only their own match/).waitFor();
    const paired = lead.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/coffee/rounds'),
    );
    await dialog.getByRole('button', { name: 'Pair now' }).click();
    expect((await paired).status()).toBe(201);
    await lead
      .getByTestId('coffee-paired')
      .getByText(/^Paired: 1 group\. Each member got their own introduction privately/)
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    // Ana did not join: she has no match, and sees nobody's pairs.
    await lead
      .getByTestId('coffee-match')
      .getByText(/^Join to be paired/)
      .waitFor();
    expect(await lead.getByTestId('coffee-partner').count()).toBe(0);
    await lead.waitForLoadState('networkidle');
    await screenshot(lead, 'coffee-lead');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    const member = await open(bo);
    const partner = member.getByTestId('coffee-partner');
    await partner.getByRole('heading', { name: 'Chen' }).waitFor();
    expect(await partner.count()).toBe(1);
    await partner.getByText('Their clock is 5 h 30 min ahead of yours (Asia/Kolkata).').waitFor();
    await partner.getByText('You both work 09:00–11:30 your time.').waitFor();
    const match = member.getByTestId('coffee-match');
    await match.getByText('Something to start with:').waitFor();
    const chat = match.getByRole('link', { name: 'Chat now' });
    expect(await chat.getAttribute('href')).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=chen%40contoso\.example/,
    );
    expect(await chat.getAttribute('target')).toBe('_blank');
    expect(
      await match.getByRole('link', { name: 'Schedule 30 minutes' }).getAttribute('href'),
    ).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meeting\/new\?.*attendees=chen%40contoso\.example/,
    );

    await member.waitForLoadState('networkidle');
    await screenshot(member, 'coffee-member');
    expect(await seriousA11yViolations(member)).toEqual([]);
  });
});
