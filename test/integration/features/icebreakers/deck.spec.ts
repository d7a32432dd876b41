import { JOB_WEEKLY_QUESTION } from '../../../../bot/src/features/icebreakers/icebreaker-jobs';
import type { AdaptiveCard } from '../../../../bot/src/platform/teams/cards/adaptive-card';
import {
  channelMessage,
  personalMessage,
  teamCardAction,
} from '../../../fixtures/teams-activities';
import { expectValidCard } from '../../../support/adaptive-card-check';
import { postJson, type Json } from '../../../support/http';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

describe('a team’s prompt deck: its own prompts, hiding, draws without repetition', () => {
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo] = people;
  const outsider = newMembers('Out')[0];
  const app = useTestApp('icebreakerdeck', { members: [...people, outsider] });

  const api = (team: Team, member: Member, method: string, path: string, body?: unknown) =>
    call(method, `${team.path}${path}`, app.token(member), body);
  const deck = async (team: Team) => (await api(team, bo, 'GET', '/prompts')).json;
  const draw = async (team: Team, member: Member = bo) => {
    const res = await api(team, member, 'POST', '/prompts/draws');
    expect(res.status).toBe(201);
    return res.json.prompt as Json;
  };
  const visibleCount = async (team: Team) =>
    (await deck(team)).prompts.filter((p: Json) => !p.hidden).length;

  it('lists the built-in prompts and the team’s own, and refuses bad ones naming what to fix', async () => {
    const team = await app.install(people);
    const before = await deck(team);
    expect(before.prompts.length).toBeGreaterThanOrEqual(80);
    expect(before).toMatchObject({
      cycle: 1,
      drawn: 0,
      left: before.prompts.length,
      isLead: false,
    });
    expect(before.prompts[0]).toEqual({
      id: 'light-1',
      text: 'Recommend a TV show you loved lately.',
      category: 'light',
      source: 'built-in',
      hidden: false,
    });

    const added = await api(team, bo, 'POST', '/prompts', {
      text: 'What is a word you love the sound of?',
      category: 'light',
    });
    expect(added.status).toBe(201);
    expect(added.json.prompt).toEqual({
      id: 'team-1',
      text: 'What is a word you love the sound of?',
      category: 'light',
      source: 'team',
      hidden: false,
    });
    const after = await deck(team);
    expect(after.prompts.at(-1)).toEqual(added.json.prompt);
    // Who wrote it is kept nowhere in the answer (nor, see the privacy account, in the store).
    expect(JSON.stringify(after)).not.toContain(bo.aadObjectId);

    const cases: [unknown, number, RegExp][] = [
      [{ text: '   ', category: 'light' }, 400, /^The text is empty: write the question/],
      [{ text: 'x'.repeat(201), category: 'light' }, 400, /^The text is too long: keep it to 200/],
      [{ text: 'what is a WORD you love the sound of', category: 'gratitude' }, 409, /already has/],
      [{ text: 'A fine question?', category: 'politics' }, 400, /^The category must be one of/],
    ];
    for (const [body, status, message] of cases) {
      const res = await api(team, bo, 'POST', '/prompts', body);
      expect(res.status).toBe(status);
      expect(res.json.message).toMatch(message);
    }
    expect((await api(team, outsider, 'GET', '/prompts')).status).toBe(403);
    expect((await api(team, outsider, 'POST', '/prompts/draws')).status).toBe(403);
  });

  it('shows every prompt of a deck of N once in the first N draws, 20 at a time, then starts again', async () => {
    const team = await app.install(people);
    const n = await visibleCount(team);

    const drawn: string[] = [];
    while (drawn.length < n) {
      const batch = Math.min(20, n - drawn.length);
      const prompts = await Promise.all(Array.from({ length: batch }, () => draw(team)));
      drawn.push(...prompts.map((p) => p.id));
    }

    expect(new Set(drawn).size).toBe(n);
    expect(await deck(team)).toMatchObject({ cycle: 1, drawn: n, left: 0 });
    await draw(team);
    expect(await deck(team)).toMatchObject({ cycle: 2, drawn: 1, left: n - 1 });
  });

  it('never draws a hidden prompt; any member hides one in a click, only leads restore it', async () => {
    const team = await app.install(people);
    const ids = (await deck(team)).prompts.slice(0, 10).map((p: Json) => p.id as string);
    for (const id of ids) {
      const res = await api(team, bo, 'POST', `/prompts/${id}/hidden`);
      expect(res.status).toBe(200);
      expect(res.json.prompt).toMatchObject({ id, hidden: true });
    }
    // A second click changes nothing.
    expect((await api(team, bo, 'POST', `/prompts/${ids[0]}/hidden`)).json.prompt.hidden).toBe(
      true,
    );
    const n = await visibleCount(team);

    const drawn = await Promise.all(Array.from({ length: 20 }, () => draw(team)));
    for (let i = 20; i < n + 5; i++) drawn.push(await draw(team));

    expect(drawn.filter((p) => ids.includes(p.id))).toEqual([]);
    expect(new Set(drawn.slice(0, n).map((p) => p.id)).size).toBe(n);

    const notLead = await api(team, bo, 'DELETE', `/prompts/${ids[0]}/hidden`);
    expect(notLead.status).toBe(403);
    expect(notLead.json.code).toBe('NOT_A_LEAD');
    const restored = await api(team, ana, 'DELETE', `/prompts/${ids[0]}/hidden`);
    expect(restored.status).toBe(200);
    expect(restored.json.prompt).toMatchObject({ id: ids[0], hidden: false });
    expect((await api(team, bo, 'POST', '/prompts/team-7/hidden')).status).toBe(404);
    expect((await api(team, bo, 'POST', '/prompts/DROP-1/hidden')).status).toBe(404);
  });

  /** Cards the bot posted into a conversation, newest last. */
  const cardsIn = (conversationId: string) =>
    app.connector.posted
      .filter((p) => p.conversationId === conversationId)
      .map((p) => (p.body.attachments as { content: AdaptiveCard }[] | undefined)?.[0]?.content)
      .filter((c): c is AdaptiveCard => c !== undefined);
  const promptOf = (card: AdaptiveCard) => (card.body[1] as { text: string }).text;

  it('answers “@Rapport icebreaker” with a card whose buttons draw the next prompt and hide this one', async () => {
    const team = await app.install(people);
    const say = await postJson(`${app.url}/api/messages`, channelMessage(team, bo, 'icebreaker'));
    expect(say.status).toBe(200);
    const [card] = cardsIn(team.channelId);
    expectValidCard(card);

    const press = async (verb: string, data: Json) => {
      const res = await postJson(`${app.url}/api/messages`, {
        ...teamCardAction(team, bo, verb, data),
        replyToId: 'stub-activity-1',
      });
      expect(res.status).toBe(200);
      return (res.json as Json).value as AdaptiveCard;
    };
    const next = await press('icebreaker.another', {});
    expectValidCard(next);
    expect(promptOf(next)).not.toBe(promptOf(card));
    // The message is replaced for everyone in the channel, not only for whoever pressed.
    expect(app.connector.updated.at(-1)?.body.attachments).toEqual([
      expect.objectContaining({ content: next }),
    ]);

    const hiddenId = (next.actions?.[1]?.data as { promptId: string }).promptId;
    const afterHide = await press('icebreaker.hide', { promptId: hiddenId });
    expect(JSON.stringify(afterHide)).toContain('That prompt is hidden for the team');
    const entry = (await deck(team)).prompts.find((p: Json) => p.id === hiddenId);
    expect(entry.hidden).toBe(true);
  });

  it('gives a built-in prompt in a 1:1 chat, with no deck to hide it from', async () => {
    const res = await postJson(
      `${app.url}/api/messages`,
      personalMessage(app.connector.url, bo, 'icebreaker'),
    );
    expect(res.status).toBe(200);
    const [card] = cardsIn(`a:${bo.id}`);
    expectValidCard(card);
    expect(card.actions?.map((a) => a.title)).toEqual(['Another one']);
  });

  it('posts the question of the week in the channel a lead chose, at the team’s local time', async () => {
    const team = await app.install(people);
    const weekly = (member: Member, body?: unknown) =>
      api(team, member, body ? 'PUT' : 'GET', '/icebreakers/weekly-question', body);
    const schedule = { enabled: true, day: 'friday', time: '15:00' };

    expect((await weekly(bo)).json).toMatchObject({
      settings: { enabled: false },
      nextPostAt: null,
      isLead: false,
    });
    expect((await weekly(bo, schedule)).status).toBe(403);
    expect((await weekly(ana, { ...schedule, time: '3pm' })).status).toBe(400);

    // "@Rapport question of the week" in another channel's thread makes it post there.
    const elsewhere = { ...team, channelId: `19:other-${team.channelId}` };
    const command = channelMessage(elsewhere, ana, 'question of the week friday 15:00');
    command.conversation.id = `${elsewhere.channelId};messageid=1700000000000`;
    expect((await postJson(`${app.url}/api/messages`, command)).status).toBe(200);
    expect(JSON.stringify(app.connector.posted.at(-1)?.body)).toContain(
      'The question of the week will appear here every Friday at 15:00 (UTC)',
    );
    const set = await weekly(ana, schedule);
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ settings: schedule, timeZone: 'UTC', isLead: true });
    const due = new Date(set.json.nextPostAt);
    expect(due.getUTCDay()).toBe(5);
    expect(due.toISOString()).toMatch(/T15:00:00\.000Z$/);
    expect(await app.scheduler.nextRun(JOB_WEEKLY_QUESTION, team.teamId)).toEqual(due);

    await app.scheduler.tick(due);
    await waitUntil(async () => cardsIn(elsewhere.channelId).length > 0, {
      what: 'the question of the week to be posted',
    });
    const question = cardsIn(elsewhere.channelId).at(-1)!;
    expectValidCard(question);
    expect(JSON.stringify(question)).toContain('Question of the week');
    expect(JSON.stringify(question)).toContain('Reply to this post with your answer');
    expect(await app.scheduler.nextRun(JOB_WEEKLY_QUESTION, team.teamId)).toEqual(
      new Date(due.getTime() + 7 * 86_400_000),
    );
  });
});
