import { isLeadOf } from '../checkins';
import { defineRoute } from '../../platform/http/route';
import type { DeckEntry } from './domain/deck';
import type { Prompt } from './domain/prompts';
import type { IcebreakerService } from './icebreaker-service';
import {
  deckView,
  meetingSettingsBody,
  meetingView,
  newPromptBody,
  PROMPT_ID,
  promptAnswer,
  promptParams,
  weeklyQuestionBody,
  weeklyQuestionView,
} from './icebreaker-schemas';

export interface IcebreakerRoutesDeps {
  icebreakers: IcebreakerService;
}

const route = defineRoute<IcebreakerRoutesDeps>();

const promptOut = (p: Prompt | DeckEntry) => ({
  id: p.id,
  text: p.text,
  category: p.category,
  source: p.source,
  hidden: 'hidden' in p && p.hidden,
});

const meetingAnswer = async (icebreakers: IcebreakerService, teamId: string) => {
  const [settings, current] = await Promise.all([
    icebreakers.meetingSettings(teamId),
    icebreakers.current(teamId),
  ]);
  return { settings, current: current ? promptOut(current) : null };
};

const weeklyAnswer = async (icebreakers: IcebreakerService, teamId: string, caller: string) => {
  const { weekly, leads, timeZone, nextAt } = await icebreakers.weeklyQuestion(teamId);
  return {
    settings: { enabled: weekly.enabled, day: weekly.day, time: weekly.time },
    timeZone,
    nextPostAt: nextAt?.toISOString() ?? null,
    isLead: isLeadOf(leads, caller),
  };
};

const teamPrompt = `/api/v1/teams/:teamId/prompts/:id(${PROMPT_ID})/hidden`;

/** The prompt deck, drawing from it, meeting icebreakers and the question of the week. */
export const icebreakerRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/prompts',
    summary: 'The team’s prompt deck: built-in prompts and its own, hidden ones marked',
    access: 'member',
    responses: { 200: deckView },
    handler: async ({ teamId, caller }, { icebreakers }) => {
      const deck = await icebreakers.deck(teamId);
      return {
        status: 200,
        body: {
          prompts: deck.entries.map(promptOut),
          cycle: deck.cycle,
          drawn: deck.drawn,
          left: deck.left,
          isLead: isLeadOf(deck.leads, caller.aadObjectId),
        },
      };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/prompts',
    summary: 'Add a prompt of the team’s own (who wrote it is not kept)',
    access: 'member',
    body: newPromptBody,
    bodyDescription: 'The question and its category',
    responses: { 201: promptAnswer },
    errors: {
      400: 'INVALID_INPUT: empty, too long or no category',
      409: 'PROMPT_DUPLICATE: already in the deck; PROMPT_DECK_FULL: the team has added as many prompts as a deck holds',
    },
    handler: async ({ teamId, body }, { icebreakers }) => {
      const prompt = await icebreakers.add(teamId, body.text, body.category);
      return { status: 201, body: { prompt: promptOut(prompt) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/prompts/draws',
    summary: 'Draw the next prompt: one the team has not seen this cycle',
    description:
      'A team sees every visible prompt once before any comes again; hidden prompts are never drawn. Draws from several places at once never return the same prompt.',
    access: 'member',
    responses: { 201: promptAnswer },
    errors: { 409: 'PROMPT_DECK_EMPTY: every prompt is hidden' },
    handler: async ({ teamId }, { icebreakers }) => ({
      status: 201,
      body: { prompt: promptOut(await icebreakers.draw(teamId)) },
    }),
  }),
  route({
    method: 'POST',
    path: teamPrompt,
    operationId: 'hidePrompt',
    summary: 'Hide a prompt for the whole team (any member, in one click)',
    access: 'member',
    params: promptParams,
    responses: { 200: promptAnswer },
    errors: { 404: 'PROMPT_NOT_FOUND; or NOT_FOUND: the id is not a prompt id' },
    handler: async ({ teamId, params }, { icebreakers }) => ({
      status: 200,
      body: { prompt: promptOut(await icebreakers.hide(teamId, params.id)) },
    }),
  }),
  route({
    method: 'DELETE',
    path: teamPrompt,
    operationId: 'restorePrompt',
    summary: 'Restore a hidden prompt (leads only)',
    access: 'member',
    params: promptParams,
    responses: { 200: promptAnswer },
    errors: {
      403: 'NOT_A_LEAD',
      404: 'PROMPT_NOT_FOUND; or NOT_FOUND: the id is not a prompt id',
    },
    handler: async ({ teamId, caller, params }, { icebreakers }) => ({
      status: 200,
      body: {
        prompt: promptOut(await icebreakers.restore(teamId, caller.aadObjectId, params.id)),
      },
    }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/icebreakers/meeting',
    summary: 'Icebreakers in this meeting chat: the on/off switch and the current prompt',
    description:
      'The teamId is the meeting chat’s conversation id (a channel meeting: the team’s id, whose switch its channel meetings share). The meeting side panel reads it; "Another one" there is a draw.',
    access: 'member',
    responses: { 200: meetingView },
    handler: async ({ teamId }, { icebreakers }) => ({
      status: 200,
      body: await meetingAnswer(icebreakers, teamId),
    }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/icebreakers/meeting',
    summary: 'Switch the prompt at the start of this chat’s meetings on or off',
    access: 'member',
    body: meetingSettingsBody,
    bodyDescription: 'On or off, and whether only recurring meetings get one',
    responses: { 200: meetingView },
    errors: { 400: 'INVALID_INPUT' },
    handler: async ({ teamId, body }, { icebreakers }) => {
      await icebreakers.setMeetingSettings(teamId, body);
      return { status: 200, body: await meetingAnswer(icebreakers, teamId) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/icebreakers/weekly-question',
    summary: 'The question of the week: when it is posted',
    access: 'member',
    responses: { 200: weeklyQuestionView },
    handler: async ({ teamId, caller }, { icebreakers }) => ({
      status: 200,
      body: await weeklyAnswer(icebreakers, teamId, caller.aadObjectId),
    }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/icebreakers/weekly-question',
    summary: 'Schedule the question of the week (leads only)',
    description:
      'Posted as a card whose replies collect the answers, on a day and local time in the team’s time zone, in the channel where a lead last said "@Rapport question of the week", else where Rapport was installed.',
    access: 'member',
    body: weeklyQuestionBody,
    bodyDescription: 'On or off, the day and the local time',
    responses: { 200: weeklyQuestionView },
    errors: { 400: 'INVALID_INPUT', 403: 'NOT_A_LEAD' },
    handler: async ({ teamId, caller, body }, { icebreakers }) => {
      await icebreakers.setWeeklyQuestion(teamId, caller.aadObjectId, body);
      return { status: 200, body: await weeklyAnswer(icebreakers, teamId, caller.aadObjectId) };
    },
  }),
];
