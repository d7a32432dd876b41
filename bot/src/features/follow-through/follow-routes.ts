import { z } from 'zod';
import { feedbackQuery, roundIdParam } from '../checkins';
import { defineRoute } from '../../platform/http/route';
import type { Caller } from '../../platform/http/auth/token-validator';
import type { FollowService } from './follow-service';
import {
  actionChangeBody,
  actionId,
  actionsQuery,
  actionsView,
  actionView,
  agreementFromActionView,
  commentId,
  feedbackView,
  heardView,
  newActionBody,
  noteBody,
  replyBody,
  replyView,
  summaryView,
  themesBody,
  themesView,
} from './follow-schemas';
import { actionAnswer, feedbackAnswer, replyAnswer, summaryAnswer } from './follow-views';

export interface FollowRoutesDeps {
  follow: FollowService;
}

const route = defineRoute<FollowRoutesDeps>();
const BASE = '/api/v1/teams/:teamId';
const INVALID = 'INVALID_INPUT: the message names each bad field';
const me = (caller: Caller) => ({
  tenantId: caller.tenantId,
  aadObjectId: caller.aadObjectId,
  name: caller.name,
});
const ROUND_STATE =
  'FOLLOW_ROUND_OPEN: the round has not closed; FOLLOW_BELOW_MINIMUM: too few answered, so its comments are hidden';

