import { JOB_CLOSE, JOB_ROUND } from '../../../../bot/src/features/coffee/coffee-jobs';
import { collections } from '../../../support/schema';
import {
  channelMessage,
  teamMembersChanged,
  personalCardAction,
  personalMessage,
} from '../../../fixtures/teams-activities';
import { postJson, type Json } from '../../../support/http';
import { call, devToken, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

const RHYTHM = { enabled: true, every: 2, day: 'tuesday', time: '10:00', groupSize: 2 };

describe('virtual coffee: a programme per team, fair rounds, private introductions', () => {
  const people = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eli', 'Fay');
  const outsider = newMembers('Out')[0];
  const app = useTestApp('coffee', { members: [...people, outsider] });
  const [ana, bo, chen] = people;

  const coffee = (team: Team, member: Member, method = 'GET', body?: unknown, path = '') =>
    call(method, `${team.path}/coffee${path}`, app.token(member), body);
  const join = (team: Team, member: Member, body: unknown = { status: 'in' }) =>
    coffee(team, member, 'PUT', body, '/me');
  const pairNow = (team: Team, lead: Member) => coffee(team, lead, 'POST', undefined, '/rounds');

  /** The 1:1 cards posted to a member whose text contains `marker`. */
  const cardsTo = (member: Member, marker: string) =>
    app.connector.posted.filter(
      (p) => p.conversationId === `a:${member.id}` && JSON.stringify(p.body).includes(marker),
    );

  const press = async (member: Member, verb: string, data: Record<string, unknown>) => {
    const res = await postJson(
      `${app.url}/api/messages`,
      personalCardAction(app.connector.url, member, verb, data),
    );
    expect(res.status).toBe(200);
    return JSON.stringify((res.json as Json).value);
  };

  const rounds = () => app.database.db.collection<{ _id: string } & Json>(collections.coffeeRounds);

  it('lets only leads set the rhythm, and asks every member once when it is switched on', async () => {
    const team = await app.install(people, 'Coffee lovers');
    const notLead = await coffee(team, bo, 'PUT', RHYTHM, '/settings');
    const bad = await coffee(team, ana, 'PUT', { ...RHYTHM, every: 3, time: '25:00' }, '/settings');
    const on = await coffee(team, ana, 'PUT', RHYTHM, '/settings');
    const moved = await coffee(team, ana, 'PUT', { ...RHYTHM, time: '11:00' }, '/settings');

    expect(notLead.status).toBe(403);
    expect(notLead.json.code).toBe('NOT_A_LEAD');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/time is HH:MM/);
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ settings: RHYTHM, isLead: true, me: { status: 'out' } });
    expect(await app.scheduler.nextRun(JOB_ROUND, team.teamId)).toEqual(
      new Date(moved.json.nextRoundAt),
    );
    await waitUntil(
      async () => people.every((p) => cardsTo(p, 'Virtual coffee is starting').length > 0),
      {
        what: async () =>
          `every member to be asked once: ${JSON.stringify(await app.outbox.stats())}`,
      },
    );
    expect(people.map((p) => cardsTo(p, 'Virtual coffee is starting').length)).toEqual(
      people.map(() => 1),
    );

    expect(await press(bo, 'coffee.join', { teamId: team.teamId })).toContain('You are in');
    expect((await coffee(team, bo)).json.me.status).toBe('in');
  });

  it('refuses bad choices naming the field, and outsiders', async () => {
    const team = await app.install(people);
    const cases = [
      [
        { status: 'paused', pausedUntil: '2020-01-01' },
        409,
        /^pausedUntil: pick a date after today/,
      ],
      [{ workingHours: { start: '17:00', end: '09:00' } }, 409, /must end after they start/],
      [
        { avoid: ['not-in-this-team'] },
        409,
        /^avoid: not-in-this-team is not a member of this team/,
      ],
      [{ timeZone: 'Mars/Olympus' }, 400, /IANA zone/],
      [{}, 400, /^Send at least one of/],
    ] as const;
    for (const [body, status, message] of cases) {
      const res = await join(team, ana, body);
      expect(res.status).toBe(status);
      expect(res.json.message).toMatch(message);
    }
    expect((await coffee(team, outsider)).status).toBe(403);
    expect((await join(team, outsider)).status).toBe(403);
    expect((await coffee(team, ana)).json.me).toMatchObject({ status: 'out', avoid: [] });
  });

  it('lets a member join before a lead has switched virtual coffee on', async () => {
    const team = await app.install(people);
    expect((await join(team, bo)).status).toBe(200);
    const view = (await coffee(team, bo)).json;
    expect(view.me.status).toBe('in');
    expect(view.settings.enabled).toBe(false);
  });

  it('pairs everyone who joined, introduces each once privately, and shows each only their own group', async () => {
    const team = await app.install(people);
    await coffee(team, ana, 'PUT', RHYTHM, '/settings');
    for (const p of people) expect((await join(team, p)).status).toBe(200);
    await join(team, chen, {
      workingHours: { start: '08:00', end: '16:00' },
      timeZone: 'Europe/Berlin',
    });

    const round = await pairNow(team, ana);
    expect(round.status).toBe(201);
    expect(round.json.groups).toBe(3);
    expect(Object.keys(round.json).sort()).toEqual(['groups', 'roundId']);
    await waitUntil(async () => people.every((p) => cardsTo(p, round.json.roundId).length > 0), {
      what: async () => `every intro to be posted: ${JSON.stringify(await app.outbox.stats())}`,
    });
    expect(people.map((p) => cardsTo(p, round.json.roundId).length)).toEqual(people.map(() => 1));

    const views = await Promise.all(people.map(async (p) => (await coffee(team, p)).json));
    for (const [i, view] of views.entries()) {
      const partners = view.me.match.partners.map((x: Json) => x.aadObjectId);
      expect(partners).toHaveLength(1);
      const partner = people.find((p) => p.aadObjectId === partners[0])!;
      // The partner's match names this member back; nobody else's ids appear.
      expect(views[people.indexOf(partner)].me.match.partners[0].aadObjectId).toBe(
        people[i].aadObjectId,
      );
      const others = people.filter((p) => p !== people[i] && p !== partner);
      for (const o of others) expect(JSON.stringify(view)).not.toContain(o.aadObjectId);
    }
    expect(views[2].me).toMatchObject({
      timeZone: 'Europe/Berlin',
      timeZoneSource: 'member',
      workingHours: { start: '08:00', end: '16:00' },
    });

    // Chen's card: the partner (in the team's zone, UTC, 09:00–17:00 by default), their local
    // time against Chen's (Berlin, 08:00–16:00) and the hours both share, a
    // starter, and Teams links that name the partner by sign-in name.
    const partner = people.find(
      (p) => p.aadObjectId === views[2].me.match.partners[0].aadObjectId,
    )!;
    const card = JSON.stringify(cardsTo(chen, round.json.roundId)[0].body);
    const upn = `${partner.name.toLowerCase()}@contoso.example`;
    expect(card).toContain(
      `**${partner.name}**: 1 h behind you; you both work 10:00–16:00 your time.`,
    );
    expect(card).toContain(views[2].me.match.starter);
    expect(card).toContain(
      `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`,
    );
    expect(card).toContain(
      `/l/meeting/new?subject=Virtual%20coffee&attendees=${encodeURIComponent(upn)}`,
    );
    expect(views[2].me.match).toMatchObject({
      chatLink: expect.stringContaining('users='),
      partners: [
        { name: partner.name, aheadMinutes: -60, sharedHours: { start: '10:00', end: '16:00' } },
      ],
      myAnswer: null,
    });
  });

  it('leaves out, and stops counting, someone who left the team', async () => {
    const team = await app.install(people);
    await coffee(team, ana, 'PUT', RHYTHM, '/settings');
    for (const p of people) await join(team, p);
    const fay = people[5];
    app.connector.setRoster(team.teamId, people.slice(0, 5));
    const left = await postJson(
      `${app.url}/api/messages`,
      teamMembersChanged(team, { membersRemoved: [{ id: fay.id, aadObjectId: fay.aadObjectId }] }),
    );
    expect(left.status).toBe(200);

    expect((await coffee(team, ana)).json.stats).toMatchObject({ members: 5, paused: 0 });
    const { json } = await pairNow(team, ana);
    expect(json.groups).toBe(2);
    expect(JSON.stringify(await rounds().findOne({ _id: json.roundId }))).not.toContain(
      fay.aadObjectId,
    );
  });

  it('exports a member’s coffee data to them, and erases it everywhere, groups included', async () => {
    const team = await app.install(people);
    await coffee(team, ana, 'PUT', RHYTHM, '/settings');
    for (const p of people) await join(team, p);
    await join(team, bo, { avoid: [chen.aadObjectId], timeZone: 'Asia/Tokyo' });
    const { json } = await pairNow(team, ana);

    const exported = (await call('GET', `${app.url}/api/v1/me/export`, app.token(bo))).json;
    const mine = exported.virtualCoffee;
    expect(mine.profile).toMatchObject({ timeZone: 'Asia/Tokyo', timeZoneSource: 'member' });
    const entry = mine.programmes.find((p: Json) => p.teamId === team.teamId);
    expect(entry).toMatchObject({ avoid: [chen.aadObjectId], pausedUntil: null });
    const group = mine.groups.find((g: Json) => g.teamId === team.teamId);
    expect(group.partners).toHaveLength(1);
    expect(group.partners).not.toContain(chen.aadObjectId);

    expect((await call('DELETE', `${app.url}/api/v1/me`, app.token(bo))).status).toBe(204);
    const stored = await rounds().findOne({ _id: json.roundId });
    expect(JSON.stringify(stored)).not.toContain(bo.aadObjectId);
    const programme = await app.database.db
      .collection<{ _id: string } & Json>(collections.coffeeProgrammes)
      .findOne({ _id: team.teamId });
    expect(JSON.stringify(programme)).not.toContain(bo.aadObjectId);
    const after = (await call('GET', `${app.url}/api/v1/me/export`, app.token(bo))).json;
    expect(after.virtualCoffee).toEqual({ profile: null, programmes: [], groups: [] });
  });

  it('runs five rounds for six members without a repeated pair, and keeps only the team’s counts', async () => {
    const team = await app.install(people);
    await coffee(team, ana, 'PUT', RHYTHM, '/settings');
    for (const p of people) await join(team, p);
    const met = new Set<string>();
    for (let r = 0; r < 5; r++) {
      const { status, json } = await pairNow(team, ana);
      expect(status).toBe(201);
      const stored = await rounds().findOne({ _id: json.roundId });
      for (const { members: group } of stored!.groups as { members: string[] }[]) {
        const pair = [...group].sort().join('+');
        expect(met.has(pair)).toBe(false);
        met.add(pair);
      }
      // Ana's group met; everyone else answers "not yet". No answer outlives the round.
      expect(
        await press(ana, 'coffee.outcome', { roundId: json.roundId, outcome: 'met' }),
      ).toContain('Lovely');
      for (const p of people.slice(1))
        await press(p, 'coffee.outcome', { roundId: json.roundId, outcome: 'not-yet' });
    }
    expect(met.size).toBe(15);
    const last = await rounds().findOne({ _id: `${team.teamId}|5` });
    await app.scheduler.tick(new Date(last!.endsAt.getTime() + 1000));
    expect(await app.scheduler.nextRun(JOB_CLOSE, `${team.teamId}|5`)).toBeUndefined();
    const { stats } = (await coffee(team, bo)).json;
    expect(stats.recent.map((r: Json) => [r.groups, r.met])).toEqual(
      Array.from({ length: 5 }, () => [3, 1]),
    );
    expect((await rounds().findOne({ _id: `${team.teamId}|5` }))!.answers).toEqual({});
  });

  it('pauses, kindly, someone who let three introductions pass, and lets them come back', async () => {
    const trio = newMembers('Gus', 'Hal', 'Ida');
    const [gus, hal, ida] = trio;
    const team = await app.install(trio);
    const tokens = new Map(
      await Promise.all(trio.map(async (m) => [m, await devToken(app.url, m)] as const)),
    );
    const as = (m: Member, method: string, path: string, body?: unknown) =>
      call(method, `${team.path}/coffee${path}`, tokens.get(m)!, body);
    await as(gus, 'PUT', '/settings', RHYTHM);
    for (const m of trio) await as(m, 'PUT', '/me', { status: 'in' });

    for (let r = 0; r < 3; r++) {
      const { json } = await as(gus, 'POST', '/rounds');
      expect(json.groups).toBe(1); // three people: one group of three, nobody left out
      await press(gus, 'coffee.outcome', { roundId: json.roundId, outcome: 'met' });
      await press(hal, 'coffee.outcome', { roundId: json.roundId, outcome: 'not-yet' });
    }
    const fourth = await as(gus, 'POST', '/rounds');
    const stored = await rounds().findOne({ _id: fourth.json.roundId });
    expect(stored!.groups).toEqual([
      { members: expect.arrayContaining([gus.aadObjectId, hal.aadObjectId]) },
    ]);
    expect(JSON.stringify(stored!.groups)).not.toContain(ida.aadObjectId);
    expect((await as(ida, 'GET', '')).json.me).toMatchObject({
      status: 'paused',
      pausedUntil: null,
    });
    await waitUntil(async () => cardsTo(ida, 'went unanswered').length === 1, {
      what: () => 'the pause notice',
    });

    expect(await press(ida, 'coffee.join', { teamId: team.teamId })).toContain('You are in');
    expect((await as(ida, 'GET', '')).json.me.status).toBe('in');
  });

  it('answers "@Rapport coffee" with the programme and its buttons, and keeps the zone Teams reports', async () => {
    const team = await app.install(people);
    await coffee(team, ana, 'PUT', RHYTHM, '/settings');
    const asked = channelMessage(team, bo, 'coffee');
    const res = await postJson(`${app.url}/api/messages`, {
      ...asked,
      entities: [
        ...asked.entities,
        { type: 'clientInfo', locale: 'en-IN', timezone: 'Asia/Kolkata' },
      ],
    });
    expect(res.status).toBe(200);
    // The reply in the team's channel; intros of earlier rounds may still be reaching 1:1 chats.
    const statusCards = () =>
      app.connector.posted.filter(
        (p) =>
          p.conversationId === asked.conversation.id &&
          JSON.stringify(p.body).includes('Virtual coffee in'),
      );
    await waitUntil(async () => statusCards().length > 0, { what: () => 'the status card' });
    const reply = statusCards().pop()!;
    expect(JSON.stringify(reply.body)).toContain('every 2 weeks on Tuesday at 10:00');
    expect((await coffee(team, bo)).json.me).toMatchObject({
      timeZone: 'Asia/Kolkata',
      timeZoneSource: 'teams',
    });

    const sentBefore = app.connector.posted.length;
    await postJson(`${app.url}/api/messages`, personalMessage(app.connector.url, chen, 'coffee'));
    // Intros of the spec's earlier rounds may still reach Chen's chat: read the texts sent since.
    const toChen = app.connector.posted
      .slice(sentBefore)
      .filter((p) => p.conversationId === `a:${chen.id}`)
      .map((p) => String(p.body.text ?? ''));
    expect(toChen.some((text) => /team or group chat/.test(text))).toBe(true);
  });
});
