import type { Db } from 'mongodb';
import { z } from 'zod';
import type { PersonalDataPart, PersonalDataScope } from '../../platform/domain/personal-data';
import { asFieldName } from '../../platform/store/field-names';
import { coffeeCollections } from './coffee-collections';
import {
  groupsOf,
  profileId,
  roundId,
  type ProfileDoc,
  type ProgrammeDoc,
  type RoundDoc,
} from './coffee-repository';

const exported = z.strictObject({
  profile: z
    .strictObject({
      timeZone: z.string().nullable(),
      timeZoneSource: z.string().nullable(),
      workingHours: z.strictObject({ start: z.string(), end: z.string() }).nullable(),
    })
    .nullable(),
  programmes: z.array(
    z.strictObject({
      teamId: z.string(),
      joinedAt: z.iso.datetime(),
      pausedUntil: z.string().nullable(),
      avoid: z.array(z.string()),
      ignoredInARow: z.number().int(),
    }),
  ),
  groups: z.array(
    z.strictObject({
      teamId: z.string(),
      startsAt: z.iso.datetime(),
      partners: z.array(z.string()),
    }),
  ),
});

/**
 * A person's virtual coffee: their time zone and hours, their place in each team's programme
 * (with their private avoid list) and the groups of the rounds still kept. Erasure removes all of
 * it, including their place in past groups.
 */
export function createCoffeePersonalData(db: Db): PersonalDataPart {
  const programmes = db.collection<ProgrammeDoc>(coffeeCollections.coffeeProgrammes);
  const rounds = db.collection<RoundDoc>(coffeeCollections.coffeeRounds);
  const profiles = db.collection<ProfileDoc>(coffeeCollections.coffeeProfiles);

  /** The teams of the caller's tenant where the person may have coffee data. */
  const teamsOf = async (scope: PersonalDataScope, profile: ProfileDoc | null) => [
    ...(await scope.inTenant(new Set([...scope.memberTeams, ...(profile?.teams ?? [])]))),
  ];

  /** The kept rounds of a team, read by `_id` from the programme's counters. */
  const keptRounds = async (teamId: string) => {
    const programme = await programmes.findOne({ _id: teamId });
    if (!programme) return { programme, rounds: [] as RoundDoc[] };
    const ids: string[] = [];
    for (let seq = programme.oldestKept ?? 1; seq <= (programme.roundSeq ?? 0); seq++)
      ids.push(roundId(teamId, seq));
    const found = await Promise.all(ids.map((_id) => rounds.findOne({ _id })));
    return { programme, rounds: found.filter((r): r is RoundDoc => r !== null) };
  };

  return {
    exported: { virtualCoffee: exported },

    async collect(person, scope) {
      const profile = await profiles.findOne({ _id: profileId(person) });
      const field = asFieldName(person.aadObjectId);
      const result: z.input<typeof exported> = {
        profile: profile
          ? {
              timeZone: profile.timeZone ?? null,
              timeZoneSource: profile.zoneSource ?? null,
              workingHours: profile.workingHours ?? null,
            }
          : null,
        programmes: [],
        groups: [],
      };
      for (const teamId of await teamsOf(scope, profile)) {
        const { programme, rounds: kept } = await keptRounds(teamId);
        const entry = programme?.members?.[field];
        if (entry)
          result.programmes.push({
            teamId,
            joinedAt: entry.joinedAt.toISOString(),
            pausedUntil: entry.pausedUntil ?? null,
            avoid: entry.avoid ?? [],
            ignoredInARow: entry.ignoredInARow ?? 0,
          });
        for (const round of kept)
          for (const group of groupsOf(round).filter((g) => g.includes(person.aadObjectId)))
            result.groups.push({
              teamId,
              startsAt: round.startsAt.toISOString(),
              partners: group.filter((id) => id !== person.aadObjectId),
            });
      }
      return { virtualCoffee: result };
    },

    async erase(person, scope) {
      const profile = await profiles.findOne({ _id: profileId(person) });
      const field = asFieldName(person.aadObjectId);
      let programmesLeft = 0;
      let groupsLeft = 0;
      for (const teamId of await teamsOf(scope, profile)) {
        const { programme, rounds: kept } = await keptRounds(teamId);
        if (programme?.members?.[field]) {
          await programmes.updateOne({ _id: teamId }, { $unset: { [`members.${field}`]: '' } });
          programmesLeft++;
        }
        for (const round of kept) {
          if (!groupsOf(round).some((g) => g.includes(person.aadObjectId))) continue;
          const groups = groupsOf(round).map((g) => ({
            members: g.filter((id) => id !== person.aadObjectId),
          }));
          await rounds.updateOne(
            { _id: round._id },
            { $set: { groups }, $unset: { [`answers.${field}`]: '' } },
          );
          groupsLeft++;
        }
      }
      const removed = await profiles.deleteOne({ _id: profileId(person) });
      return {
        coffeeProfilesDeleted: removed.deletedCount,
        coffeeProgrammesLeft: programmesLeft,
        coffeeGroupsLeft: groupsLeft,
      };
    },
  };
}
