import { randomBytes } from 'node:crypto';
import type { InstallationRepository } from '../../people/domain/installation';
import type { PersonKey } from '../../platform/domain/person-key';
import {
  checkRoomForTalk,
  InterestsError,
  isListed,
  othersIn,
  ownCircle,
  seenBy,
  tagChanges,
  talkSeen,
  TALK_LISTED_DAYS,
  wantedTags,
  type Talk,
} from './domain/interests';
import type { InterestsDelivery, InterestsRepository } from './domain/interests-ports';

const talkGone = () => new InterestsError('INTERESTS_TALK_NOT_FOUND', { days: TALK_LISTED_DAYS });

/**
 * Interest circles: members' own tags make the team's circles; a member of a circle can be
 * introduced to the others, and offer a lightning talk that happens once enough would come.
 */
export function createInterestsService(deps: {
  repo: InterestsRepository;
  roster: Pick<InstallationRepository, 'roster'>;
  delivery: InterestsDelivery;
  /** Told when a talk is proposed, so that it is forgotten when its listing ends. */
  onTalkProposed?: (teamId: string, talk: Talk) => Promise<void>;
  now?: () => Date;
}) {
  const { repo, delivery } = deps;
  const now = () => deps.now?.() ?? new Date();
  const rosterOf = async (teamId: string) =>
    new Map((await deps.roster.roster(teamId)).map((m) => [m.aadObjectId, m]));
  const read = (teamId: string) => Promise.all([repo.team(teamId), rosterOf(teamId)]);

  return {
    /** The team's circles and talks as one member sees them. */
    async view(teamId: string, member: string) {
      const [state, roster] = await read(teamId);
      return seenBy(state, roster, member, now());
    },

    /** Makes the member's interests exactly these: joins the new circles, leaves the others. */
    async setTags(teamId: string, person: PersonKey, typed: readonly string[]) {
      const { join, leave } = tagChanges(
        (await repo.team(teamId)).circles,
        person.aadObjectId,
        wantedTags(typed),
      );
      // Noted first, so that an export or erasure racing this write still finds the team.
      if (join.length) await repo.noteTeam(person, teamId);
      for (const { key, label } of join) await repo.join(teamId, key, label, person.aadObjectId);
      for (const key of leave) await repo.leave(teamId, key, person.aadObjectId);
    },

    /** Sends the member a card with the circle's other members and a group chat link. */
    async introduce(teamId: string, member: string, tag: string) {
      const [state, roster] = await read(teamId);
      const circle = ownCircle(state, tag, member);
      const others = othersIn(circle, roster, member);
      if (others.length === 0)
        throw new InterestsError('INTERESTS_ALONE', { circle: circle.label });
      // The route's access check found the member in this roster.
      await delivery.introduce(teamId, roster.get(member)!, circle, others);
      return { circle, others };
    },

    /** A member offers their circle a 10-minute talk. */
    async proposeTalk(
      teamId: string,
      person: PersonKey,
      tag: string,
      offer: { title: string; summary: string },
    ) {
      const [state, roster] = await read(teamId);
      const circle = ownCircle(state, tag, person.aadObjectId);
      checkRoomForTalk(state, circle, now());
      const talk: Talk = {
        id: randomBytes(6).toString('hex'),
        circle: circle.key,
        circleLabel: circle.label,
        title: offer.title,
        summary: offer.summary,
        proposer: person.aadObjectId,
        proposedAt: now(),
        wanted: [],
      };
      // Its end is scheduled before it is stored, so that no talk outlives its listing.
      await deps.onTalkProposed?.(teamId, talk);
      await repo.noteTeam(person, teamId);
      await repo.addTalk(teamId, talk);
      return talkSeen(state, talk, roster, person.aadObjectId);
    },

    /**
     * "I'd come". The call that finds enough people want the talk sends the proposer their
     * invitation; calls racing it find the same and enqueue the same message, which the outbox
     * keeps once, so the proposer gets exactly one.
     */
    async wantTalk(teamId: string, person: PersonKey, talkId: string) {
      const before = (await repo.team(teamId)).talks.find((t) => t.id === talkId);
      if (!before || !isListed(before, now())) throw talkGone();
      if (before.proposer === person.aadObjectId) throw new InterestsError('INTERESTS_OWN_TALK');
      await repo.noteTeam(person, teamId);
      if (!(await repo.wantTalk(teamId, talkId, person.aadObjectId))) throw talkGone();
      const [state, roster] = await read(teamId);
      const talk = state.talks.find((t) => t.id === talkId) ?? before;
      const seen = talkSeen(state, talk, roster, person.aadObjectId);
      if (talk.invitedAt || seen.audience.length < seen.needed) return seen;
      // A proposer who has left the team is told nothing; the talk still counts as done.
      if (seen.proposer) await delivery.talkWanted(teamId, seen.proposer, talk, seen.audience);
      const at = now();
      await repo.markInvited(teamId, talkId, at);
      return { ...seen, talk: { ...talk, invitedAt: at } };
    },

    /** Forgets a talk whose listing ended. */
    forgetTalk: (teamId: string, talkId: string) => repo.forgetTalks(teamId, [talkId]),
  };
}

export type InterestsService = ReturnType<typeof createInterestsService>;
