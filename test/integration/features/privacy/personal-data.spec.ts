import { randomUUID } from 'node:crypto';
import {
  recognitionMessage,
  checkinAnswer,
  personalMessage,
  TENANT_ID,
  teamInstallationUpdate,
} from '../../../fixtures/teams-activities';
import { collections } from '../../../support/schema';
import { postJson } from '../../../support/http';
import { call, devToken, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';

describe('a member’s own data: export, erase, and the roster members see', () => {
  const app = useTestApp('personaldata');
  const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');
  let team: Team;

  const recognize = async (from: Member, to: Member, text: string) => {
    const message = recognitionMessage(team, from, to, text);
    expect((await postJson(`${app.url}/api/messages`, message)).status).toBe(200);
  };

  beforeAll(async () => {
    team = await app.install([ana, bo, chen]);
    await recognize(ana, bo, 'for impact shipped the migration');
    await recognize(bo, ana, 'for meaning kept us focused');
    await recognize(bo, chen, 'for dependability covered on-call');
  });

  it('lists the roster, names and ids only, to members', async () => {
    const res = await call('GET', `${team.path}/members`, await devToken(app.url, ana));

    expect(res.json).toEqual({
      members: [ana, bo, chen].map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })),
    });
  });

  it('exports everything stored about the caller, as a download', async () => {
    const res = await fetch(`${app.url}/api/v1/me/export`, {
      headers: { authorization: `Bearer ${await devToken(app.url, ana)}` },
    });
    const body = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="rapport-export-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(body.person).toMatchObject({ aadObjectId: ana.aadObjectId, name: 'Ana' });
    expect(body.memberships).toEqual([
      { teamId: team.teamId, name: 'Platform', displayName: 'Ana' },
    ]);
    expect(body.recognitionsGiven.map((r: { message: string }) => r.message)).toEqual([
      'shipped the migration',
    ]);
    expect(body.recognitionsReceived.map((r: { message: string }) => r.message)).toEqual([
      'kept us focused',
    ]);
    expect(body.notStored.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('covered on-call');
    // Exactly the documented shape, every record included: no field more or less.
    const documented = app.apiRoutes.find(
      (r) => r.method === 'GET' && r.path === '/api/v1/me/export',
    )!.responses[200]!;
    expect(documented.safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it('erases the caller’s recognitions and leaves the team’s weekly counts intact', async () => {
    // The counts only: which recognitions a year has applied is bookkeeping it forgets on its
    // own time, with the year's next count.
    const weeks = async () =>
      (
        await app.database.db
          .collection(collections.trustWeeks)
          .find({ teamId: team.teamId })
          .toArray()
      ).map((year) => ({ _id: year._id, weeks: year.weeks }));
    const before = await weeks();

    const res = await call('DELETE', `${app.url}/api/v1/me`, await devToken(app.url, ana));

    expect(res.status).toBe(204);
    const left = await app.database.db
      .collection(collections.recognitions)
      .find({ teamId: team.teamId })
      .toArray();
    expect(left.map((r) => r.message)).toEqual(['covered on-call']);
    expect(await weeks()).toEqual(before);
    const exported = await call('GET', `${app.url}/api/v1/me/export`, await devToken(app.url, ana));
    expect(exported.json.recognitionsGiven).toEqual([]);
    expect(exported.json.recognitionsReceived).toEqual([]);
    // The wall's index keeps recipients' ids: none of the erased person's is left there.
    const month = new Date().toISOString().slice(0, 7);
    const wallDocs = app.database.db.collection<{
      _id: string;
      entries?: string[];
      buckets?: Record<string, number>;
    }>(collections.recognitionMonths);
    const months = await wallDocs.findOne({ _id: `${team.teamId}|months` });
    const buckets = Array.from(
      { length: months?.buckets?.[month] ?? 0 },
      (_, i) => `${team.teamId}|${month}|${i + 1}`,
    );
    expect(buckets.length).toBeGreaterThan(0);
    const index = await wallDocs.find({ _id: { $in: buckets } }).toArray();
    expect(index.flatMap((b) => b.entries ?? [])).toHaveLength(1);
    expect(JSON.stringify(index)).not.toContain(ana.aadObjectId);
  });

  it('exports the language Teams last sent for the member, and erases it with their data', async () => {
    const [dee] = newMembers('Dee');
    await app.install([ana, dee]);
    const message = { ...personalMessage(app.connector.url, dee, 'help'), locale: 'pt-BR' };
    expect((await postJson(`${app.url}/api/messages`, message)).status).toBe(200);
    const token = await devToken(app.url, dee);

    expect((await call('GET', `${app.url}/api/v1/me/export`, token)).json.language).toBe('pt-BR');
    const erased = await call('DELETE', `${app.url}/api/v1/me`, token);

    expect(erased.status).toBe(204);
    expect((await call('GET', `${app.url}/api/v1/me/export`, token)).json.language).toBeNull();
  });

  it('needs a token for both', async () => {
    expect((await fetch(`${app.url}/api/v1/me/export`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/v1/me`, { method: 'DELETE' })).status).toBe(401);
  });
});

describe('erasing a member who took part in agreements', () => {
  const app = useTestApp('erasure');
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');

  it('keeps the team’s agreement and its history, with the person shown as a former member', async () => {
    const team = await app.install([ana, bo, chen, dee]);
    const [anaToken, boToken, chenToken] = await Promise.all(
      [ana, bo, chen].map((m) => devToken(app.url, m)),
    );
    const proposed = await call('POST', `${team.path}/agreements`, boToken, {
      title: 'Cameras are optional',
      text: 'Nobody has to turn their camera on.',
      category: 'meetings',
    });
    expect(proposed.status).toBe(201);
    const agreementId = proposed.json.id;
    const proposalId = proposed.json.openProposal.id;
    for (const token of [anaToken, chenToken]) {
      expect(
        (
          await call(
            'POST',
            `${team.path}/agreements/${agreementId}/proposals/${proposalId}/endorsements`,
            token,
          )
        ).status,
      ).toBe(200);
    }
    const before = await call('GET', `${app.url}/api/v1/me/export`, boToken);
    expect(before.json.agreementActivity.proposalsMade).toHaveLength(1);

    expect((await call('DELETE', `${app.url}/api/v1/me`, boToken)).status).toBe(204);

    const after = await call('GET', `${team.path}/agreements/${agreementId}`, anaToken);
    expect(after.status).toBe(200);
    const text = JSON.stringify(after.json);
    expect(text).toContain('Cameras are optional');
    expect(text).not.toContain(bo.aadObjectId);
    expect(text).not.toContain('"Bo"');
    expect(text).toContain('Former member');
  });
});

describe('one object id in two tenants: export and erasure stay in the token’s tenant', () => {
  const app = useTestApp('twotenants');
  const OTHER_TENANT = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
  const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');
  let home: Team;
  let away: Team;

  /** The same activity as Teams would send it from a team in another organization. */
  const inTenant = <A extends { conversation: object; channelData: object }>(
    activity: A,
    tenantId: string,
  ): A => ({
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  });
  const installIn = async (tenantId: string): Promise<Team> => {
    const team = {
      serviceUrl: app.connector.url,
      teamId: `19:${randomUUID()}@thread.tacv2`,
      teamName: tenantId === TENANT_ID ? 'Home' : 'Away',
      channelId: `19:${randomUUID()}@thread.tacv2`,
    };
    app.connector.setRoster(team.teamId, [ana, bo, chen]);
    const install = inTenant(teamInstallationUpdate(team, 'add', ana), tenantId);
    expect((await postJson(`${app.url}/api/messages`, install)).status).toBe(200);
    return { ...team, path: `${app.url}/api/v1/teams/${encodeURIComponent(team.teamId)}` };
  };
  const tokenIn = async (tenantId: string, member: Member) =>
    (
      (await postJson(`${app.url}/api/dev/token`, {
        tenantId,
        userId: member.aadObjectId,
        name: member.name,
      })) as { json: { token: string } }
    ).json.token;
  const recognize = async (
    team: Team,
    tenantId: string,
    from: Member,
    to: Member,
    text: string,
  ) => {
    const message = recognitionMessage(team, from, to, `for impact ${text}`);
    expect((await postJson(`${app.url}/api/messages`, inTenant(message, tenantId))).status).toBe(
      200,
    );
  };
  const answerRound = async (member: Member, tenantId: string, roundId: string) => {
    const res = await postJson(
      `${app.url}/api/messages`,
      checkinAnswer(app.connector.url, member, { roundId, impact: '4' }, tenantId),
    );
    expect(res.status).toBe(200);
  };
  const messages = (text: { message: string }[]) => text.map((r) => r.message).sort();
  const anaOutboxTenants = async () =>
    (
      await app.database.db
        .collection<{ target: { aadObjectId: string; tenantId: string } }>(collections.outbox)
        .find({ 'target.aadObjectId': ana.aadObjectId })
        .toArray()
    ).map((m) => m.target.tenantId);
  const tenantsOf = (ids: string[]) => [...new Set(ids)].sort();
  let awayRound: string;

  beforeAll(async () => {
    home = await installIn(TENANT_ID);
    away = await installIn(OTHER_TENANT);
    await recognize(home, TENANT_ID, ana, bo, 'ran the home retro');
    await recognize(away, OTHER_TENANT, bo, ana, 'fixed the away build');
    await recognize(away, OTHER_TENANT, ana, chen, 'wrote the away runbook');
    const [homeToken, awayToken, boAway] = await Promise.all([
      tokenIn(TENANT_ID, ana),
      tokenIn(OTHER_TENANT, ana),
      tokenIn(OTHER_TENANT, bo),
    ]);
    expect((await call('POST', `${home.path}/checkin/rounds`, homeToken)).status).toBe(201);
    const round = await call('POST', `${away.path}/checkin/rounds`, awayToken);
    expect(round.status).toBe(201);
    awayRound = round.json.id;
    await answerRound(ana, OTHER_TENANT, awayRound);
    const settings = await call('GET', `${away.path}/checkin/settings`, boAway);
    const proposal = await call('POST', `${away.path}/checkin/proposals`, boAway, {
      questions: settings.json.settings.questions.slice(0, 2),
    });
    expect(proposal.status).toBe(201);
    const vote = await call(
      'POST',
      `${away.path}/checkin/proposals/${proposal.json.id}/votes`,
      awayToken,
      { approve: true },
    );
    expect(vote.status).toBe(200);
  });

  it('exports only what the caller’s tenant holds about them', async () => {
    const home = await call('GET', `${app.url}/api/v1/me/export`, await tokenIn(TENANT_ID, ana));
    const away = await call('GET', `${app.url}/api/v1/me/export`, await tokenIn(OTHER_TENANT, ana));

    expect(home.json.memberships.map((m: { name: string }) => m.name)).toEqual(['Home']);
    expect(messages(home.json.recognitionsGiven)).toEqual(['ran the home retro']);
    expect(home.json.recognitionsReceived).toEqual([]);
    expect(home.json.openRoundsAnswered).toEqual([]);
    expect(home.json.checkinVotes).toEqual([]);
    expect(JSON.stringify(home.json)).not.toMatch(/away/i);

    expect(away.json.memberships.map((m: { name: string }) => m.name)).toEqual(['Away']);
    expect(messages(away.json.recognitionsGiven)).toEqual(['wrote the away runbook']);
    expect(messages(away.json.recognitionsReceived)).toEqual(['fixed the away build']);
    expect(away.json.openRoundsAnswered).toEqual([awayRound]);
    expect(away.json.checkinVotes).toHaveLength(1);
    expect(JSON.stringify(away.json)).not.toMatch(/home/i);
  });

  it('erases only in the caller’s tenant, leaving the same id’s data in the other', async () => {
    expect(tenantsOf(await anaOutboxTenants())).toEqual([OTHER_TENANT, TENANT_ID].sort());

    const res = await call('DELETE', `${app.url}/api/v1/me`, await tokenIn(OTHER_TENANT, ana));

    expect(res.status).toBe(204);
    const left = await app.database.db
      .collection<{ message: string }>(collections.recognitions)
      .find({})
      .toArray();
    expect(messages(left)).toEqual(['ran the home retro']);
    expect(tenantsOf(await anaOutboxTenants())).toEqual([TENANT_ID]);
    const home = await call('GET', `${app.url}/api/v1/me/export`, await tokenIn(TENANT_ID, ana));
    expect(messages(home.json.recognitionsGiven)).toEqual(['ran the home retro']);
  });
});
