/**
 * The icebreakers view as a meeting's side panel shows it (320 px), in headless Chromium against
 * the real server: the current prompt with "Another one" and "Hide this prompt", the meeting
 * chat's switch, a prompt of your own, and an axe-core scan with a screenshot.
 */
import type { Page } from 'playwright-core';
import { groupChatInstallationUpdate, newMeetingChat } from '../fixtures/teams-activities';
import { postJson } from '../support/http';
import { call, newMembers } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

describe('the icebreakers view in a meeting’s side panel', () => {
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo] = people;
  const app = useBrowserApp('e2eicebreakers', { members: people });
  let chatId: string;
  const path = (rest: string) => `${app.url}/api/v1/teams/${encodeURIComponent(chatId)}${rest}`;

  beforeAll(async () => {
    const chat = newMeetingChat(app.connector.url);
    chatId = chat.chatId;
    app.connector.setRoster(chatId, people);
    const res = await postJson(`${app.url}/api/messages`, groupChatInstallationUpdate(chat, ana));
    if (res.status !== 200) throw new Error(`install failed: ${res.status}`);
  });

  const open = async (): Promise<Page> => {
    const page = await app.newPage({ token: app.token(bo), width: 320, height: 800 });
    await page.goto(`${app.url}/tab?${new URLSearchParams({ view: 'icebreakers', team: chatId })}`);
    await page.getByTestId('current-prompt').waitFor();
    return page;
  };
  const promptText = (page: Page) =>
    page.getByTestId('current-prompt').locator('span').first().textContent();
  const changedFrom = (page: Page, before: string | null) =>
    page.waitForFunction(
      `document.querySelector('[data-testid=current-prompt] span')?.textContent !== ${JSON.stringify(before)}`,
    );

  it('draws a prompt, another, and hides one for the team', async () => {
    const page = await open();
    await page.getByText('No prompt yet: draw the first one.').waitFor();

    await page.getByRole('button', { name: 'Another one' }).click();
    await page.getByRole('button', { name: 'Hide this prompt' }).waitFor();
    const first = await promptText(page);
    await page.getByRole('button', { name: 'Another one' }).click();
    await changedFrom(page, first);
    const second = await promptText(page);
    expect(second).not.toBe(first);

    await page.getByRole('button', { name: 'Hide this prompt' }).click();
    await changedFrom(page, second);
    const deck = (await call('GET', path('/prompts'), app.token(bo))).json;
    expect(deck.prompts.filter((p: { hidden: boolean }) => p.hidden)).toEqual([
      expect.objectContaining({ text: second }),
    ]);
  });

  it('switches the meeting’s prompt off, and adds a prompt of your own', async () => {
    const page = await open();
    await page.getByRole('switch', { name: 'Post a prompt in the meeting chat' }).click();
    await page.getByText('Icebreakers are off here.').waitFor({ state: 'attached' });
    expect(
      await page.getByRole('switch', { name: 'Only for recurring meetings' }).isDisabled(),
    ).toBe(true);
    expect((await call('GET', path('/icebreakers/meeting'), app.token(ana))).json.settings).toEqual(
      { enabled: false, recurringOnly: false },
    );

    await page.getByLabel('Your question').fill('What is a word you love the sound of?');
    await page.getByLabel('Category').selectOption('get-to-know-you');
    await page.getByRole('button', { name: 'Add to the deck' }).click();
    await page.getByText('Your prompt is in the deck.').waitFor({ state: 'attached' });
    await page.getByLabel('Your question').fill('what is a WORD you love the sound of');
    await page.getByRole('button', { name: 'Add to the deck' }).click();
    await page
      .getByRole('alert')
      .getByText(/already has this prompt/)
      .waitFor();
  });

  it('fits a 320 px side panel and has no serious or critical accessibility violation', async () => {
    const page = await open();
    await page.waitForLoadState('networkidle');

    await screenshot(page, 'icebreakers-side-panel-320');
    expect(
      await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
