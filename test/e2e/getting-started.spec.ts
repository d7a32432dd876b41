/**
 * A newcomer's first minutes, as the README tells them: Rapport and Microsoft 365 Agents
 * Playground side by side, the tab's local sign-in in headless Chromium, and Rapport installed in
 * the Playground's team with its "Install application" activity.
 */
import type { Page } from 'playwright-core';
import { getJson, postJson } from '../support/http';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string };
  currentUser: { name: string; aadObjectId: string };
  teams: { id: string; channels: { id: string }[] }[];
}

describe('getting started with the Agents Playground', () => {
  const app = useBrowserApp('e2estart');
  let playground: RunningPlayground;
  let config: PlaygroundConfig;

  const signIn = async (): Promise<Page> => {
    const page = await app.newPage();
    await page.goto(`${app.url}/tab?view=wall`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${config.currentUser.name}`).waitFor();
    return page;
  };

  beforeAll(async () => {
    playground = await startPlayground(`${app.url}/api/messages`);
    config = (
      (await getJson(`${playground.url}/_internal/v1/config`)).json as {
        config: PlaygroundConfig;
      }
    ).config;
  });
  afterAll(() => playground?.stop());

  it('suggests the Playground’s tenant and user in the sign-in form', async () => {
    const page = await app.newPage();
    await page.goto(`${app.url}/tab?view=wall`);

    expect(await page.getByLabel('Tenant id').inputValue()).toBe(config.tenantId);
    expect(await page.getByLabel('User id').inputValue()).toBe(config.currentUser.aadObjectId);
    expect(await page.getByLabel('Name').inputValue()).toBe(config.currentUser.name);
  });

  it('says how to get Rapport into a team while it is in none', async () => {
    const page = await signIn();

    const empty = page.getByRole('status').filter({
      has: page.getByRole('heading', { name: 'Rapport is not in any of your teams yet' }),
    });
    await empty.waitFor();
    expect(await empty.textContent()).toMatch(/install it in a team or group chat/i);
    expect(await empty.textContent()).toContain('Mock an Activity → Install application');
  });

  it('lists the Playground’s team once Rapport is installed there', async () => {
    const channel = config.teams[0].channels[0].id;
    const template = await getJson(
      `${playground.url}/_internal/v1/customActivities/template?${new URLSearchParams({
        conversationId: channel,
        type: 'install',
      })}`,
    );
    expect(template.status).toBe(200);
    expect(
      (await postJson(`${playground.url}/_internal/v1/customActivities`, template.json)).status,
    ).toBe(200);
    await playground.waitForAction(
      (a) => a.action === 'createMessage' && a.message?.from.id === config.bot.id,
    );

    const page = await signIn();
    await page.getByRole('heading', { name: 'Recognition wall' }).waitFor();
    expect(new URL(page.url()).searchParams.get('team')).toBe(config.teams[0].id);
  });
});
