/**
 * Interest circles in the tab, in headless Chromium against the real server and database: a
 * member adds interests and joins a teammate's circle, asks to be introduced (the card reaches
 * their chat through the connector stub), offers a talk that another member says they would
 * come to, leaves a circle; and an axe-core scan with light and dark screenshots.
 */
import type { Page } from 'playwright-core';
import { call, newMembers, type Member } from '../support/team-harness';
import { waitUntil } from '../support/wait-until';
import { screenshot, seriousA11yViolations } from './support/browser';
import type { SeededTeam } from './support/seed';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

describe('interest circles in the tab', () => {
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo, chen] = people;
  const app = useBrowserApp('e2einterests', { members: people });
  let team: SeededTeam;

  const open = async (as: Member, theme: 'light' | 'dark' = 'light') => {
    const page = await app.newPage({ token: app.token(as), theme });
    await page.goto(
      `${app.url}/tab?${new URLSearchParams({ view: 'interests', team: team.teamId })}`,
    );
    await page.getByRole('heading', { name: 'Your interests' }).waitFor();
    return page;
  };
  const circleCard = (page: Page, label: string) =>
    page.getByRole('article', { name: label, exact: true });
  const addInterest = async (page: Page, tag: string) => {
    await page.getByRole('textbox', { name: 'Add an interest' }).fill(tag);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
  };

  beforeAll(async () => {
    team = await app.install(people, 'Platform');
    await call('PUT', `${team.path}/interests/me`, app.token(bo), { tags: ['Hiking', 'Dogs'] });
  });

  it('adds interests, joins a circle, introduces, offers a talk and leaves', async () => {
    const page = await open(ana);
    await page.getByText('You have not added any interests in this team.').waitFor();

    // "dogs" joins Bo's circle, which keeps Bo's spelling.
    await addInterest(page, 'dogs');
    await circleCard(page, 'Dogs').getByText('Ana and Bo').waitFor();
    expect(await page.getByRole('textbox', { name: 'Add an interest' }).inputValue()).toBe('');

    // The same interest twice is refused with what to fix.
    await addInterest(page, 'DOG');
    await page.getByRole('alert').getByText('“Dogs” and “DOG” are the same interest').waitFor();

    await circleCard(page, 'Hiking').getByRole('button', { name: 'Join' }).click();
    await circleCard(page, 'Hiking').getByText('You are in it').waitFor();

    await circleCard(page, 'Hiking').getByRole('button', { name: 'Introduce me' }).click();
    const note = page.getByTestId('introduced');
    await note.getByText('Rapport sent you a card in Teams with Bo.').waitFor();
    expect(await note.getByRole('link', { name: 'Start a group chat' }).getAttribute('href')).toBe(
      'https://teams.microsoft.com/l/chat/0/0?users=bo%40contoso.example&topicName=Hiking%20circle',
    );
    await waitUntil(
      async () =>
        app.connector.posted.some(
          (p) =>
            p.conversationId === `a:${ana.id}` &&
            JSON.stringify(p.body).includes('Your “Hiking” circle in Platform'),
        ),
      { what: () => 'the introduction card in Ana’s chat' },
    );

    await circleCard(page, 'Hiking').getByRole('button', { name: 'Offer a talk' }).click();
    await page.getByLabel('Title').fill('Ten summits in ten minutes');
    await page.getByLabel('In one sentence, what is it about?').fill('Routes, boots and snacks.');
    await page.getByRole('button', { name: 'Offer the talk' }).click();
    const talk = page.getByRole('article', { name: 'Ten summits in ten minutes' });
    await talk.getByText('0 people would come; it happens at 1.').waitFor();

    // Bo says he would come: a circle of two needs one, so Ana is sent her link.
    const bos = await open(bo);
    const offered = bos.getByRole('article', { name: 'Ten summits in ten minutes' });
    await offered.getByRole('button', { name: 'I’d come' }).click();
    await offered.getByText('You said you would come.').waitFor();
    await offered.getByText(/1 person would come\. It is happening/).waitFor();
    await page.reload();
    await talk.getByRole('link', { name: 'Schedule it in Teams' }).waitFor();

    await circleCard(page, 'Dogs').getByRole('button', { name: 'Leave' }).click();
    await circleCard(page, 'Dogs').getByRole('button', { name: 'Join' }).waitFor();
    await page.getByRole('button', { name: 'Hiking' }).waitFor();
    await page.getByRole('button', { name: /^Dogs/ }).waitFor({ state: 'detached' });
    const stored = (await call('GET', `${team.path}/interests`, app.token(chen))).json;
    expect(stored.circles.map((c: { label: string; count: number }) => [c.label, c.count])).toEqual(
      [
        ['Hiking', 2],
        ['Dogs', 1],
      ],
    );

    // Removing an interest with its ×.
    await page.getByRole('button', { name: 'Hiking' }).click();
    await circleCard(page, 'Hiking').getByRole('button', { name: 'Join' }).waitFor();
    await page.getByText('You have not added any interests in this team.').waitFor();
  });

  it.each(['light', 'dark'] as const)('passes axe in the %s theme', async (theme) => {
    const page = await open(chen, theme);
    await circleCard(page, 'Hiking').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `interests-${theme}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
