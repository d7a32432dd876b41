/**
 * The trust-health view in headless Chromium: the five traits' line chart (a lazily loaded
 * chunk), weeks below the group minimum drawn as gaps with their reason, participation,
 * recognition counts by trait, and anonymous feedback.
 *
 * Twelve weeks of history are seeded into the store (`trust_weeks` and one closed round), since
 * check-in rounds can only open in the present; the page reads them through the real API.
 */
import type { Page } from 'playwright-core';
import { createListing } from '../../bot/src/platform/store/listings';
import { devToken, newMembers } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import {
  backdateInstall,
  recentWeeks,
  recognize,
  seedTrustWeeks,
  type SeededTeam,
  type SeedWeek,
} from './support/seed';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

const TRAIT_IDS = [
  'psychological-safety',
  'dependability',
  'structure-clarity',
  'meaning',
  'impact',
];
const weeks = recentWeeks(12);
const INSUFFICIENT = 4;
const NO_ROUND = 8;
/** A week where only two people answered the impact question. */
const PARTIAL = 10;
const REASON = 'Fewer than 3 people answered, so nothing is shown to protect their anonymity.';

/** The week-by-week table and the recognition totals, found by their accessible names. */
const weeksTable = (page: Page) => page.getByRole('table', { name: 'Check-ins week by week' });
const weekRows = (page: Page) => weeksTable(page).locator('tbody tr');

/** Five distinct averages a week, moving from week to week. */
const average = (week: number, trait: number) => 2.4 + ((week + 2 * trait) % 5) * 0.5;

/** Twelve weeks: answered by 5 of 6, except one with 2 answers and one without a round. */
const seeded: SeedWeek[] = weeks.map((week, i) => ({
  week,
  recognitions: (i % 3 === 0 ? { impact: 1, dependability: 2 } : { meaning: 1 }) as Record<
    string,
    number
  >,
  checkin:
    i === NO_ROUND
      ? undefined
      : {
          answers: i === INSUFFICIENT ? 2 : 5,
          invited: 6,
          sums: Object.fromEntries(
            TRAIT_IDS.map((t, k) => {
              const count = i === PARTIAL && t === 'impact' ? 2 : 5;
              return [t, { sum: (i === INSUFFICIENT ? 2 : count) * average(i, k), count }];
            }),
          ),
        },
}));

const feedback = {
  weeks: [
    {
      week: weeks[11],
      comments: ['More pairing on the release, please.', 'Thanks for the calm planning.'],
    },
  ],
};

