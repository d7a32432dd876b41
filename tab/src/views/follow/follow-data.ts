import { teamPath, type Api } from '../../api';
import type { CheckinConfig } from '../../../../bot/src/features/checkins/checkin-schemas';
import type {
  Actions,
  Feedback,
  FeedbackComment,
} from '../../../../bot/src/features/follow-through/follow-schemas';

/** What the view shows: comments with what the team did, actions, and whether the caller leads. */
export interface FollowData {
  feedback: Feedback;
  actions: Actions;
  isLead: boolean;
}

export async function loadFollowData(
  api: Api,
  teamId: string,
  signal?: AbortSignal,
): Promise<FollowData> {
  const [feedback, actions, settings] = await Promise.all([
    api.get<Feedback>(teamPath(teamId, '/feedback'), signal),
    api.get<Actions>(teamPath(teamId, '/actions'), signal),
    api.get<CheckinConfig>(teamPath(teamId, '/checkin/settings'), signal),
  ]);
  return { feedback, actions, isLead: settings.isLead };
}

/** A week's comments by round, in the order the API gives them. */
export function byRound(comments: readonly FeedbackComment[]): [string, FeedbackComment[]][] {
  const rounds = new Map<string, FeedbackComment[]>();
  for (const c of comments) rounds.set(c.roundId, [...(rounds.get(c.roundId) ?? []), c]);
  return [...rounds.entries()];
}

export const roundPath = (teamId: string, roundId: string, rest: string) =>
  teamPath(teamId, `/rounds/${encodeURIComponent(roundId)}${rest}`);
