import { createInstallationRepository } from '../../../bot/src/people/installation-repository';
import { memberJoined, memberLeft, teamInstallationUpdate } from '../../fixtures/teams-activities';
import { call, devToken, newMembers, type Member } from '../../support/team-harness';
import { useTestApp } from '../../support/use-test-app';

/**
 * GET /api/v1/me reads each person's list of conversations (one document per tenant and person),
 * a copy of the rosters kept beside them. These hold it to the rosters through joins, leaves,
 * refreshes and uninstalls, and through roster changes that race each other.
 */
describe('a member’s teams in GET /api/v1/me follow the rosters', () => {
  const app = useTestApp('memberships');

  const teamsOf = async (member: Member) => {
    const res = await call('GET', `${app.url}/api/v1/me`, await devToken(app.url, member));
    expect(res.status).toBe(200);
    return (res.json.teams as { id: string }[]).map((t) => t.id).sort();
  };

  it('lists a team while its roster holds the caller and the app is installed there', async () => {
    const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');
    const platform = await app.install([ana, bo, chen]);
    const design = await app.install([ana, chen]);
    expect(await teamsOf(ana)).toEqual([platform.teamId, design.teamId].sort());
    expect(await teamsOf(bo)).toEqual([platform.teamId]);

    // Ana leaves Platform (Teams says so), and Design's roster no longer has Chen on a refresh.
    await app.send(memberLeft(platform, ana));
    const dee = newMembers('Dee')[0];
    app.connector.setRoster(design.teamId, [ana, dee]);
    await app.send(memberJoined(design, dee));

    expect(await teamsOf(ana)).toEqual([design.teamId]);
    expect(await teamsOf(chen)).toEqual([platform.teamId]);
    expect(await teamsOf(dee)).toEqual([design.teamId]);

    // Back in Platform on its next refresh; Design uninstalled.
    app.connector.setRoster(platform.teamId, [ana, bo, chen]);
    await app.send(memberJoined(platform, ana));
    await app.send(teamInstallationUpdate(design, 'remove', ana));

    expect(await teamsOf(ana)).toEqual([platform.teamId]);
    expect(await teamsOf(dee)).toEqual([]);
  });

  it('keeps everyone in a roster listed, and no one outside it, when roster changes race', async () => {
    const people = newMembers('Ana', 'Bo', 'Chen', 'Dee', 'Eve', 'Fay');
    const team = await app.install(people);
    const repo = createInstallationRepository(app.database.db);
    for (let round = 0; round < 8; round++) {
      // Teams' roster flips between two sets while removals of the same people arrive.
      const shown = people.filter((_, i) => (i + round) % 3 !== 0);
      app.connector.setRoster(team.teamId, shown);
      await Promise.all([
        ...people.filter((_, i) => i % 2 === round % 2).map((m) => app.send(memberLeft(team, m))),
        app.send(memberJoined(team, shown[0])),
        app.send(memberJoined(team, shown[1])),
      ]);
      const roster = new Set((await repo.roster(team.teamId)).map((m) => m.aadObjectId));
      for (const m of people) {
        expect({ member: m.name, round, listed: await teamsOf(m) }).toEqual({
          member: m.name,
          round,
          listed: roster.has(m.aadObjectId) ? [team.teamId] : [],
        });
      }
    }
  });
});
