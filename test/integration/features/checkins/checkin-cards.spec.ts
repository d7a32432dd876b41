import { randomUUID } from 'node:crypto';
import { JOB_NUDGE } from '../../../../bot/src/features/checkins/checkin-jobs';
import {
  checkinAnswer,
  groupChatInstallationUpdate,
  personalMessage,
} from '../../../fixtures/teams-activities';
import { expectValidCard, shownText, textBlockTexts } from '../../../support/adaptive-card-check';
import { postJson, type Json } from '../../../support/http';
import { call, devToken, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

/** Check-in cards reach each member in their 1:1 chat with Rapport, where nothing else says which team they are from. */
describe('check-in cards sent privately (over /api/messages and the outbox)', () => {
  const app = useTestApp('checkincards');
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo] = people;

  /** The cards a member got in their 1:1 chat for a round (the round id is in the card's data). */
  // Typed loosely, as Teams' JSON is read: each card is checked by the parser where it matters.
  const cardsFor = (member: Member, roundId: string) =>
    app.connector.posted
      .filter((p) => p.conversationId === `a:${member.id}`)
      .map((p) => (p.body.attachments as Json[] | undefined)?.[0]?.content)
      .filter((card) => JSON.stringify(card ?? {}).includes(roundId));

  const waitForCards = async (member: Member, roundId: string, count: number) => {
    await waitUntil(() => cardsFor(member, roundId).length >= count, {
      what: `${count} card(s) for round ${roundId}`,
    });
    return cardsFor(member, roundId);
  };

  const runNow = async (path: string) => {
    const started = await call('POST', `${path}/checkin/rounds`, await devToken(app.url, ana));
    expect(started.status).toBe(201);
    return started.json as { id: string; closesAt: string };
  };

  /** A member answers in their 1:1 chat; returns the card that replaces the form. */
  const answer = async (member: Member, data: Json) => {
    const res = await postJson(
      `${app.url}/api/messages`,
      checkinAnswer(app.connector.url, member, data),
    );
    expect(res.status).toBe(200);
    return (res.json as Json).value;
  };

  it('names the team on each card, so a member of two teams can tell them apart', async () => {
    const platform = await app.install(people, 'Platform');
    const payments = await app.install(people, 'Payments');

    const [first, second] = [await runNow(platform.path), await runNow(payments.path)];

    const [platformCard] = await waitForCards(ana, first.id, 1);
    const [paymentsCard] = await waitForCards(ana, second.id, 1);
    for (const card of [platformCard, paymentsCard]) expectValidCard(card);
    expect(platformCard.body[0].text).toBe('Check-in for Platform');
    expect(paymentsCard.body[0].text).toBe('Check-in for Payments');
  });

  it('shows when the round closes with the date and time functions, in each viewer’s own zone', async () => {
    const team = await app.install(people);
    const round = await runNow(team.path);

    const [card] = await waitForCards(bo, round.id, 1);

    const closes = `${round.closesAt.slice(0, 19)}Z`;
    const text = textBlockTexts(card.body).join('\n');
    expect(text).toContain(`Open until {{DATE(${closes}, SHORT)}} at {{TIME(${closes})}}.`);
    expect(text).not.toContain('UTC');
    const closesAt = new Date(round.closesAt);
    expect(shownText(text)).toContain(
      `Open until ${closesAt.toLocaleDateString('en-US', { day: 'numeric', weekday: 'short', month: 'short', year: 'numeric' })} at ${closesAt.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}.`,
    );
  });

  it('names the team on the nudge, on the thanks that replaces the card, and on a card sent back with an error', async () => {
    const team = await app.install(people, 'Platform');
    const round = await runNow(team.path);
    await waitForCards(ana, round.id, 1);

    const nudgeAt = await app.scheduler.nextRun(JOB_NUDGE, round.id);
    await app.scheduler.tick(new Date(nudgeAt!.getTime() + 1000));
    const [, nudge] = await waitForCards(ana, round.id, 2);
    const wrong = await answer(bo, { roundId: round.id, impact: '9' });
    const thanks = await answer(bo, { roundId: round.id, impact: '4' });
    const again = await answer(bo, { roundId: round.id, impact: '4' });

    expectValidCard(nudge);
    expect(nudge.body[0].text).toBe('A gentle reminder: the check-in for Platform is still open');
    expectValidCard(wrong);
    expect(wrong.body[0].text).toBe('Check-in for Platform');
    for (const card of [thanks, again]) {
      expectValidCard(card);
      expect(card.body[0].text).toBe('Check-in for Platform');
    }
    expect(thanks.body[1].text).toBe('Thanks — recorded anonymously.');
    expect(again.body[1].text).toMatch(/already answered/);
  });

  it.each([
    ['“your group chat” when it has no name', undefined, 'Check-in for your group chat'],
    ['by its name, escaped', 'Lunch *crew*', 'Check-in for the “Lunch \\*crew\\*” chat'],
  ])('names a group chat %s', async (_how, chatName, title) => {
    const chat = {
      serviceUrl: app.connector.url,
      chatId: `19:${randomUUID()}@thread.v2`,
      ...(chatName ? { chatName } : {}),
    };
    app.connector.setRoster(chat.chatId, people);
    const installed = await postJson(
      `${app.url}/api/messages`,
      groupChatInstallationUpdate(chat, ana),
    );
    expect(installed.status).toBe(200);

    const round = await runNow(`${app.url}/api/v1/teams/${encodeURIComponent(chat.chatId)}`);

    const [card] = await waitForCards(ana, round.id, 1);
    expectValidCard(card);
    expect(card.body[0].text).toBe(title);
  });

  /** A member writes to Rapport in their 1:1 chat from a Teams client set to `locale`. */
  const speaks = async (member: Member, locale: string) => {
    const message = { ...personalMessage(app.connector.url, member, 'help'), locale };
    expect((await postJson(`${app.url}/api/messages`, message)).status).toBe(200);
  };

  it('sends each member the card in the language of their last activity, and the team’s to the others', async () => {
    const team = await app.install(people, 'Plateforme');
    const [, , chen] = people;
    await speaks(chen, 'fr-FR');
    await speaks(bo, 'ja-JP');
    await speaks(bo, 'en-GB');

    const round = await runNow(team.path);

    const [french] = await waitForCards(chen, round.id, 1);
    expectValidCard(french);
    expect(french.body[0].text).toBe('Check-in pour Plateforme');
    expect(textBlockTexts(french.body).join('\n')).toContain('Les réponses sont anonymes');
    expect(french.body[2].choices.map((c: Json) => c.title)).toContain('5 · Tout à fait d’accord');
    expect(french.actions[0].title).toBe('Envoyer anonymement');
    // Bo's last activity was in English; Ana installed the app in English.
    for (const member of [ana, bo]) {
      const [card] = await waitForCards(member, round.id, 1);
      expect(card.body[0].text).toBe('Check-in for Plateforme');
    }
  });

  it('writes to members it has not heard from in the team’s language, which a lead sets', async () => {
    const [dee] = newMembers('Dee');
    const team = await app.install([ana, bo, dee], 'Plattform');
    const token = await devToken(app.url, ana);
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, token)).json;
    expect(settings.language).toBe('en');
    const changed = await call('PUT', `${team.path}/checkin/settings`, token, {
      settings: { ...settings, language: 'de' },
    });
    expect(changed.json.settings.language).toBe('de');

    const round = await runNow(team.path);

    const [german] = await waitForCards(dee, round.id, 1);
    expectValidCard(german);
    expect(german.body[0].text).toBe('Check-in für Plattform');
    expect(german.actions[0].title).toBe('Anonym senden');
  });
});
