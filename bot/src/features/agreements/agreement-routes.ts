import { z } from 'zod';
import {
  baseContent,
  contentDiff,
  responseOf,
  type Agreement,
  type Author,
  FORMER_MEMBER_ID,
} from './domain/agreement';
import { ruleText, templateIn } from './agreement-wording';
import type { ProposalState } from './domain/agreement-ports';
import type { AgreementService } from './agreement-service';
import type { Caller } from '../../platform/http/auth/token-validator';
import type { Translate } from '../../platform/i18n/messages';
import { defineRoute, type Links } from '../../platform/http/route';
import {
  agreementDetailView,
  agreementListQuery,
  agreementListView,
  agreementParams,
  agreementProposalBody,
  agreementSummaryView,
  agreementTemplatesView,
  answerBody,
  checkinQuestionAddedView,
  keptAgreementView,
  newAgreementBody,
  objectionBody,
  proposalParams,
  proposalWithAgreementView,
  reviewBody,
  uuid,
} from './agreement-schemas';

/** Someone who erased their data reads as "Former member" in the reader's language. */
const authorView = (a: Author, t: Translate) => ({
  aadObjectId: a.aadObjectId,
  name: a.aadObjectId === FORMER_MEMBER_ID ? t('agreements.formerMember') : a.name,
});

/**
 * A proposal as members see it: the wording, the difference it makes, the tally and every
 * objection with its reason and answers (objections are signed: they need an answer). Who
 * endorsed is not listed, and no response carries a time.
 */
function proposalView(
  agreement: Agreement,
  state: ProposalState,
  caller: string,
  callerIsLead: boolean,
  t: Translate,
) {
  const { proposal: p, decision, tally } = state;
  const base = p.kind === 'change' ? baseContent(agreement, p) : undefined;
  const awaiting = decision.outcome === 'open' && decision.phase !== 'voting';
  return {
    id: p.id,
    agreementId: p.agreementId,
    kind: p.kind,
    status: p.status,
    phase: decision.outcome === 'open' ? decision.phase : ('decided' as const),
    content: p.content ?? null,
    diff: p.content && base ? contentDiff(base, p.content) : null,
    note: p.note ?? null,
    reviewAfterDays: p.reviewAfterDays ?? null,
    proposedBy: authorView(p.proposedBy, t),
    createdAt: p.createdAt.toISOString(),
    closesAt: p.closesAt.toISOString(),
    tally: { ...tally, members: state.rosterSize },
    objections: p.objections.map((o) => ({
      id: o.id,
      by: authorView(o.by, t),
      reason: o.reason,
      withdrawn: o.withdrawn,
      answered: o.answers.length > 0,
      answers: o.answers.map((a) => ({ id: a.id, by: authorView(a.by, t), text: a.text })),
    })),
    myResponse: responseOf(p, caller),
    canRatify: callerIsLead && p.status === 'open' && awaiting,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    ratifiedBy: p.ratifiedBy ? authorView(p.ratifiedBy, t) : null,
    rule: ruleText(p.kind, t),
  };
}

function agreementView(
  a: Agreement,
  open: ProposalState | undefined,
  caller: string,
  callerIsLead: boolean,
  t: Translate,
) {
  const current = a.versions.find((v) => v.version === a.version);
  return {
    id: a.id,
    status: a.status,
    title: a.content.title,
    text: a.content.text,
    category: a.content.category,
    version: a.version,
    templateId: a.templateId ?? null,
    reviewOn: a.reviewOn ?? null,
    reviewAfterDays: a.reviewAfterDays,
    createdAt: a.createdAt.toISOString(),
    createdBy: authorView(a.createdBy, t),
    adoptedAt: current?.adoptedAt.toISOString() ?? null,
    openProposal: open ? proposalView(a, open, caller, callerIsLead, t) : null,
  };
}

function agreementDetail(
  a: Agreement,
  proposals: ProposalState[],
  caller: string,
  callerIsLead: boolean,
  t: Translate,
) {
  const open = proposals.find((s) => s.proposal.id === a.openProposalId);
  return {
    ...agreementView(a, open, caller, callerIsLead, t),
    versions: a.versions.map((v, i) => ({
      version: v.version,
      title: v.title,
      text: v.text,
      category: v.category,
      proposalId: v.proposalId,
      proposedBy: authorView(v.proposedBy, t),
      adoptedAt: v.adoptedAt.toISOString(),
      decidedBy:
        v.decidedBy.kind === 'lead'
          ? { kind: 'lead' as const, lead: authorView(v.decidedBy.lead, t) }
          : { kind: 'team' as const },
      diff: i === 0 ? null : contentDiff(a.versions[i - 1], v),
    })),
    history: a.events.map((e) => ({
      kind: e.kind,
      at: e.at.toISOString(),
      by: e.by ? authorView(e.by, t) : null,
      proposalId: e.proposalId ?? null,
      version: e.version ?? null,
      reviewOn: e.reviewOn ?? null,
    })),
    proposals: proposals.map((s) => proposalView(a, s, caller, callerIsLead, t)),
  };
}

