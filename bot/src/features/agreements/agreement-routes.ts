import type { Request, Response, Server } from 'restify';
import {
  baseContent,
  contentDiff,
  responseOf,
  type Agreement,
  type Author,
} from './domain/agreement';
import { ruleText } from './domain/agreement-decision';
import type { ProposalState } from './domain/agreement-ports';
import type { AgreementService } from './agreement-service';
import { withTeamMember, type AccessDeps } from '../../platform/http/auth/team-access';
import type { Caller } from '../../platform/http/auth/token-validator';
import {
  agreementListQuery,
  agreementProposalBody,
  answerBody,
  newAgreementBody,
  objectionBody,
  reviewBody,
  uuid,
} from './agreement-schemas';
import { parseInput, queryOf } from '../../platform/http/query';

const authorView = (a: Author) => ({ aadObjectId: a.aadObjectId, name: a.name });

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
) {
  const { proposal: p, decision, tally } = state;
  const base = p.kind === 'change' ? baseContent(agreement, p) : undefined;
  const awaiting = decision.outcome === 'open' && decision.phase !== 'voting';
  return {
    id: p.id,
    agreementId: p.agreementId,
    kind: p.kind,
    status: p.status,
    phase: decision.outcome === 'open' ? decision.phase : 'decided',
    content: p.content ?? null,
    diff: p.content && base ? contentDiff(base, p.content) : null,
    note: p.note ?? null,
    reviewAfterDays: p.reviewAfterDays ?? null,
    proposedBy: authorView(p.proposedBy),
    createdAt: p.createdAt.toISOString(),
    closesAt: p.closesAt.toISOString(),
    tally: { ...tally, members: state.rosterSize },
    objections: p.objections.map((o) => ({
      id: o.id,
      by: authorView(o.by),
      reason: o.reason,
      withdrawn: o.withdrawn,
      answered: o.answers.length > 0,
      answers: o.answers.map((a) => ({ id: a.id, by: authorView(a.by), text: a.text })),
    })),
    myResponse: responseOf(p, caller),
    canRatify: callerIsLead && p.status === 'open' && awaiting,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    ratifiedBy: p.ratifiedBy ? authorView(p.ratifiedBy) : null,
    rule: ruleText(p.kind),
  };
}

function agreementView(
  a: Agreement,
  open: ProposalState | undefined,
  caller: string,
  callerIsLead: boolean,
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
    createdBy: authorView(a.createdBy),
    adoptedAt: current?.adoptedAt.toISOString() ?? null,
    openProposal: open ? proposalView(a, open, caller, callerIsLead) : null,
  };
}

function agreementDetail(
  a: Agreement,
  proposals: ProposalState[],
  caller: string,
  callerIsLead: boolean,
) {
  const open = proposals.find((s) => s.proposal.id === a.openProposalId);
  return {
    ...agreementView(a, open, caller, callerIsLead),
    versions: a.versions.map((v, i) => ({
      version: v.version,
      title: v.title,
      text: v.text,
      category: v.category,
      proposalId: v.proposalId,
      proposedBy: authorView(v.proposedBy),
      adoptedAt: v.adoptedAt.toISOString(),
      decidedBy:
        v.decidedBy.kind === 'lead'
          ? { kind: 'lead' as const, lead: authorView(v.decidedBy.lead) }
          : { kind: 'team' as const },
      diff: i === 0 ? null : contentDiff(a.versions[i - 1], v),
    })),
    history: a.events.map((e) => ({
      kind: e.kind,
      at: e.at.toISOString(),
      by: e.by ? authorView(e.by) : null,
      proposalId: e.proposalId ?? null,
      version: e.version ?? null,
      reviewOn: e.reviewOn ?? null,
    })),
    proposals: proposals.map((s) => proposalView(a, s, caller, callerIsLead)),
  };
}

const me = (caller: Caller): Author => ({ aadObjectId: caller.aadObjectId, name: caller.name });

const agreementIdOf = (req: Request) =>
  parseInput(uuid('an agreement'), req.params?.agreementId, 'agreementId');
const proposalIdOf = (req: Request) =>
  parseInput(uuid('a proposal'), req.params?.proposalId, 'proposalId');

