import { randomUUID } from 'node:crypto';
import {
  groupChatInstallationUpdate,
  meetingEvent,
  newMeetingChat,
  type GroupChatContext,
  type MeetingOccurrence,
} from '../../../fixtures/teams-activities';
import { expectValidCard } from '../../../support/adaptive-card-check';
import { postJson, type Json } from '../../../support/http';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';
import type { AdaptiveCard } from '../../../../bot/src/platform/teams/cards/adaptive-card';

describe('icebreakers in meetings: one prompt per meeting start, in the meeting’s chat', () => {
  const people = newMembers('Ana', 'Bo', 'Chen');
  const [ana, bo] = people;
  const outsider = newMembers('Out')[0];
  const app = useTestApp('icebreakermeetings', { members: [...people, outsider] });

  /** Installs the app in a new meeting's chat, as Teams does when someone adds it there. */
  const installInMeetingChat = async (members: Member[] = people) => {
    const chat = newMeetingChat(app.connector.url);
    app.connector.setRoster(chat.chatId, members);
    const res = await postJson(
      `${app.url}/api/messages`,
      groupChatInstallationUpdate(chat, members[0]),
    );
    expect(res.status).toBe(200);
    return chat;
  };
  const meeting = (type: MeetingOccurrence['type'] = 'Scheduled'): MeetingOccurrence => ({
    meetingId: Buffer.from(`0#19:meeting_${randomUUID()}@thread.v2#0`).toString('base64'),
    at: new Date().toISOString(),
    type,
  });
  const started = (chat: GroupChatContext, occurrence: MeetingOccurrence) =>
    meetingEvent(
      { serviceUrl: chat.serviceUrl, conversationId: chat.chatId },
      'start',
      occurrence,
      ana,
    );
  const send = async (activity: unknown) => {
    const res = await postJson(`${app.url}/api/messages`, activity);
    return res;
  };
  const settings = (chat: GroupChatContext, member: Member, body?: unknown) =>
    call(
      body === undefined ? 'GET' : 'PUT',
      `${app.url}/api/v1/teams/${encodeURIComponent(chat.chatId)}/icebreakers/meeting`,
      app.token(member),
      body,
    );

  /** Cards posted to a conversation (the bot's own replies included). */
  const cardsIn = (conversationId: string) =>
    app.connector.posted
      .filter((p) => p.conversationId === conversationId)
      .map((p) => (p.body.attachments as { content: AdaptiveCard }[] | undefined)?.[0]?.content)
      .filter((c): c is AdaptiveCard => c !== undefined);
  const queued = async () => {
    const stats = await app.outbox.stats();
    return Object.values(stats).reduce((a, b) => a + b, 0);
  };
  const delivered = () =>
    waitUntil(async () => (await app.outbox.stats()).pending === 0, {
      what: async () => `the outbox to be sent: ${JSON.stringify(await app.outbox.stats())}`,
    });

  it('stores a meeting chat’s roster on install, and lets its members, only them, open its settings', async () => {
    const chat = await installInMeetingChat();

    const mine = await settings(chat, bo);
    expect(mine.status).toBe(200);
    expect(mine.json).toEqual({ settings: { enabled: true, recurringOnly: false }, current: null });
    expect((await settings(chat, outsider)).status).toBe(403);
    expect((await settings(chat, outsider, { enabled: false, recurringOnly: false })).status).toBe(
      403,
    );
  });

  it('posts one prompt when the meeting starts, even when Teams delivers the start twice', async () => {
    const chat = await installInMeetingChat();
    const first = started(chat, meeting());

    const answers = await Promise.all([send(first), send(first)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await delivered();
    expect((await send(first)).status).toBe(200);
    await delivered();

    const cards = cardsIn(chat.chatId);
    expect(cards).toHaveLength(1);
    expectValidCard(cards[0]);
    expect(JSON.stringify(cards[0])).toContain('Icebreaker to start the meeting');
    const current = (await settings(chat, bo)).json.current;
    expect(JSON.stringify(cards[0])).toContain(current.text);

    // The next occurrence of the same meeting gets a prompt of its own, a different one.
    const next = started(chat, { ...meeting(), meetingId: first.value.Id });
    expect((await send(next)).status).toBe(200);
    await delivered();
    expect(cardsIn(chat.chatId)).toHaveLength(2);
    expect((await settings(chat, bo)).json.current.id).not.toBe(current.id);
  });

  it('posts nothing when the meeting’s icebreakers are off, or only recurring meetings get one', async () => {
    const chat = await installInMeetingChat();
    const off = await settings(chat, bo, { enabled: false, recurringOnly: false });
    expect(off.status).toBe(200);
    expect(off.json.settings).toEqual({ enabled: false, recurringOnly: false });
    const before = await queued();

    expect((await send(started(chat, meeting('Recurring')))).status).toBe(200);
    await settings(chat, bo, { enabled: true, recurringOnly: true });
    expect((await send(started(chat, meeting('Scheduled')))).status).toBe(200);
    expect(await queued()).toBe(before);

    expect((await send(started(chat, meeting('Recurring')))).status).toBe(200);
    await delivered();
    expect(cardsIn(chat.chatId)).toHaveLength(1);
  });

  it('ignores meeting events where Rapport is not installed, without an error', async () => {
    const chat = newMeetingChat(app.connector.url);
    const before = await queued();

    const start = await send(started(chat, meeting()));
    const end = await send(
      meetingEvent(
        { serviceUrl: chat.serviceUrl, conversationId: chat.chatId },
        'end',
        meeting(),
        ana,
      ),
    );

    expect([start.status, end.status]).toEqual([200, 200]);
    expect(await queued()).toBe(before);
    expect(cardsIn(chat.chatId)).toEqual([]);
  });

  it('acknowledges the end of a meeting and posts nothing', async () => {
    const chat = await installInMeetingChat();
    const before = await queued();

    const end = await send(
      meetingEvent(
        { serviceUrl: chat.serviceUrl, conversationId: chat.chatId },
        'end',
        meeting(),
        ana,
      ),
    );

    expect(end.status).toBe(200);
    expect(await queued()).toBe(before);
  });

  it('posts a channel meeting’s prompt in the meeting’s thread, by the team’s switch', async () => {
    const team = await app.install(people, 'Design');
    const thread = `${team.channelId};messageid=${Date.now()}`;
    const where = { serviceUrl: team.serviceUrl, conversationId: thread, team };

    expect((await send(meetingEvent(where, 'start', meeting(), ana))).status).toBe(200);
    await delivered();
    expect(cardsIn(thread)).toHaveLength(1);

    await call('PUT', `${team.path}/icebreakers/meeting`, app.token(ana), {
      enabled: false,
      recurringOnly: false,
    });
    expect((await send(meetingEvent(where, 'start', meeting(), ana))).status).toBe(200);
    await delivered();
    expect(cardsIn(thread)).toHaveLength(1);
  });

  it('refuses a malformed meeting event with 400, naming what is wrong, and posts nothing', async () => {
    const chat = await installInMeetingChat();
    const good = started(chat, meeting());
    const cases: [Json, RegExp][] = [
      [{ ...good, value: undefined }, /The meeting event’s value is missing/],
      [{ ...good, value: { ...good.value, StartTime: 'yesterday' } }, /StartTime must be an ISO/],
      [{ ...good, value: { ...good.value, Id: undefined } }, /The meeting id \("Id"\) is missing/],
      [{ ...good, value: { ...good.value, MeetingType: 7 } }, /The meeting type/],
    ];
    const before = await queued();
    for (const [activity, message] of cases) {
      const res = await send(activity);
      expect(res.status).toBe(400);
      expect((res.json as Json).code).toBe('INVALID_ACTIVITY');
      expect((res.json as Json).message).toMatch(message);
    }
    expect(await queued()).toBe(before);
  });
});
