import type { CoffeeCandidate, MatchRequest } from './matching';
import { type Interval, overlapMinutes, workingWindows } from './shared-hours';

/**
 * What the matcher knows about any two candidates, by their index in the round's list: whether
 * they may be grouped at all (avoid lists), whether meeting again would be a repeat (cooldown),
 * how long ago they last met, and how much of their working day they share.
 */
export interface PairRules {
  readonly size: number;
  /** Neither avoids the other. */
  allowed(i: number, j: number): boolean;
  /** Allowed, and not within the cooldown of either. */
  fresh(i: number, j: number): boolean;
  /** Rounds since they were last grouped, or undefined when never. */
  age(i: number, j: number): number | undefined;
  /** Minutes of the round's date both work. */
  shared(i: number, j: number): number;
  /** The middle of the member's working day, in minutes after UTC midnight: near means similar hours. */
  clock(i: number): number;
}

const DAY_MINUTES = 24 * 60;

/** What a pair is worth to the weighted matching: shared minutes, less a penalty for having met. */
export function pairWeight(rules: PairRules, i: number, j: number): number {
  const shared = rules.shared(i, j);
  const age = rules.age(i, j);
  if (age === undefined) return shared;
  // Any pair who met weighs less than any pair who never did; of those, the longest ago weighs most.
  const familiar = shared - DAY_MINUTES - DAY_MINUTES / age;
  return rules.fresh(i, j) ? familiar : familiar - 100 * DAY_MINUTES;
}

/** A repeat from last round weighs as much as two from two rounds ago. */
export function familiarity(rules: PairRules, i: number, j: number): number {
  const age = rules.age(i, j);
  return age === undefined ? 0 : 1 / age;
}

/**
 * Shared minutes by working profile (zone and hours): members share a handful of profiles, so
 * the zone conversions and overlaps are computed once per profile and pair of profiles.
 */
function sharedMinutesByProfile(
  candidates: readonly CoffeeCandidate[],
  request: MatchRequest,
): { shared: (i: number, j: number) => number; windows: Interval[][] } {
  const profileIndex = new Map<string, number>();
  const profileWindows: Interval[][] = [];
  const profileOf = Int32Array.from(candidates, (candidate) => {
    const key = `${candidate.timeZone} ${candidate.workingHours?.start} ${candidate.workingHours?.end}`;
    let profile = profileIndex.get(key);
    if (profile === undefined) {
      profile = profileWindows.length;
      profileIndex.set(key, profile);
      profileWindows.push(workingWindows(candidate, request.date, request.programmeTimeZone));
    }
    return profile;
  });
  const count = profileWindows.length;
  // Minutes fit in 16 bits; a table while it stays small (2,048 profiles: 8 MB), else a map.
  const table = count <= 2048 ? new Int16Array(count * count).fill(-1) : undefined;
  const known = new Map<number, number>();
  return {
    windows: Array.from(profileOf, (profile) => profileWindows[profile]),
    shared: (i, j) => {
      const p = profileOf[i];
      const q = profileOf[j];
      const key = p < q ? p * count + q : q * count + p;
      let minutes = table ? table[key] : (known.get(key) ?? -1);
      if (minutes < 0) {
        minutes = overlapMinutes(profileWindows[p], profileWindows[q], request.date);
        if (table) table[key] = minutes;
        else known.set(key, minutes);
      }
      return minutes;
    },
  };
}

/** The round each pair of candidates last met in, by pair key. */
function lastMeetings(request: MatchRequest, index: Map<string, number>, key: PairKey) {
  const last = new Map<number, number>();
  for (const { a, b, round } of request.history) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j || !(round < request.round)) continue;
    const k = key(i, j);
    if ((last.get(k) ?? -Infinity) < round) last.set(k, round);
  }
  return last;
}

type PairKey = (i: number, j: number) => number;

/**
 * Pairs within the cooldown. With a number of rounds, those who met within that many rounds.
 * By default a member's past partners stay in their cooldown until they have met every other
 * available candidate since: then the one met longest ago is the first allowed again, which
 * rotates a small team through everyone before anyone repeats.
 */
function cooldownPairs(
  n: number,
  last: Map<number, number>,
  allowed: (i: number, j: number) => boolean,
  avoidedCount: Int32Array,
  request: MatchRequest,
): Set<number> {
  const inCooldown = new Set<number>();
  const metBy: { round: number; partner: number }[][] = Array.from({ length: n }, () => []);
  for (const [k, round] of last) {
    const i = Math.floor(k / n);
    const j = k % n;
    if (request.cooldownRounds !== undefined) {
      if (request.round - round <= request.cooldownRounds) inCooldown.add(k);
      continue;
    }
    metBy[i].push({ round, partner: j });
    metBy[j].push({ round, partner: i });
  }
  if (request.cooldownRounds !== undefined) return inCooldown;
  for (let me = 0; me < n; me++) {
    const others = n - 1 - avoidedCount[me];
    const meetings = metBy[me].filter(({ partner }) => allowed(me, partner));
    meetings.sort((x, y) => y.round - x.round);
    let metSince = 0;
    for (let at = 0; at < meetings.length;) {
      const round = meetings[at].round;
      let end = at;
      while (end < meetings.length && meetings[end].round === round) end++;
      if (metSince >= others - 1) break;
      for (let m = at; m < end; m++)
        inCooldown.add(
          me < meetings[m].partner ? me * n + meetings[m].partner : meetings[m].partner * n + me,
        );
      metSince += end - at;
      at = end;
    }
  }
  return inCooldown;
}

/** The pair rules of a round's (deduplicated) candidates. */
export function buildPairRules(
  candidates: readonly CoffeeCandidate[],
  request: MatchRequest,
): PairRules {
  const n = candidates.length;
  const key: PairKey = (i, j) => (i < j ? i * n + j : j * n + i);
  const index = new Map(candidates.map((candidate, i) => [candidate.id, i]));
  const avoided = new Set<number>();
  candidates.forEach((candidate, i) => {
    for (const id of candidate.avoid ?? []) {
      const j = index.get(id);
      if (j !== undefined && j !== i) avoided.add(key(i, j));
    }
  });
  const avoidedCount = new Int32Array(n);
  for (const k of avoided) {
    avoidedCount[Math.floor(k / n)]++;
    avoidedCount[k % n]++;
  }
  const allowed = (i: number, j: number) => i !== j && !avoided.has(key(i, j));
  const last = lastMeetings(request, index, key);
  const cooldown = cooldownPairs(n, last, allowed, avoidedCount, request);
  const { shared, windows } = sharedMinutesByProfile(candidates, request);
  const clocks = windows.map(([, today]) => {
    const middle = (today.start + today.end) / 2 / 60_000;
    return ((middle % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  });
  return {
    size: n,
    allowed,
    fresh: (i, j) => allowed(i, j) && !cooldown.has(key(i, j)),
    age: (i, j) => {
      const round = last.get(key(i, j));
      return round === undefined ? undefined : request.round - round;
    },
    shared,
    clock: (i) => clocks[i],
  };
}
