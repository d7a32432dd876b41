import type { Db } from 'mongodb';
import { z } from 'zod';
import type { PersonalDataPart, PersonalDataScope } from '../../platform/domain/personal-data';
import type { PersonKey } from '../../platform/domain/person-key';
import type { InterestsRepository } from './domain/interests-ports';
import { interestsCollections } from './interests-collections';
import { personId, type PersonDoc } from './interests-repository';

const exported = z.array(
  z.strictObject({
    teamId: z.string(),
    tags: z.array(z.string()).meta({ description: 'The circles you are in, by their label' }),
    talksProposed: z.array(
      z.strictObject({
        circle: z.string(),
        title: z.string(),
        summary: z.string(),
        proposedAt: z.iso.datetime(),
        invitedAt: z.iso.datetime().nullable(),
      }),
    ),
    talksYouWouldCome: z.array(z.strictObject({ circle: z.string(), title: z.string() })),
  }),
);

/**
 * A person's interests: the circles they are in, the talks they offered and the ones they said
 * they would come to, in every team of the caller's tenant where they have any (also teams they
 * have left). Erasure takes them out of all of it.
 */
export function createInterestsPersonalData(db: Db, repo: InterestsRepository): PersonalDataPart {
  const persons = db.collection<PersonDoc>(interestsCollections.interestPeople);

  /** The person's interests in each team of the caller's tenant where they may have some. */
  const found = async (person: PersonKey, scope: PersonalDataScope) => {
    const noted = await persons.findOne({ _id: personId(person) });
    const teamIds = await scope.inTenant(new Set([...scope.memberTeams, ...(noted?.teams ?? [])]));
    const me = person.aadObjectId;
    return Promise.all(
      [...teamIds].map(async (teamId) => {
        const { circles, talks } = await repo.team(teamId);
        return {
          teamId,
          circles: circles.filter((c) => c.members.includes(me)),
          proposed: talks.filter((t) => t.proposer === me),
          wanted: talks.filter((t) => t.wanted.includes(me)),
        };
      }),
    );
  };

  return {
    exported: { interests: exported },

    async collect(person, scope) {
      const teams = (await found(person, scope)).filter(
        (t) => t.circles.length + t.proposed.length + t.wanted.length > 0,
      );
      const interests: z.input<typeof exported> = teams.map((t) => ({
        teamId: t.teamId,
        tags: t.circles.map((c) => c.label),
        talksProposed: t.proposed.map((talk) => ({
          circle: talk.circleLabel,
          title: talk.title,
          summary: talk.summary,
          proposedAt: talk.proposedAt.toISOString(),
          invitedAt: talk.invitedAt?.toISOString() ?? null,
        })),
        talksYouWouldCome: t.wanted.map((talk) => ({
          circle: talk.circleLabel,
          title: talk.title,
        })),
      }));
      return { interests };
    },

    async erase(person, scope) {
      const report = { interestCirclesLeft: 0, talksDeleted: 0, talkInterestsWithdrawn: 0 };
      for (const t of await found(person, scope)) {
        for (const circle of t.circles) await repo.leave(t.teamId, circle.key, person.aadObjectId);
        await repo.forgetTalks(
          t.teamId,
          t.proposed.map((talk) => talk.id),
        );
        await repo.unwantTalks(
          t.teamId,
          t.wanted.map((talk) => talk.id),
          person.aadObjectId,
        );
        report.interestCirclesLeft += t.circles.length;
        report.talksDeleted += t.proposed.length;
        report.talkInterestsWithdrawn += t.wanted.length;
      }
      await persons.deleteOne({ _id: personId(person) });
      return report;
    },
  };
}
