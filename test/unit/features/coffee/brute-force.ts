import type {
  CoffeeCandidate,
  MatchRequest,
} from '../../../../bot/src/features/coffee/domain/matching';

/**
 * The matching rules stated as directly as possible, and every grouping of a small programme
 * tried against them: what the matcher must equal, written without its algorithms.
 */

/** floor(count / size) groups (at least one), sizes as equal as possible. */
export function groupSizesFor(count: number, size: number): number[] {
  if (count < 2) return [];
  const groups = Math.max(1, Math.floor(count / size));
  return Array.from({ length: groups }, (_, g) =>
    g < count % groups ? Math.floor(count / groups) + 1 : Math.floor(count / groups),
  ).sort((a, b) => a - b);
}

export function avoids(candidates: readonly CoffeeCandidate[], a: string, b: string): boolean {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return Boolean(byId.get(a)?.avoid?.includes(b) || byId.get(b)?.avoid?.includes(a));
}

/**
 * Whether `a` meeting `b` is a repeat: they met, and since their last meeting one of them has
 * not met every other candidate they may meet (the default cooldown).
 */
export function isRepeat(request: MatchRequest, a: string, b: string): boolean {
  const ids = request.candidates.map((c) => c.id);
  const lastMet = (x: string, y: string) =>
    Math.max(
      -Infinity,
      ...request.history
        .filter((m) => (m.a === x && m.b === y) || (m.a === y && m.b === x))
        .map((m) => m.round),
    );
  const last = lastMet(a, b);
  if (last === -Infinity) return false;
  const stillCooling = (me: string, partner: string) =>
    ids
      .filter((o) => o !== me && o !== partner && !avoids(request.candidates, me, o))
      .some((other) => !(lastMet(me, other) > last));
  return stillCooling(a, b) || stillCooling(b, a);
}

export interface Judged {
  valid: boolean;
  repeats: number;
}

const statusCache = new WeakMap<MatchRequest, Map<string, 'avoid' | 'repeat' | 'fresh'>>();

function pairStatus(request: MatchRequest, a: string, b: string) {
  let cache = statusCache.get(request);
  if (!cache) statusCache.set(request, (cache = new Map()));
  const key = a < b ? `${a} ${b}` : `${b} ${a}`;
  let status = cache.get(key);
  if (!status) {
    status = avoids(request.candidates, a, b)
      ? 'avoid'
      : isRepeat(request, a, b)
        ? 'repeat'
        : 'fresh';
    cache.set(key, status);
  }
  return status;
}

export function judge(request: MatchRequest, groups: string[][]): Judged {
  let valid = true;
  let repeats = 0;
  for (const group of groups) {
    group.forEach((a, i) =>
      group.slice(i + 1).forEach((b) => {
        const status = pairStatus(request, a, b);
        if (status === 'avoid') valid = false;
        else if (status === 'repeat') repeats++;
      }),
    );
  }
  return { valid, repeats };
}

/** Every partition of `ids` into groups of the given sizes (ascending). */
function* partitions(ids: string[], sizes: number[]): Generator<string[][]> {
  if (ids.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = ids;
  for (const size of new Set(sizes)) {
    const remaining = sizes.slice();
    remaining.splice(remaining.indexOf(size), 1);
    for (const others of combinations(rest, size - 1)) {
      const left = rest.filter((id) => !others.includes(id));
      for (const tail of partitions(left, remaining)) yield [[first, ...others], ...tail];
    }
  }
}

function* combinations(ids: string[], k: number, from = 0): Generator<string[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= ids.length - k; i++)
    for (const tail of combinations(ids, k - 1, i + 1)) yield [ids[i], ...tail];
}

/** The most candidates a valid grouping covers, and the fewest repeats among those groupings. */
export function bestPossible(request: MatchRequest): { covered: number; repeats: number } {
  const ids = [...new Set(request.candidates.map((c) => c.id))];
  for (let covered = ids.length; covered >= 2; covered--) {
    let fewest = Infinity;
    for (const chosen of combinations(ids, covered)) {
      for (const groups of partitions(chosen, groupSizesFor(covered, request.groupSize))) {
        const { valid, repeats } = judge(request, groups);
        if (valid) fewest = Math.min(fewest, repeats);
        if (fewest === 0) return { covered, repeats: 0 };
      }
    }
    if (fewest < Infinity) return { covered, repeats: fewest };
  }
  return { covered: 0, repeats: 0 };
}
