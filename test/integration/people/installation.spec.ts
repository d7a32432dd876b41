import { randomUUID } from 'node:crypto';
import { createInstallationRepository } from '../../../bot/src/people/installation-repository';
import { postJson } from '../../support/http';
import { newMembers } from '../../support/team-harness';
import { useTestApp } from '../../support/use-test-app';
import {
  BOT_ID,
  channelMessage,
  memberJoined,
  memberLeft,
  teamInstallationUpdate,
  teamMembersChanged,
} from '../../fixtures/teams-activities';

describe('installing Rapport in a team (over /api/messages)', () => {
  const app = useTestApp('installation');

  const people = newMembers('Ana', 'Bo', 'Chen');

  it('stores the team, its conversation reference and the whole paged roster, then welcomes once', async () => {
    const team = app.newTeam();
    app.connector.setRoster(team.teamId, people);
    const install = teamInstallationUpdate(team, 'add', people[0]);

    const first = await postJson(`${app.url}/api/messages`, install);
    // Teams announces the same install again through conversationUpdate; it must not welcome twice.
    const second = await postJson(
      `${app.url}/api/messages`,
      teamMembersChanged(team, { membersAdded: [{ id: BOT_ID }] }),
    );

    expect([first.status, second.status]).toEqual([200, 200]);
    const welcomes = app.connector.posted.filter((p) => p.conversationId === team.channelId);
    expect(welcomes).toHaveLength(1);
    expect(String(welcomes[0].body.text)).toContain('Rapport');
    expect(String(welcomes[0].body.text)).toMatch(/never stores presence/);

    const repo = createInstallationRepository(app.database.db);
    const stored = await repo.find(team.teamId);
    expect(stored).toMatchObject({
      kind: 'team',
      active: true,
      name: 'Platform',
      tenantId: expect.any(String),
    });
    expect(stored?.reference).toMatchObject({
      serviceUrl: app.connector.url,
      conversation: { id: team.channelId },
    });
    const roster = await repo.roster(team.teamId);
    expect(roster.map((m) => m.name)).toEqual(['Ana', 'Bo', 'Chen']);
    expect(roster.map((m) => m.aadObjectId).sort()).toEqual(
      people.map((p) => p.aadObjectId).sort(),
    );
  });

  it('follows members leaving and joining', async () => {
    const team = app.newTeam();
    app.connector.setRoster(team.teamId, people);
    await app.send(teamInstallationUpdate(team, 'add', people[0]));

    const removed = await postJson(`${app.url}/api/messages`, memberLeft(team, people[2]));
    expect(removed.status).toBe(200);
    const repo = createInstallationRepository(app.database.db);
    expect((await repo.roster(team.teamId)).map((m) => m.name)).toEqual(['Ana', 'Bo']);
    expect(await repo.memberCount(team.teamId)).toBe(2);

    const dee = { id: `29:Dee-${randomUUID()}`, aadObjectId: randomUUID(), name: 'Dee' };
    app.connector.setRoster(team.teamId, [people[0], people[1], dee]);
    await postJson(`${app.url}/api/messages`, memberJoined(team, dee));
    expect((await repo.roster(team.teamId)).map((m) => m.name)).toEqual(['Ana', 'Bo', 'Dee']);
    expect(await repo.memberCount(team.teamId)).toBe(3);
  });

  it('marks the team inactive on uninstall and keeps its data', async () => {
    const team = app.newTeam();
    app.connector.setRoster(team.teamId, people);
    await app.send(teamInstallationUpdate(team, 'add', people[0]));

    const res = await postJson(
      `${app.url}/api/messages`,
      teamInstallationUpdate(team, 'remove', people[0]),
    );

    expect(res.status).toBe(200);
    const repo = createInstallationRepository(app.database.db);
    expect(await repo.find(team.teamId)).toMatchObject({ active: false });
    expect(await repo.roster(team.teamId)).toHaveLength(3);
  });

  it('welcomes again after a reinstall', async () => {
    const team = app.newTeam();
    app.connector.setRoster(team.teamId, people);
    await app.send(teamInstallationUpdate(team, 'add', people[0]));
    await app.send(teamInstallationUpdate(team, 'remove', people[0]));
    await app.send(teamInstallationUpdate(team, 'add', people[1]));

    expect(app.connector.posted.filter((p) => p.conversationId === team.channelId)).toHaveLength(2);
  });

  it('answers a message with what the bot can do', async () => {
    const team = app.newTeam();
    const res = await postJson(`${app.url}/api/messages`, channelMessage(team, people[0], 'help'));

    expect(res.status).toBe(200);
    const reply = app.connector.posted.find((p) => p.conversationId === team.channelId);
    expect(String(reply?.body.text)).toContain('Here is what I can do');
  });
});