/** The team's working agreements: read, propose, respond, decide, review. Members only. */
export function registerAgreementRoutes(
  server: Server,
  deps: AccessDeps & { agreements: AgreementService },
): void {
  const { agreements } = deps;
  const base = '/api/v1/teams/:teamId/agreements';
  const proposalPath = `${base}/:agreementId/proposals/:proposalId`;

  /** Answers with the proposal after an action, as the caller sees it. */
  const sendProposal = async (
    res: Response,
    teamId: string,
    caller: Caller,
    result: ProposalState & { agreement: Agreement },
    status = 200,
  ) => {
    const lead = await agreements.isLead(teamId, caller.aadObjectId);
    res.status(status);
    res.json({
      ...proposalView(result.agreement, result, caller.aadObjectId, lead),
      agreement: agreementView(result.agreement, undefined, caller.aadObjectId, lead),
    });
  };

  server.get(
    '/api/v1/teams/:teamId/agreement-templates',
    withTeamMember(deps, async (_req, res) => {
      res.json({ items: agreements.templates() });
    }),
  );

  server.get(
    base,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const filter = parseInput(agreementListQuery, queryOf(req), 'query');
      const [items, lead] = await Promise.all([
        agreements.list(teamId, filter),
        agreements.isLead(teamId, caller.aadObjectId),
      ]);
      res.json({
        items: items.map(({ agreement, open }) =>
          agreementView(agreement, open, caller.aadObjectId, lead),
        ),
      });
    }),
  );

  server.post(
    base,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const body = parseInput(newAgreementBody, req.body, 'body');
      const result = await agreements.proposeNew(teamId, me(caller), body);
      const lead = await agreements.isLead(teamId, caller.aadObjectId);
      res.status(201);
      res.json(agreementView(result.agreement, result, caller.aadObjectId, lead));
    }),
  );

  server.get(
    `${base}/:agreementId`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = agreementIdOf(req);
      const [{ agreement, proposals }, lead] = await Promise.all([
        agreements.get(teamId, id),
        agreements.isLead(teamId, caller.aadObjectId),
      ]);
      res.json(agreementDetail(agreement, proposals, caller.aadObjectId, lead));
    }),
  );

  server.post(
    `${base}/:agreementId/proposals`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = agreementIdOf(req);
      const { kind, ...body } = parseInput(agreementProposalBody, req.body, 'body');
      const result =
        kind === 'change'
          ? await agreements.proposeChange(teamId, id, me(caller), body)
          : await agreements.proposeRetire(teamId, id, me(caller), body);
      await sendProposal(res, teamId, caller, result, 201);
    }),
  );

  server.get(
    proposalPath,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const result = await agreements.proposal(teamId, proposalIdOf(req), agreementIdOf(req));
      await sendProposal(res, teamId, caller, result);
    }),
  );

  server.post(
    `${proposalPath}/endorsements`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const proposalId = proposalIdOf(req);
      await agreements.assertProposalOf(teamId, agreementIdOf(req), proposalId);
      const result = await agreements.endorse(teamId, proposalId, me(caller));
      await sendProposal(res, teamId, caller, result);
    }),
  );

  server.post(
    `${proposalPath}/objections`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const proposalId = proposalIdOf(req);
      const { reason } = parseInput(objectionBody, req.body, 'body');
      await agreements.assertProposalOf(teamId, agreementIdOf(req), proposalId);
      const result = await agreements.object(teamId, proposalId, me(caller), reason);
      await sendProposal(res, teamId, caller, result, 201);
    }),
  );

  server.post(
    `${proposalPath}/objections/:objectionId/answers`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const proposalId = proposalIdOf(req);
      const objectionId = parseInput(uuid('an objection'), req.params?.objectionId, 'objectionId');
      const { text } = parseInput(answerBody, req.body, 'body');
      await agreements.assertProposalOf(teamId, agreementIdOf(req), proposalId);
      const result = await agreements.answer(teamId, proposalId, objectionId, me(caller), text);
      await sendProposal(res, teamId, caller, result, 201);
    }),
  );

  server.post(
    `${proposalPath}/ratification`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const proposalId = proposalIdOf(req);
      await agreements.assertProposalOf(teamId, agreementIdOf(req), proposalId);
      const result = await agreements.ratify(teamId, proposalId, me(caller));
      await sendProposal(res, teamId, caller, result);
    }),
  );

  server.post(
    `${base}/:agreementId/review`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = agreementIdOf(req);
      const body = parseInput(reviewBody, req.body, 'body');
      const { agreement, kept } = await agreements.keep(teamId, id, me(caller), {
        reviewAfterDays: body.reviewAfterDays,
        forReview: body.reviewOn,
      });
      const lead = await agreements.isLead(teamId, caller.aadObjectId);
      res.json({ ...agreementView(agreement, undefined, caller.aadObjectId, lead), kept });
    }),
  );

  server.post(
    `${base}/:agreementId/checkin-question`,
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const id = agreementIdOf(req);
      const result = await agreements.addCheckinQuestion(teamId, id, caller.aadObjectId);
      res.status(result.added ? 201 : 200);
      res.json(result);
    }),
  );
}
