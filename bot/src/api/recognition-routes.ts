import type { Server } from 'restify';
import { z } from 'zod';
import type { RosterMember } from '../domain/installation';
import type { Recognition } from '../domain/recognition';
import type { RecognitionService } from '../domain/recognition-service';
import { QUIET_DAYS } from '../domain/recognition-service';
import { withTeamMember, type AccessDeps } from './auth/team-access';
import { parseInput, queryOf } from './query';

export interface RecognitionRoutesDeps extends AccessDeps {
  recognitions: RecognitionService;
  roster: (teamId: string) => Promise<RosterMember[]>;
}

const cursor = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const [at, id] = Buffer.from(value, 'base64url').toString().split('|');
    const createdAt = new Date(at ?? '');
    if (!id || Number.isNaN(createdAt.getTime())) {
      ctx.addIssue({
        code: 'custom',
        message: 'is not a cursor this API returned; start without one',
      });
      return z.NEVER;
    }
    return { createdAt, id };
  });

const listQuery = z.object({
  tag: z
    .string()
    .regex(/^(value:)?[a-z0-9-]{1,60}$/, 'must be a trait id (e.g. dependability) or value:<id>')
    .optional(),
  recipient: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1, 'must be 1–100').max(100, 'must be 1–100').default(20),
  cursor: cursor.optional(),
});

const encodeCursor = (r: Recognition) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');

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
export function registerRecognitionRoutes(server: Server, deps: RecognitionRoutesDeps): void {
  server.get(
    '/api/v1/teams/:teamId/recognitions/quiet',
    withTeamMember(deps, async (_req, res, { teamId }) => {
      const quiet = await deps.recognitions.quiet(teamId, await deps.roster(teamId));
      // A plain list in roster order: no counts and no ranking, so it never reads as a score.
      res.json({
        days: QUIET_DAYS,
        members: quiet.map((p) => ({ aadObjectId: p.aadObjectId, name: p.name })),
      });
    }),
  );

  server.get(
    '/api/v1/teams/:teamId/recognitions',
    withTeamMember(deps, async (req, res, { teamId }) => {
      const q = parseInput(listQuery, queryOf(req), 'query');
      const items = await deps.recognitions.list(teamId, {
        tag: q.tag,
        recipient: q.recipient,
        before: q.cursor,
        limit: q.limit + 1,
      });
      const page = items.slice(0, q.limit);
      res.json({
        items: page.map(view),
        nextCursor: items.length > q.limit ? encodeCursor(page[page.length - 1]) : null,
      });
    }),
  );

  // Only ids match, so "quiet" beside it stays a GET-only path (405 for DELETE, as documented).
  server.del(
    '/api/v1/teams/:teamId/recognitions/:id(^[0-9a-f]{24}$)',
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = String(req.params?.id);
      await deps.recognitions.remove(teamId, id, caller.aadObjectId);
      res.status(204);
      res.end();
    }),
  );
}
