import type { Server } from 'restify';
import type { RosterMember } from '../../people/domain/installation';
import type { Recognition } from './domain/recognition';
import type { RecognitionService } from './recognition-service';
import { QUIET_DAYS } from './recognition-service';
import { withTeamMember, type AccessDeps } from '../../platform/http/auth/team-access';
import { parseInput, queryOf } from '../../platform/http/query';
import { encodeCursor, RECOGNITION_ID, recognitionListQuery } from './recognition-schemas';

export interface RecognitionRoutesDeps extends AccessDeps {
  recognitions: RecognitionService;
  rosterSince: (teamId: string, before: Date) => Promise<RosterMember[]>;
}

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
      const quiet = await deps.recognitions.quiet(teamId, (before) =>
        deps.rosterSince(teamId, before),
      );
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
      const q = parseInput(recognitionListQuery, queryOf(req), 'query');
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
    `/api/v1/teams/:teamId/recognitions/:id(${RECOGNITION_ID})`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = String(req.params?.id);
      await deps.recognitions.remove(teamId, id, caller.aadObjectId);
      res.status(204);
      res.end();
    }),
  );
}
