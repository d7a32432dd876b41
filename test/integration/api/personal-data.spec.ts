import { channelMessage } from '../../fixtures/teams-activities';
import { collections } from '../../../bot/src/store/collections';
import { startConnectorStub } from '../../support/connector-stub';
import { postJson } from '../../support/http';
import { call, devToken, installTeam, newMembers, type Member } from '../../support/team-harness';
import { startTestApp } from '../../support/test-app';

describe('a member’s own data: export, erase, and the roster members see', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let connector: Awaited<ReturnType<typeof startConnectorStub>>;
  const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');
  let team: Awaited<ReturnType<typeof installTeam>>;

  const recognize = async (from: Member, to: Member, text: string) => {
    const message = channelMessage(team, from, `recognize <at>${to.name}</at> ${text}`);
    message.entities.push({
      type: 'mention',
      text: `<at>${to.name}</at>`,
      mentioned: { id: to.id, name: to.name },
    });
    expect((await postJson(`${app.url}/api/messages`, message)).status).toBe(200);
  };

  beforeAll(async () => {
    connector = await startConnectorStub();
    app = await startTestApp('personaldata');
    team = await installTeam(app.url, connector, [ana, bo, chen]);
    await recognize(ana, bo, 'for impact shipped the migration');
    await recognize(bo, ana, 'for meaning kept us focused');
    await recognize(bo, chen, 'for dependability covered on-call');
  });
  afterAll(async () => {
    await app.stop();
    await connector.close();
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
  });

  it('erases the caller’s recognitions and leaves the team’s weekly counts intact', async () => {
    const weeks = () =>
      app.database.db.collection(collections.trustWeeks).find({ teamId: team.teamId }).toArray();
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
  });

  it('needs a token for both', async () => {
    expect((await fetch(`${app.url}/api/v1/me/export`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/v1/me`, { method: 'DELETE' })).status).toBe(401);
  });
});

describe('erasing a member who took part in agreements', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let connector: Awaited<ReturnType<typeof startConnectorStub>>;
  const [ana, bo, chen, dee] = newMembers('Ana', 'Bo', 'Chen', 'Dee');

  beforeAll(async () => {
    connector = await startConnectorStub();
    app = await startTestApp('erasure');
  });
  afterAll(async () => {
    await app.stop();
    await connector.close();
  });

  it('keeps the team’s agreement and its history, with the person shown as a former member', async () => {
    const team = await installTeam(app.url, connector, [ana, bo, chen, dee]);
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
