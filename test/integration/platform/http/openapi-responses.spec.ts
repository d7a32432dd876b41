import type { z } from 'zod';
import { openApiPath } from '../../../../bot/src/platform/http/openapi';
import type { ApiRoute } from '../../../../bot/src/platform/http/route';
import { channelMessage, checkinAnswer, TENANT_ID } from '../../../fixtures/teams-activities';
import { getJson, postJson } from '../../../support/http';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** "GET /api/v1/teams/{teamId}", as the document keys its operations. */
const operationKey = (method: string, template: string) => `${method.toUpperCase()} ${template}`;

/** The schema the document states for an answer: the one its route is typed against. */
function answerSchema(routes: readonly ApiRoute[], key: string, status: number): z.ZodType | null {
  const route = routes.find((r) => operationKey(r.method, openApiPath(r.path)) === key);
  if (!route) throw new Error(`${key} is documented but no route definition declares it`);
  const schema = route.responses[status as keyof typeof route.responses];
  if (schema === undefined)
    throw new Error(`${key} answered ${status}, which it does not document`);
  return schema;
}

/** Where the answer breaks its schema: each issue's path and message, or none. */
function violations(
  routes: readonly ApiRoute[],
  key: string,
  status: number,
  body: unknown,
): string[] {
  const schema = answerSchema(routes, key, status);
  if (schema === null) return body === undefined ? [] : ['a body where none is documented'];
  const parsed = schema.safeParse(body);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}