/** Answering feedback in the open, themes, actions, and each round's "you said, we did". */
export const followRoutes = [
  route({
    method: 'GET',
    path: `${BASE}/feedback`,
    summary:
      'Comments of closed rounds that met the minimum group size, by week, without author or time, with their replies, heard and theme',
    access: 'member',
    query: feedbackQuery,
    responses: { 200: feedbackView },
    errors: { 400: INVALID },
    handler: async ({ teamId, caller, query }, { follow }) => ({
      status: 200,
      body: feedbackAnswer(await follow.feedback(teamId, query.rounds), caller.aadObjectId),
    }),
  }),
  route({
    method: 'POST',
    path: `${BASE}/feedback/:commentId/replies`,
    summary: 'Reply to a comment in the open: the reply is signed and visible to the team',
    access: 'member',
    params: z.object({ commentId }),
    body: replyBody,
    bodyDescription: 'The reply, 1–1,000 characters of plain text',
    responses: { 201: replyView },
    errors: {
      400: INVALID,
      404: 'FOLLOW_COMMENT_NOT_FOUND, FOLLOW_ROUND_NOT_FOUND',
      409: ROUND_STATE,
    },
    handler: async ({ teamId, caller, params, body }, { follow }) => ({
      status: 201,
      body: replyAnswer(
        await follow.reply(teamId, params.commentId, me(caller), body.text),
        caller.aadObjectId,
      ),
    }),
  }),
  route({
    method: 'POST',
    path: `${BASE}/feedback/:commentId/heard`,
    summary: 'Mark a comment heard (leads only); marking it again changes nothing',
    access: 'member',
    params: z.object({ commentId }),
    responses: { 200: heardView },
    errors: {
      400: INVALID,
      403: 'NOT_A_LEAD',
      404: 'FOLLOW_COMMENT_NOT_FOUND, FOLLOW_ROUND_NOT_FOUND',
      409: ROUND_STATE,
    },
    handler: async ({ teamId, caller, params }, { follow }) => {
      await follow.markHeard(teamId, params.commentId, caller.aadObjectId);
      return { status: 200, body: { id: params.commentId, heard: true as const } };
    },
  }),
  route({
    method: 'PUT',
    path: `${BASE}/rounds/:roundId/themes`,
    summary:
      'Group a closed round’s comments into a few named themes (replaces the round’s themes)',
    access: 'member',
    params: z.object({ roundId: roundIdParam }),
    body: themesBody,
    bodyDescription: 'The themes, each with the ids of its comments',
    responses: { 200: themesView },
    errors: {
      400: INVALID,
      404: 'FOLLOW_ROUND_NOT_FOUND',
      409: `${ROUND_STATE}; FOLLOW_UNKNOWN_COMMENT: an id is not a comment of this round`,
    },
    handler: async ({ teamId, params, body }, { follow }) => ({
      status: 200,
      body: {
        roundId: params.roundId,
        themes: await follow.setThemes(teamId, params.roundId, body.themes),
      },
    }),
  }),
  route({
    method: 'GET',
    path: `${BASE}/actions`,
    summary: 'The team’s actions, with the team-level measures of its follow-through',
    access: 'member',
    query: actionsQuery,
    responses: { 200: actionsView },
    errors: { 400: INVALID },
    handler: async ({ teamId, caller, query }, { follow }) => {
      const [items, measures] = await Promise.all([
        follow.actions(teamId, query.status),
        follow.measures(teamId),
      ]);
      return {
        status: 200,
        body: {
          items: items
            .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
            .map((a) => actionAnswer(a, caller.aadObjectId)),
          measures,
        },
      };
    },
  }),
  route({
    method: 'POST',
    path: `${BASE}/actions`,
    operationId: 'createAction',
    summary:
      'Turn comments, a theme or a low trait into an action; it starts planned, with no owner',
    access: 'member',
    body: newActionBody,
    bodyDescription: 'The action: what, why, the comments or trait it answers, and when',
    responses: { 201: actionView },
    errors: {
      400: INVALID,
      409: 'FOLLOW_UNKNOWN_COMMENT: an id is not a readable comment; FOLLOW_INVALID_DATE: the due date has passed',
    },
    links: {
      201: {
        changeAction: {
          operationId: 'changeAction',
          parameters: { actionId: '$response.body#/id' },
        },
      },
    },
    handler: async ({ teamId, caller, body }, { follow }) => ({
      status: 201,
      body: actionAnswer(await follow.createAction(teamId, body), caller.aadObjectId),
    }),
  }),
  route({
    method: 'PATCH',
    path: `${BASE}/actions/:actionId`,
    operationId: 'changeAction',
    summary:
      'Move an action on (planned → in-progress → done, or dropped with a reason) and volunteer as its owner (only yourself)',
    access: 'member',
    params: z.object({ actionId }),
    body: actionChangeBody,
    bodyDescription: 'The status (the current one to change only the owner), and the owner',
    responses: { 200: actionView },
    errors: {
      400: INVALID,
      404: 'FOLLOW_ACTION_NOT_FOUND',
      409: 'FOLLOW_NOT_YOURSELF: an owner volunteers themselves; FOLLOW_STATUS: not a forward move; FOLLOW_REASON_NEEDED: dropping needs a reason',
    },
    handler: async ({ teamId, caller, params, body }, { follow }) => ({
      status: 200,
      body: actionAnswer(
        await follow.changeAction(teamId, params.actionId, me(caller), body),
        caller.aadObjectId,
      ),
    }),
  }),
  route({
    method: 'POST',
    path: `${BASE}/actions/:actionId/agreement`,
    summary: 'Propose the action as a working agreement: the team decides it like any proposal',
    access: 'member',
    params: z.object({ actionId }),
    responses: { 201: agreementFromActionView },
    errors: {
      400: INVALID,
      404: 'FOLLOW_ACTION_NOT_FOUND',
      409: 'FOLLOW_ALREADY_PROPOSED; AGREEMENT_PROPOSAL_OPEN',
    },
    handler: async ({ teamId, caller, params }, { follow }) => {
      const { action } = await follow.toAgreement(teamId, params.actionId, me(caller));
      return {
        status: 201,
        body: {
          action: actionAnswer(action, caller.aadObjectId),
          agreementId: action.agreementId ?? '',
        },
      };
    },
  }),
  route({
    method: 'GET',
    path: `${BASE}/rounds/:roundId/summary`,
    summary: 'A closed round’s results as the results card shows them (“you said, we did”)',
    access: 'member',
    params: z.object({ roundId: roundIdParam }),
    responses: { 200: summaryView },
    errors: { 400: INVALID, 404: 'FOLLOW_ROUND_NOT_FOUND', 409: 'FOLLOW_ROUND_OPEN' },
    handler: async ({ teamId, params }, { follow }) => ({
      status: 200,
      body: summaryAnswer(await follow.summary(teamId, params.roundId)),
    }),
  }),
  route({
    method: 'POST',
    path: `${BASE}/rounds/:roundId/summary/note`,
    summary: 'Add a lead’s short note to the results (leads only); the card then goes out at once',
    access: 'member',
    params: z.object({ roundId: roundIdParam }),
    body: noteBody,
    bodyDescription: 'The note, 1–500 characters',
    responses: { 200: summaryView },
    errors: {
      400: INVALID,
      403: 'NOT_A_LEAD',
      404: 'FOLLOW_ROUND_NOT_FOUND',
      409: 'FOLLOW_ROUND_OPEN; FOLLOW_BELOW_MINIMUM: no card goes out; FOLLOW_RESULTS_POSTED: the card went out',
    },
    handler: async ({ teamId, caller, params, body }, { follow }) => ({
      status: 200,
      body: summaryAnswer(
        await follow.addNote(teamId, params.roundId, caller.aadObjectId, body.text),
      ),
    }),
  }),
];
