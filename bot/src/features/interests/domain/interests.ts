import type { RosterMember } from '../../../people/domain/installation';
import { displayTag, tagKey } from './tags';
import { DomainError } from '../../../platform/domain/domain-error';

/** A talk is listed (and can gather "I'd come") this long after it was proposed, then forgotten. */
export const TALK_LISTED_DAYS = 30;
/** Talks listed at once per circle, so a circle's list stays readable. */
const MAX_TALKS_PER_CIRCLE = 5;
/** How many "I'd come" make a talk happen in a circle of at least twice as many people. */
const TALK_AUDIENCE = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** People who share an interest in one team. The label is the form the first of them typed. */
export interface Circle {
  key: string;
  label: string;
  /** Object ids, as stored: someone who has left the team stays here until they erase their data. */
  members: string[];
}

/** A 10-minute talk a member offers their circle. */
export interface Talk {
  id: string;
  circle: string;
  /** The circle's label when the talk was proposed: the talk outlives an emptied circle. */
  circleLabel: string;
  title: string;
  summary: string;
  proposer: string;
  proposedAt: Date;
  /** Object ids of the people who said "I'd come". */
  wanted: string[];
  /** When the proposer was sent the invitation link; set once. */
  invitedAt?: Date;
}

export interface TeamInterests {
  circles: Circle[];
  talks: Talk[];
}

export class InterestsError extends DomainError {}

/**
 * How many "I'd come" a talk needs: three, or half the circle (rounded up, at least one) when
 * the circle has fewer than six members, so a small circle's talk can still happen. The
 * circle counts its members in the team now, the proposer included.
 */
export function talkThreshold(circleSize: number): number {
  return Math.min(TALK_AUDIENCE, Math.max(1, Math.ceil(circleSize / 2)));
}

export const isListed = (talk: Pick<Talk, 'proposedAt'>, now: Date): boolean =>
  now.getTime() - talk.proposedAt.getTime() < TALK_LISTED_DAYS * DAY_MS;

/** A member's interests as sent: keyed, with the form they typed; the first of a key wins. */
export function wantedTags(typed: readonly string[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const t of typed) if (!tags.has(tagKey(t))) tags.set(tagKey(t), displayTag(t));
  return tags;
}

/** Which circles a member joins and leaves to hold exactly `wanted`. */
export function tagChanges(
  circles: readonly Circle[],
  member: string,
  wanted: ReadonlyMap<string, string>,
): { join: { key: string; label: string }[]; leave: string[] } {
  const current = new Set(circles.filter((c) => c.members.includes(member)).map((c) => c.key));
  return {
    join: [...wanted].filter(([key]) => !current.has(key)).map(([key, label]) => ({ key, label })),
    leave: [...current].filter((key) => !wanted.has(key)),
  };
}

/** The circle a path names in any spelling ("Dogs", "dog"), if anyone is in it. */
const circleNamed = (state: TeamInterests, typed: string): Circle | undefined =>
  state.circles.find((c) => c.key === tagKey(typed));

/** The circle a member acts in: it must exist and hold them. */
export function ownCircle(state: TeamInterests, typed: string, member: string): Circle {
  const circle = circleNamed(state, typed);
  if (!circle) throw new InterestsError('INTERESTS_NO_CIRCLE', { interest: displayTag(typed) });
  if (!circle.members.includes(member))
    throw new InterestsError('INTERESTS_NOT_IN_CIRCLE', { circle: circle.label });
  return circle;
}

/** Refuses another talk in a circle whose list is full. */
export function checkRoomForTalk(state: TeamInterests, circle: Circle, now: Date): void {
  const listed = state.talks.filter((t) => t.circle === circle.key && isListed(t, now));
  if (listed.length >= MAX_TALKS_PER_CIRCLE)
    throw new InterestsError('INTERESTS_TOO_MANY_TALKS', {
      circle: circle.label,
      max: MAX_TALKS_PER_CIRCLE,
      days: TALK_LISTED_DAYS,
    });
}

/** A circle as a team member sees it: only people still in the team, by name. */
export interface CircleSeen {
  circle: Circle;
  members: RosterMember[];
  mine: boolean;
}

/** A talk as a team member sees it: who comes is a count, except to the proposer's card. */
export interface TalkSeen {
  talk: Talk;
  proposer?: RosterMember;
  /** Team members who said "I'd come". */
  audience: RosterMember[];
  needed: number;
  mine: boolean;
  iWouldCome: boolean;
}

const byName = (a: RosterMember, b: RosterMember) => a.name.localeCompare(b.name);

/** Those of `ids` still in the team, by name. */
const inTeam = (ids: readonly string[], roster: ReadonlyMap<string, RosterMember>) =>
  ids.flatMap((id) => roster.get(id) ?? []).sort(byName);

/** The circle's members still in the team but `member`, by name. */
export const othersIn = (
  circle: Circle,
  roster: ReadonlyMap<string, RosterMember>,
  member: string,
): RosterMember[] =>
  inTeam(
    circle.members.filter((id) => id !== member),
    roster,
  );

/** One talk as `member` sees it, with the threshold of its circle as the circle is now. */
export function talkSeen(
  state: TeamInterests,
  talk: Talk,
  roster: ReadonlyMap<string, RosterMember>,
  member: string,
): TalkSeen {
  const circle = state.circles.find((c) => c.key === talk.circle);
  return {
    talk,
    proposer: roster.get(talk.proposer),
    audience: inTeam(talk.wanted, roster),
    needed: talkThreshold(inTeam(circle?.members ?? [], roster).length),
    mine: talk.proposer === member,
    iWouldCome: talk.wanted.includes(member),
  };
}

/**
 * The team's circles (largest first) and the talks on offer (newest first) as one member sees
 * them: people who have left the team are neither shown nor counted.
 */
export function seenBy(
  state: TeamInterests,
  roster: ReadonlyMap<string, RosterMember>,
  member: string,
  now: Date,
): { circles: CircleSeen[]; talks: TalkSeen[] } {
  const circles = state.circles
    .map((circle) => ({
      circle,
      members: inTeam(circle.members, roster),
      mine: circle.members.includes(member),
    }))
    .filter((c) => c.members.length > 0)
    .sort(
      (a, b) => b.members.length - a.members.length || a.circle.label.localeCompare(b.circle.label),
    );
  const talks = state.talks
    .filter((t) => isListed(t, now))
    .sort((a, b) => b.proposedAt.getTime() - a.proposedAt.getTime())
    .map((t) => talkSeen(state, t, roster, member));
  return { circles, talks };
}
