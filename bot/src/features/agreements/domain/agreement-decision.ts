/** How long members have to respond to a proposal. */
export const VOTING_WINDOW_DAYS = 7;

/**
 * How a team decides an agreement (a new one, a change, or retiring one). Like the check-in
 * settings vote (`majorityOutcome` in voting.ts) it counts the members who responded, and it
 * settles early once the result can no longer change; unlike it, an objection is not just a
 * "no": it carries a reason and blocks adoption until someone answers it.
 *
 * - Adopted when more endorse than object among those who responded within the window, and no
 *   objection is left unanswered. Early, as soon as more than half of the whole team endorses
 *   with no objection unanswered (even if everyone else objected, endorsements would still win).
 * - Rejected early when more than half of the team objects (endorsements can no longer win);
 *   after the window, when fewer endorse than object, or nobody endorses.
 * - After the window, still open in two cases a lead may settle by ratifying, with the
 *   objections in view: endorsements win but an objection has no answer yet
 *   (`awaiting-answers`: answering it settles it too), or a tie (`awaiting-lead`).
 */
export type Decision =
  | { outcome: 'adopted' }
  | { outcome: 'rejected'; reason: 'majority-objects' | 'no-majority' }
  | { outcome: 'open'; phase: 'voting' | 'awaiting-answers' | 'awaiting-lead' };

export interface DecisionInput {
  endorsements: number;
  /** Standing objections (withdrawn ones do not count). */
  objections: number;
  unansweredObjections: number;
  /** Members of the team now. */
  rosterSize: number;
  closesAt: Date;
  now: Date;
  /** The scheduler marked the window as ended. */
  votingClosed?: boolean;
}

export function agreementDecision(input: DecisionInput): Decision {
  const { endorsements: e, objections: o, unansweredObjections: u, rosterSize: n } = input;
  const over = Boolean(input.votingClosed) || input.now.getTime() >= input.closesAt.getTime();
  if (n > 0 && e * 2 > n && u === 0) return { outcome: 'adopted' };
  if (n > 0 && o * 2 > n) return { outcome: 'rejected', reason: 'majority-objects' };
  if (!over) return { outcome: 'open', phase: 'voting' };
  if (e > o)
    return u === 0 ? { outcome: 'adopted' } : { outcome: 'open', phase: 'awaiting-answers' };
  if (e === o && e > 0) return { outcome: 'open', phase: 'awaiting-lead' };
  return { outcome: 'rejected', reason: 'no-majority' };
}
