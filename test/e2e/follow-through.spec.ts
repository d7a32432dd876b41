/**
 * Follow-through in the tab, in headless Chromium against the real server and database: after a
 * round closes, a member replies to an anonymous comment in the open; the lead marks it heard,
 * groups it into a theme and posts the results with a note; another member turns it into an
 * action, volunteers for it and finishes it; and an axe-core scan with a screenshot.
 */
import type { Page } from 'playwright-core';
import { JOB_OPEN } from '../../bot/src/features/checkins/checkin-jobs';
import { checkinAnswer } from '../fixtures/teams-activities';
import { postJson } from '../support/http';
import { call, newMembers, type Member } from '../support/team-harness';
import { screenshot, seriousA11yViolations } from './support/browser';
import type { SeededTeam } from './support/seed';
import { useBrowserApp } from './support/use-browser-app';

jest.setTimeout(120_000);

describe('follow-through in the tab', () => {
  // Ana installed Rapport, so she leads; Bo and Chen are members.
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo, chen] = people;
  const app = useBrowserApp('e2efollow', { members: people });
  const token = app.token;
  let team: SeededTeam;

  const open = async (as: Member): Promise<Page> => {
    const page = await app.newPage({ token: token(as) });
    await page.goto(`${app.url}/tab?${new URLSearchParams({ view: 'follow', team: team.teamId })}`);
    await page.getByTestId('follow-measures').waitFor();
    return page;
  };
  const comment = (page: Page, text: string) =>
    page.getByTestId('follow-comment').filter({ hasText: text });

  beforeAll(async () => {
    team = await app.install(people, 'Platform');
    await app.scheduler.cancel(JOB_OPEN, team.teamId);
    const round = await call('POST', `${team.path}/checkin/rounds`, token(ana));
    const texts = ['Reviews take days', 'Too many meetings', 'More pairing please'];
    for (const [i, member] of people.entries()) {
      const activity = checkinAnswer(app.connector.url, member, {
        roundId: round.json.id,
        dependability: '4',
        freeText: texts[i],
      });
      expect((await postJson(`${app.url}/api/messages`, activity)).status).toBe(200);
    }
    const close = `${team.path}/checkin/rounds/${encodeURIComponent(round.json.id)}/close`;
    expect((await call('POST', close, token(ana))).status).toBe(200);
  });

  it('lets a member reply in the open, says replies are public, and never asks who wrote it', async () => {
    const page = await open(bo);
    await page.getByText(/Comments stay anonymous\. Replies are public to the team/).waitFor();
    // Only leads mark comments heard.
    expect(await page.getByRole('button', { name: 'Mark heard' }).count()).toBe(0);

    const reviews = comment(page, 'Reviews take days');
    await reviews
      .getByRole('textbox', { name: /Reply in the open/ })
      .fill('Same here: <b>let us fix it</b>');
    await reviews.getByRole('button', { name: 'Reply' }).click();
    await reviews.getByText('You replied').waitFor();
    await reviews.getByText('Same here: <b>let us fix it</b>').waitFor();
    expect(await page.getByText(/identify|reveal|your comment|did you write/i).count()).toBe(0);
  });

  it('lets the lead mark a comment heard, group it into a theme and post the results with a note', async () => {
    const page = await open(ana);
    const reviews = comment(page, 'Reviews take days');
    await reviews.getByText('Bo replied').waitFor();
    await reviews.getByRole('button', { name: 'Mark heard' }).click();
    await reviews.getByText('Heard', { exact: true }).waitFor();

    const themes = page.getByRole('form', { name: 'Add a theme' });
    await themes.getByRole('textbox', { name: 'Theme name' }).fill('Flow');
    await themes.getByRole('checkbox', { name: 'Reviews take days' }).check();
    await themes.getByRole('checkbox', { name: 'Too many meetings' }).check();
    await themes.getByRole('button', { name: 'Add theme' }).click();
    await reviews.getByText('Theme: Flow').waitFor();

    await page.getByRole('button', { name: 'Show the results' }).click();
    const results = page.getByTestId('follow-results');
    await results.getByText('3 of 3 answered').waitFor();
    await results.getByRole('textbox').fill('Thank you for being honest.');
    await results.getByRole('button', { name: 'Post the results with this note' }).click();
    await results.getByText('Posted to the team’s channel.').waitFor();
    await screenshot(page, 'follow-through-lead');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lets a member turn a comment into an action, volunteer for it and finish it', async () => {
    const page = await open(chen);
    await comment(page, 'Too many meetings')
      .getByRole('button', { name: 'Choose for an action' })
      .click();
    const form = page.getByRole('form', { name: 'New action' });
    await form
      .getByRole('textbox', { name: /What will the team do/ })
      .fill('Meeting-free Wednesdays');
    await form.getByRole('textbox', { name: /Why/ }).fill('Too many meetings, said a comment');
    await form.getByLabel(/Due date/).fill('2099-06-30');
    await form.getByRole('button', { name: 'Add the action (answers 1 comment)' }).click();

    const action = page.getByTestId('follow-action').filter({ hasText: 'Meeting-free Wednesdays' });
    await action.getByText('No owner yet').waitFor();
    await action.getByRole('button', { name: 'I’ll own it' }).click();
    await action.getByText('Owner: you').waitFor();
    await action.getByRole('button', { name: 'Mark done' }).click();
    await action.getByText('Done', { exact: true }).waitFor();
    expect((await call('GET', `${team.path}/actions?status=done`, token(bo))).json.items).toEqual([
      expect.objectContaining({
        title: 'Meeting-free Wednesdays',
        owner: { name: 'Chen', mine: false },
      }),
    ]);
    await screenshot(page, 'follow-through-member');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
