import {
  bestGroupingsBySearch,
  EXACT_SEARCH_LIMIT,
  type Grouping,
  repeatFreeGroupingExists,
} from './exact-grouping';
import { groupCandidates } from './grouping';
import { buildPairRules, type PairRules } from './pair-rules';
import { pairCandidates, shuffled } from './pairing';

export interface WorkingHours {
  start: string;
  end: string;
} // 'HH:MM' 24h, local to the member's zone; end > start
export interface CoffeeCandidate {
  id: string; // the member's aadObjectId
  timeZone?: string; // IANA zone; unknown → treated as the programme's zone
  workingHours?: WorkingHours; // unknown → 09:00–17:00 local
  avoid?: readonly string[]; // ids this member never wants to be grouped with (private; symmetric in effect)
}
export interface PastMeeting {
  a: string;
  b: string;
  round: number;
} // round = sequence number of the round they were grouped in
export interface MatchRequest {
  candidates: readonly CoffeeCandidate[]; // everyone joined and not paused, for this round
  groupSize: 2 | 3 | 4;
  round: number; // this round's sequence number (greater than every PastMeeting.round)
  history: readonly PastMeeting[]; // pairs grouped together before (each pair within a group of 3–4 counts)
  date: Date; // the round's start instant: working hours are compared on this date (DST-correct)
  programmeTimeZone: string;
  random: () => number; // seeded by the caller; ties are broken with it so rounds vary
  /**
   * Rounds a pair stays apart after meeting: met within the last `cooldownRounds` rounds is a
   * repeat. Unset: until each has met every other available candidate since (the default).
   */
  cooldownRounds?: number;
}
export interface MatchResult {
  groups: string[][]; // every candidate exactly once, unless it is impossible (see below)
  unmatched: { id: string; reason: 'alone' | 'avoids-everyone' }[];
  repeats: number; // pairs inside groups who met within the cooldown
}

/** How many of the best small groupings are checked for the next round's sake. */
const LOOKAHEAD_CHOICES = 24;

function distinctById(candidates: readonly CoffeeCandidate[]): CoffeeCandidate[] {
  const seen = new Set<string>();
  return candidates.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id)));
}

function pairsWithin(groups: number[][]): [number, number][] {
  return groups.flatMap((group) =>
    group.flatMap((a, at) => group.slice(at + 1).map((b) => [a, b] as [number, number])),
  );
}

/**
 * Whether, after this grouping, the next round can still be repeat-free. Six members meet
 * everyone in five rounds only if round three does not leave two triangles of unmet pairs.
 */
function keepsNextRoundRepeatFree(
  candidates: CoffeeCandidate[],
  request: MatchRequest,
  grouping: Grouping,
): boolean {
  const met = pairsWithin(grouping.groups).map(([i, j]) => ({
    a: candidates[i].id,
    b: candidates[j].id,
    round: request.round,
  }));
  const next = buildPairRules(candidates, {
    ...request,
    history: [...request.history, ...met],
    round: request.round + 1,
  });
  return repeatFreeGroupingExists(next, request.groupSize, grouping.unplaced.length);
}

/** Exact for a small programme: the best grouping, preferring one that keeps the next round repeat-free. */
function groupBySearch(
  candidates: CoffeeCandidate[],
  rules: PairRules,
  request: MatchRequest,
): Grouping {
  const order = shuffled(rules.size, request.random);
  const best = bestGroupingsBySearch(rules, request.groupSize, order, LOOKAHEAD_CHOICES);
  if (best.length === 1) return best[0];
  return best.find((g) => keepsNextRoundRepeatFree(candidates, request, g)) ?? best[0];
}

function groupByMatching(rules: PairRules, request: MatchRequest): Grouping {
  if (request.groupSize !== 2) return groupCandidates(rules, request.random, request.groupSize);
  const { pairs, triple, unpaired } = pairCandidates(rules, request.random, { triple: true });
  return { groups: triple ? [...pairs, triple] : pairs, unplaced: unpaired };
}

/**
 * Groups a round's candidates for virtual coffee. Rules, in order: avoid lists are never broken
 * (a candidate is left out only when no valid grouping includes them); nobody meets someone
 * they met within the cooldown whenever a grouping without such repeats exists (exact for pairs
 * at any size, and for any group size up to 12 candidates); when repeats cannot be avoided,
 * the fewest, from longest ago; then the most shared working hours. Groups have `groupSize`
 * members, the remainder spread so sizes differ by one (an odd count in pairs makes one three).
 */
export function matchGroups(request: MatchRequest): MatchResult {
  const candidates = distinctById(request.candidates);
  if (candidates.length < 2) {
    return {
      groups: [],
      unmatched: candidates.map(({ id }) => ({ id, reason: 'alone' as const })),
      repeats: 0,
    };
  }
  const rules = buildPairRules(candidates, request);
  const grouping =
    candidates.length <= EXACT_SEARCH_LIMIT
      ? groupBySearch(candidates, rules, request)
      : groupByMatching(rules, request);
  return {
    groups: grouping.groups.map((group) => group.map((i) => candidates[i].id)),
    unmatched: grouping.unplaced.map((i) => ({
      id: candidates[i].id,
      reason: 'avoids-everyone' as const,
    })),
    repeats: pairsWithin(grouping.groups).filter(([i, j]) => !rules.fresh(i, j)).length,
  };
}
