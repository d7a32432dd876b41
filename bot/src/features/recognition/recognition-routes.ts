import { z } from 'zod';
import type { InstallationRepository } from '../../people/domain/installation';
import type { Recognition } from './domain/recognition';
import type { RecognitionService } from './recognition-service';
import { QUIET_DAYS } from './recognition-service';
import { defineRoute } from '../../platform/http/route';
import {
  encodeCursor,
  quietMembersView,
  RECOGNITION_ID,
  recognitionListQuery,
  recognitionPageView,
} from './recognition-schemas';

export interface RecognitionRoutesDeps {
  recognitions: RecognitionService;
  installations: Pick<InstallationRepository, 'rosterSince'>;
}

const route = defineRoute<RecognitionRoutesDeps>();

const view = (r: Recognition) => ({
  id: r.id,
  sender: { aadObjectId: r.sender.aadObjectId, name: r.sender.name },
  recipients: r.recipients.map((p) => ({ aadObjectId: p.aadObjectId, name: p.name })),
  tag: r.tag,
  message: r.message,
  agreement: r.agreement ? { id: r.agreement.id, title: r.agreement.title } : null,
  week: r.week,
  createdAt: r.createdAt.toISOString(),
});

/** The recognition wall, deleting what you gave, and the "quiet lately" list. */
export const recognitionRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/recognitions/quiet',
    summary: 'Members nobody recognized in the last 30 days, in roster order, with no counts',
    access: 'member',
    responses: { 200: quietMembersView },
    handler: async ({ teamId }, { recognitions, installations }) => {
      const quiet = await recognitions.quiet(teamId, (before) =>
        installations.rosterSince(teamId, before),
      );
      // A plain list in roster order: no counts and no ranking, so it never reads as a score.
      return {
        status: 200,
        body: {
          days: QUIET_DAYS,
          members: quiet.map((p) => ({ aadObjectId: p.aadObjectId, name: p.name })),
        },
      };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/recognitions',
    summary: 'The recognition wall: newest first, filtered by trait or recipient, paged',
    access: 'member',
    query: recognitionListQuery,
    responses: { 200: recognitionPageView },
    errors: { 400: 'INVALID_INPUT: the message names each bad query field' },
    links: {
      200: {
        deleteRecognition: {
          operationId: 'deleteRecognition',
          parameters: { id: '$response.body#/items/0/id' },
        },
      },
    },
    handler: async ({ teamId, query }, { recognitions }) => {
      const items = await recognitions.list(teamId, {
        tag: query.tag,
        recipient: query.recipient,
        before: query.cursor,
        limit: query.limit + 1,
      });
      const page = items.slice(0, query.limit);
      return {
        status: 200,
        body: {
          items: page.map(view),
          nextCursor: items.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
        },
      };
    },
  }),
  // Only ids match, so "quiet" beside it stays a GET-only path (405 for DELETE, as documented).
  route({
    method: 'DELETE',
    path: `/api/v1/teams/:teamId/recognitions/:id(${RECOGNITION_ID})`,
    operationId: 'deleteRecognition',
    summary: 'Delete a recognition you gave (its count leaves the weekly totals too)',
    access: 'member',
    params: z.object({ id: z.string().regex(new RegExp(RECOGNITION_ID)) }),
    responses: { 204: null },
    errors: {
      403: 'RECOGNITION_NOT_YOURS: only the giver can delete it',
      404: 'RECOGNITION_NOT_FOUND; or NOT_FOUND: the id is not a recognition id',
    },
    handler: async ({ teamId, caller, params }, { recognitions }) => {
      await recognitions.remove(teamId, params.id, caller.aadObjectId);
      return { status: 204 };
    },
  }),
];
