import type { Document } from 'mongodb';
import type { CheckinSettings } from '../../bot/src/features/checkins/domain/checkin';
import type { RosterMember } from '../../bot/src/people/domain/installation';
import { membershipsId } from '../../bot/src/people/memberships';
import { rosterDoc } from '../../bot/src/people/rosters';
import { collections } from '../../test/support/schema';

/** The tenant every seeded team is in (the tests' tenant). */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** A team as the seeders plan it. */
export interface SeedTeam {
  teamId: string;
  name: string;
  roster: RosterMember[];
}

/** The documents of one collection, generated as they are inserted, and how many there are. */
export interface InstallationSet {
  collection: string;
  count: number;
  docs(): Iterable<Document>;
}

/**
 * What installing Rapport leaves for each team, written directly as the app stores it: the
 * conversation, its roster, each member's memberships and the check-in settings (the installer
 * leads). Seeding thousands of teams through /api/messages would take hours.
 */
export function installationSets(
  teams: SeedTeam[],
  {
    installedAt,
    settings,
    reference,
  }: {
    installedAt: Date;
    settings: CheckinSettings;
    /** The conversation reference the app would have stored from the install activity. */
    reference: (team: SeedTeam) => object;
  },
): InstallationSet[] {
  return [
    {
      collection: collections.conversations,
      count: teams.length,
      *docs() {
        for (const team of teams) {
          yield {
            _id: team.teamId,
            kind: 'team',
            tenantId: TENANT_ID,
            name: team.name,
            reference: reference(team),
            active: true,
            installedAt,
            updatedAt: installedAt,
          };
        }
      },
    },
    {
      collection: collections.rosters,
      count: teams.length,
      *docs() {
        for (const team of teams) yield rosterDoc(team.teamId, team.roster, installedAt);
      },
    },
    {
      collection: collections.memberships,
      count: teams.reduce((sum, t) => sum + t.roster.length, 0),
      *docs() {
        for (const team of teams) {
          for (const m of team.roster) {
            yield {
              _id: membershipsId(TENANT_ID, m.aadObjectId),
              tenantId: TENANT_ID.toLowerCase(),
              aadObjectId: m.aadObjectId,
              conversations: [team.teamId],
            };
          }
        }
      },
    },
    {
      collection: collections.teamSettings,
      count: teams.length,
      *docs() {
        for (const team of teams) {
          yield { _id: team.teamId, checkin: settings, leads: [team.roster[0].aadObjectId] };
        }
      },
    },
  ];
}
