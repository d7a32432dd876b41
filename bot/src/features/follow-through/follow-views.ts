import { parseCommentId, type RoundFeedback } from '../checkins';
import type { Action } from './domain/follow-through';
import type { FollowRound, Reply, RoundSummary } from './domain/follow-ports';
import type { ActionView, FeedbackComment, ReplyView, RoundSummaryView } from './follow-schemas';

/** A reply as the team sees it: signed by name; the caller learns only which are their own. */
export const replyAnswer = (r: Reply, caller: string): ReplyView => ({
  id: r.id,
  author: r.by.name,
  mine: r.by.aadObjectId === caller,
  text: r.text,
  at: r.at.toISOString(),
});

/** A round's comments with their replies, "heard" and theme; still no author and no time. */
export function commentsAnswer(
  round: RoundFeedback,
  followUp: FollowRound | undefined,
  caller: string,
): FeedbackComment[] {
  return round.comments.map((c) => {
    const field = `c${(parseCommentId(c.id)?.index ?? 0) + 1}`;
    const notes = followUp?.comments[field];
    return {
      id: c.id,
      roundId: round.roundId,
      text: c.text,
      heard: notes?.heardAt !== undefined,
      theme: followUp?.themes.find((t) => t.commentIds.includes(c.id))?.name ?? null,
      replies: (notes?.replies ?? []).map((r) => replyAnswer(r, caller)),
    };
  });
}

/** Weeks newest first, each with the comments of its rounds. */
export function feedbackAnswer(
  rounds: (RoundFeedback & { followUp?: FollowRound })[],
  caller: string,
) {
  const weeks = new Map<string, FeedbackComment[]>();
  for (const r of rounds)
    weeks.set(r.week, [...(weeks.get(r.week) ?? []), ...commentsAnswer(r, r.followUp, caller)]);
  return {
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .map(([week, comments]) => ({ week, comments })),
  };
}

const checkBackAnswer = (a: Action): ActionView['checkBack'] => {
  const c = a.checkBack;
  if (!c) return null;
  if (c.result === undefined) return { status: 'asked', roundId: c.roundId };
  if (c.result === null)
    return {
      status: 'insufficient',
      roundId: c.roundId,
      reason: 'Too few people answered “did it help?” to show the result.',
    };
  return { status: 'ok', roundId: c.roundId, ...c.result };
};

/** An action as the team sees it: the owner by name, and whether it is the caller. */
export const actionAnswer = (a: Action, caller: string): ActionView => ({
  id: a.id,
  title: a.title,
  why: a.why,
  commentIds: a.commentIds,
  trait: a.trait ?? null,
  dueDate: a.dueDate,
  status: a.status,
  reason: a.reason ?? null,
  owner: a.owner ? { name: a.owner.name, mine: a.owner.aadObjectId === caller } : null,
  createdAt: a.createdAt.toISOString(),
  doneAt: a.doneAt?.toISOString() ?? null,
  checkBack: checkBackAnswer(a),
  agreementId: a.agreementId ?? null,
});

/** The results of a closed round, or only the fact that too few answered. */
export function summaryAnswer(round: FollowRound & { summary: RoundSummary }): RoundSummaryView {
  const s = round.summary;
  const base = { roundId: round.id, week: round.week, closedAt: s.closedAt.toISOString() };
  if (!s.met)
    return {
      ...base,
      status: 'insufficient',
      reason: `Fewer than ${Math.max(3, s.minGroupSize)} people answered, so nothing is shown to protect their anonymity.`,
    };
  return {
    ...base,
    status: 'ok',
    answers: s.answers,
    invited: s.invited,
    participation:
      s.invited > 0 ? Math.round((Math.min(s.answers, s.invited) / s.invited) * 100) / 100 : null,
    traits: s.traits,
    comments: s.comments,
    actionsDone: s.actionsDone,
    note: round.note ?? null,
    posted: round.postedAt !== undefined,
  };
}
