import { BlossomMatcher, type ForEachNeighbour } from './blossom';
import type { Grouping } from './exact-grouping';
import { groupShape } from './group-shape';
import { familiarity, pairWeight, type PairRules } from './pair-rules';
import { pairCandidates, type Pairing, shuffled } from './pairing';

/** How a member fits a group: avoid conflicts (never wanted), repeats, then familiarity and hours. */
interface Fit {
  conflicts: number;
  repeats: number;
  familiar: number;
  shared: number;
}

/** Groups and members looked at, besides those of likely partners, when placing a member. */
const RANDOM_LOOKS = 8;
const REPAIR_PASSES = 3;

function fitOf(rules: PairRules, member: number, group: readonly number[]): Fit {
  const fit = { conflicts: 0, repeats: 0, familiar: 0, shared: 0 };
  for (const other of group) {
    if (other === member) continue;
    if (!rules.allowed(member, other)) fit.conflicts++;
    else if (!rules.fresh(member, other)) fit.repeats++;
    fit.familiar += familiarity(rules, member, other);
    fit.shared += rules.shared(member, other);
  }
  return fit;
}

function fitsBetter(a: Fit, b: Fit | undefined): boolean {
  if (!b) return true;
  if (a.conflicts !== b.conflicts) return a.conflicts < b.conflicts;
  if (a.repeats !== b.repeats) return a.repeats < b.repeats;
  if (Math.abs(a.familiar - b.familiar) > 1e-9) return a.familiar < b.familiar;
  return a.shared > b.shared;
}

/** Conflicts first, then repeats: what the repair step lowers. */
function badness(rules: PairRules, group: readonly number[]): number {
  let total = 0;
  group.forEach((a, at) => {
    for (const b of group.slice(at + 1)) {
      if (!rules.allowed(a, b)) total += 1000;
      else if (!rules.fresh(a, b)) total++;
    }
  });
  return total;
}

/** Pairs of pairs with no repeat across them become groups of four (greedy, then blossom). */
function quadsFromPairs(rules: PairRules, pairing: Pairing, random: () => number): number[][] {
  const { pairs, likely } = pairing;
  const pairOf = new Int32Array(rules.size).fill(-1);
  pairs.forEach(([x, y], p) => (pairOf[x] = pairOf[y] = p));
  const fits = (p: number, q: number) =>
    pairs[p].every((a) => pairs[q].every((b) => rules.fresh(a, b)));
  const weight = (p: number, q: number) =>
    pairs[p].reduce((sum, a) => sum + pairs[q].reduce((s, b) => s + pairWeight(rules, a, b), 0), 0);
  const near: number[][] = pairs.map(([x, y], p) => {
    const seen = new Set<number>();
    for (const member of [x, y]) for (const other of likely[member]) seen.add(pairOf[other]);
    for (let look = 0; look < RANDOM_LOOKS; look++) seen.add(Math.floor(random() * pairs.length));
    return [...seen].filter((q) => q !== -1 && q !== p && fits(p, q));
  });
  const edges = near.flatMap((qs, p) =>
    qs.filter((q) => p < q).map((q) => ({ p, q, w: weight(p, q) })),
  );
  edges.sort((a, b) => b.w - a.w);
  const mate = new Int32Array(pairs.length).fill(-1);
  for (const { p, q } of edges) if (mate[p] === -1 && mate[q] === -1) [mate[p], mate[q]] = [q, p];
  const matcher = new BlossomMatcher(pairs.length, mate);
  const graph: ForEachNeighbour = (p, visit) => {
    for (const q of near[p]) if (visit(q)) return;
  };
  for (let p = 0; p < pairs.length; p++) if (matcher.mate[p] === -1) matcher.augmentFrom(p, graph);
  const quads: number[][] = [];
  for (let p = 0; p < pairs.length; p++) {
    const q = matcher.mate[p];
    if (q > p) quads.push([...pairs[p], ...pairs[q]]);
  }
  return quads;
}

/** The members groups start from: groups of four from pairs of pairs, or the best pairs for three. */
function cores(
  rules: PairRules,
  pairing: Pairing,
  groupSize: 3 | 4,
  count: number,
  random: () => number,
): number[][] {
  const started = groupSize === 4 ? quadsFromPairs(rules, pairing, random) : [];
  const inStarted = new Set(started.flat());
  const spare = pairing.pairs
    .filter(([x, y]) => !inStarted.has(x) && !inStarted.has(y))
    .sort(([a, b], [c, d]) => pairWeight(rules, c, d) - pairWeight(rules, a, b));
  const chosen = [...started, ...spare.map((pair) => [...pair])].slice(0, count);
  for (const single of pairing.unpaired) if (chosen.length < count) chosen.push([single]);
  return chosen;
}

/** Members not yet in a group: O(1) to take out and to pick at random. */
class LoosePool {
  private readonly members: number[];
  private readonly at = new Map<number, number>();

  constructor(members: number[]) {
    this.members = members;
    members.forEach((m, i) => this.at.set(m, i));
  }

  get size(): number {
    return this.members.length;
  }

  has(m: number): boolean {
    return this.at.has(m);
  }

  all(): readonly number[] {
    return this.members;
  }

