import { JOB_FORGET_TALK } from '../../../../bot/src/features/interests/interests-jobs';
import { teamMembersChanged } from '../../../fixtures/teams-activities';
import { expectValidCard } from '../../../support/adaptive-card-check';
import { postJson, type Json } from '../../../support/http';
import { collections } from '../../../support/schema';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

describe('interest circles: free tags, introductions and lightning talks, for team members only', () => {
  const people = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo');
  const [more, outsider] = [newMembers('Kim', 'Lou'), newMembers('Out')[0]];
  const everyone = [...people, ...more];
  const app = useTestApp('interests', { members: [...everyone, outsider] });
  const [ana, bo, chen, dee] = people;

  const api = (team: Team, member: Member, method: string, path: string, body?: unknown) =>
    call(method, `${team.path}${path}`, app.token(member), body);
  const setTags = (team: Team, member: Member, tags: unknown) =>
    api(team, member, 'PUT', '/interests/me', { tags });
  const view = async (team: Team, member: Member) =>
    (await api(team, member, 'GET', '/interests')).json;
  const circle = (v: Json, tag: string) => v.circles.find((c: Json) => c.tag === tag);
  const path = (tag: string) => `/interests/${encodeURIComponent(tag)}`;

  /** The 1:1 cards posted to a member whose text contains `marker`. */
  const cardsTo = (member: Member, marker: string) =>
    app.connector.posted.filter(
      (p) => p.conversationId === `a:${member.id}` && JSON.stringify(p.body).includes(marker),
    );
  const cardOf = (posted: { body: Json }) => posted.body.attachments[0].content;
  const upn = (m: Member) => `${m.name.toLowerCase()}@contoso.example`;

  it('makes circles from members’ own tags, one per interest however it is spelled', async () => {
    const team = await app.install([ana, bo, chen, dee]);
    expect(await view(team, ana)).toEqual({ circles: [], talks: [] });

    const mine = await setTags(team, ana, ['Dogs', '  Board   games ']);
    expect(mine.status).toBe(200);
    expect(mine.json.circles).toEqual([
      {
        tag: 'board game',
        label: 'Board games',
        count: 1,
        members: [{ aadObjectId: ana.aadObjectId, name: 'Ana' }],
        mine: true,
      },
      {
        tag: 'dog',
        label: 'Dogs',
        count: 1,
        members: [{ aadObjectId: ana.aadObjectId, name: 'Ana' }],
        mine: true,
      },
    ]);
    await setTags(team, bo, ['dog', '#Pets']);
    await setTags(team, chen, ['DOGS']);

    const seen = await view(team, dee);
    expect(circle(seen, 'dog')).toMatchObject({ label: 'Dogs', count: 3, mine: false });
    expect(circle(seen, 'dog').members.map((m: Json) => m.name)).toEqual(['Ana', 'Bo', 'Chen']);
    expect(circle(seen, 'pet')).toMatchObject({ label: 'Pets', count: 1 });
    expect(seen.circles[0].tag).toBe('dog');

    // Bo leaves one circle; the last one out of "Pets" ends it.
    await setTags(team, bo, ['Dogs']);
    expect(circle(await view(team, dee), 'pet')).toBeUndefined();
    expect(circle(await view(team, dee), 'dog').count).toBe(3);
    await setTags(team, bo, []);
    expect(circle(await view(team, dee), 'dog').count).toBe(2);
    // Joining an existing circle keeps the first member's spelling.
    await setTags(team, dee, ['dog']);
    expect(circle(await view(team, ana), 'dog')).toMatchObject({ label: 'Dogs', count: 3 });
  });

  it('shows each team only its own members, and stops counting someone who left the team', async () => {
    const team = await app.install([ana, bo, chen]);
    const other = await app.install([ana, dee], 'Elsewhere');
    await setTags(team, bo, ['Hiking']);
    await setTags(team, chen, ['Hiking']);
    await setTags(other, dee, ['Hiking']);

    expect(circle(await view(other, ana), 'hiking').members).toEqual([
      { aadObjectId: dee.aadObjectId, name: 'Dee' },
    ]);
    expect(JSON.stringify(await view(team, ana))).not.toContain(dee.aadObjectId);

    app.connector.setRoster(team.teamId, [ana, bo]);
    const removed = teamMembersChanged(team, {
      membersRemoved: [{ id: chen.id, aadObjectId: chen.aadObjectId }],
    });
    expect((await postJson(`${app.url}/api/messages`, removed)).status).toBe(200);
    await waitUntil(async () => circle(await view(team, ana), 'hiking')?.count === 1, {
      what: () => 'Chen to leave the roster',
    });
    expect(JSON.stringify(await view(team, ana))).not.toContain(chen.aadObjectId);
  });

  it('refuses bad tags and talks, saying what to fix, and answers outsiders 403', async () => {
    const team = await app.install([ana, bo]);
    const cases: [unknown, RegExp][] = [
      [[''], /^An interest cannot be empty\.$/],
      [['   '], /^An interest cannot be empty\.$/],
      [['#'], /^An interest needs a word, not only “#”\.$/],
      [['x'.repeat(41)], /^Keep each interest to 40 characters\.$/],
      [Array.from({ length: 21 }, (_, i) => `tag ${i}`), /^Keep at most 20 interests/],
      [['Dogs', 'cats', 'dog'], /^“Dogs” and “dog” are the same interest: keep one\.$/],
      ['dogs', /list/],
    ];
    for (const [tags, message] of cases) {
      const res = await setTags(team, ana, tags);
      expect({ tags, status: res.status }).toEqual({ tags, status: 400 });
      expect(res.json.message).toMatch(message);
    }
    expect((await view(team, ana)).circles).toEqual([]);

    await setTags(team, ana, ['Chess']);
    const talk = (body: unknown) => api(team, ana, 'POST', `${path('chess')}/talks`, body);
    expect(
      (await talk({ title: 'x'.repeat(101), summary: 'A short tour of openings.' })).json,
    ).toMatchObject({ code: 'INVALID_INPUT', message: 'Keep the title to 100 characters.' });
    expect((await talk({ title: 'Openings', summary: '' })).json.message).toMatch(
      /^Say in a sentence what the talk is about/,
    );
    expect((await api(team, ana, 'POST', `${path('x'.repeat(41))}/introductions`)).status).toBe(
      400,
    );
    expect((await api(team, ana, 'POST', '/talks/not-an-id/interest')).status).toBe(400);

    for (const [method, route, body] of [
      ['GET', '/interests'],
      ['PUT', '/interests/me', { tags: ['Chess'] }],
      ['POST', `${path('chess')}/introductions`],
      ['POST', `${path('chess')}/talks`, { title: 'Openings', summary: 'A tour of openings.' }],
      ['POST', '/talks/0123456789ab/interest'],
    ] as const) {
      const res = await api(team, outsider, method, route, body);
      expect({ route, status: res.status, code: res.json.code }).toEqual({
        route,
        status: 403,
        code: 'NOT_A_MEMBER',
      });
    }
  });

  it('introduces a member to the rest of their circle with one private card and a group chat link', async () => {
    const team = await app.install([ana, bo, chen, dee], 'Outdoors');
    for (const m of [ana, bo, chen]) await setTags(team, m, ['Hiking']);
    await setTags(team, dee, ['Knitting']);

    const res = await api(team, ana, 'POST', `${path('Hiking')}/introductions`);
    expect(res.status).toBe(201);
    const link = `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn(bo))},${encodeURIComponent(upn(chen))}&topicName=Hiking%20circle`;
    expect(res.json).toEqual({
      others: [bo, chen].map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })),
      chatLink: link,
    });
    await waitUntil(async () => cardsTo(ana, 'Hiking').length > 0, {
      what: async () => `the introduction: ${JSON.stringify(await app.outbox.stats())}`,
    });
    const card = cardOf(cardsTo(ana, 'Hiking')[0]);
    expectValidCard(card);
    expect(JSON.stringify(card.body)).toContain('**Bo** and **Chen** share this interest with you');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Start a group chat', url: link },
    ]);
    expect(cardsTo(bo, 'Hiking')).toEqual([]);

    // Asking again, with the circle unchanged, sends nothing more.
    expect((await api(team, ana, 'POST', `${path('hiking')}/introductions`)).status).toBe(201);
    expect((await api(team, dee, 'POST', `${path('hiking')}/introductions`)).json.code).toBe(
      'INTERESTS_NOT_IN_CIRCLE',
    );
    expect((await api(team, dee, 'POST', `${path('Knitting')}/introductions`)).json.code).toBe(
      'INTERESTS_ALONE',
    );
    expect((await api(team, dee, 'POST', `${path('Sailing')}/introductions`)).status).toBe(404);
    await waitUntil(async () => (await app.outbox.stats()).pending === 0, {
      what: () => 'the outbox to drain',
    });
    expect(cardsTo(ana, 'Hiking')).toHaveLength(1);
  });

  it('invites the proposer exactly once when ten say “I’d come” at the same time', async () => {
    const team = await app.install(everyone, 'Chess club');
    for (const m of everyone.slice(0, 8)) await setTags(team, m, ['Chess']);
    const proposed = await api(team, ana, 'POST', `${path('chess')}/talks`, {
      title: 'The *London* system',
      summary: 'An opening you can learn in ten minutes.',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.json).toMatchObject({
      circle: 'Chess',
      wanted: 0,
      needed: 3,
      mine: true,
      iWouldCome: false,
      invitedAt: null,
      meetingLink: null,
    });
    const id = proposed.json.id;
    const own = await api(team, ana, 'POST', `/talks/${id}/interest`);
    expect(own.json.code).toBe('INTERESTS_OWN_TALK');

    // Anyone in the team may come, in the circle or not.
    const comers = everyone.slice(1, 11);
    const answers = await Promise.all(
      comers.map((m) => api(team, m, 'POST', `/talks/${id}/interest`)),
    );
    expect(answers.map((a) => a.status)).toEqual(comers.map(() => 200));
    expect(answers.filter((a) => a.json.invitedAt !== null).length).toBeGreaterThan(0);
    await waitUntil(async () => cardsTo(ana, 'London').length > 0, {
      what: async () => `the invitation: ${JSON.stringify(await app.outbox.stats())}`,
    });
    await waitUntil(async () => (await app.outbox.stats()).pending === 0, {
      what: () => 'the outbox to drain',
    });
    expect(cardsTo(ana, 'London')).toHaveLength(1);
    const card = cardOf(cardsTo(ana, 'London')[0]);
    expectValidCard(card);
    expect(JSON.stringify(card.body)).toContain('\\\\*London\\\\* system');
    expect(card.actions[0].url).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meeting\/new\?subject=Lightning%20talk%3A%20The%20\*London\*%20system&attendees=[^&]*%40contoso\.example/,
    );

    const again = await api(team, bo, 'POST', `/talks/${id}/interest`);
    expect(again.json).toMatchObject({
      wanted: 10,
      iWouldCome: true,
      mine: false,
      meetingLink: null,
    });
    const mine = (await view(team, ana)).talks[0];
    expect(mine).toMatchObject({ id, wanted: 10, invitedAt: expect.any(String) });
    for (const m of comers) expect(mine.meetingLink).toContain(encodeURIComponent(upn(m)));
    expect(cardsTo(ana, 'London')).toHaveLength(1);
  });

  it('lets a small circle’s talk happen with half of it, and forgets talks after 30 days', async () => {
    const team = await app.install([ana, bo, chen]);
    await setTags(team, ana, ['Origami']);
    await setTags(team, bo, ['Origami']);
    const { json: talk } = await api(team, ana, 'POST', `${path('origami')}/talks`, {
      title: 'Folding a crane',
      summary: 'Ten folds, one crane, no glue.',
    });
    expect(talk.needed).toBe(1);
    expect((await api(team, chen, 'POST', `${path('origami')}/talks`, talk)).json.code).toBe(
      'INTERESTS_NOT_IN_CIRCLE',
    );
    const come = await api(team, chen, 'POST', `/talks/${talk.id}/interest`);
    expect(come.json).toMatchObject({ wanted: 1, invitedAt: expect.any(String) });
    await waitUntil(async () => cardsTo(ana, 'Folding a crane').length === 1, {
      what: () => 'the invitation',
    });

    const subject = `${team.teamId}|${talk.id}`;
    const end = await app.scheduler.nextRun(JOB_FORGET_TALK, subject);
    expect(end).toEqual(new Date(new Date(talk.proposedAt).getTime() + 30 * 24 * 3600 * 1000));
    await app.scheduler.tick(new Date(end!.getTime() + 1000));
    expect((await view(team, ana)).talks).toEqual([]);
    expect((await api(team, bo, 'POST', `/talks/${talk.id}/interest`)).status).toBe(404);
  });

  it('exports a member’s interests and talks to them, and erases them from every circle', async () => {
    const team = await app.install([ana, bo, chen], 'Makers');
    await setTags(team, bo, ['Pottery', 'Baking']);
    await setTags(team, chen, ['Pottery']);
    await setTags(team, ana, ['Pottery']);
    const { json: bos } = await api(team, bo, 'POST', `${path('pottery')}/talks`, {
      title: 'Centering clay',
      summary: 'Why the wheel fights you, and how to win.',
    });
    const { json: anas } = await api(team, ana, 'POST', `${path('pottery')}/talks`, {
      title: 'Glazes',
      summary: 'Three glazes that never run.',
    });
    await api(team, bo, 'POST', `/talks/${anas.id}/interest`);

    const exported = (await call('GET', `${app.url}/api/v1/me/export`, app.token(bo))).json;
    // Bo keeps interests in other teams of this suite too.
    expect(exported.interests.filter((i: Json) => i.teamId === team.teamId)).toEqual([
      {
        teamId: team.teamId,
        tags: expect.arrayContaining(['Pottery', 'Baking']),
        talksProposed: [
          {
            circle: 'Pottery',
            title: 'Centering clay',
            summary: 'Why the wheel fights you, and how to win.',
            proposedAt: bos.proposedAt,
            invitedAt: null,
          },
        ],
        talksYouWouldCome: [{ circle: 'Pottery', title: 'Glazes' }],
      },
    ]);

    expect((await call('DELETE', `${app.url}/api/v1/me`, app.token(bo))).status).toBe(204);
    const after = await view(team, ana);
    expect(JSON.stringify(after)).not.toContain(bo.aadObjectId);
    expect(circle(after, 'baking')).toBeUndefined();
    expect(circle(after, 'pottery').count).toBe(2);
    expect(after.talks.map((t: Json) => [t.title, t.wanted])).toEqual([['Glazes', 0]]);
    const stored = await app.database.db
      .collection<{ _id: string }>(collections.interestTeams)
      .findOne({ _id: team.teamId });
    expect(JSON.stringify(stored)).not.toContain(encodeURIComponent(bo.aadObjectId));
    expect(JSON.stringify(stored)).not.toContain('Centering clay');
    expect(
      (await call('GET', `${app.url}/api/v1/me/export`, app.token(bo))).json.interests,
    ).toEqual([]);
  });
});
