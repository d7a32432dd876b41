import { JOB_CLOSE, JOB_NUDGE, JOB_OPEN } from '../../../../bot/src/features/checkins/checkin-jobs';
import { collections } from '../../../support/schema';
import { checkinAnswer, personalMessage } from '../../../fixtures/teams-activities';
import { postJson, type Json } from '../../../support/http';
import { call, devToken, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

describe('check-ins: team-designed rounds, anonymous answers, trust health', () => {
  const app = useTestApp('checkins');
  const people = newMembers('Ana', 'Bo', 'Chen', 'Dee');
  const [ana, bo, chen, dee] = people;

  /** A member answers the card in their 1:1 chat: Teams sends adaptiveCard/action with the inputs. */
  const answer = async (member: Member, data: Record<string, unknown>) => {
    const res = await postJson(
      `${app.url}/api/messages`,
      checkinAnswer(app.connector.url, member, data),
    );
    expect(res.status).toBe(200);
    return JSON.stringify((res.json as Json).value);
  };

  it('lets the installer lead, and refuses settings edits by others with a clear error', async () => {
    const team = await app.install(people);
    const [anaToken, boToken] = [await devToken(app.url, ana), await devToken(app.url, bo)];

    const asAna = await call('GET', `${team.path}/checkin/settings`, anaToken);
    const asBo = await call('GET', `${team.path}/checkin/settings`, boToken);
    const edit = await call('PUT', `${team.path}/checkin/settings`, boToken, {
      settings: asAna.json.settings,
    });

    expect(asAna.json).toMatchObject({
      isLead: true,
      leads: [ana.aadObjectId],
      settings: { minGroupSize: 3 },
    });
    expect(asAna.json.settings.questions).toHaveLength(5);
    expect(asBo.json.isLead).toBe(false);
    expect(edit).toEqual({
      status: 403,
      json: { code: 'NOT_A_LEAD', message: expect.stringMatching(/Propose the change/) },
    });
  });

  it('refuses invalid settings naming each field, and keeps the stored ones', async () => {
    const team = await app.install(people);
    const token = await devToken(app.url, ana);
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, token)).json;

    const bad = await call('PUT', `${team.path}/checkin/settings`, token, {
      settings: {
        ...settings,
        minGroupSize: 2,
        cadence: { ...settings.cadence, timeZone: 'Mars/Olympus', time: '25:00' },
      },
    });

    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe(
      'The time is HH:MM in 24-hour form, e.g. 09:30. ' +
        'The time zone must be an IANA zone such as Europe/Berlin. ' +
        'The minimum group size is never below 3.',
    );
    expect((await call('GET', `${team.path}/checkin/settings`, token)).json.settings).toEqual(
      settings,
    );
  });

  it('names leads only from the team, and says whether the caller still leads', async () => {
    const team = await app.install(people);
    const token = await devToken(app.url, ana);
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, token)).json;

    const stranger = await call('PUT', `${team.path}/checkin/settings`, token, {
      settings,
      leads: [bo.aadObjectId, 'not-in-this-team'],
    });
    const handedOver = await call('PUT', `${team.path}/checkin/settings`, token, {
      settings,
      leads: [bo.aadObjectId],
    });

    expect(stranger.status).toBe(409);
    expect(stranger.json.message).toMatch(/^leads: not-in-this-team is not a member of this team/);
    expect(handedOver.status).toBe(200);
    expect(handedOver.json).toMatchObject({ leads: [bo.aadObjectId], isLead: false });
    const values = await call('PUT', `${team.path}/values`, token, { values: [] });
    expect(values.status).toBe(403);
  });

  it('opens rounds at the team’s local time across a daylight-saving change, with one nudge and a close', async () => {
    const team = await app.install(people);
    const token = await devToken(app.url, ana);
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, token)).json;
    const saved = await call('PUT', `${team.path}/checkin/settings`, token, {
      settings: {
        ...settings,
        cadence: { ...settings.cadence, day: 'monday', time: '09:00', timeZone: 'Europe/Berlin' },
      },
    });
    expect(saved.status).toBe(200);
    expect(await app.scheduler.nextRun(JOB_OPEN, team.teamId)).toEqual(
      new Date(saved.json.nextRoundAt),
    );

    // Europe moves to summer time on 2027-03-28: Monday 09:00 is 08:00Z before, 07:00Z after.
    await app.scheduler.schedule(JOB_OPEN, team.teamId, new Date('2027-03-22T08:00:00Z'));
    await app.scheduler.tick(new Date('2027-03-22T08:00:01Z'));
    const firstRound = `${team.teamId}|2027-03-22`;
    expect(await app.scheduler.nextRun(JOB_OPEN, team.teamId)).toEqual(
      new Date('2027-03-29T07:00:00Z'),
    );
    expect(await app.scheduler.nextRun(JOB_NUDGE, firstRound)).toEqual(
      new Date('2027-03-24T08:00:00Z'),
    );
    expect(await app.scheduler.nextRun(JOB_CLOSE, firstRound)).toEqual(
      new Date('2027-03-25T08:00:00Z'),
    );

    // Each member gets the card privately, once.
    const roundCards = () =>
      app.connector.posted.filter(
        (p) => p.conversationId.startsWith('a:') && JSON.stringify(p.body).includes(firstRound),
      );
    await waitUntil(async () => roundCards().length >= people.length, {
      what: async () =>
        `the round cards to be sent: ${JSON.stringify({
          outbox: await app.outbox.stats(),
          posted: app.connector.posted.map((p) => p.conversationId),
        })}`,
    });
    const cards = roundCards();
    expect(cards.map((c) => c.conversationId).sort()).toEqual(
      people.map((p) => `a:${p.id}`).sort(),
    );

    // Two answer; the nudge goes once, to the other two only.
    await answer(bo, { roundId: firstRound, dependability: '4' });
    await answer(chen, { roundId: firstRound, impact: '5' });
    await app.scheduler.tick(new Date('2027-03-24T08:00:01Z'));
    await app.scheduler.tick(new Date('2027-03-24T09:00:00Z'));
    const outbox = app.database.db.collection<{ _id: string }>('outbox');
    const nudged = (await outbox.find({ _id: { $regex: '^nudge' } }).toArray())
      .filter((n) => n._id.includes(firstRound))
      .map((n) => n._id.split('|').pop());
    expect(nudged.sort()).toEqual([ana.aadObjectId, dee.aadObjectId].sort());

    await app.scheduler.tick(new Date('2027-03-25T08:00:01Z'));
    const rounds = app.database.db.collection<{
      _id: string;
      opensAt: Date;
      week: string;
      status: string;
    }>(collections.checkinRounds);
    expect(await rounds.findOne({ _id: firstRound })).toMatchObject({ status: 'closed' });
    expect(await answer(dee, { roundId: firstRound, impact: '3' })).toContain('has closed');

    await app.scheduler.tick(new Date('2027-03-29T07:00:01Z'));
    const opened = await rounds.find({ teamId: team.teamId }).sort({ opensAt: 1 }).toArray();
    expect(opened.map((r) => [r._id, r.opensAt.toISOString(), r.week])).toEqual([
      [firstRound, '2027-03-22T08:00:00.000Z', '2027-W12'],
      [`${team.teamId}|2027-03-29`, '2027-03-29T07:00:00.000Z', '2027-W13'],
    ]);
  });

  describe('a round of six, answered one by one', () => {
    const six = newMembers('Uma', 'Vic', 'Wes', 'Xia', 'Yan', 'Zoe');
    const scores = ['5', '4', '4', '2', '3', '1'];

    it('shows only participation while it is open, and its results once a lead closes it', async () => {
      const team = await app.install(six);
      const lead = await devToken(app.url, six[0]);
      const member = await devToken(app.url, six[1]);
      const started = await call('POST', `${team.path}/checkin/rounds`, lead);
      expect(started.status).toBe(201);
      const roundId = started.json.id;
      const health = async () =>
        (await call('GET', `${team.path}/trust-health?weeks=1`, member)).json;
      const settings = async () =>
        (await call('GET', `${team.path}/checkin/settings`, member)).json;
      const before = await health();

      for (const [i, person] of six.entries()) {
        await answer(person, { roundId, dependability: scores[i] });
        // Nothing a member can read moves with an answer, whoever just answered…
        expect(await health()).toEqual(before);
        expect((await call('GET', `${team.path}/feedback`, member)).json).toEqual({ weeks: [] });
        // …except how many have answered, and until when the round is open.
        expect((await settings()).openRound).toEqual({
          id: roundId,
          closesAt: started.json.closesAt,
          invited: 6,
          answered: i + 1,
        });
      }
      const again = await call('POST', `${team.path}/checkin/rounds`, lead);
      expect(again.status).toBe(200);
      expect(again.json.id).toBe(roundId);

      const path = `${team.path}/checkin/rounds/${encodeURIComponent(roundId)}/close`;
      expect((await call('POST', path, member)).status).toBe(403);
      const closed = await call('POST', path, lead);
      expect(closed.status).toBe(200);
      expect(closed.json.status).toBe('closed');
      expect((await call('POST', path, lead)).status).toBe(409);

      expect((await health()).weeks[0]).toMatchObject({
        status: 'ok',
        answers: 6,
        participation: 1,
        traits: [{ trait: 'dependability', average: 3.17, answers: 6 }],
      });
      expect((await settings()).openRound).toBeNull();
    });
  });

  describe('a round run now by a lead', () => {
    let team: Team;
    let roundId: string;
    let token: string;

    beforeAll(async () => {
      team = await app.install(people);
      token = await devToken(app.url, ana);
      const started = await call('POST', `${team.path}/checkin/rounds`, token);
      expect(started.status).toBe(201);
      roundId = started.json.id;
    });

    it('refuses "run now" from a member who is not a lead', async () => {
      const res = await call('POST', `${team.path}/checkin/rounds`, await devToken(app.url, bo));

      expect(res.status).toBe(403);
    });

    it('thanks in place with the participation count, and refuses a second answer kindly', async () => {
      const first = await answer(ana, {
        roundId,
        dependability: '5',
        impact: '4',
        freeText: 'Reviews are slow',
      });
      const again = await answer(ana, { roundId, dependability: '1' });

      expect(first).toContain('Thanks — recorded anonymously');
      expect(first).toContain('1 of 4 teammates have answered');
      expect(again).toContain('You already answered this check-in');
    });

    it('answers a bad score with the form and an error', async () => {
      const res = await answer(dee, { roundId, impact: '9' });

      expect(res).toContain('with a number from 1 to 5');
      expect(res).toContain('Input.ChoiceSet');
    });

    it('changes no number while the round is open, and shows its results once it closes', async () => {
      const read = async () => (await call('GET', `${team.path}/trust-health?weeks=1`, token)).json;
      const whileOpen = await read();
      expect(JSON.stringify(whileOpen)).not.toMatch(/average/);

      // Watching the numbers as each member answers must teach nothing about that answer.
      await answer(bo, { roundId, dependability: '3', impact: '2' });
      expect(await read()).toEqual(whileOpen);
      await answer(chen, { roundId, dependability: '4', freeText: 'More pairing please' });
      expect(await read()).toEqual(whileOpen);
      expect((await call('GET', `${team.path}/feedback`, token)).json).toEqual({ weeks: [] });

      await app.scheduler.tick(new Date(Date.now() + 4 * 86_400_000));

      // Impact had two answers, below the minimum of three: it is left out.
      expect((await read()).weeks[0]).toMatchObject({
        status: 'ok',
        answers: 3,
        participation: 0.75,
        traits: [{ trait: 'dependability', average: 4, answers: 3 }],
      });
    });

    it('shows free text only after the round closes, without author or time', async () => {
      const feedback = (await call('GET', `${team.path}/feedback`, token)).json;
      expect(feedback.weeks).toHaveLength(1);
      expect(Object.keys(feedback.weeks[0]).sort()).toEqual(['comments', 'week']);
      expect(feedback.weeks[0].comments.map((c: Json) => c.text).sort()).toEqual([
        'More pairing please',
        'Reviews are slow',
      ]);
    });

    it('stores nothing that joins an answer to a member', async () => {
      const ids = people.flatMap((p) => [p.aadObjectId, p.id, p.name]);
      const week = await app.database.db
        .collection(collections.trustWeeks)
        .findOne({ teamId: team.teamId });
      const round = await app.database.db
        .collection<{ _id: string }>(collections.checkinRounds)
        .findOne({ _id: roundId });
      const participation = await app.database.db
        .collection(collections.checkinParticipation)
        .find({ roundId })
        .toArray();
      const responses = [
        (await call('GET', `${team.path}/trust-health?weeks=4`, token)).json,
        (await call('GET', `${team.path}/feedback`, token)).json,
      ];

      expect(week).not.toBeNull();
      expect(round).not.toBeNull();
      for (const stored of [week, round, ...responses]) {
        const text = JSON.stringify(stored);
        for (const id of ids) expect(text).not.toContain(id);
      }
      // The round closed in the test before: who answered is gone with it.
      expect(participation).toEqual([]);
    });
  });

  it('lets the team adopt a proposal by majority, losing no concurrent vote', async () => {
    const team = await app.install(people);
    const [boToken, chenToken, deeToken, anaToken] = await Promise.all(
      [bo, chen, dee, ana].map((m) => devToken(app.url, m)),
    );
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, anaToken)).json;
    const questions = [
      { id: 'focus', trait: 'structure-clarity', text: 'I knew what to focus on this week.' },
    ];

    const proposed = await call('POST', `${team.path}/checkin/proposals`, boToken, { questions });
    expect(proposed.status).toBe(201);
    expect(proposed.json).toMatchObject({
      status: 'open',
      approvals: 1,
      rejections: 0,
      myVote: 'approve',
      rule: expect.any(String),
    });

    const votes = await Promise.all(
      [chenToken, deeToken].map((t) =>
        call('POST', `${team.path}/checkin/proposals/${proposed.json.id}/votes`, t, {
          approve: true,
        }),
      ),
    );
    expect(votes.map((v) => v.status)).toEqual([200, 200]);

    const list = (await call('GET', `${team.path}/checkin/proposals`, anaToken)).json.items;
    expect(list).toEqual([]);
    const after = (await call('GET', `${team.path}/checkin/settings`, anaToken)).json.settings;
    expect(after.questions).toEqual(questions);
    expect(after.cadence).toEqual(settings.cadence);
    const late = await call(
      'POST',
      `${team.path}/checkin/proposals/${proposed.json.id}/votes`,
      anaToken,
      { approve: false },
    );
    expect(late).toEqual({
      status: 409,
      json: { code: 'PROPOSAL_CLOSED', message: expect.any(String) },
    });
  });

  it('refuses a proposal that would make invalid settings', async () => {
    const team = await app.install(people);
    const res = await call('POST', `${team.path}/checkin/proposals`, await devToken(app.url, bo), {
      questions: [],
    });

    expect(res.status).toBe(400);
    expect(res.json.message).toBe('Keep at least one question.');
  });

  it('skips members who blocked the bot until they write to it again, and erases their queued cards', async () => {
    const team = await app.install(people);
    const token = await devToken(app.url, ana);
    const personal = app.database.db.collection<{ _id: string; unreachable?: unknown }>(
      collections.personalConversations,
    );
    await personal.updateOne(
      { _id: dee.aadObjectId },
      { $set: { unreachable: { code: 'ConversationBlockedByUser', since: new Date() } } },
      { upsert: true },
    );
    const outboxFor = async (roundId: string) =>
      (
        await app.database.db
          .collection<{ _id: string }>('outbox')
          .find({ _id: { $regex: '^round' } })
          .toArray()
      )
        .map((m) => m._id)
        .filter((key) => key.includes(roundId));

    const round = (await call('POST', `${team.path}/checkin/rounds`, token)).json;
    const queued = await outboxFor(round.id);

    expect(queued).toHaveLength(3);
    expect(queued.some((key) => key.endsWith(dee.aadObjectId))).toBe(false);

    await postJson(`${app.url}/api/messages`, personalMessage(app.connector.url, dee, 'hi'));
    expect((await personal.findOne({ _id: dee.aadObjectId }))?.unreachable).toBeUndefined();

    expect((await call('DELETE', `${app.url}/api/v1/me`, await devToken(app.url, bo))).status).toBe(
      204,
    );
    expect((await outboxFor(round.id)).some((key) => key.endsWith(bo.aadObjectId))).toBe(false);
  });
});
