/**
 * The team decides together: a change passes when a majority of the members who voted within the
 * window approve. It is settled early once the outcome can no longer change (more than half of
 * the whole roster on one side).
 */
export type VoteOutcome = 'open' | 'adopted' | 'rejected';

export function majorityOutcome(input: {
  approvals: number;
  rejections: number;
  rosterSize: number;
  closesAt: Date;
  now: Date;
}): VoteOutcome {
  const { approvals, rejections, rosterSize } = input;
  if (approvals * 2 > rosterSize) return 'adopted';
  if (rejections * 2 >= rosterSize && rosterSize > 0) return 'rejected';
  if (input.now.getTime() < input.closesAt.getTime()) return 'open';
  return approvals > rejections ? 'adopted' : 'rejected';
}
