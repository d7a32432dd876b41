import type { RosterMember } from '../../people/domain/installation';
import { defineRoute } from '../../platform/http/route';
import type { CircleSeen, TalkSeen } from './domain/interests';
import { circleChatLink, talkMeetingLink } from './interests-links';
import {
  interestsView,
  introductionView,
  myTagsBody,
  newTalkBody,
  tagParams,
  talkParams,
  talkView,
} from './interests-schemas';
import type { InterestsService } from './interests-service';
import type { Translate } from '../../platform/i18n/messages';

/** The API knows no reader's language (the tab sends none): links it offers use the source's. */

export interface InterestsRoutesDeps {
  interests: InterestsService;
}

const route = defineRoute<InterestsRoutesDeps>();

const person = (m: RosterMember) => ({ aadObjectId: m.aadObjectId, name: m.name });

const circleAnswer = ({ circle, members, mine }: CircleSeen) => ({
  tag: circle.key,
  label: circle.label,
  count: members.length,
  members: members.map(person),
  mine,
});

/** A talk as a member sees it; its meeting link's subject is in the language they asked in. */
const talkAnswer = (seen: TalkSeen, t: Translate) => ({
  id: seen.talk.id,
  tag: seen.talk.circle,
  circle: seen.talk.circleLabel,
  title: seen.talk.title,
  summary: seen.talk.summary,
  proposer: seen.proposer ? person(seen.proposer) : null,
  proposedAt: seen.talk.proposedAt.toISOString(),
  wanted: seen.audience.length,
  needed: seen.needed,
  iWouldCome: seen.iWouldCome,
  mine: seen.mine,
  invitedAt: seen.talk.invitedAt?.toISOString() ?? null,
  // Who would come is the proposer's to see, through this link and their card.
  meetingLink:
    seen.mine && seen.talk.invitedAt ? talkMeetingLink(seen.talk, seen.audience, t) : null,
});

const viewAnswer = (view: Awaited<ReturnType<InterestsService['view']>>, t: Translate) => ({
  circles: view.circles.map(circleAnswer),
  talks: view.talks.map((talk) => talkAnswer(talk, t)),
});

/** The answer's largest circle: the likeliest to let "Introduce me" and a talk go through. */
const CIRCLE = '$response.body#/circles/0/tag';

const INVALID = 'INVALID_INPUT: the message says what to fix (empty, too long, too many, the same)';

/** Interest circles: the team's circles and talks, a member's own tags, introductions and talks. */
export const interestsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/interests',
    summary: 'The team’s interest circles (who is in each) and the lightning talks on offer',
    access: 'member',
    responses: { 200: interestsView },
    handler: async ({ teamId, caller, t }, { interests }) => ({
      status: 200,
      body: viewAnswer(await interests.view(teamId, caller.aadObjectId), t),
    }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/interests/me',
    summary: 'Set your interests: join the circles of the ones you add, leave the others',
    description:
      'Opt-in: nothing is kept about you until you add an interest, and [] removes you from every circle.',
    access: 'member',
    body: myTagsBody,
    responses: { 200: interestsView },
    errors: { 400: INVALID },
    links: {
      200: {
        introduceMe: { operationId: 'introduceMe', parameters: { tag: CIRCLE } },
        offerTalk: { operationId: 'offerTalk', parameters: { tag: CIRCLE } },
      },
    },
    handler: async ({ teamId, caller, body, t }, { interests }) => {
      await interests.setTags(teamId, caller, body.tags);
      return { status: 200, body: viewAnswer(await interests.view(teamId, caller.aadObjectId), t) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/interests/:tag/introductions',
    operationId: 'introduceMe',
    summary:
      'Introduce me: a private card listing the circle’s other members, with a group chat link',
    description:
      'One card per circle as it stands: asking again before anyone joins or leaves sends nothing new.',
    access: 'member',
    params: tagParams,
    responses: { 201: introductionView },
    errors: {
      400: INVALID,
      404: 'INTERESTS_NO_CIRCLE',
      409: 'INTERESTS_NOT_IN_CIRCLE; INTERESTS_ALONE: nobody else is in the circle',
    },
    handler: async ({ teamId, caller, params, t }, { interests }) => {
      const { circle, others } = await interests.introduce(teamId, caller.aadObjectId, params.tag);
      return {
        status: 201,
        body: { others: others.map(person), chatLink: circleChatLink(circle, others, t) },
      };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/interests/:tag/talks',
    operationId: 'offerTalk',
    summary: 'Offer your circle a 10-minute lightning talk',
    description:
      'When 3 people (or half a circle of fewer than 6) say “I’d come”, you get a card with a meeting link inviting them. Talks are listed for 30 days.',
    access: 'member',
    params: tagParams,
    body: newTalkBody,
    responses: { 201: talkView },
    links: {
      201: { wantTalk: { operationId: 'wantTalk', parameters: { id: '$response.body#/id' } } },
    },
    errors: {
      400: INVALID,
      404: 'INTERESTS_NO_CIRCLE',
      409: 'INTERESTS_NOT_IN_CIRCLE; INTERESTS_TOO_MANY_TALKS: the circle has 5 talks on offer',
    },
    handler: async ({ teamId, caller, params, body, t }, { interests }) => ({
      status: 201,
      body: talkAnswer(await interests.proposeTalk(teamId, caller, params.tag, body), t),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/talks/:id/interest',
    operationId: 'wantTalk',
    summary: '“I’d come” to a lightning talk',
    description: 'Saying it again changes nothing. Any member of the team may come.',
    access: 'member',
    params: talkParams,
    responses: { 200: talkView },
    errors: {
      400: INVALID,
      404: 'INTERESTS_TALK_NOT_FOUND',
      409: 'INTERESTS_OWN_TALK: you are giving it',
    },
    handler: async ({ teamId, caller, params, t }, { interests }) => ({
      status: 200,
      body: talkAnswer(await interests.wantTalk(teamId, caller, params.id), t),
    }),
  }),
];
