import { randomUUID } from 'node:crypto';
import {
  reviewDate,
  reviewInstant,
} from '../../../../bot/src/features/agreements/domain/agreement';
import {
  agreementSubject,
  JOB_AGREEMENT_REVIEW,
  JOB_AGREEMENT_VOTING_END,
} from '../../../../bot/src/features/agreements/agreement-jobs';
import { collections } from '../../../support/schema';
import { teamInvoke, teamCardAction } from '../../../fixtures/teams-activities';
import { postJson, type Json } from '../../../support/http';
import { call, devToken, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

const DAY = 86_400_000;

describe('working agreements: proposed, decided and reviewed by the team', () => {
  const people = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eli');
  const [ana, bo, chen, dee, eli] = people;
  const app = useTestApp('agreements', { members: people });
  const token = app.token;

  /** Cards the bot posted into the team's channel (through the outbox), oldest first. */
  const channelCards = (team: Team) =>
    app.connector.posted
      .filter((p) => p.conversationId === team.channelId && !p.replyToId)
      .flatMap((p) =>
        ((p.body.attachments as Json[] | undefined) ?? []).map((a) => ({
          activityId: `stub-activity-${app.connector.posted.indexOf(p) + 1}`,
          card: a.content as Json,
        })),
      );
  const cardWith = async (team: Team, text: string) => {
    await waitUntil(() => channelCards(team).some((c) => JSON.stringify(c.card).includes(text)), {
      what: `a card with "${text}"`,
    });
    return channelCards(team).find((c) => JSON.stringify(c.card).includes(text))!;
  };

  /** A member presses a button on a card in the channel: Teams sends adaptiveCard/action. */
  const press = async (
    team: Team,
    member: Member,
    verb: string,
    data: Record<string, unknown>,
    replyToId?: string,
  ) => {
    const res = await postJson(`${app.url}/api/messages`, {
      ...teamCardAction(team, member, verb, data),
      ...(replyToId ? { replyToId } : {}),
    });
    expect(res.status).toBe(200);
    const body = res.json as Json;
    expect(body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
    return body.value as Json;
  };

  const propose = async (team: Team, member: Member, body: Record<string, unknown>) => {
    const res = await call('POST', `${team.path}/agreements`, token(member), body);
    expect(res.status).toBe(201);
    return res.json as Json;
  };
  const proposalPath = (team: Team, agreement: Json, proposalId = agreement.openProposal.id) =>
    `${team.path}/agreements/${agreement.id}/proposals/${proposalId}`;
  const endorse = (team: Team, member: Member, agreement: Json, proposalId?: string) =>
    call('POST', `${proposalPath(team, agreement, proposalId)}/endorsements`, token(member));
  const get = async (team: Team, agreement: Json) =>
    (await call('GET', `${team.path}/agreements/${agreement.id}`, token(ana))).json as Json;

  /** A proposal adopted by Ana (proposer), Bo and Chen: three of five. */
  const adopted = async (team: Team, body: Record<string, unknown>) => {
    const created = await propose(team, ana, body);
    await endorse(team, bo, created);
    await endorse(team, chen, created);
    const agreement = await get(team, created);
    expect(agreement.status).toBe('active');
    return agreement;
  };

  it('offers templates, including words for asking a quiet colleague', async () => {
    const team = await app.install(people);
    const res = await call('GET', `${team.path}/agreement-templates`, token(bo));

    expect(res.status).toBe(200);
    expect(res.json.items.map((t: Json) => t.title)).toEqual([
      'We judge work by outcomes, not by online status',
      'No one is expected to answer outside their working hours',
      'Every recurring meeting states its purpose',
      'Cameras are optional',
      'Start meetings with five minutes of non-work talk',
      'If someone goes quiet, we ask openly and kindly',
      'Feedback is direct, kind and safe from retribution',
      'We revisit these agreements every quarter',
    ]);
    expect(res.json.items.find((t: Json) => t.id === 'ask-openly-and-kindly')).toMatchObject({
      category: 'communication',
      suggestedMessage: expect.stringContaining('no need to explain'),
    });
  });

  it('adopts a template proposal when three of five endorse, with a review date 90 days on', async () => {
    const team = await app.install(people);
    const created = await propose(team, ana, {
      templateId: 'cameras-optional',
      text: 'Cameras are welcome and never required.\n- Say in the invite when seeing each other matters.',
    });

    expect(created).toMatchObject({
      status: 'proposed',
      title: 'Cameras are optional',
      category: 'meetings',
      templateId: 'cameras-optional',
      version: 0,
      openProposal: {
        kind: 'new',
        status: 'open',
        phase: 'voting',
        tally: { endorsements: 1, objections: 0, unansweredObjections: 0, members: 5 },
        myResponse: 'endorse',
        proposedBy: { aadObjectId: ana.aadObjectId, name: 'Ana' },
        rule: expect.stringMatching(/most of the members who respond within 7 days endorse/),
      },
    });
    const second = await endorse(team, bo, created);
    expect(second.json).toMatchObject({
      status: 'open',
      tally: { endorsements: 2 },
      myResponse: 'endorse',
    });
    const third = await endorse(team, chen, created);
    expect(third.json).toMatchObject({ status: 'adopted', phase: 'decided' });

    const agreement = await get(team, created);
    const reviewOn = reviewDate(new Date(), 90, 'UTC');
    expect(agreement).toMatchObject({
      status: 'active',
      version: 1,
      reviewOn,
      text: 'Cameras are welcome and never required.\n- Say in the invite when seeing each other matters.',
      openProposal: null,
      versions: [
        {
          version: 1,
          proposedBy: { name: 'Ana' },
          decidedBy: { kind: 'team' },
          diff: null,
        },
      ],
    });
    expect(agreement.history.map((h: Json) => h.kind)).toEqual(['proposed', 'adopted']);
    expect(
      await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, agreementSubject(team.teamId, created.id)),
    ).toEqual(reviewInstant(reviewOn, 'UTC'));

    const active = await call(
      'GET',
      `${team.path}/agreements?status=active&category=meetings`,
      token(dee),
    );
    expect(active.json.items.map((a: Json) => a.id)).toEqual([created.id]);
    const none = await call('GET', `${team.path}/agreements?category=feedback`, token(dee));
    expect(none.json.items).toEqual([]);
  });

  it('refuses a second proposal from a template that is already proposed, naming the open one', async () => {
    const team = await app.install(people);
    await propose(team, ana, { templateId: 'meeting-purpose' });

    const again = await call('POST', `${team.path}/agreements`, token(bo), {
      templateId: 'meeting-purpose',
    });

    expect(again.status).toBe(409);
    expect(again.json).toEqual({
      code: 'AGREEMENT_PROPOSAL_OPEN',
      message: expect.stringMatching(/^“.+” is already proposed from this template: respond to/),
    });
    const listed = await call('GET', `${team.path}/agreements`, token(ana));
    expect(listed.json.items).toHaveLength(1);
  });

  it('loses no endorsement when five members endorse at the same moment', async () => {
    const crowd = newMembers(...'ABCDEFGHIJKL'.split('').map((c) => `M${c}`));
    const team = await app.install(crowd);
    const crowdTokens = await Promise.all(crowd.map((m) => devToken(app.url, m)));
    const created = (
      await call('POST', `${team.path}/agreements`, crowdTokens[0], {
        templateId: 'meeting-purpose',
      })
    ).json;

    const results = await Promise.all(
      crowdTokens
        .slice(1, 6)
        .map((t) => call('POST', `${proposalPath(team, created)}/endorsements`, t)),
    );

    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const after = await call('GET', proposalPath(team, created), crowdTokens[0]);
    // Six of twelve: not yet more than half, so still open, and every endorsement counted.
    expect(after.json).toMatchObject({ status: 'open', tally: { endorsements: 6 } });
    const stored = await app.database.db
      .collection<{ _id: string; endorsedBy: string[] }>(collections.agreementProposals)
      .findOne({ _id: created.openProposal.id });
    expect(stored?.endorsedBy.sort()).toEqual(
      crowd
        .slice(0, 6)
        .map((m) => m.aadObjectId)
        .sort(),
    );
  });

  it('lets an objection block the proposal until someone answers it', async () => {
    const team = await app.install(people);
    const created = await propose(team, ana, { templateId: 'answer-in-working-hours' });

    const vague = await call('POST', `${proposalPath(team, created)}/objections`, token(bo), {
      reason: 'no',
    });
    expect(vague.status).toBe(400);
    expect(vague.json).toEqual({
      code: 'INVALID_INPUT',
      message: 'An objection needs a reason of at least 5 characters.',
    });

    const objected = await call('POST', `${proposalPath(team, created)}/objections`, token(bo), {
      reason: 'On-call weeks need an exception.',
    });
    expect(objected.status).toBe(201);
    await endorse(team, chen, created);
    const blocked = await endorse(team, dee, created);
    expect(blocked.json).toMatchObject({
      status: 'open',
      tally: { endorsements: 3, objections: 1, unansweredObjections: 1 },
      objections: [
        {
          by: { name: 'Bo' },
          reason: 'On-call weeks need an exception.',
          answered: false,
          withdrawn: false,
        },
      ],
    });
    const objectionId = blocked.json.objections[0].id;

    const own = await call(
      'POST',
      `${proposalPath(team, created)}/objections/${objectionId}/answers`,
      token(bo),
      { text: 'I answer myself' },
    );
    expect(own.status).toBe(409);
    expect(own.json.code).toBe('AGREEMENT_OWN_OBJECTION');

    const answered = await call(
      'POST',
      `${proposalPath(team, created)}/objections/${objectionId}/answers`,
      token(ana),
      { text: 'Agreed: on-call follows the rota, and the rota is its own agreement.' },
    );
    expect(answered.status).toBe(201);
    expect(answered.json).toMatchObject({
      status: 'adopted',
      objections: [{ answered: true, answers: [{ by: { name: 'Ana' } }] }],
      agreement: { status: 'active', version: 1 },
    });
  });

  it('lets a lead, and only a lead, ratify after the window, with the objection on record', async () => {
    const team = await app.install(people);
    const created = await propose(team, bo, { templateId: 'five-minutes-non-work' });
    await call('POST', `${proposalPath(team, created)}/objections`, token(chen), {
      reason: 'Five minutes is a lot in a 15-minute stand-up.',
    });
    await endorse(team, dee, created);

    const early = await call('POST', `${proposalPath(team, created)}/ratification`, token(ana));
    expect(early.status).toBe(409);
    expect(early.json.code).toBe('AGREEMENT_WINDOW_OPEN');

    const closesAt = new Date(created.openProposal.closesAt);
    const subject = agreementSubject(team.teamId, created.openProposal.id);
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_VOTING_END, subject)).toEqual(closesAt);
    await app.scheduler.tick(new Date(closesAt.getTime() + 1000));

    const waiting = await call('GET', proposalPath(team, created), token(ana));
    expect(waiting.json).toMatchObject({
      status: 'open',
      phase: 'awaiting-answers',
      canRatify: true,
      tally: { endorsements: 2, objections: 1, unansweredObjections: 1 },
    });
    const late = await endorse(team, eli, created);
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('AGREEMENT_VOTING_CLOSED');

    const byMember = await call('POST', `${proposalPath(team, created)}/ratification`, token(bo));
    expect(byMember.status).toBe(403);
    expect(byMember.json.code).toBe('NOT_A_LEAD');

    const ratified = await call('POST', `${proposalPath(team, created)}/ratification`, token(ana));
    expect(ratified.status).toBe(200);
    expect(ratified.json).toMatchObject({
      status: 'adopted',
      ratifiedBy: { name: 'Ana' },
      objections: [{ reason: 'Five minutes is a lot in a 15-minute stand-up.', answered: false }],
      agreement: { status: 'active' },
    });
    const agreement = await get(team, created);
    expect(agreement.versions[0].decidedBy).toEqual({
      kind: 'lead',
      lead: { aadObjectId: ana.aadObjectId, name: 'Ana' },
    });
  });

  it('changes an agreement through a proposal, with word diffs between versions', async () => {
    const team = await app.install(people);
    const agreement = await adopted(team, {
      title: 'Replies within a day',
      text: 'We answer direct messages within a day.',
      category: 'communication',
    });

    const change = await call(
      'POST',
      `${team.path}/agreements/${agreement.id}/proposals`,
      token(dee),
      {
        kind: 'change',
        text: 'We answer direct messages within two working days.',
        note: 'A day was too tight across time zones.',
      },
    );
    expect(change.status).toBe(201);
    expect(change.json.diff.text).toEqual([
      { value: 'We answer direct messages within ' },
      { value: 'a', removed: true },
      { value: 'two', added: true },
      { value: ' ' },
      { value: 'day', removed: true },
      { value: 'working days', added: true },
      { value: '.' },
    ]);
    const second = await call(
      'POST',
      `${team.path}/agreements/${agreement.id}/proposals`,
      token(eli),
      {
        kind: 'retire',
      },
    );
    expect(second.status).toBe(409);
    expect(second.json.code).toBe('AGREEMENT_PROPOSAL_OPEN');

    for (const m of [ana, bo]) await endorse(team, m, agreement, change.json.id);
    const detail = await get(team, agreement);
    expect(detail).toMatchObject({
      version: 2,
      text: 'We answer direct messages within two working days.',
      versions: [
        { version: 1, text: 'We answer direct messages within a day.', diff: null },
        {
          version: 2,
          proposedBy: { name: 'Dee' },
          diff: { title: [{ value: 'Replies within a day' }] },
        },
      ],
    });
    expect(detail.versions[1].diff.text).toEqual(change.json.diff.text);
    expect(detail.history.map((h: Json) => h.kind)).toEqual([
      'proposed',
      'adopted',
      'change-proposed',
      'changed',
    ]);
    expect(detail.proposals.map((p: Json) => [p.kind, p.status])).toEqual([
      ['change', 'adopted'],
      ['new', 'adopted'],
    ]);
  });

  it('lets a new proposal replace one that stalled after its window', async () => {
    const team = await app.install(people);
    const agreement = await adopted(team, { templateId: 'meeting-purpose' });
    const stalled = await call(
      'POST',
      `${team.path}/agreements/${agreement.id}/proposals`,
      token(bo),
      {
        kind: 'change',
        title: 'Every meeting states its purpose',
      },
    );
    await call(
      'POST',
      `${proposalPath(team, agreement, stalled.json.id)}/objections`,
      token(chen),
      {
        reason: 'One-off meetings are often urgent.',
      },
    );
    await app.scheduler.tick(new Date(new Date(stalled.json.closesAt).getTime() + 1000));

    const retire = await call(
      'POST',
      `${team.path}/agreements/${agreement.id}/proposals`,
      token(eli),
      {
        kind: 'retire',
      },
    );

    expect(retire.status).toBe(201);
    const detail = await get(team, agreement);
    expect(detail.openProposal.id).toBe(retire.json.id);
    expect(detail.proposals.map((p: Json) => [p.kind, p.status])).toEqual([
      ['retire', 'open'],
      ['change', 'superseded'],
      ['new', 'adopted'],
    ]);
    expect(detail.history.map((h: Json) => h.kind)).toEqual([
      'proposed',
      'adopted',
      'change-proposed',
      'superseded',
      'retire-proposed',
    ]);
  });

  it('retires an agreement the same way, and stops its reviews', async () => {
    const team = await app.install(people);
    const agreement = await adopted(team, { templateId: 'cameras-optional' });
    const subject = agreementSubject(team.teamId, agreement.id);
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, subject)).toBeDefined();

    const retire = await call(
      'POST',
      `${team.path}/agreements/${agreement.id}/proposals`,
      token(bo),
      {
        kind: 'retire',
        note: 'We all use cameras freely now.',
      },
    );
    expect(retire.json).toMatchObject({
      kind: 'retire',
      rule: expect.stringMatching(/^It is retired/),
    });
    await endorse(team, chen, agreement, retire.json.id);
    const done = await endorse(team, dee, agreement, retire.json.id);

    expect(done.json).toMatchObject({
      status: 'adopted',
      agreement: { status: 'retired', reviewOn: null },
    });
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, subject)).toBeUndefined();
    const keep = await call('POST', `${team.path}/agreements/${agreement.id}/review`, token(ana), {
      decision: 'keep',
    });
    expect(keep.status).toBe(409);
    expect(keep.json.code).toBe('AGREEMENT_NOT_ACTIVE');
  });

  it('posts each proposal to the channel and updates the card in place with the tally', async () => {
    const team = await app.install(people);
    const created = await propose(team, ana, {
      title: 'Focus mornings *no* meetings',
      text: 'No meetings before 11:00 on Tuesdays.\n- [Calendar](http://evil.example) holds are fine.',
      category: 'meetings',
    });

    const posted = await cardWith(team, created.openProposal.id);
    const card = posted.card;
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).toContain('Focus mornings \\\\*no\\\\* meetings');
    expect(JSON.stringify(card)).toContain('\\\\[Calendar\\\\](http://evil.example)');
    expect(card.body.find((e: Json) => e.type === 'Input.Text')).toMatchObject({ id: 'reason' });
    expect(card.actions.map((a: Json) => [a.type, a.verb ?? a.title])).toEqual([
      ['Action.Execute', 'agreement.endorse'],
      ['Action.Execute', 'agreement.object'],
      ['Action.OpenUrl', 'Open in Rapport'],
    ]);
    expect(JSON.stringify(card)).toContain('How we decide:');

    const endorsed = await press(
      team,
      bo,
      'agreement.endorse',
      { proposalId: created.openProposal.id },
      posted.activityId,
    );
    expect(JSON.stringify(endorsed)).toContain('✅ 2 endorse · ✋ 0 object');
    expect(JSON.stringify(endorsed)).toContain('You endorse this.');
    const forAll = app.connector.updated.find((u) => u.activityId === posted.activityId);
    expect(forAll?.conversationId).toContain(team.channelId);
    const shared = JSON.stringify(forAll?.body);
    expect(shared).toContain('✅ 2 endorse');
    expect(shared).not.toContain('You endorse this.');

    const tooShort = await press(team, chen, 'agreement.object', {
      proposalId: created.openProposal.id,
      reason: 'meh',
    });
    expect(JSON.stringify(tooShort)).toContain('at least 5 characters');
    const objected = await press(team, chen, 'agreement.object', {
      proposalId: created.openProposal.id,
      reason: 'Tuesday mornings are our only overlap with Sydney.',
    });
    const text = JSON.stringify(objected);
    expect(text).toContain('✋ Chen objects: Tuesday mornings are our only overlap with Sydney.');
    expect(text).toContain('1 objection waits for an answer');
    expect((await get(team, created)).openProposal.tally).toMatchObject({
      endorsements: 2,
      objections: 1,
    });
  });

  it('shows votes cast in the tab when a viewer’s Teams refreshes the channel card', async () => {
    const team = await app.install(people);
    const created = await propose(team, ana, {
      title: 'Cameras optional',
      text: 'Cameras are optional in every meeting.',
      category: 'meetings',
    });
    const posted = await cardWith(team, created.openProposal.id);
    const refreshAction = { proposalId: created.openProposal.id };
    expect(posted.card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: 'agreement.refresh',
        data: refreshAction,
      },
    });
    expect(JSON.stringify(posted.card)).toContain('✅ 1 endorses · ✋ 0 object');

    expect((await endorse(team, bo, created)).status).toBe(200);
    const refreshed = await press(team, dee, 'agreement.refresh', refreshAction, posted.activityId);
    expect(JSON.stringify(refreshed)).toContain('✅ 2 endorse · ✋ 0 object');
    expect(JSON.stringify(refreshed)).not.toContain('You endorse this.');
    expect(refreshed.refresh).toEqual(posted.card.refresh);
    // Viewing changes nothing: no vote, no update of the message for everyone.
    expect((await get(team, created)).openProposal.tally).toMatchObject({ endorsements: 2 });
    expect(app.connector.updated.some((u) => u.activityId === posted.activityId)).toBe(false);

    expect((await endorse(team, chen, created)).status).toBe(200);
    const decided = await press(team, dee, 'agreement.refresh', refreshAction);
    expect(JSON.stringify(decided)).toContain('Adopted by the team.');
    expect(decided.refresh).toBeUndefined();
    expect(decided.actions.map((a: Json) => a.type)).toEqual(['Action.OpenUrl']);

    const unknown = await press(team, dee, 'agreement.refresh', { proposalId: 'nope' });
    expect(JSON.stringify(unknown)).toContain('That proposal does not exist in this team.');
  });

  it('announces an adopted agreement in the channel', async () => {
    const team = await app.install(people);
    await adopted(team, { templateId: 'feedback-direct-kind-safe' });

    const announced = await cardWith(team, 'Now one of our working agreements');
    expect(JSON.stringify(announced.card)).toContain(
      'Feedback is direct, kind and safe from retribution',
    );
  });

  it('asks "Still keeping this?" at 09:00 on the review date in the team’s zone, and Keep moves the date', async () => {
    const team = await app.install(people);
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, token(ana))).json;
    const saved = await call('PUT', `${team.path}/checkin/settings`, token(ana), {
      settings: { ...settings, cadence: { ...settings.cadence, timeZone: 'Asia/Tokyo' } },
    });
    expect(saved.status).toBe(200);
    const agreement = await adopted(team, { templateId: 'revisit-every-quarter' });
    const reviewOn = reviewDate(new Date(), 90, 'Asia/Tokyo');
    expect(agreement.reviewOn).toBe(reviewOn);
    // 09:00 in Tokyo is 00:00 UTC.
    const due = new Date(`${reviewOn}T00:00:00Z`);
    const subject = agreementSubject(team.teamId, agreement.id);
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, subject)).toEqual(due);

    // A minute early the job does not run (its card would reach the outbox, not yet the stub).
    await app.scheduler.tick(new Date(due.getTime() - 60_000));
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, subject)).toEqual(due);
    await app.scheduler.tick(due);
    const reminder = await cardWith(team, 'Still keeping this?');
    expect(reminder.card.actions.map((a: Json) => [a.title, a.type, a.verb])).toEqual([
      ['Keep', 'Action.Execute', 'agreement.keep'],
      ['Change', 'Action.OpenUrl', undefined],
      ['Retire', 'Action.Execute', 'agreement.retire'],
    ]);
    const change = reminder.card.actions[1];
    expect(change.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    expect(decodeURIComponent(change.url)).toContain(`agreement:${team.teamId}:${agreement.id}`);
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, subject)).toBeUndefined();

    const kept = await press(
      team,
      bo,
      'agreement.keep',
      reminder.card.actions[0].data,
      reminder.activityId,
    );
    const next = reviewDate(due, 90, 'Asia/Tokyo');
    expect(JSON.stringify(kept)).toContain(`Kept by Bo. Next review on ${next}.`);
    expect((await get(team, agreement)).reviewOn).toBe(next);
    expect(await app.scheduler.nextRun(JOB_AGREEMENT_REVIEW, subject)).toEqual(
      new Date(`${next}T00:00:00Z`),
    );
    // Pressing Keep on the same reminder again moves nothing.
    const again = await press(team, chen, 'agreement.keep', reminder.card.actions[0].data);
    expect(JSON.stringify(again)).toContain(`Already kept. Next review on ${next}.`);

    const viaApi = await call(
      'POST',
      `${team.path}/agreements/${agreement.id}/review`,
      token(dee),
      {
        decision: 'keep',
      },
    );
    expect(viaApi.json).toMatchObject({
      kept: true,
      reviewOn: reviewDate(new Date(`${next}T00:00:00Z`), 90, 'Asia/Tokyo'),
    });
  });

  it('starts a retire proposal from the review card', async () => {
    const team = await app.install(people);
    const agreement = await adopted(team, { templateId: 'meeting-purpose' });

    const res = await press(team, eli, 'agreement.retire', { agreementId: agreement.id });

    expect(JSON.stringify(res)).toContain('Eli proposed retiring it');
    const detail = await get(team, agreement);
    expect(detail.openProposal).toMatchObject({ kind: 'retire', proposedBy: { name: 'Eli' } });
    await cardWith(team, 'A proposal to retire one of our working agreements');
  });

  it('turns an active agreement into a check-in question, for leads only', async () => {
    const team = await app.install(people);
    const agreement = await adopted(team, { templateId: 'answer-in-working-hours' });
    const path = `${team.path}/agreements/${agreement.id}/checkin-question`;

    const byMember = await call('POST', path, token(bo));
    expect(byMember.status).toBe(403);
    expect(byMember.json.code).toBe('NOT_A_LEAD');

    const added = await call('POST', path, token(ana));
    expect(added.status).toBe(201);
    expect(added.json.question).toEqual({
      id: expect.stringMatching(/^agreement-[a-z0-9]{12}$/),
      trait: 'dependability',
      text: 'Are we keeping: No one is expected to answer outside their working hours?',
    });
    const { settings } = (await call('GET', `${team.path}/checkin/settings`, token(ana))).json;
    expect(settings.questions).toHaveLength(6);
    expect(settings.questions[5]).toEqual(added.json.question);
    expect((await call('POST', path, token(ana))).json.added).toBe(false);

    const proposed = await propose(team, bo, { templateId: 'cameras-optional' });
    const early = await call(
      'POST',
      `${team.path}/agreements/${proposed.id}/checkin-question`,
      token(ana),
    );
    expect(early.status).toBe(409);
    expect(early.json.code).toBe('AGREEMENT_NOT_ACTIVE');
  });

  it('lets a recognition cite an active agreement, on the card and on the wall', async () => {
    const team = await app.install(people);
    const agreement = await adopted(team, { templateId: 'ask-openly-and-kindly' });
    const proposed = await propose(team, dee, { templateId: 'cameras-optional' });

    const fetched = await postJson(
      `${app.url}/api/messages`,
      teamInvoke(team, ana, 'composeExtension/fetchTask', {
        commandId: 'recognize',
        commandContext: 'compose',
      }),
    );
    const form = (fetched.json as Json).task.value.card.content;
    // Only active agreements can be cited.
    expect(form.body.find((e: Json) => e.id === 'agreement').choices).toEqual([
      { title: 'If someone goes quiet, we ask openly and kindly', value: agreement.id },
    ]);

    // The chat form is Ana's draft (posted for her by the recognize command): it carries its id
    // and her as its owner.
    const draft = { draftId: randomUUID(), ownerId: ana.aadObjectId, ownerName: ana.name };
    const refused = await press(team, ana, 'recognize', {
      ...draft,
      teammates: bo.aadObjectId,
      tag: 'psychological-safety',
      message: 'Checked in on Dee so kindly.',
      agreement: proposed.id,
    });
    expect(JSON.stringify(refused)).toContain('Choose one of the team’s active working agreements');

    const res = await press(team, ana, 'recognize', {
      ...draft,
      teammates: bo.aadObjectId,
      tag: 'psychological-safety',
      message: 'Checked in on Dee so kindly.',
      agreement: agreement.id,
    });
    expect(JSON.stringify(res)).toContain('Thanks for recognizing Bo');
    const card = app.connector.posted.find(
      (p) =>
        p.conversationId === team.channelId && JSON.stringify(p.body).includes('Checked in on Dee'),
    );
    expect(JSON.stringify(card?.body)).toContain(
      'Living our agreement: If someone goes quiet, we ask openly and kindly',
    );
    const wall = await call('GET', `${team.path}/recognitions`, token(chen));
    expect(wall.json.items[0].agreement).toEqual({
      id: agreement.id,
      title: 'If someone goes quiet, we ask openly and kindly',
    });
  });

  it('describes every agreement route in the OpenAPI document', async () => {
    const doc = ((await call('GET', `${app.url}/api/openapi.json`, token(ana))).json as Json).paths;
    const team = '/api/v1/teams/{teamId}';
    const proposal = `${team}/agreements/{agreementId}/proposals/{proposalId}`;
    const expected: [string, string][] = [
      [`${team}/agreement-templates`, 'get'],
      [`${team}/agreements`, 'get'],
      [`${team}/agreements`, 'post'],
      [`${team}/agreements/{agreementId}`, 'get'],
      [`${team}/agreements/{agreementId}/proposals`, 'post'],
      [proposal, 'get'],
      [`${proposal}/endorsements`, 'post'],
      [`${proposal}/objections`, 'post'],
      [`${proposal}/objections/{objectionId}/answers`, 'post'],
      [`${proposal}/ratification`, 'post'],
      [`${team}/agreements/{agreementId}/review`, 'post'],
      [`${team}/agreements/{agreementId}/checkin-question`, 'post'],
    ];
    for (const [path, method] of expected) expect(doc[path]?.[method]).toBeDefined();
    const documented = Object.entries(doc)
      .filter(([path]) => path.startsWith(`${team}/agreement`))
      .flatMap(([path, methods]) => Object.keys(methods as Json).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(expected.map(([p, m]) => `${m} ${p}`).sort());
  });

  it('refuses bad input naming each field, and outsiders', async () => {
    const team = await app.install(people);
    const bad = await call('POST', `${team.path}/agreements`, token(bo), {
      title: 'x'.repeat(121),
      text: 'ok',
      category: 'vibes',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('INVALID_INPUT');
    // Plain sentences a person can act on: no field paths, no code words.
    expect(bad.json.message).toBe(
      'Keep the title to 120 characters. Say what the team agrees in at least 10 characters. ' +
        'The category must be one of communication, meetings, availability, feedback, collaboration, connection, other.',
    );

    const missing = await call('POST', `${team.path}/agreements`, token(bo), {
      title: 'Hello there',
    });
    expect(missing.json.message).toBe(
      'The text is needed when no template is chosen. The category is needed when no template is chosen.',
    );
    const unknown = await call('POST', `${team.path}/agreements`, token(bo), {
      templateId: 'surveil',
    });
    expect(unknown).toMatchObject({
      status: 400,
      json: {
        code: 'INVALID_INPUT',
        message: 'The template id is not one of the agreement templates.',
      },
    });
    const kind = await call(
      'POST',
      `${team.path}/agreements/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/proposals`,
      token(bo),
      {
        kind: 'rename',
      },
    );
    expect(kind.json.message).toMatch(/kind must be "change" or "retire"/);
    const status = await call('GET', `${team.path}/agreements?status=archived`, token(bo));
    expect(status.json.message).toMatch(
      /^The status must be one of proposed, active, retired, declined/,
    );

    const outsider = newMembers('Zed')[0];
    const res = await call('GET', `${team.path}/agreements`, await devToken(app.url, outsider));
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('NOT_A_MEMBER');
  });

  it('keeps no time on any response', async () => {
    const team = await app.install(people);
    const created = await propose(team, ana, { templateId: 'outcomes-not-status' });
    await endorse(team, bo, created);
    await call('POST', `${proposalPath(team, created)}/objections`, token(chen), {
      reason: 'We still need to know who is around for incidents.',
    });

    const stored = await app.database.db
      .collection(collections.agreementProposals)
      .findOne({ _id: created.openProposal.id } as Json);
    expect(stored?.endorsedBy).toEqual([ana.aadObjectId, bo.aadObjectId]);
    expect(Object.keys(stored?.objections[0]).sort()).toEqual([
      'answers',
      'by',
      'id',
      'reason',
      'withdrawn',
    ]);
    const view = (await call('GET', proposalPath(team, created), token(dee))).json;
    expect(Object.keys(view)).not.toContain('endorsedBy');
    expect(JSON.stringify(view.objections)).not.toMatch(/"at"|Time|time"/);
  });

  it('decides at the end of the window without anyone reading it', async () => {
    const team = await app.install(people);
    const created = await propose(team, dee, { templateId: 'outcomes-not-status' });
    const closesAt = new Date(created.openProposal.closesAt);

    await app.scheduler.tick(new Date(closesAt.getTime() + DAY));

    // One endorsement and no objection among those who responded: adopted.
    const stored = await app.database.db
      .collection(collections.agreements)
      .findOne({ _id: created.id } as Json);
    expect(stored).toMatchObject({ status: 'active', version: 1 });
  });
});
