import type { RosterMember } from '../../../people/domain/installation';
import type { PersonKey } from '../../../platform/domain/person-key';
import type { Circle, Talk, TeamInterests } from './interests';

/** Where a team's circles and talks are kept; every write is one conditional update of its document. */
export interface InterestsRepository {
  team(teamId: string): Promise<TeamInterests>;
  /** Puts the member in the circle, starting it with this label when nobody is in it. */
  join(teamId: string, key: string, label: string, member: string): Promise<void>;
  /** Takes the member out of the circle; the last one out removes it. */
  leave(teamId: string, key: string, member: string): Promise<void>;
  addTalk(teamId: string, talk: Talk): Promise<void>;
  forgetTalks(teamId: string, ids: readonly string[]): Promise<void>;
  /** Records "I'd come" (again is no change); false when there is no such talk. */
  wantTalk(teamId: string, talkId: string, member: string): Promise<boolean>;
  /** Takes back the member's "I'd come" from these talks (their erasure). */
  unwantTalks(teamId: string, ids: readonly string[], member: string): Promise<void>;
  /** Marks the talk's invitation as sent; true for the one call that does. */
  markInvited(teamId: string, talkId: string, at: Date): Promise<boolean>;
  /** Notes that the person has interests data in the team, so their export finds it after they leave. */
  noteTeam(person: PersonKey, teamId: string): Promise<void>;
}

/** How circles reach people: a 1:1 card each, through the outbox. */
export interface InterestsDelivery {
  /** The circle's other members and a group chat link, to the member who asked. */
  introduce(
    teamId: string,
    requester: RosterMember,
    circle: Circle,
    others: RosterMember[],
  ): Promise<void>;
  /** The proposer's invitation link for everyone who would come; sent once per talk. */
  talkWanted(
    teamId: string,
    proposer: RosterMember,
    talk: Talk,
    audience: RosterMember[],
  ): Promise<void>;
}
