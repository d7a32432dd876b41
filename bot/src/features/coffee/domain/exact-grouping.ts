import { groupShape, type GroupShape } from './group-shape';
import { familiarity, type PairRules } from './pair-rules';

/** Groups of candidate indices, and the candidates no valid grouping can include. */
export interface Grouping {
  groups: number[][];
  unplaced: number[];
}

interface Scored {
  grouping: Grouping;
  repeats: number;
  familiarity: number;
  shared: number;
}

/** Up to this many candidates, every grouping is looked at: the answer is exact. */
export const EXACT_SEARCH_LIMIT = 12;

const EPSILON = 1e-9;

interface SearchLimits {
  /** Groupings with more repeats are not looked at. */
  maxRepeats: number;
  /** How many of the best groupings to keep, most shared hours first. */
  keep: number;
}

/**
 * Tries every way to group the candidates (with `excluded` of them left out) in the given shape,
 * keeping those with the fewest repeats, then the least familiarity (repeats from longest
 * ago), and of those the ones sharing the most working hours. Candidates are taken in `order`,
 * so that among equal groupings the first found, and so the one chosen, varies with it.
 */
class GroupingSearch {
  private readonly assigned: Uint8Array;
  private readonly positionOf: Int32Array;
  private readonly groups: number[][] = [];
  private readonly unplaced: number[] = [];
  private bestRepeats: number;
  private bestFamiliarity = Infinity;
  readonly found: Scored[] = [];

  constructor(
    private readonly rules: PairRules,
    private readonly order: readonly number[],
    private readonly shape: GroupShape,
    private readonly limits: SearchLimits,
  ) {
    this.assigned = new Uint8Array(rules.size);
    this.positionOf = new Int32Array(rules.size);
    order.forEach((member, position) => (this.positionOf[member] = position));
    this.bestRepeats = limits.maxRepeats;
  }

  run(excluded: number): Scored[] {
    const { groups, larger } = this.shape;
    this.extend(0, { larger, smaller: groups - larger, excluded }, 0, 0, 0);
    return this.found;
  }

  private isDone(): boolean {
    return this.limits.keep === 1 && this.limits.maxRepeats === 0 && this.found.length > 0;
  }

  private worse(repeats: number, familiar: number): boolean {
    if (repeats !== this.bestRepeats) return repeats > this.bestRepeats;
    return familiar > this.bestFamiliarity + EPSILON;
  }

  private extend(
    position: number,
    left: { larger: number; smaller: number; excluded: number },
    repeats: number,
    familiar: number,
    shared: number,
  ): void {
    if (this.isDone()) return;
    while (position < this.order.length && this.assigned[this.order[position]]) position++;
    if (position === this.order.length) {
      this.record(repeats, familiar, shared);
      return;
    }
    const first = this.order[position];
    this.assigned[first] = 1;
    if (left.excluded > 0) {
      this.unplaced.push(first);
      this.extend(
        position + 1,
        { ...left, excluded: left.excluded - 1 },
        repeats,
        familiar,
        shared,
      );
      this.unplaced.pop();
    }
    if (left.larger > 0) {
      const rest = { ...left, larger: left.larger - 1 };
      this.formGroup([first], this.shape.base + 1, position + 1, rest, repeats, familiar, shared);
    }
    if (left.smaller > 0) {
      const rest = { ...left, smaller: left.smaller - 1 };
      this.formGroup([first], this.shape.base, position + 1, rest, repeats, familiar, shared);
    }
    this.assigned[first] = 0;
  }

  /**
   * Completes `group` with members after `from` in the order, then groups the rest from the
   * member after the group's first (the lowest unassigned one when the group was started).
   */
  private formGroup(
    group: number[],
    size: number,
    from: number,
    left: { larger: number; smaller: number; excluded: number },
    repeats: number,
    familiar: number,
    shared: number,
  ): void {
    if (this.isDone()) return;
    if (group.length === size) {
      this.groups.push(group.slice());
      this.extend(this.positionOf[group[0]] + 1, left, repeats, familiar, shared);
      this.groups.pop();
      return;
    }
    for (let position = from; position < this.order.length; position++) {
      const member = this.order[position];
      if (this.assigned[member] || !group.every((other) => this.rules.allowed(member, other)))
        continue;
      let moreRepeats = repeats;
      let moreFamiliar = familiar;
      let moreShared = shared;
      for (const other of group) {
        if (!this.rules.fresh(member, other)) moreRepeats++;
        moreFamiliar += familiarity(this.rules, member, other);
        moreShared += this.rules.shared(member, other);
      }
      if (this.worse(moreRepeats, moreFamiliar)) continue;
      this.assigned[member] = 1;
      group.push(member);
      this.formGroup(group, size, position + 1, left, moreRepeats, moreFamiliar, moreShared);
      group.pop();
      this.assigned[member] = 0;
    }
  }

  private record(repeats: number, familiar: number, shared: number): void {
    if (this.worse(repeats, familiar)) return;
    const better =
      repeats < this.bestRepeats ||
      this.found.length === 0 ||
      familiar < this.bestFamiliarity - EPSILON;
    if (better) {
      this.found.length = 0;
      this.bestRepeats = repeats;
      this.bestFamiliarity = familiar;
    }
    const at = this.found.findIndex((kept) => kept.shared < shared);
    const index = at === -1 ? this.found.length : at;
    if (index >= this.limits.keep) return;
    const grouping = { groups: this.groups.map((g) => g.slice()), unplaced: this.unplaced.slice() };
    this.found.splice(index, 0, { grouping, repeats, familiarity: familiar, shared });
    if (this.found.length > this.limits.keep) this.found.pop();
  }
}

/**
 * The best groupings of few enough candidates, found by looking at all of them: the most
 * candidates covered (the fewest left out because of avoid lists), then the fewest repeats, then
 * repeats from longest ago; up to `keep` of them, the most shared working hours first.
 */
export function bestGroupingsBySearch(
  rules: PairRules,
  groupSize: number,
  order: readonly number[],
  keep: number,
): Grouping[] {
  for (let excluded = 0; excluded <= rules.size; excluded++) {
    const count = rules.size - excluded;
    if (count === 1) continue;
    const shape = groupShape(count, groupSize);
    const found = new GroupingSearch(rules, order, shape, { maxRepeats: Infinity, keep }).run(
      excluded,
    );
    if (found.length > 0) return found.map(({ grouping }) => grouping);
  }
  return [{ groups: [], unplaced: [...order] }];
}

/** Whether the candidates can be grouped with no repeat, leaving out `excluded` of them. */
export function repeatFreeGroupingExists(
  rules: PairRules,
  groupSize: number,
  excluded: number,
): boolean {
  const count = rules.size - excluded;
  if (count === 1) return false;
  const order = Array.from({ length: rules.size }, (_, i) => i);
  const search = new GroupingSearch(rules, order, groupShape(count, groupSize), {
    maxRepeats: 0,
    keep: 1,
  });
  return search.run(excluded).length > 0;
}