const me = (caller: Caller): Author => ({ aadObjectId: caller.aadObjectId, name: caller.name });

export interface AgreementRoutesDeps {
  agreements: AgreementService;
}

const route = defineRoute<AgreementRoutesDeps>();

/** The proposal after an action, as the caller sees it, with its agreement. */
async function proposalAnswer(
  agreements: AgreementService,
  teamId: string,
  caller: Caller,
  result: ProposalState & { agreement: Agreement },
  t: Translate,
) {
  const lead = await agreements.isLead(teamId, caller.aadObjectId);
  return {
    ...proposalView(result.agreement, result, caller.aadObjectId, lead, t),
    agreement: agreementView(result.agreement, undefined, caller.aadObjectId, lead, t),
  };
}

/**
 * Where an answer's ids lead (OpenAPI links): what a client does next with the agreement and
 * proposal it just made, and what stateful fuzzing follows.
 */
function linksFrom(agreementId: string, proposalId: string): Links {
  const agreement = { agreementId };
  const proposal = { agreementId, proposalId };
  return {
    getAgreement: { operationId: 'getAgreement', parameters: agreement },
    proposeAgreementChange: { operationId: 'proposeAgreementChange', parameters: agreement },
    reviewAgreement: { operationId: 'reviewAgreement', parameters: agreement },
    addAgreementCheckinQuestion: {
      operationId: 'addAgreementCheckinQuestion',
      parameters: agreement,
    },
    getAgreementProposal: { operationId: 'getAgreementProposal', parameters: proposal },
    endorseAgreementProposal: { operationId: 'endorseAgreementProposal', parameters: proposal },
    objectToAgreementProposal: { operationId: 'objectToAgreementProposal', parameters: proposal },
    ratifyAgreementProposal: { operationId: 'ratifyAgreementProposal', parameters: proposal },
  };
}

const BASE = '/api/v1/teams/:teamId/agreements';
const PROPOSAL = `${BASE}/:agreementId/proposals/:proposalId`;

const INVALID = 'INVALID_INPUT: the message names each bad field or path id';
const NOT_FOUND = 'AGREEMENT_NOT_FOUND or AGREEMENT_PROPOSAL_NOT_FOUND';
const LEADS = 'NOT_A_LEAD';
const RESPONDING_CLOSED = 'AGREEMENT_VOTING_CLOSED or AGREEMENT_PROPOSAL_DECIDED';