  pick(random: () => number): number {
    return this.members[Math.floor(random() * this.members.length)];
  }

  take(m: number): void {
    const i = this.at.get(m);
    if (i === undefined) return;
    const last = this.members.pop()!;
    this.at.delete(m);
    if (last !== m) {
      this.members[i] = last;
      this.at.set(last, i);
    }
  }
}

/** The loose member that fits a group best: among likely partners and a few at random, else all. */
function bestLooseFor(
  rules: PairRules,
  group: number[],
  loose: LoosePool,
  likely: number[][],
  random: () => number,
): number {
  const looks = group.flatMap((member) => likely[member]).filter((m) => loose.has(m));
  for (let look = 0; look < RANDOM_LOOKS; look++) looks.push(loose.pick(random));
  let best = -1;
  let bestFit: Fit | undefined;
  const consider = (m: number) => {
    const fit = fitOf(rules, m, group);
    if (fitsBetter(fit, bestFit)) [best, bestFit] = [m, fit];
  };
  looks.forEach(consider);
  if (bestFit && (bestFit.conflicts > 0 || bestFit.repeats > 0)) loose.all().forEach(consider);
  return best;
}

/**
 * The group a loose member fits best among the smallest, so that it becomes one of the larger
 * groups and sizes stay within one of each other.
 */
function bestGroupFor(rules: PairRules, member: number, groups: number[][]): number {
  const smallest = Math.min(...groups.map((group) => group.length));
  let best = -1;
  let bestFit: Fit | undefined;
  groups.forEach((group, g) => {
    if (group.length !== smallest) return;
    const fit = fitOf(rules, member, group);
    if (fitsBetter(fit, bestFit)) [best, bestFit] = [g, fit];
  });
  return best;
}

/** Swaps members between groups while that lowers conflicts or repeats (sizes stay). */
function repair(rules: PairRules, groups: number[][], random: () => number): void {
  for (let pass = 0; pass < REPAIR_PASSES; pass++) {
    let changed = false;
    for (const g of shuffled(groups.length, random)) {
      // A few groups at random first, every group if they do not help.
      const partners = Array.from({ length: RANDOM_LOOKS }, () =>
        Math.floor(random() * groups.length),
      );
      for (const h of [...partners, ...groups.keys()]) {
        if (badness(rules, groups[g]) === 0) break;
        if (h !== g && trySwap(rules, groups[g], groups[h])) changed = true;
      }
    }
    if (!changed) return;
  }
}

function trySwap(rules: PairRules, g: number[], h: number[]): boolean {
  const before = badness(rules, g) + badness(rules, h);
  for (let i = 0; i < g.length; i++) {
    for (let j = 0; j < h.length; j++) {
      [g[i], h[j]] = [h[j], g[i]];
      if (badness(rules, g) + badness(rules, h) < before) return true;
      [g[i], h[j]] = [h[j], g[i]];
    }
  }
  return false;
}

/** Avoid lists are never broken: whoever still conflicts leaves the group, for another or none. */
function separateConflicts(rules: PairRules, groups: number[][]): number[] {
  const unplaced: number[] = [];
  for (const group of groups) {
    for (;;) {
      const worst = group
        .map((m) => ({ m, conflicts: fitOf(rules, m, group).conflicts }))
        .sort((a, b) => b.conflicts - a.conflicts)[0];
      if (!worst || worst.conflicts === 0) break;
      group.splice(group.indexOf(worst.m), 1);
      const home = groups
        .filter((other) => other !== group && fitOf(rules, worst.m, other).conflicts === 0)
        .sort((a, b) => a.length - b.length)[0];
      if (home) home.push(worst.m);
      else unplaced.push(worst.m);
    }
  }
  // A member whose group has emptied around them has nobody left to meet.
  for (const group of groups) if (group.length === 1) unplaced.push(group.pop()!);
  return unplaced;
}

/**
 * Groups of three or four for more candidates than the exact search takes: repeat-free pairs
 * (exact), then pairs of pairs into fours, or the best pairs as the start of threes; the other
 * members join the group they fit best, a few swaps then remove remaining repeats where they
 * can. Splitting a graph into groups of three is NP-complete, so this is a heuristic.
 */
export function groupCandidates(
  rules: PairRules,
  random: () => number,
  groupSize: 3 | 4,
): Grouping {
  const pairing = pairCandidates(rules, random, { triple: false });
  const shape = groupShape(rules.size, groupSize);
  const groups = cores(rules, pairing, groupSize, shape.groups, random);
  const grouped = new Set(groups.flat());
  const loose = new LoosePool(shuffled(rules.size, random).filter((m) => !grouped.has(m)));
  for (const group of shuffled(groups.length, random).map((g) => groups[g])) {
    while (group.length < shape.base && loose.size > 0) {
      const member = bestLooseFor(rules, group, loose, pairing.likely, random);
      group.push(member);
      loose.take(member);
    }
  }
  for (const member of loose.all()) {
    groups[bestGroupFor(rules, member, groups)].push(member);
  }
  repair(rules, groups, random);
  const unplaced = separateConflicts(rules, groups);
  return { groups: groups.filter((group) => group.length > 1), unplaced };
}