describe('every documented operation answers as its document says', () => {
  const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');
  const app = useTestApp('openapiresponses', { members: [ana, bo, chen] });
  let team: Team;
  let doc: Json;
  const answered = new Map<string, string[]>();

  beforeAll(async () => {
    team = await app.install([ana, bo, chen]);
    doc = (await getJson(`${app.url}/api/openapi.json`)).json;
  });

  /**
   * Calls one operation for real, records how its answer compares with its schema, and returns
   * the answer's body for the next step. `path` is the template with its ids filled in.
   */
  const act = async (
    member: Member | undefined,
    method: string,
    template: string,
    path: string,
    body?: unknown,
  ) => {
    const res = member
      ? await call(method, `${app.url}${path}`, app.token(member), body)
      : await postOrGet(method, `${app.url}${path}`, body);
    const key = operationKey(method, template);
    if (res.status >= 300)
      throw new Error(`${key} answered ${res.status}: ${JSON.stringify(res.json)}`);
    answered.set(key, [
      ...(answered.get(key) ?? []),
      ...violations(app.apiRoutes, key, res.status, res.json),
    ]);
    return res.json as Json;
  };
  const postOrGet = (method: string, url: string, body: unknown) =>
    method === 'POST' ? postJson(url, body) : getJson(url);

  const teams = '/api/v1/teams/{teamId}';
  const inTeam = (rest = '') => `${team.path.slice(app.url.length)}${rest}`;

  const recognize = async (from: Member, to: Member, text: string) => {
    const message = channelMessage(team, from, `recognize <at>${to.name}</at> ${text}`);
    message.entities.push({
      type: 'mention',
      text: `<at>${to.name}</at>`,
      mentioned: { id: to.id, name: to.name },
    });
    expect((await postJson(`${app.url}/api/messages`, message)).status).toBe(200);
  };

  /** Follow-through on a closed round: reply, heard, themes, an action's life, the summary. */
  const followThrough = async (roundId: string, commentId: string) => {
    const inRound = (rest: string) => inTeam(`/rounds/${encodeURIComponent(roundId)}${rest}`);
    const comment = `${teams}/feedback/{commentId}`;
    await act(bo, 'POST', `${comment}/replies`, inTeam(`/feedback/${commentId}/replies`), {
      text: 'Thank you for saying it',
    });
    await act(ana, 'POST', `${comment}/heard`, inTeam(`/feedback/${commentId}/heard`));
    await act(chen, 'PUT', `${teams}/rounds/{roundId}/themes`, inRound('/themes'), {
      themes: [{ name: 'Focus', commentIds: [commentId] }],
    });
    const action = await act(bo, 'POST', `${teams}/actions`, inTeam('/actions'), {
      title: 'Quiet mornings',
      why: 'So we can focus before meetings',
      commentIds: [commentId],
      dueDate: '2099-12-31',
    });
    await act(bo, 'PATCH', `${teams}/actions/{actionId}`, inTeam(`/actions/${action.id}`), {
      status: 'in-progress',
      ownerAadObjectId: bo.aadObjectId,
    });
    await act(chen, 'GET', `${teams}/actions`, inTeam('/actions?status=in-progress'));
    await act(
      bo,
      'POST',
      `${teams}/actions/{actionId}/agreement`,
      inTeam(`/actions/${action.id}/agreement`),
    );
    await act(chen, 'GET', `${teams}/rounds/{roundId}/summary`, inRound('/summary'));
    await act(ana, 'POST', `${teams}/rounds/{roundId}/summary/note`, inRound('/summary/note'), {
      text: 'Thank you all',
    });
  };

  it('answers every operation with a body its schema accepts, no field more or less', async () => {
    await act(undefined, 'GET', '/healthz', '/healthz');
    await act(undefined, 'GET', '/readyz', '/readyz');
    await act(undefined, 'GET', '/api/v1/privacy', '/api/v1/privacy');
    await act(undefined, 'POST', '/api/dev/token', '/api/dev/token', {
      tenantId: TENANT_ID,
      userId: ana.aadObjectId,
      name: ana.name,
    });
    await act(ana, 'GET', '/api/v1/me', '/api/v1/me');
    await act(ana, 'GET', teams, inTeam());
    await act(ana, 'GET', `${teams}/members`, inTeam('/members'));

    // Ana edits the settings first, so she is the team's lead from here on.
    const config = await act(ana, 'GET', `${teams}/checkin/settings`, inTeam('/checkin/settings'));
    await act(ana, 'PUT', `${teams}/checkin/settings`, inTeam('/checkin/settings'), {
      settings: config.settings,
    });
    await act(ana, 'PUT', `${teams}/values`, inTeam('/values'), {
      values: [{ id: 'ownership', label: 'Ownership' }],
    });
    await act(bo, 'GET', `${teams}/values`, inTeam('/values'));
    const proposal = await act(
      bo,
      'POST',
      `${teams}/checkin/proposals`,
      inTeam('/checkin/proposals'),
      {
        questions: [{ id: 'clear', trait: 'structure-clarity', text: 'Our goals are clear.' }],
      },
    );
    await act(
      chen,
      'POST',
      `${teams}/checkin/proposals/{proposalId}/votes`,
      inTeam(`/checkin/proposals/${proposal.id}/votes`),
      { approve: true },
    );
    await act(ana, 'GET', `${teams}/checkin/proposals`, inTeam('/checkin/proposals'));
    const round = await act(ana, 'POST', `${teams}/checkin/rounds`, inTeam('/checkin/rounds'));
    for (const member of [ana, bo, chen]) {
      const answer = checkinAnswer(app.connector.url, member, {
        roundId: round.id,
        dependability: '4',
        freeText: `A thought from the team`,
      });
      expect((await postJson(`${app.url}/api/messages`, answer)).status).toBe(200);
    }
    await act(
      ana,
      'POST',
      `${teams}/checkin/rounds/{roundId}/close`,
      inTeam(`/checkin/rounds/${encodeURIComponent(round.id)}/close`),
    );
    await act(ana, 'GET', `${teams}/trust-health`, inTeam('/trust-health'));
    const feedback = await act(ana, 'GET', `${teams}/feedback`, inTeam('/feedback'));
    await followThrough(round.id, feedback.weeks[0].comments[0].id);

    const templates = await act(
      ana,
      'GET',
      `${teams}/agreement-templates`,
      inTeam('/agreement-templates'),
    );
    const created = await act(bo, 'POST', `${teams}/agreements`, inTeam('/agreements'), {
      templateId: templates.items[0].id,
    });
    const agreement = `/agreements/${created.id}`;
    const proposalOf = (p: { id: string }) => `${agreement}/proposals/${p.id}`;
    const proposalTemplate = `${teams}/agreements/{agreementId}/proposals/{proposalId}`;
    await act(
      chen,
      'POST',
      `${proposalTemplate}/objections`,
      inTeam(`${proposalOf(created.openProposal)}/objections`),
      {
        reason: 'Not every week: we are busy.',
      },
    );
    // The window ends undecided (one endorsement, one objection): a lead may ratify.
    const closesAt = new Date(created.openProposal.closesAt);
    await app.scheduler.tick(new Date(closesAt.getTime() + 1000));
    await act(
      ana,
      'POST',
      `${proposalTemplate}/ratification`,
      inTeam(`${proposalOf(created.openProposal)}/ratification`),
    );
    await act(
      ana,
      'POST',
      `${teams}/agreements/{agreementId}/review`,
      inTeam(`${agreement}/review`),
      {
        decision: 'keep',
      },
    );
    await act(
      ana,
      'POST',
      `${teams}/agreements/{agreementId}/checkin-question`,
      inTeam(`${agreement}/checkin-question`),
    );

    const change = await act(
      bo,
      'POST',
      `${teams}/agreements/{agreementId}/proposals`,
      inTeam(`${agreement}/proposals`),
      {
        kind: 'change',
        note: 'Shorter, so it is read.',
        title: 'A shorter title for it',
      },
    );
    const objected = await act(
      chen,
      'POST',
      `${proposalTemplate}/objections`,
      inTeam(`${proposalOf(change)}/objections`),
      {
        reason: 'The title says less now.',
      },
    );
    // Endorsed by two of three only now, so the objection keeps it open until answered.
    await act(
      ana,
      'POST',
      `${proposalTemplate}/endorsements`,
      inTeam(`${proposalOf(change)}/endorsements`),
    );
    await act(
      bo,
      'POST',
      `${proposalTemplate}/objections/{objectionId}/answers`,
      inTeam(`${proposalOf(change)}/objections/${objected.objections[0].id}/answers`),
      {
        text: 'The text below it still says it all.',
      },
    );
    await act(chen, 'GET', proposalTemplate, inTeam(proposalOf(change)));
    await act(chen, 'GET', `${teams}/agreements/{agreementId}`, inTeam(agreement));
    await act(chen, 'GET', `${teams}/agreements`, inTeam('/agreements'));

    await recognize(ana, bo, 'for dependability covered the release');
    await recognize(bo, chen, 'for impact fixed the outage');
    const wall = await act(chen, 'GET', `${teams}/recognitions`, inTeam('/recognitions?limit=1'));
    expect(wall.nextCursor).toEqual(expect.any(String));
    await act(ana, 'GET', `${teams}/recognitions/quiet`, inTeam('/recognitions/quiet'));
    await act(
      bo,
      'DELETE',
      `${teams}/recognitions/{id}`,
      inTeam(`/recognitions/${wall.items[0].id}`),
    );

    await act(ana, 'PUT', `${teams}/coffee/settings`, inTeam('/coffee/settings'), {
      enabled: true,
      every: 2,
      day: 'tuesday',
      time: '10:00',
      groupSize: 2,
    });
    for (const m of [ana, bo, chen])
      await act(m, 'PUT', `${teams}/coffee/me`, inTeam('/coffee/me'), {
        status: 'in',
        timeZone: 'Europe/Berlin',
        workingHours: { start: '09:00', end: '17:00' },
      });
    await act(ana, 'POST', `${teams}/coffee/rounds`, inTeam('/coffee/rounds'));
    const coffee = await act(chen, 'GET', `${teams}/coffee`, inTeam('/coffee'));
    expect(coffee.me.match.partners.length).toBeGreaterThan(0);

    await act(bo, 'GET', `${teams}/prompts`, inTeam('/prompts'));
    await act(bo, 'POST', `${teams}/prompts`, inTeam('/prompts'), {
      text: 'What is a word you love the sound of?',
      category: 'light',
    });
    await act(bo, 'POST', `${teams}/prompts/draws`, inTeam('/prompts/draws'));
    const hiddenPrompt = `${teams}/prompts/{id}/hidden`;
    await act(bo, 'POST', hiddenPrompt, inTeam('/prompts/team-1/hidden'));
    await act(ana, 'DELETE', hiddenPrompt, inTeam('/prompts/team-1/hidden'));
    await act(bo, 'PUT', `${teams}/icebreakers/meeting`, inTeam('/icebreakers/meeting'), {
      enabled: true,
      recurringOnly: true,
    });
    await act(bo, 'GET', `${teams}/icebreakers/meeting`, inTeam('/icebreakers/meeting'));
    const weekly = `${teams}/icebreakers/weekly-question`;
    await act(ana, 'PUT', weekly, inTeam('/icebreakers/weekly-question'), {
      enabled: true,
      day: 'friday',
      time: '15:00',
    });
    await act(bo, 'GET', weekly, inTeam('/icebreakers/weekly-question'));
    for (const m of [ana, bo, chen])
      await act(m, 'PUT', `${teams}/interests/me`, inTeam('/interests/me'), { tags: ['Dogs'] });
    await act(
      ana,
      'POST',
      `${teams}/interests/{tag}/introductions`,
      inTeam('/interests/dog/introductions'),
    );
    const talk = await act(
      bo,
      'POST',
      `${teams}/interests/{tag}/talks`,
      inTeam('/interests/dog/talks'),
      {
        title: 'Training a puppy',
        summary: 'Sit, stay and why treats work.',
      },
    );
    await act(ana, 'POST', `${teams}/talks/{id}/interest`, inTeam(`/talks/${talk.id}/interest`));
    await act(chen, 'POST', `${teams}/talks/{id}/interest`, inTeam(`/talks/${talk.id}/interest`));
    await act(bo, 'GET', `${teams}/interests`, inTeam('/interests'));

    await act(chen, 'GET', '/api/v1/me/export', '/api/v1/me/export');
    await act(chen, 'DELETE', '/api/v1/me', '/api/v1/me');

    const documented = Object.entries(doc.paths as Json).flatMap(([path, operations]) =>
      Object.keys(operations as Json).map((method) => operationKey(method, path)),
    );
    expect(documented.filter((key) => !answered.has(key))).toEqual([]);
    expect(
      [...answered].filter(([, problems]) => problems.length > 0).map(([key, p]) => ({ key, p })),
    ).toEqual([]);
  });

  it('refuses an answer with a field its schema does not declare, or without one it requires', () => {
    const key = operationKey('GET', '/api/v1/teams/{teamId}/members');
    const person = { aadObjectId: 'a', name: 'Ana' };

    expect(violations(app.apiRoutes, key, 200, { members: [person] })).toEqual([]);
    expect(
      violations(app.apiRoutes, key, 200, { members: [{ ...person, email: 'a@b' }] }),
    ).not.toEqual([]);
    expect(violations(app.apiRoutes, key, 200, { members: [{ name: 'Ana' }] })).not.toEqual([]);
  });
});
