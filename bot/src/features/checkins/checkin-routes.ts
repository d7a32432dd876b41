import { z } from 'zod';
import { isLeadOf, type CheckinService } from './checkin-service';
import { settingsChangeSchema } from './domain/checkin';
import type { Round, SettingsProposal } from './domain/checkin-ports';
import { defineRoute, type Errors } from '../../platform/http/route';
import {
  checkinConfigView,
  proposalId,
  roundId,
  roundView,
  settingsBody,
  settingsBodyDocument,
  settingsProposalsView,
  settingsProposalView,
  trustHealthView,
  voteBody,
  weeksQuery,
} from './checkin-schemas';

export interface CheckinRoutesDeps {
  checkins: CheckinService;
}

const route = defineRoute<CheckinRoutesDeps>();

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

const roundAnswer = (round: Round) => ({
  id: round.id,
  week: round.week,
  opensAt: round.opensAt.toISOString(),
  closesAt: round.closesAt.toISOString(),
  invited: round.invited,
  status: round.status,
});

/** Votes are the team's business, but who voted which way is not shown: only the tally. */
const proposalAnswer = (p: SettingsProposal, caller: string) => ({
  id: p.id,
  change: p.change,
  createdAt: p.createdAt.toISOString(),
  closesAt: p.closesAt.toISOString(),
  status: p.status,
  approvals: p.approvals.length,
  rejections: p.rejections.length,
  myVote: p.approvals.includes(caller)
    ? ('approve' as const)
    : p.rejections.includes(caller)
      ? ('reject' as const)
      : null,
  rule: 'Takes effect when a majority of the members who vote within 7 days approve.',
});

const INVALID = 'INVALID_INPUT or INVALID_SETTINGS: the message names each bad field';
const leadsOnly: Errors = { 403: 'NOT_A_LEAD' };

/** Trust health, check-in settings, proposals and "run a round now". */
export const checkinRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/trust-health',
    summary: 'Anonymous weekly trust health: averages per trait, participation, recognition counts',
    access: 'member',
    query: weeksQuery,
    responses: { 200: trustHealthView },
    errors: { 400: INVALID },
    handler: async ({ teamId, query }, { checkins }) => ({
      status: 200,
      body: await checkins.trustHealth(teamId, query.weeks),
    }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/checkin/settings',
    summary: 'Check-in settings, leads and the next opening',
    access: 'member',
    responses: { 200: checkinConfigView },
    handler: async ({ teamId, caller }, { checkins }) => ({
      status: 200,
      body: settingsView(await checkins.settings(teamId), caller.aadObjectId),
    }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/checkin/settings',
    summary: 'Change the settings (leads only); a team without leads makes its first editor a lead',
    access: 'member',
    // The service checks the settings themselves, refusing with INVALID_SETTINGS.
    body: { documents: settingsBodyDocument, parsesWith: settingsBody },
    bodyDescription: 'New settings, and optionally the leads',
    responses: { 200: checkinConfigView },
    errors: {
      400: INVALID,
      403: 'NOT_A_LEAD: propose the change instead',
      409: 'LEAD_NOT_A_MEMBER: a named lead is not in the team’s roster',
    },
    handler: async ({ teamId, caller, body }, { checkins }) => {
      const config = await checkins.updateSettings(
        teamId,
        caller.aadObjectId,
        body.settings,
        body.leads,
      );
      return { status: 200, body: settingsView(config, caller.aadObjectId) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/checkin/proposals',
    summary: 'Open proposals to change the questions or the cadence, with their tally',
    access: 'member',
    responses: { 200: settingsProposalsView },
    handler: async ({ teamId, caller }, { checkins }) => {
      const proposals = await checkins.proposals(teamId);
      return {
        status: 200,
        body: { items: proposals.map((p) => proposalAnswer(p, caller.aadObjectId)) },
      };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/checkin/proposals',
    summary:
      'Propose new questions and/or cadence; adopted when a majority of those voting within 7 days approve',
    access: 'member',
    // The service checks the change against the current settings, refusing with INVALID_SETTINGS.
    body: { documents: settingsChangeSchema, parsesWith: 'none' },
    bodyDescription: 'The change: a repeated question id replaces the earlier question',
    responses: { 201: settingsProposalView },
    errors: { 400: INVALID },
    links: {
      201: {
        voteOnCheckinProposal: {
          operationId: 'voteOnCheckinProposal',
          parameters: { proposalId: '$response.body#/id' },
        },
      },
    },
    handler: async ({ teamId, caller, body }, { checkins }) => ({
      status: 201,
      body: proposalAnswer(
        await checkins.propose(teamId, caller.aadObjectId, body),
        caller.aadObjectId,
      ),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/checkin/proposals/:proposalId/votes',
    operationId: 'voteOnCheckinProposal',
    summary: 'Approve or reject a proposal (one vote per member; voting again replaces it)',
    access: 'member',
    params: z.object({ proposalId }),
    body: voteBody,
    bodyDescription: 'The vote',
    responses: { 200: settingsProposalView.meta({ description: 'The proposal after the vote' }) },
    errors: {
      400: INVALID,
      404: 'PROPOSAL_NOT_FOUND',
      409: 'PROPOSAL_CLOSED: voting has ended',
    },
    handler: async ({ teamId, caller, params, body }, { checkins }) => ({
      status: 200,
      body: proposalAnswer(
        await checkins.vote(teamId, params.proposalId, caller.aadObjectId, body.approve),
        caller.aadObjectId,
      ),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/checkin/rounds',
    summary: 'Run a round now (leads only): every member gets the card privately',
    access: 'member',
    responses: {
      // 200 with the round already open: nothing new was started or sent.
      201: roundView.meta({ description: 'The round, opened now' }),
      200: roundView.meta({ description: 'The round already open: nothing new was started' }),
    },
    errors: leadsOnly,
    handler: async ({ teamId, caller }, { checkins }) => {
      const { round, started } = await checkins.runNow(teamId, caller.aadObjectId);
      return started
        ? { status: 201, body: roundAnswer(round) }
        : { status: 200, body: roundAnswer(round) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/checkin/rounds/:roundId/close',
    operationId: 'closeCheckinRound',
    summary: 'Close the open round early (leads only): its results show at once',
    access: 'member',
    params: z.object({ roundId }),
    responses: { 200: roundView.meta({ description: 'The round, closed' }) },
    errors: {
      ...leadsOnly,
      400: INVALID,
      404: 'CHECKIN_ROUND_NOT_FOUND',
      409: 'ROUND_NOT_OPEN: it has closed already',
    },
    handler: async ({ teamId, caller, params }, { checkins }) => ({
      status: 200,
      body: roundAnswer(await checkins.closeEarly(teamId, params.roundId, caller.aadObjectId)),
    }),
  }),
];
