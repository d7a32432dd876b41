import type { Db } from 'mongodb';
import { z } from 'zod';
import type { PersonalDataPart } from '../../platform/domain/personal-data';
import { createListing } from '../../platform/store/listings';
import { followCollections } from './follow-collections';
import { signerId, type ActionDoc, type RoundDoc, type SignerDoc } from './follow-repository';

const exported = z.strictObject({
  replies: z.array(
    z.strictObject({
      teamId: z.string(),
      roundId: z.string(),
      text: z.string(),
      at: z.iso.datetime(),
    }),
  ),
  actionsOwned: z.array(z.strictObject({ teamId: z.string(), title: z.string() })),
});

/**
 * What a person signed in follow-through: their replies (public to their team) and the actions
 * they volunteered for. Erasure deletes the replies and leaves the actions without an owner;
 * comments, "heard" and themes carry no person, so there is nothing else of theirs.
 */
export function createFollowPersonalData(db: Db): PersonalDataPart {
  const people = db.collection<SignerDoc>(followCollections.followPeople);
  const rounds = db.collection<RoundDoc>(followCollections.followRounds);
  const actions = db.collection<ActionDoc>(followCollections.followActions);
  const teamRounds = createListing(db, 'follow-rounds');
  const teamActions = createListing(db, 'follow-actions');

  /** The person's teams in the caller's tenant, and each team's rounds and actions, by key. */
  const signed = async (
    person: Parameters<PersonalDataPart['collect']>[0],
    scope: Parameters<PersonalDataPart['collect']>[1],
  ) => {
    const doc = await people.findOne({ _id: signerId(person) });
    const teams = [...(await scope.inTenant(doc?.teams ?? []))];
    return Promise.all(
      teams.map(async (teamId) => ({
        teamId,
        rounds: (
          await Promise.all(
            (await teamRounds.ids(teamId)).map((_id) => rounds.findOne({ _id, teamId })),
          )
        ).filter((r): r is RoundDoc => r !== null),
        actions: (
          await Promise.all(
            (await teamActions.ids(teamId)).map((_id) => actions.findOne({ _id, teamId })),
          )
        ).filter((a): a is ActionDoc => a?.owner?.aadObjectId === person.aadObjectId),
      })),
    );
  };

  return {
    exported: { followThrough: exported },

    async collect(person, scope) {
      const result: z.input<typeof exported> = { replies: [], actionsOwned: [] };
      for (const { teamId, rounds: kept, actions: owned } of await signed(person, scope)) {
        for (const round of kept)
          for (const c of Object.values(round.comments ?? {}))
            for (const r of c.replies ?? [])
              if (r.by.aadObjectId === person.aadObjectId)
                result.replies.push({
                  teamId,
                  roundId: round._id,
                  text: r.text,
                  at: r.at.toISOString(),
                });
        for (const a of owned) result.actionsOwned.push({ teamId, title: a.title });
      }
      return { followThrough: result };
    },

    async erase(person, scope) {
      let replies = 0;
      let actionsLeft = 0;
      for (const { rounds: kept, actions: owned } of await signed(person, scope)) {
        for (const round of kept) {
          for (const [field, c] of Object.entries(round.comments ?? {})) {
            const others = (c.replies ?? []).filter((r) => r.by.aadObjectId !== person.aadObjectId);
            if (others.length === (c.replies ?? []).length) continue;
            replies += (c.replies ?? []).length - others.length;
            await rounds.updateOne(
              { _id: round._id },
              { $set: { [`comments.${field}.replies`]: others } },
            );
          }
        }
        for (const a of owned) {
          await actions.updateOne({ _id: a._id }, { $unset: { owner: '' } });
          actionsLeft++;
        }
      }
      const removed = await people.deleteOne({ _id: signerId(person) });
      return {
        followRepliesDeleted: replies,
        followActionsLeft: actionsLeft,
        followIndexDeleted: removed.deletedCount,
      };
    },
  };
}
