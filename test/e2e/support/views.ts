import type { Page } from 'playwright-core';
import { groupChatInstallationUpdate, newMeetingChat } from '../../fixtures/teams-activities';
import { postJson } from '../../support/http';
import { call, devToken, type Member } from '../../support/team-harness';
import { seriousA11yViolations } from './browser';
import { backdateInstall, recentWeeks, seedTrustWeeks, type SeededTeam } from './seed';
import type { BrowserApp } from './use-browser-app';

export interface ViewUnderTest {
  /** The `?view=` value. */
  view: string;
  /** Its name in the navigation, in English. */
  label: string;
  /** What shows once the view has loaded. */
  ready: string;
  /** Where people open it: the icebreakers view is a meeting's side panel. */
  place: 'team' | 'meeting';
}

/** Every view of the tab, in navigation order. */
export const VIEWS: readonly ViewUnderTest[] = [
  { view: 'health', label: 'Trust health', ready: '[data-testid=trust-chart] svg' },
  { view: 'wall', label: 'Recognition wall', ready: '[data-testid=recognition-card]' },
  { view: 'agreements', label: 'Working agreements', ready: '[data-testid=agreement-card]' },
  { view: 'settings', label: 'Check-in settings', ready: '[data-testid=next-round]' },
  { view: 'follow', label: 'Follow-through', ready: '[data-testid=follow-measures]' },
  { view: 'coffee', label: 'Virtual coffee', ready: '[data-testid=coffee-next]' },
  {
    view: 'icebreakers',
    label: 'Icebreakers',
    ready: '[data-testid=current-prompt] [data-testid=prompt-category]',
    place: 'meeting' as const,
  },
  { view: 'interests', label: 'Interests', ready: '[data-testid=interest-circle]' },
  { view: 'privacy', label: 'What Rapport stores', ready: '[data-testid=stored-record]' },
].map((v) => ({ place: 'team' as const, ...v }));

export interface SeededViews {
  team: SeededTeam;
  /** The meeting chat the icebreakers view opens in, with the roster of the team. */
  meetingChatId: string;
}

const TRAITS = ['psychological-safety', 'dependability', 'structure-clarity', 'meaning', 'impact'];

/**
 * Installs the app in a team of `members` and in a meeting chat of the same people, as Teams
 * would, and gives every view something to show: the first member's interests and virtual
 * coffee, an icebreaker drawn in each place, and twelve weeks of trust health. `beforeBackdate` adds what the
 * spec needs (recognitions, agreements) before the install is moved back 13 weeks.
 */
export async function seedViews(
  app: BrowserApp,
  members: Member[],
  teamName: string,
  beforeBackdate: (team: SeededTeam) => Promise<void>,
): Promise<SeededViews> {
  const team = await app.install(members, teamName);
  const token = await devToken(app.url, members[0]);
  await call('PUT', `${team.path}/interests/me`, token, { tags: ['Board games', 'Dogs'] });
  await call('PUT', `${team.path}/coffee/me`, token, { status: 'in' });
  const draw = async (path: string) => {
    const drawn = await call('POST', `${path}/prompts/draws`, token);
    if (drawn.status !== 201) throw new Error(`draw failed: ${drawn.status}`);
  };
  // The team's own prompt too: the navigation opens the icebreakers view in the team.
  await draw(team.path);

  const chat = newMeetingChat(app.connector.url);
  app.connector.setRoster(chat.chatId, members);
  const installed = await postJson(
    `${app.url}/api/messages`,
    groupChatInstallationUpdate(chat, members[0]),
  );
  if (installed.status !== 200) throw new Error(`chat install failed: ${installed.status}`);
  await draw(`${app.url}/api/v1/teams/${encodeURIComponent(chat.chatId)}`);

  await seedTrustWeeks(
    app.database.db,
    team.teamId,
    recentWeeks(12).map((week, i) => ({
      week,
      recognitions: { impact: 1 },
      checkin: {
        answers: 4,
        invited: 4,
        sums: Object.fromEntries(
          TRAITS.map((t, k) => [t, { sum: 4 * (2 + ((i + k) % 3)), count: 4 }]),
        ),
      },
    })),
  );
  await beforeBackdate(team);
  await backdateInstall(app.database.db, team.teamId, 13);
  return { team, meetingChatId: chat.chatId };
}

/**
 * Opens `view` where people open it (its team, or the meeting chat) and waits until it has
 * loaded and the network is quiet; `lang` sets `?lang=`.
 */
export async function openView(
  page: Page,
  appUrl: string,
  seeded: SeededViews,
  view: ViewUnderTest,
  lang?: string,
): Promise<void> {
  const team = view.place === 'meeting' ? seeded.meetingChatId : seeded.team.teamId;
  const query = new URLSearchParams({ view: view.view, team });
  if (lang) query.set('lang', lang);
  await page.goto(`${appUrl}/tab?${query}`);
  await page.locator(view.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** How far the page reaches past the viewport's right edge (0 when nothing sticks out). */
export const pageOverflow = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;

/** What every view must be at any width: no sideways scrolling, no serious axe finding. */
export async function expectFitsAndAccessible(page: Page): Promise<void> {
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}