/** The team's working agreements: read, propose, respond, decide, review. Members only. */
export const agreementRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/agreement-templates',
    summary: 'Starter agreements the team can adopt as they are or edit before proposing',
    access: 'member',
    responses: { 200: agreementTemplatesView },
    handler: async ({ t }, { agreements }) => ({
      status: 200,
      body: { items: agreements.templates().map((template) => templateIn(template, t)) },
    }),
  }),
  route({
    method: 'GET',
    path: BASE,
    summary: 'The team’s agreements: proposed first, then active and past ones by title',
    access: 'member',
    query: agreementListQuery,
    responses: { 200: agreementListView },
    errors: { 400: INVALID },
    handler: async ({ teamId, caller, query, t }, { agreements }) => {
      const [items, lead] = await Promise.all([
        agreements.list(teamId, query),
        agreements.isLead(teamId, caller.aadObjectId),
      ]);
      return {
        status: 200,
        body: {
          items: items.map(({ agreement, open }) =>
            agreementView(agreement, open, caller.aadObjectId, lead, t),
          ),
        },
      };
    },
  }),
  route({
    method: 'POST',
    path: BASE,
    summary: 'Propose a new agreement, from a template (any field replaced) or from scratch',
    description:
      'The proposer endorses it. It is posted to the team’s channel with Endorse and Object.',
    access: 'member',
    body: newAgreementBody,
    responses: {
      201: agreementSummaryView.meta({ description: 'The proposed agreement and its proposal' }),
    },
    errors: {
      400: 'INVALID_INPUT: the message names each bad field',
      409: 'AGREEMENT_PROPOSAL_OPEN: this template is already proposed; the message names that proposal',
    },
    links: { 201: linksFrom('$response.body#/id', '$response.body#/openProposal/id') },
    handler: async ({ teamId, caller, body, t }, { agreements }) => {
      const result = await agreements.proposeNew(teamId, me(caller), body);
      const lead = await agreements.isLead(teamId, caller.aadObjectId);
      return {
        status: 201,
        body: agreementView(result.agreement, result, caller.aadObjectId, lead, t),
      };
    },
  }),
  route({
    method: 'GET',
    path: `${BASE}/:agreementId`,
    operationId: 'getAgreement',
    summary: 'One agreement with its versions (and word diffs), history and proposals',
    access: 'member',
    params: agreementParams,
    responses: { 200: agreementDetailView },
    errors: { 400: INVALID, 404: NOT_FOUND },
    handler: async ({ teamId, caller, params, t }, { agreements }) => {
      const [{ agreement, proposals }, lead] = await Promise.all([
        agreements.get(teamId, params.agreementId),
        agreements.isLead(teamId, caller.aadObjectId),
      ]);
      return {
        status: 200,
        body: agreementDetail(agreement, proposals, caller.aadObjectId, lead, t),
      };
    },
  }),
  route({
    method: 'POST',
    path: `${BASE}/:agreementId/proposals`,
    operationId: 'proposeAgreementChange',
    summary: 'Propose a change (new wording) or retiring an active agreement',
    description:
      'One proposal per agreement at a time: one still in its window answers 409; one past ' +
      'its window that waits for answers or a lead is superseded.',
    access: 'member',
    params: agreementParams,
    body: agreementProposalBody,
    responses: { 201: proposalWithAgreementView.meta({ description: 'The proposal' }) },
    errors: {
      400: INVALID,
      404: NOT_FOUND,
      409:
        'AGREEMENT_NOT_ACTIVE, AGREEMENT_PROPOSAL_OPEN, or AGREEMENT_NO_CHANGE: the change ' +
        'leaves the current version as it is',
    },
    links: { 201: linksFrom('$response.body#/agreementId', '$response.body#/id') },
    handler: async ({ teamId, caller, params, body, t }, { agreements }) => {
      const { kind, ...change } = body;
      const result =
        kind === 'change'
          ? await agreements.proposeChange(teamId, params.agreementId, me(caller), change)
          : await agreements.proposeRetire(teamId, params.agreementId, me(caller), change);
      return { status: 201, body: await proposalAnswer(agreements, teamId, caller, result, t) };
    },
  }),
  route({
    method: 'GET',
    path: PROPOSAL,
    operationId: 'getAgreementProposal',
    summary: 'One proposal, as the caller sees it',
    access: 'member',
    params: proposalParams,
    responses: { 200: proposalWithAgreementView.meta({ description: 'The proposal' }) },
    errors: { 400: INVALID, 404: NOT_FOUND },
    handler: async ({ teamId, caller, params, t }, { agreements }) => {
      const result = await agreements.proposal(teamId, params.proposalId, params.agreementId);
      return { status: 200, body: await proposalAnswer(agreements, teamId, caller, result, t) };
    },
  }),
  route({
    method: 'POST',
    path: `${PROPOSAL}/endorsements`,
    operationId: 'endorseAgreementProposal',
    summary: 'Endorse (replaces your objection, if any: one response per member)',
    access: 'member',
    params: proposalParams,
    responses: {
      200: proposalWithAgreementView.meta({ description: 'The proposal after your response' }),
    },
    errors: { 400: INVALID, 404: NOT_FOUND, 409: RESPONDING_CLOSED },
    handler: async ({ teamId, caller, params, t }, { agreements }) => {
      await agreements.assertProposalOf(teamId, params.agreementId, params.proposalId);
      const result = await agreements.endorse(teamId, params.proposalId, me(caller));
      return { status: 200, body: await proposalAnswer(agreements, teamId, caller, result, t) };
    },
  }),
  route({
    method: 'POST',
    path: `${PROPOSAL}/objections`,
    operationId: 'objectToAgreementProposal',
    summary: 'Object, with a reason (replaces your endorsement or earlier objection)',
    access: 'member',
    params: proposalParams,
    body: objectionBody,
    responses: {
      201: proposalWithAgreementView.meta({ description: 'The proposal with your objection' }),
    },
    errors: { 400: INVALID, 404: NOT_FOUND, 409: RESPONDING_CLOSED },
    links: {
      201: {
        answerObjection: {
          operationId: 'answerObjection',
          parameters: {
            agreementId: '$response.body#/agreementId',
            proposalId: '$response.body#/id',
            objectionId: '$response.body#/objections/0/id',
          },
        },
      },
    },
    handler: async ({ teamId, caller, params, body, t }, { agreements }) => {
      await agreements.assertProposalOf(teamId, params.agreementId, params.proposalId);
      const result = await agreements.object(teamId, params.proposalId, me(caller), body.reason);
      return { status: 201, body: await proposalAnswer(agreements, teamId, caller, result, t) };
    },
  }),
  route({
    method: 'POST',
    path: `${PROPOSAL}/objections/:objectionId/answers`,
    operationId: 'answerObjection',
    summary: 'Answer someone else’s objection (also after the window, until decided)',
    access: 'member',
    params: z.object({
      proposalId: proposalParams.shape.proposalId,
      objectionId: uuid('an objection').meta({ description: 'The objection' }),
      agreementId: proposalParams.shape.agreementId,
    }),
    body: answerBody,
    responses: {
      201: proposalWithAgreementView.meta({
        description: 'The proposal (adopted, if that was the last open objection)',
      }),
    },
    errors: {
      400: INVALID,
      404: 'AGREEMENT_PROPOSAL_NOT_FOUND or AGREEMENT_OBJECTION_NOT_FOUND',
      409: 'AGREEMENT_OWN_OBJECTION, AGREEMENT_OBJECTION_WITHDRAWN or AGREEMENT_PROPOSAL_DECIDED',
    },
    handler: async ({ teamId, caller, params, body, t }, { agreements }) => {
      await agreements.assertProposalOf(teamId, params.agreementId, params.proposalId);
      const result = await agreements.answer(
        teamId,
        params.proposalId,
        params.objectionId,
        me(caller),
        body.text,
      );
      return { status: 201, body: await proposalAnswer(agreements, teamId, caller, result, t) };
    },
  }),
  route({
    method: 'POST',
    path: `${PROPOSAL}/ratification`,
    operationId: 'ratifyAgreementProposal',
    summary: 'A lead adopts a proposal the rule left open after its window',
    description:
      'Only for the check-in settings’ leads, only after the 7-day window, and only when ' +
      'endorsements are at least as many as objections; the objections stay on record.',
    access: 'member',
    params: proposalParams,
    responses: { 200: proposalWithAgreementView.meta({ description: 'The ratified proposal' }) },
    errors: {
      400: INVALID,
      403: LEADS,
      404: NOT_FOUND,
      409: 'AGREEMENT_WINDOW_OPEN or AGREEMENT_PROPOSAL_DECIDED',
    },
    handler: async ({ teamId, caller, params, t }, { agreements }) => {
      await agreements.assertProposalOf(teamId, params.agreementId, params.proposalId);
      const result = await agreements.ratify(teamId, params.proposalId, me(caller));
      return { status: 200, body: await proposalAnswer(agreements, teamId, caller, result, t) };
    },
  }),
  route({
    method: 'POST',
    path: `${BASE}/:agreementId/review`,
    operationId: 'reviewAgreement',
    summary: '"Still keeping this?" — keep it: the next review is one review period later',
    access: 'member',
    params: agreementParams,
    body: reviewBody,
    responses: { 200: keptAgreementView },
    errors: { 400: INVALID, 404: NOT_FOUND, 409: 'AGREEMENT_NOT_ACTIVE' },
    handler: async ({ teamId, caller, params, body, t }, { agreements }) => {
      const { agreement, kept } = await agreements.keep(teamId, params.agreementId, me(caller), {
        reviewAfterDays: body.reviewAfterDays,
        forReview: body.reviewOn,
      });
      const lead = await agreements.isLead(teamId, caller.aadObjectId);
      return {
        status: 200,
        body: { ...agreementView(agreement, undefined, caller.aadObjectId, lead, t), kept },
      };
    },
  }),
  route({
    method: 'POST',
    path: `${BASE}/:agreementId/checkin-question`,
    operationId: 'addAgreementCheckinQuestion',
    summary: 'A lead adds "Are we keeping: …?" to the team’s check-in questions',
    description:
      'The trait follows the category: communication and feedback → psychological safety; ' +
      'availability and collaboration → dependability; meetings and other → structure & ' +
      'clarity; connection → meaning.',
    access: 'member',
    params: agreementParams,
    responses: {
      201: checkinQuestionAddedView.meta({ description: 'The question was added' }),
      200: checkinQuestionAddedView.meta({
        description: 'The question was already there (added: false)',
      }),
    },
    errors: {
      400: INVALID,
      403: LEADS,
      404: NOT_FOUND,
      409: 'AGREEMENT_NOT_ACTIVE, or AGREEMENT_QUESTIONS_FULL: the check-in has ten questions',
    },
    handler: async ({ teamId, caller, params }, { agreements }) => {
      const result = await agreements.addCheckinQuestion(
        teamId,
        params.agreementId,
        caller.aadObjectId,
      );
      return result.added ? { status: 201, body: result } : { status: 200, body: result };
    },
  }),
];
