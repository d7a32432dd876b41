import type { Server } from 'restify';
import { isLeadOf, type CheckinService } from './checkin-service';
import type { Round, SettingsProposal } from './domain/checkin-ports';
import { withTeamMember, type AccessDeps } from '../../platform/http/auth/team-access';
import {
  feedbackQuery,
  proposalId,
  roundId,
  settingsBody,
  voteBody,
  weeksQuery,
} from './checkin-schemas';
import { parseInput, queryOf } from '../../platform/http/query';

/** The settings as a member sees them, and whether that member may edit them. */
const settingsView = (config: Awaited<ReturnType<CheckinService['settings']>>, caller: string) => ({
  settings: config.settings,
  leads: config.leads,
  isLead: isLeadOf(config.leads, caller),
  nextRoundAt: config.nextRoundAt?.toISOString() ?? null,
  // While a round is open only its participation is shown: its numbers wait for the close.
  openRound: config.openRound && {
    id: config.openRound.id,
    closesAt: config.openRound.closesAt.toISOString(),
    invited: config.openRound.invited,
    answered: config.openRound.participation,
  },
});

const roundView = (round: Round) => ({
  id: round.id,
  week: round.week,
  opensAt: round.opensAt.toISOString(),
  closesAt: round.closesAt.toISOString(),
  invited: round.invited,
  status: round.status,
});

/** Votes are the team's business, but who voted which way is not shown: only the tally. */
const proposalView = (p: SettingsProposal, caller: string) => ({
  id: p.id,
  change: p.change,
  createdAt: p.createdAt.toISOString(),
  closesAt: p.closesAt.toISOString(),
  status: p.status,
  approvals: p.approvals.length,
  rejections: p.rejections.length,
  myVote: p.approvals.includes(caller)
    ? 'approve'
    : p.rejections.includes(caller)
      ? 'reject'
      : null,
  rule: 'Takes effect when a majority of the members who vote within 7 days approve.',
});

/** Trust health, anonymous feedback, check-in settings, proposals and "run a round now". */
export function registerCheckinRoutes(
  server: Server,
  deps: AccessDeps & { checkins: CheckinService },
): void {
  server.get(
    '/api/v1/teams/:teamId/trust-health',
    withTeamMember(deps, async (req, res, { teamId }) => {
      const { weeks } = parseInput(weeksQuery, queryOf(req), 'query');
      res.json(await deps.checkins.trustHealth(teamId, weeks));
    }),
  );

  server.get(
    '/api/v1/teams/:teamId/feedback',
    withTeamMember(deps, async (req, res, { teamId }) => {
      const { rounds } = parseInput(feedbackQuery, queryOf(req), 'query');
      res.json({ weeks: await deps.checkins.feedback(teamId, rounds) });
    }),
  );

  server.get(
    '/api/v1/teams/:teamId/checkin/settings',
    withTeamMember(deps, async (_req, res, { teamId, caller }) => {
      res.json(settingsView(await deps.checkins.settings(teamId), caller.aadObjectId));
    }),
  );

  server.put(
    '/api/v1/teams/:teamId/checkin/settings',
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const body = parseInput(settingsBody, req.body, 'body');
      const config = await deps.checkins.updateSettings(
        teamId,
        caller.aadObjectId,
        body.settings,
        body.leads,
      );
      res.json(settingsView(config, caller.aadObjectId));
    }),
  );

  server.get(
    '/api/v1/teams/:teamId/checkin/proposals',
    withTeamMember(deps, async (_req, res, { teamId, caller }) => {
      const proposals = await deps.checkins.proposals(teamId);
      res.json({ items: proposals.map((p) => proposalView(p, caller.aadObjectId)) });
    }),
  );

  server.post(
    '/api/v1/teams/:teamId/checkin/proposals',
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const proposal = await deps.checkins.propose(teamId, caller.aadObjectId, req.body);
      res.status(201);
      res.json(proposalView(proposal, caller.aadObjectId));
    }),
  );

  server.post(
    '/api/v1/teams/:teamId/checkin/proposals/:proposalId/votes',
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const { approve } = parseInput(voteBody, req.body, 'body');
      const id = parseInput(proposalId, req.params?.proposalId, 'proposalId');
      const proposal = await deps.checkins.vote(teamId, id, caller.aadObjectId, approve);
      res.json(proposalView(proposal, caller.aadObjectId));
    }),
  );

  server.post(
    '/api/v1/teams/:teamId/checkin/rounds',
    withTeamMember(deps, async (_req, res, { teamId, caller }) => {
      const { round, started } = await deps.checkins.runNow(teamId, caller.aadObjectId);
      // 200 with the round already open: nothing new was started or sent.
      res.status(started ? 201 : 200);
      res.json(roundView(round));
    }),
  );

  server.post(
    '/api/v1/teams/:teamId/checkin/rounds/:roundId/close',
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = parseInput(roundId, req.params?.roundId, 'roundId');
      res.json(roundView(await deps.checkins.closeEarly(teamId, id, caller.aadObjectId)));
    }),
  );
}
