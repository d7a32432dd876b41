import { JOB_CLOSE, JOB_OPEN } from '../../../../bot/src/features/checkins/checkin-jobs';
import { JOB_RESULTS } from '../../../../bot/src/features/follow-through/follow-jobs';
import { checkinAnswer } from '../../../fixtures/teams-activities';
import { postJson, type Json } from '../../../support/http';
import { collections } from '../../../support/schema';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

describe('follow-through: answer feedback in the open, act on it, check back', () => {
  const people = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  const [ana, bo, chen, dee] = people;
  const app = useTestApp('follow', { members: people });
  const token = app.token;
  let team: Team;
  let firstRound: string;
  let comments: Json[];
  let actionId: string;
  let unhelpedId: string;

  const answer = async (member: Member, data: Record<string, unknown>) => {
    const res = await postJson(
      `${app.url}/api/messages`,
      checkinAnswer(app.connector.url, member, data),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('recorded anonymously');
  };
  const runRound = async () => {
    const started = await call('POST', `${team.path}/checkin/rounds`, token(ana));
    expect(started.status).toBe(201);
    return started.json.id as string;
  };
  const closeRound = async (roundId: string) => {
    const path = `${team.path}/checkin/rounds/${encodeURIComponent(roundId)}/close`;
    expect((await call('POST', path, token(ana))).status).toBe(200);
  };
  const round = (roundId: string) => `${team.path}/rounds/${encodeURIComponent(roundId)}`;
  const feedbackComments = async (member: Member) =>
    ((await call('GET', `${team.path}/feedback`, token(member))).json.weeks as Json[]).flatMap(
      (w) => w.comments as Json[],
    );
  /** Results cards the bot posted into the team's channel. */
  const resultsCards = () =>
    app.connector.posted.filter(
      (p) =>
        p.conversationId === team.channelId && JSON.stringify(p.body).includes('you said, we did'),
    );
  const outboxDrained = () =>
    waitUntil(async () => (await app.outbox.stats()).pending === 0, {
      what: 'the outbox to drain',
    });

  beforeAll(async () => {
    team = await app.install(people);
    // Rounds here are run by the lead; the scheduler is ticked days ahead to close them.
    await app.scheduler.cancel(JOB_OPEN, team.teamId);
    firstRound = await runRound();
    await answer(ana, { roundId: firstRound, dependability: '4', freeText: 'Reviews take days' });
    await answer(bo, { roundId: firstRound, dependability: '2', freeText: 'Too many meetings' });
    await answer(chen, {
      roundId: firstRound,
      dependability: '3',
      freeText: 'I love <b>pairing</b>',
    });
  });

  it('refuses a reply to a comment of a round still open, saying why', async () => {
    const key = firstRound.slice(firstRound.lastIndexOf('|') + 1);
    const res = await call('POST', `${team.path}/feedback/${key}.c1/replies`, token(bo), {
      text: 'Thanks',
    });

    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      code: 'FOLLOW_ROUND_OPEN',
      message: expect.stringMatching(/still open/),
    });
  });

  it('shows the closed round’s comments with ids, none heard or answered yet', async () => {
    await closeRound(firstRound);
    comments = await feedbackComments(bo);

    expect(comments.map((c) => c.text).sort()).toEqual([
      'I love <b>pairing</b>',
      'Reviews take days',
      'Too many meetings',
    ]);
    for (const c of comments)
      expect(c).toEqual({
        id: expect.stringMatching(/^\d{4}-\d{2}-\d{2}-\d{4}\.c[1-3]$/),
        roundId: firstRound,
        text: c.text,
        heard: false,
        theme: null,
        replies: [],
      });
  });

  it('lets any member reply in the open, signed, and only leads mark a comment heard', async () => {
    const [first] = comments;
    const reply = await call('POST', `${team.path}/feedback/${first!.id}/replies`, token(bo), {
      text: '  Agreed: let us <i>talk</i> about it  ',
    });
    const byMember = await call('POST', `${team.path}/feedback/${first!.id}/heard`, token(bo));
    const byLead = await call('POST', `${team.path}/feedback/${first!.id}/heard`, token(ana));
    const again = await call('POST', `${team.path}/feedback/${first!.id}/heard`, token(ana));
    const unknown = await call('POST', `${team.path}/feedback/2020-01-01.c1/replies`, token(bo), {
      text: 'x',
    });
    const empty = await call('POST', `${team.path}/feedback/${first!.id}/replies`, token(bo), {
      text: '   ',
    });

    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      author: 'Bo',
      mine: true,
      text: 'Agreed: let us <i>talk</i> about it',
    });
    expect(byMember.status).toBe(403);
    expect([byLead.status, again.status]).toEqual([200, 200]);
    expect(unknown.status).toBe(404);
    expect(empty).toEqual({
      status: 400,
      json: { code: 'INVALID_INPUT', message: expect.stringMatching(/reply/) },
    });
    const seen = (await feedbackComments(chen)).find((c) => c.id === first!.id)!;
    expect(seen).toMatchObject({ heard: true, replies: [{ author: 'Bo', mine: false }] });
  });

  it('groups comments into named themes, refusing ids that are not the round’s', async () => {
    const [first, second, third] = comments;
    const stranger = await call('PUT', `${round(firstRound)}/themes`, token(chen), {
      themes: [{ name: 'Flow', commentIds: [first!.id.replace(/c\d$/, 'c9')] }],
    });
    const set = await call('PUT', `${round(firstRound)}/themes`, token(chen), {
      themes: [
        { name: 'Flow', commentIds: [first!.id, second!.id] },
        { name: 'Team', commentIds: [second!.id, third!.id] },
      ],
    });

    expect(stranger.status).toBe(409);
    expect(stranger.json.code).toBe('FOLLOW_UNKNOWN_COMMENT');
    expect(set.json.themes).toEqual([
      { name: 'Flow', commentIds: [first!.id] },
      { name: 'Team', commentIds: [second!.id, third!.id] },
    ]);
    expect((await feedbackComments(dee)).map((c) => c.theme).sort()).toEqual([
      'Flow',
      'Team',
      'Team',
    ]);
  });

  it('turns comments into an action that a member volunteers for and finishes', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const body = {
      title: 'Review within a day',
      why: 'Reviews take days and block us',
      dueDate: '2099-01-31',
    };
    const past = await call('POST', `${team.path}/actions`, token(chen), {
      ...body,
      dueDate: '2020-01-01',
    });
    const unknown = await call('POST', `${team.path}/actions`, token(chen), {
      ...body,
      commentIds: ['2020-01-01.c1'],
    });
    const created = await call('POST', `${team.path}/actions`, token(chen), {
      ...body,
      commentIds: [comments[0]!.id],
      trait: 'dependability',
    });
    actionId = created.json.id;
    const forSomeoneElse = await call('PATCH', `${team.path}/actions/${actionId}`, token(bo), {
      status: 'planned',
      ownerAadObjectId: chen.aadObjectId,
    });
    const volunteered = await call('PATCH', `${team.path}/actions/${actionId}`, token(bo), {
      status: 'in-progress',
      ownerAadObjectId: bo.aadObjectId,
    });
    const done = await call('PATCH', `${team.path}/actions/${actionId}`, token(bo), {
      status: 'done',
    });
    const back = await call('PATCH', `${team.path}/actions/${actionId}`, token(bo), {
      status: 'planned',
    });
    const other = await call('POST', `${team.path}/actions`, token(dee), {
      ...body,
      title: 'Fewer meetings',
    });
    unhelpedId = other.json.id;
    const dropNoReason = await call('PATCH', `${team.path}/actions/${unhelpedId}`, token(dee), {
      status: 'dropped',
    });
    await call('PATCH', `${team.path}/actions/${unhelpedId}`, token(dee), { status: 'done' });

    expect(past).toMatchObject({ status: 409, json: { code: 'FOLLOW_INVALID_DATE' } });
    expect(past.json.message).toContain('dueDate');
    expect(unknown).toMatchObject({ status: 409, json: { code: 'FOLLOW_UNKNOWN_COMMENT' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'planned', owner: null, checkBack: null });
    expect(created.json.dueDate >= today).toBe(true);
    expect(forSomeoneElse).toMatchObject({ status: 409, json: { code: 'FOLLOW_NOT_YOURSELF' } });
    expect(volunteered.json).toMatchObject({
      status: 'in-progress',
      owner: { name: 'Bo', mine: true },
    });
    expect(done.json.status).toBe('done');
    expect(back).toMatchObject({ status: 409, json: { code: 'FOLLOW_STATUS' } });
    expect(dropNoReason).toMatchObject({ status: 409, json: { code: 'FOLLOW_REASON_NEEDED' } });
    const listed = await call('GET', `${team.path}/actions?status=done`, token(ana));
    expect(listed.json.items.map((a: Json) => a.id).sort()).toEqual([actionId, unhelpedId].sort());
    expect(listed.json.measures).toMatchObject({
      commentsHeard: { heard: 1, comments: 1, share: 1 },
      actions: { done: 0, planned: 0 },
    });
  });

  it('posts the results card once to the channel, even when the close is processed twice', async () => {
    // The lead closed the round early; its scheduled close still runs, a second close.
    await app.scheduler.tick(new Date(Date.now() + 4 * 86_400_000));
    expect(await app.scheduler.nextRun(JOB_CLOSE, firstRound)).toBeUndefined();
    expect(await app.scheduler.nextRun(JOB_RESULTS, firstRound)).toBeUndefined();
    await waitUntil(() => resultsCards().length > 0, { what: 'the results card' });
    await app.scheduler.tick(new Date(Date.now() + 5 * 86_400_000));
    await outboxDrained();

    expect(resultsCards()).toHaveLength(1);
    const card = JSON.stringify(resultsCards()[0]!.body);
    expect(card).toContain('3 of 4 teammates answered');
    expect(card).toContain('There were 3 comments');
    const summary = await call('GET', `${round(firstRound)}/summary`, token(dee));
    expect(summary.json).toMatchObject({
      status: 'ok',
      answers: 3,
      posted: true,
      traits: expect.arrayContaining([
        { trait: 'dependability', status: 'shown', average: 3, trend: 'new' },
        { trait: 'impact', status: 'not-enough' },
      ]),
    });
    const late = await call('POST', `${round(firstRound)}/summary/note`, token(ana), {
      text: 'Thanks all',
    });
    expect(late).toMatchObject({ status: 409, json: { code: 'FOLLOW_RESULTS_POSTED' } });
  });

  it('asks the next round “did it help?” and shows the answer only when enough answered', async () => {
    // Tomorrow's scheduled round: a round run now again this minute would be this minute's round.
    const opensAt = new Date(Date.now() + 86_400_000);
    await app.scheduler.schedule(JOB_OPEN, team.teamId, opensAt);
    await app.scheduler.tick(opensAt);
    await app.scheduler.cancel(JOB_OPEN, team.teamId);
    const settings = await call('GET', `${team.path}/checkin/settings`, token(ana));
    const next = settings.json.openRound.id as string;
    const asked = app.connector.posted.filter((p) =>
      JSON.stringify(p.body).includes('Did “Review within a day” help?'),
    );
    expect(asked.length).toBeGreaterThanOrEqual(4);

    await answer(ana, {
      roundId: next,
      [`checkback_${actionId}`]: '4',
      [`checkback_${unhelpedId}`]: '2',
    });
    await answer(bo, {
      roundId: next,
      [`checkback_${actionId}`]: '5',
      [`checkback_${unhelpedId}`]: '1',
    });
    await answer(chen, { roundId: next, [`checkback_${actionId}`]: '3', dependability: '4' });
    const whileOpen = (await call('GET', `${team.path}/actions`, token(dee))).json.items as Json[];
    expect(whileOpen.map((a) => a.checkBack.status)).toEqual(['asked', 'asked']);
    const earlyNote = await call('POST', `${round(next)}/summary/note`, token(ana), {
      text: 'Soon',
    });
    expect(earlyNote).toMatchObject({ status: 409, json: { code: 'FOLLOW_ROUND_OPEN' } });
    await closeRound(next);

    const items = (await call('GET', `${team.path}/actions`, token(dee))).json.items as Json[];
    expect(items.find((a) => a.id === actionId)!.checkBack).toEqual({
      status: 'ok',
      roundId: next,
      average: 4,
      answers: 3,
    });
    expect(items.find((a) => a.id === unhelpedId)!.checkBack).toMatchObject({
      status: 'insufficient',
      roundId: next,
    });

    const byMember = await call('POST', `${round(next)}/summary/note`, token(bo), { text: 'Hi' });
    const noted = await call('POST', `${round(next)}/summary/note`, token(ana), {
      text: 'Thank you for <the> honesty',
    });
    expect(byMember.status).toBe(403);
    expect(noted.json).toMatchObject({
      status: 'ok',
      note: 'Thank you for <the> honesty',
      posted: true,
      actionsDone: expect.arrayContaining([{ id: actionId, title: 'Review within a day' }]),
      traits: expect.arrayContaining([{ trait: 'dependability', status: 'not-enough' }]),
    });
    await waitUntil(() => resultsCards().length === 2, { what: 'the second results card' });
    expect(JSON.stringify(resultsCards()[1]!.body)).toContain(
      'Thank you for \\\\<the\\\\> honesty',
    );
  });

  it('turns an action into a working agreement proposal once', async () => {
    const first = await call('POST', `${team.path}/actions/${actionId}/agreement`, token(chen));
    const second = await call('POST', `${team.path}/actions/${actionId}/agreement`, token(chen));
    const agreement = await call(
      'GET',
      `${team.path}/agreements/${first.json.agreementId}`,
      token(dee),
    );

    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 409, json: { code: 'FOLLOW_ALREADY_PROPOSED' } });
    expect(agreement.json).toMatchObject({ status: 'proposed', title: 'Review within a day' });
  });

  it('stores and answers nothing that links a comment to a member', async () => {
    const ids = people.flatMap((p) => [p.aadObjectId, p.id, p.name]);
    const db = app.database.db;
    const rounds = await db
      .collection(collections.followRounds)
      .find({ teamId: team.teamId })
      .toArray();
    const actions = await db
      .collection(collections.followActions)
      .find({ teamId: team.teamId })
      .toArray();
    // A reply is signed by its author (public to the team) and an action names the owner who
    // volunteered; everything else about a comment must be nobody's.
    const unsigned = (value: unknown) =>
      JSON.stringify(value, (key, v: unknown) =>
        key === 'by' || key === 'owner' || key === 'author' ? undefined : v,
      );
    const responses = [
      (await call('GET', `${team.path}/feedback`, token(dee))).json,
      (await call('GET', `${team.path}/actions`, token(dee))).json,
      (await call('GET', `${round(firstRound)}/summary`, token(dee))).json,
    ];

    expect(rounds.length).toBe(2);
    for (const stored of [...rounds, ...actions, ...responses]) {
      const text = unsigned(stored);
      for (const id of ids) expect(text).not.toContain(id);
    }
  });

  it('exports and erases a member’s replies and ownership, leaving the comments', async () => {
    const exported = await fetch(`${app.url}/api/v1/me/export`, {
      headers: { authorization: `Bearer ${token(bo)}` },
    }).then((r) => r.json() as Promise<Json>);
    expect(exported.followThrough).toEqual({
      replies: [
        expect.objectContaining({
          teamId: team.teamId,
          text: 'Agreed: let us <i>talk</i> about it',
        }),
      ],
      actionsOwned: [{ teamId: team.teamId, title: 'Review within a day' }],
    });

    expect((await call('DELETE', `${app.url}/api/v1/me`, token(bo))).status).toBe(204);

    const after = await feedbackComments(dee);
    expect(after).toHaveLength(3);
    expect(after.flatMap((c) => c.replies)).toEqual([]);
    const items = (await call('GET', `${team.path}/actions`, token(dee))).json.items as Json[];
    expect(items.find((a) => a.id === actionId)!.owner).toBeNull();
  });
});