describe('the trust-health view', () => {
  const app = useBrowserApp('e2ehealth');
  let team: SeededTeam;
  let token: string;
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');

  const newPage = (theme: 'light' | 'dark' = 'light') => app.newPage({ token, theme });
  const healthUrl = (extra: Record<string, string> = {}) =>
    `${app.url}/tab?${new URLSearchParams({ view: 'health', team: team.teamId, ...extra })}`;
  const chartPoints = (page: Page) =>
    page.evaluate(
      `[...document.querySelectorAll('[data-testid=trust-chart] [aria-label]')].map((e) => e.getAttribute('aria-label'))`,
    ) as Promise<string[]>;

  beforeAll(async () => {
    team = await app.install([ana, bo, chen, dee], 'Platform');
    await recognize(app.url, team, bo, chen, 'for impact fixed the outage');
    await seedTrustWeeks(app.database.db, team.teamId, seeded);
    await backdateInstall(app.database.db, team.teamId, 13);
    // A closed round of the last week that met the minimum, as the check-in flow leaves it.
    await app.database.db
      .collection<Record<string, unknown> & { _id: string }>('checkin_rounds')
      .insertOne({
        _id: `${team.teamId}|seeded`,
        teamId: team.teamId,
        week: feedback.weeks[0].week,
        status: 'closed',
        answers: 5,
        minGroupSize: 3,
        comments: feedback.weeks[0].comments,
      });
    // Listed under the team, as the store lists every round it opens.
    await createListing(app.database.db, 'checkin-rounds').add(
      team.teamId,
      `${team.teamId}|seeded`,
    );
    token = await devToken(app.url, ana);
  });

  it('loads the chart code only when the trust-health view opens', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${app.url}/tab?${new URLSearchParams({ view: 'wall', team: team.teamId })}`);
    await page.getByTestId('recognition-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => /TrustChart/.test(s))).toEqual([]);

    await page.getByRole('tab', { name: 'Trust health' }).click();
    await page.locator('[data-testid=trust-chart] svg').first().waitFor();
    expect(scripts.filter((s) => /TrustChart/.test(s))).toHaveLength(1);
  });

  it('draws the five traits, with no point at all for weeks without numbers', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    await page.locator('[data-testid=trust-chart] svg').first().waitFor();

    for (const label of [
      'Psychological safety',
      'Dependability',
      'Structure & clarity',
      'Meaning',
      'Impact',
    ])
      await page.getByTestId('trust-chart').getByText(label, { exact: true }).first().waitFor();
    const points = await chartPoints(page);
    const weekLabel = async (i: number) =>
      (await weekRows(page)
        .nth(11 - i)
        .locator('td')
        .first()
        .textContent())!;
    // Never a zero, and nothing for the week with two answers or the week without a round.
    expect(points.some((p) => /: 0(\.0)? of 5/.test(p))).toBe(false);
    for (const gap of [INSUFFICIENT, NO_ROUND]) {
      const label = await weekLabel(gap);
      expect(points.filter((p) => p.includes(label))).toEqual([]);
    }
    const latest = await weekLabel(0);
    expect(points.filter((p) => p.includes(latest)).length).toBeGreaterThan(0);
  });

  it('lists why a week shows no numbers, participation, and recognition counts by trait', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    const rows = weekRows(page);
    await rows.first().waitFor();

    expect(await rows.count()).toBe(12);
    expect(await page.locator('tr[data-status=insufficient]').textContent()).toContain(REASON);
    expect(await page.locator('tr[data-status=insufficient]').textContent()).toContain('—');
    expect(await page.locator('tr[data-status=no-round]').textContent()).toContain(
      'No check-in this week',
    );
    expect(await rows.first().textContent()).toContain('83%');
    await page.getByText(/Latest participation: 83%/).waitFor();

    const totals = page.getByRole('table', { name: 'Recognitions by trait' });
    expect(await totals.getByRole('row', { name: /Impact/ }).textContent()).toContain('4');
    expect(await totals.getByRole('row', { name: /Dependability/ }).textContent()).toContain('8');
    expect(await totals.getByRole('row', { name: /Meaning/ }).textContent()).toContain('8');
  });

  it('says which trait has no average in a week where too few people answered it', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    const rows = weekRows(page);
    await rows.first().waitFor();

    expect(await rows.nth(11 - PARTIAL).textContent()).toContain(
      '5 answers. No average for Impact: too few people answered it to keep the answers anonymous.',
    );
    expect(await rows.nth(0).textContent()).not.toContain('No average');
  });

  it('names the traits in the chart legend as everywhere else', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    const legend = page
      .getByTestId('trust-chart')
      .locator('.fui-legend__legend', { hasText: 'Psychological' });

    // innerText, as people read it: with the legend's text-transform applied.
    expect((await legend.innerText()).trim()).toBe('Psychological safety');
  });

  it('lists only the weeks since Rapport joined a new team, and says so', async () => {
    const fresh = await app.install([ana, bo, chen], 'Design');
    const page = await newPage();
    await page.goto(
      `${app.url}/tab?${new URLSearchParams({ view: 'health', team: fresh.teamId })}`,
    );
    const rows = weekRows(page);
    await rows.first().waitFor();

    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(`Week of`);
    await page
      .getByText(
        /Rapport joined this team in the week of .*, so the weeks before it are not listed\./,
      )
      .waitFor();
    // A team with history from before (seeded here, as after a reinstall) keeps every week.
    await page.goto(healthUrl());
    await weekRows(page).first().waitFor();
    expect(await weekRows(page).count()).toBe(12);
  });

  it('shows anonymous feedback by week, without names or times', async () => {
    const page = await newPage();
    await page.goto(healthUrl());

    await page.getByText('More pairing on the release, please.').waitFor();
    await page.getByText('Thanks for the calm planning.').waitFor();
  });

  it('keeps the chosen period in the URL and asks the API for it', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    await weeksTable(page).waitFor();

    const asked = page.waitForRequest((r) => r.url().includes('/trust-health?weeks=26'));
    await page.getByLabel('Period').selectOption('26');
    await asked;
    expect(new URL(page.url()).searchParams.get('weeks')).toBe('26');
  });

  it('says kindly when the server has no trust-health yet, with a retry', async () => {
    const page = await newPage();
    await page.route('**/trust-health?*', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'NOT_FOUND', message: '/api/v1/… is not part of the API' }),
      }),
    );
    await page.goto(healthUrl());

    const alert = page.getByRole('alert').filter({ hasText: 'Trust health could not be loaded' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('does not offer this yet');
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
  });

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it('has no serious or critical accessibility violation', async () => {
      const page = await newPage(theme);
      await page.goto(healthUrl());
      await page.locator('[data-testid=trust-chart] svg').first().waitFor();
      await page.getByText('More pairing on the release, please.').waitFor();
      await page.waitForLoadState('networkidle');

      await screenshot(page, `health-${theme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });

  it('shows the seeded weeks from the real endpoint', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    await weekRows(page).first().waitFor();

    expect(await weekRows(page).count()).toBe(12);
    expect(await page.locator('tr[data-status=insufficient]').textContent()).toMatch(
      /Fewer than 3/,
    );
    expect(await page.locator('tr[data-status=no-round]').count()).toBe(1);
    expect(await page.locator('tr[data-status=ok]').count()).toBe(10);
    expect(await page.locator('tr[data-status=ok]').first().textContent()).toContain('83%');
    await page.locator('[data-testid=trust-chart] svg').first().waitFor();
  });

  it('shows an open round as open, until when and how many answered, and no number from it', async () => {
    const page = await newPage();
    await page.goto(healthUrl());
    await weekRows(page).first().waitFor();
    expect(await page.getByTestId('open-round').count()).toBe(0);
    const rows = await weeksTable(page).locator('tbody').textContent();

    const started = await fetch(
      `${app.url}/api/v1/teams/${encodeURIComponent(team.teamId)}/checkin/rounds`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(started.status).toBe(201);
    await page.reload();

    const note = page.getByTestId('open-round');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^A check-in is open until .+: 0 of 4 have answered\. Its results show here once it closes\.$/,
    );
    expect(await weeksTable(page).locator('tbody').textContent()).toBe(rows);
  });
});
