import type { CoffeeRound } from './coffee-ports';
import type { PastMeeting } from './matching';

/** Every pair inside the groups of past rounds: what the cooldown keeps apart. */
export function pastMeetings(rounds: readonly CoffeeRound[]): PastMeeting[] {
  const met: PastMeeting[] = [];
  for (const round of rounds)
    for (const group of round.groups)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++)
          met.push({ a: group[i], b: group[j], round: round.seq });
  return met;
}

/** The numbers of the `count` rounds before round `seq`, newest first. */
export const roundsBefore = (seq: number, count: number): number[] =>
  Array.from({ length: Math.max(0, Math.min(count, seq - 1)) }, (_, i) => seq - 1 - i);
