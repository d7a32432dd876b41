import { collections } from '../../../support/schema';
import { expectValidCard } from '../../../support/adaptive-card-check';
import type { PostedActivity } from '../../../support/connector-stub';
import type { Json } from '../../../support/http';
import { newMembers } from '../../../support/team-harness';
import { useTestApp } from '../../../support/use-test-app';
import {
  recognitionMessage,
  type TeamContext,
  teamCardAction,
} from '../../../fixtures/teams-activities';

/**
 * The form the chat command posts when it cannot complete a recognition is its sender's draft:
 * only they fill it in and send it, and it posts once however often it is sent.
 */
describe('a recognition draft posted in a channel (over /api/messages)', () => {
  const app = useTestApp('recognitiondraft');
  const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');

  // Typed loosely, as Teams' JSON is read: each card is checked by the parser where it matters.
  const cardOf = (post: PostedActivity) => (post.body.attachments as Json[])[0].content;
  const postsIn = (team: TeamContext) =>
    app.connector.posted.filter(
      (p) => p.conversationId === team.channelId && (p.body.attachments as Json[] | undefined),
    );
  const stored = (teamId: string) =>
    app.database.db.collection(collections.recognitions).find({ teamId }).toArray();
  const inputsOf = (card: Json): Json[] =>
    card.body.filter((e: Json) => String(e.type).startsWith('Input.'));

  /** Ana asks for a recognition the command cannot complete (no trait): the bot posts her draft. */
  const draftPosted = async () => {
    const team = await app.install([ana, bo, chen]);
    await app.send(recognitionMessage(team, ana, bo, 'great job on the release'));
    const [post] = postsIn(team);
    // The connector stub numbers what it is sent: this is the id Teams would give the message.
    const messageId = `stub-activity-${app.connector.posted.indexOf(post) + 1}`;
    return { team, card: cardOf(post), messageId };
  };

  /** A card action from someone in the channel, on the posted draft message. */
  const cardAction = (
    team: TeamContext,
    from: typeof ana,
    messageId: string,
    verb: string,
    data: Json,
  ) =>
    app.send({
      ...teamCardAction(team, from, verb, data),
      replyToId: messageId,
    });

  it('shows everyone a draft without inputs, which refreshes into a form for its author alone', async () => {
    const { card } = await draftPosted();

    expectValidCard(card);
    expect(inputsOf(card)).toEqual([]);
    expect(card.body.map((e: Json) => e.text).join(' ')).toContain(
      'Only Ana can finish and send it',
    );
    expect(card.actions.map((a: Json) => a.verb)).toEqual(['recognize.draft']);
    expect(card.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'recognize.draft' },
      userIds: [ana.id],
    });
  });

  it('gives its author the form, pre-filled, with what the command could not read', async () => {
    const { team, card, messageId } = await draftPosted();

    const res = await cardAction(team, ana, messageId, 'recognize.draft', card.refresh.action.data);

    const form = res.value;
    expectValidCard(form);
    expect(form.body[0]).toMatchObject({
      color: 'Attention',
      text: expect.stringMatching(/^Choose one of the traits/),
    });
    expect(inputsOf(form).find((i) => i.id === 'people')?.value).toBe(bo.aadObjectId);
    expect(inputsOf(form).find((i) => i.id === 'message')?.value).toBe('great job on the release');
    expect(form.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'recognize' }),
    ]);
  });

  it('tells anyone else whose draft it is, with no form to fill in', async () => {
    const { team, card, messageId } = await draftPosted();

    const res = await cardAction(team, bo, messageId, 'recognize.draft', card.actions[0].data);

    expectValidCard(res.value);
    expect(inputsOf(res.value)).toEqual([]);
    expect(res.value.actions ?? []).toEqual([]);
    expect(res.value.body[0].text).toBe(
      'This recognition is Ana’s draft: only they can finish and send it.',
    );
  });

  it('refuses its Recognize from anyone but its author, and posts nothing', async () => {
    const { team, card, messageId } = await draftPosted();
    const form = (
      await cardAction(team, ana, messageId, 'recognize.draft', card.refresh.action.data)
    ).value;
    const before = app.connector.posted.length;

    // Bo sends Ana's form as if it were his, filled in for Chen.
    const res = await cardAction(team, bo, messageId, 'recognize', {
      ...form.actions[0].data,
      people: chen.aadObjectId,
      tag: 'impact',
      message: 'Posted under my name',
    });

    expect(res.value.body[0].text).toMatch(/^This recognition is Ana’s draft/);
    expect(app.connector.posted.slice(before)).toEqual([]);
    expect(await stored(team.teamId)).toEqual([]);
  });

  it('posts once however often its author presses Recognize, and closes the draft for everyone', async () => {
    const { team, card, messageId } = await draftPosted();
    const form = (
      await cardAction(team, ana, messageId, 'recognize.draft', card.refresh.action.data)
    ).value;
    const filled = {
      ...form.actions[0].data,
      people: bo.aadObjectId,
      tag: 'dependability',
      message: 'great job on the release',
    };

    const first = await cardAction(team, ana, messageId, 'recognize', filled);
    const second = await cardAction(team, ana, messageId, 'recognize', filled);

    for (const res of [first, second]) {
      expectValidCard(res.value);
      expect(res.value.body[0].text).toBe('Thanks for recognizing Bo.');
    }
    const recognitions = postsIn(team).filter((p) =>
      JSON.stringify(cardOf(p)).includes('<at>Bo</at>'),
    );
    expect(recognitions).toHaveLength(1);
    expect(await stored(team.teamId)).toEqual([
      expect.objectContaining({
        tagKey: 'dependability',
        sender: expect.objectContaining({ aadObjectId: ana.aadObjectId }),
      }),
    ]);
    const closed = app.connector.updated.filter((u) => u.activityId === messageId);
    expect(closed).toHaveLength(1);
    const closedCard = (closed[0].body.attachments as Json[])[0].content;
    expectValidCard(closedCard);
    expect(closedCard.body[0].text).toBe('✅ Ana recognized Bo.');
    expect(closedCard.refresh).toBeUndefined();
    expect(closedCard.actions).toBeUndefined();
  });

  it('refuses a form posted before drafts had an author, since nobody can tell whose it is', async () => {
    const { team, messageId } = await draftPosted();

    const res = await cardAction(team, bo, messageId, 'recognize', {
      people: chen.aadObjectId,
      tag: 'impact',
      message: 'From an old card',
    });

    expectValidCard(res.value);
    expect(res.value.body[0].text).toMatch(/from an older version of Rapport/);
    expect(await stored(team.teamId)).toEqual([]);
  });
});
