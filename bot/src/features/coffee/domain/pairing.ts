import { BlossomMatcher, type ForEachNeighbour } from './blossom';
import { familiarity, pairWeight, type PairRules } from './pair-rules';

export type Triple = [number, number, number];

export interface Pairing {
  pairs: [number, number][];
  /** The odd one out with the pair they join, when asked for. */
  triple?: Triple;
  /** Candidates in no pair (nor the triple): an odd one out, or avoided by everyone left. */
  unpaired: number[];
  /** Each candidate's likely partners: similar hours first, then a few at random. */
  likely: number[][];
}

/** Likely partners per candidate by working hours, and at random so that rounds vary. */
const PARTNERS_BY_HOURS = 8;
const PARTNERS_AT_RANDOM = 4;
/** How far along the clock to look for partners by hours before giving up on more. */
const CLOCK_STEPS = 64;
const SWAP_PASSES = 8;
const DAY_MINUTES = 24 * 60;
/** Above this many odd ones out, they are not paired among themselves first (quadratic). */
const GREEDY_LEFTOVER_LIMIT = 2000;

export function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function clockDistance(rules: PairRules, a: number, b: number): number {
  const d = Math.abs(rules.clock(a) - rules.clock(b));
  return Math.min(d, 24 * 60 - d);
}

/**
 * A sparse graph of repeat-free partners: each candidate's nearest on the clock of working days
 * (those who share the most hours) and a few at random. The weighted matching looks only here;
 * the exact matching falls back to every allowed pair.
 */
function likelyPartners(rules: PairRules, random: () => number, order: number[]): number[][] {
  const n = rules.size;
  const likely: number[][] = Array.from({ length: n }, () => []);
  const link = (i: number, j: number) => {
    if (i === j || likely[i].includes(j) || !rules.fresh(i, j)) return false;
    likely[i].push(j);
    likely[j].push(i);
    return true;
  };
  // Sorting is stable: candidates with the same hours stay in random order.
  const byClock = order.slice().sort((a, b) => rules.clock(a) - rules.clock(b));
  byClock.forEach((member, at) => {
    let left = (at - 1 + n) % n;
    let right = (at + 1) % n;
    let linked = 0;
    for (let step = 0; step < CLOCK_STEPS && linked < PARTNERS_BY_HOURS && left !== at; step++) {
      const takeLeft =
        clockDistance(rules, member, byClock[left]) <= clockDistance(rules, member, byClock[right]);
      const other = takeLeft ? byClock[left] : byClock[right];
      if (takeLeft) left = (left - 1 + n) % n;
      else right = (right + 1) % n;
      if (link(member, other)) linked++;
    }
    for (let tries = 0; tries < PARTNERS_AT_RANDOM; tries++) link(member, Math.floor(random() * n));
  });
  return likely;
}

/** Heaviest pairs first: half the best weight at worst, and nearly all of it in practice. */
function greedyMatching(rules: PairRules, edges: [number, number][]): Int32Array {
  const mate = new Int32Array(rules.size).fill(-1);
  for (const e of heaviestFirst(rules, edges)) {
    const [i, j] = edges[e];
    if (mate[i] !== -1 || mate[j] !== -1) continue;
    mate[i] = j;
    mate[j] = i;
  }
  return mate;
}

/**
 * Edge indices by weight, heaviest first, equal weights in list order. Each edge's weight (to a
 * sixteenth of a minute) and index are packed into one number, so a native numeric sort does it:
 * a comparator over 100,000 edges cost more than the rest of the greedy step.
 */
function heaviestFirst(rules: PairRules, edges: [number, number][]): number[] {
  const slots = 2 ** Math.ceil(Math.log2(edges.length + 1));
  const keys = Float64Array.from(
    edges,
    ([i, j], e) => -Math.round(pairWeight(rules, i, j) * 16) * slots + e,
  ).sort();
  return Array.from(keys, (key) => ((key % slots) + slots) % slots);
}

function edgesOf(likely: number[][]): [number, number][] {
  const edges: [number, number][] = [];
  likely.forEach((partners, i) => {
    for (const j of partners) if (i < j) edges.push([i, j]);
  });
  return edges;
}

const along =
  (likely: number[][]): ForEachNeighbour =>
  (v, visit) => {
    for (const w of likely[v]) if (visit(w)) return;
  };

const everyone =
  (n: number, ok: (i: number, j: number) => boolean): ForEachNeighbour =>
  (v, visit) => {
    for (let w = 0; w < n; w++) if (w !== v && ok(v, w) && visit(w)) return;
  };

function exposed(mate: Int32Array, order: number[]): number[] {
  return order.filter((v) => mate[v] === -1);
}

/**
 * Grows the matching until no augmenting path is left (so it is maximum) or only `target`
 * candidates are exposed, trying each graph in turn: the sparse one is cheap, the full one exact.
 */
function maximize(
  mate: Int32Array,
  order: number[],
  graphs: ForEachNeighbour[],
  target: number,
): Int32Array {
  const matcher = new BlossomMatcher(mate.length, mate);
  let left = exposed(mate, order).length;
  for (const v of order) {
    if (left <= target) break;
    if (matcher.mate[v] !== -1) continue;
    if (graphs.some((graph) => matcher.augmentFrom(v, graph))) left -= 2;
  }
  return matcher.mate;
}

/**
 * Swaps partners between two pairs, (a b)(c d) → (a c)(b d), whenever that is repeat-free and
 * weighs more, until no swap helps: the weighted improvement over the greedy start.
 */
function improveBySwaps(rules: PairRules, mate: Int32Array, likely: number[][], order: number[]) {
  const weight = (v: number) => (mate[v] === -1 ? 0 : pairWeight(rules, v, mate[v]));
  const current = Float64Array.from(mate, (_, v) => weight(v));
  for (let pass = 0, improved = true; improved && pass < SWAP_PASSES; pass++) {
    improved = false;
    for (const a of order) {
      for (const c of likely[a]) {
        const b = mate[a];
        const d = mate[c];
        if (b === -1 || d === -1 || c === b) continue;
        // No pair weighs more than a whole day shared: most swaps are ruled out before b–d is looked at.
        const partial = pairWeight(rules, a, c) - current[a] - current[c];
        if (partial + DAY_MINUTES <= 0 || !rules.fresh(b, d)) continue;
        if (partial + pairWeight(rules, b, d) <= 0) continue;
        [mate[a], mate[c], mate[b], mate[d]] = [c, a, d, b];
        for (const v of [a, b, c, d]) current[v] = weight(v);
        improved = true;
      }
    }
  }
}

/**
 * Pairs the odd ones out among themselves, heaviest pairs first: with `ok` = fresh, the cheap
 * step before the blossom search; with `ok` = allowed, those who met longest ago first.
 */
function pairLeftoversGreedily(
  rules: PairRules,
  mate: Int32Array,
  order: number[],
  ok: (i: number, j: number) => boolean,
) {
  const left = exposed(mate, order);
  if (left.length > GREEDY_LEFTOVER_LIMIT) return;
  const edges: [number, number][] = [];
  left.forEach((i, at) => {
    for (const j of left.slice(at + 1)) if (ok(i, j)) edges.push([i, j]);
  });
  const matched = greedyMatching(rules, edges);
  for (const v of left) if (matched[v] !== -1) mate[v] = matched[v];
}

interface TripleScore {
  repeats: number;
  familiar: number;
  shared: number;
}

function tripleScore(rules: PairRules, v: number, x: number, y: number): TripleScore {
  const pairs: [number, number][] = [
    [v, x],
    [v, y],
    [x, y],
  ];
  return {
    repeats: pairs.filter(([i, j]) => !rules.fresh(i, j)).length,
    familiar: pairs.reduce((sum, [i, j]) => sum + familiarity(rules, i, j), 0),
    shared: pairs.reduce((sum, [i, j]) => sum + rules.shared(i, j), 0),
  };
}

function betterTriple(a: TripleScore, b: TripleScore | undefined): boolean {
  if (!b) return true;
  if (a.repeats !== b.repeats) return a.repeats < b.repeats;
  if (Math.abs(a.familiar - b.familiar) > 1e-9) return a.familiar < b.familiar;
  return a.shared > b.shared;
}

/** The pair the odd one out `v` joins best, among pairs whose members `ok` both accept. */
function bestPairToJoin(
  rules: PairRules,
  mate: Int32Array,
  v: number,
  ok: (i: number, j: number) => boolean,
): Triple | undefined {
  let best: Triple | undefined;
  let bestScore: TripleScore | undefined;
  for (let x = 0; x < mate.length; x++) {
    const y = mate[x];
    if (y < x || !ok(v, x) || !ok(v, y)) continue;
    const score = tripleScore(rules, v, x, y);
    if (betterTriple(score, bestScore)) [best, bestScore] = [[v, x, y], score];
  }
  return best;
}

/** A maximum matching of the graph without `removed`, if it has at least `need` pairs. */
function matchingWithout(
  mate: Int32Array,
  removed: Triple,
  graph: ForEachNeighbour,
  need: number,
): Int32Array | undefined {
  const start = Int32Array.from(mate);
  for (const v of removed) {
    if (start[v] !== -1) start[start[v]] = -1;
    start[v] = -1;
  }
  const matcher = new BlossomMatcher(start.length, start);
  const without: ForEachNeighbour = (v, visit) => graph(v, (w) => !removed.includes(w) && visit(w));
  for (let v = 0; v < start.length; v++)
    if (!removed.includes(v) && matcher.mate[v] === -1) matcher.augmentFrom(v, without);
  const pairs = matcher.mate.filter((w) => w !== -1).length / 2;
  return pairs >= need ? matcher.mate : undefined;
}

/**
 * Exactly whether one group of three fits into a maximum matching of the graph, covering one
 * more candidate: a triangle whose removal costs the matching only one pair. Every member of
 * such a triangle is one a maximum matching can leave exposed (Gallai–Edmonds), so only
 * triangles among those are tried. Used when the odd one out fits with no pair as it is.
 */
function triangleCover(
  mate: Int32Array,
  order: number[],
  graph: ForEachNeighbour,
  ok: (i: number, j: number) => boolean,
): { mate: Int32Array; triple: Triple } | undefined {
  const roots = exposed(mate, order);
  const pairs = (mate.length - roots.length) / 2;
  const probe = new BlossomMatcher(mate.length, mate);
  const canBeExposed = new Uint8Array(mate.length);
  for (const root of roots) {
    probe.augmentFrom(root, graph);
    for (const v of probe.evenReachable()) canBeExposed[v] = 1;
  }
  let found: { mate: Int32Array; triple: Triple } | undefined;
  for (const a of order) {
    if (!canBeExposed[a]) continue;
    graph(a, (b) => {
      if (b <= a || !canBeExposed[b]) return false;
      graph(b, (c) => {
        if (c <= b || !canBeExposed[c] || !ok(a, c)) return false;
        const rest = matchingWithout(mate, [a, b, c], graph, pairs - 1);
        if (rest) found = { mate: rest, triple: [a, b, c] };
        return found !== undefined;
      });
      return found !== undefined;
    });
    if (found) return found;
  }
  return undefined;
}

/** Puts one odd one out with a pair: the best pair it fits, else an exact search. */
function placeOddOneOut(
  rules: PairRules,
  mate: Int32Array,
  order: number[],
  ok: (i: number, j: number) => boolean,
): { mate: Int32Array; triple: Triple } | undefined {
  let best: Triple | undefined;
  let bestScore: TripleScore | undefined;
  for (const v of exposed(mate, order)) {
    const triple = bestPairToJoin(rules, mate, v, ok);
    if (!triple) continue;
    const score = tripleScore(rules, ...triple);
    if (betterTriple(score, bestScore)) [best, bestScore] = [triple, score];
  }
  if (best) {
    const [, x, y] = best;
    const rest = Int32Array.from(mate);
    rest[x] = rest[y] = -1;
    return { mate: rest, triple: best };
  }
  return triangleCover(mate, order, everyone(mate.length, ok), ok);
}

function toPairing(
  mate: Int32Array,
  order: number[],
  likely: number[][],
  triple?: Triple,
): Pairing {
  const inTriple = (v: number) => triple?.includes(v) ?? false;
  const pairs = order.filter((v) => mate[v] > v).map((v) => [v, mate[v]] as [number, number]);
  const unpaired = exposed(mate, order).filter((v) => !inTriple(v));
  return { pairs, triple, unpaired, likely };
}

/**
 * Pairs the candidates: repeat-free whenever that is possible (a maximum-cardinality matching
 * on the repeat-free graph, exact), the most shared hours among those (greedy weighted matching
 * on each candidate's likely partners, then swaps); when repeats cannot be avoided, the most
 * candidates paired with allowed partners, the odd ones out first with those they met longest
 * ago. With `triple`, an odd one out joins a pair.
 */
export function pairCandidates(
  rules: PairRules,
  random: () => number,
  options: { triple: boolean },
): Pairing {
  const n = rules.size;
  const order = shuffled(n, random);
  const likely = likelyPartners(rules, random, order);
  const fresh = (i: number, j: number) => rules.fresh(i, j);
  const allowed = (i: number, j: number) => rules.allowed(i, j);
  let mate = greedyMatching(rules, edgesOf(likely));
  pairLeftoversGreedily(rules, mate, order, fresh);
  mate = maximize(mate, order, [along(likely), everyone(n, fresh)], n % 2);
  improveBySwaps(rules, mate, likely, order);
  const oddOneOut = exposed(mate, order).length === 1;
  if (options.triple && n % 2 === 1 && oddOneOut) {
    const placed = placeOddOneOut(rules, mate, order, fresh);
    if (placed) return toPairing(placed.mate, order, likely, placed.triple);
  }
  if (exposed(mate, order).length > n % 2) {
    pairLeftoversGreedily(rules, mate, order, allowed);
    mate = maximize(mate, order, [everyone(n, allowed)], n % 2);
  }
  if (options.triple && exposed(mate, order).length > 0) {
    const placed = placeOddOneOut(rules, mate, order, allowed);
    if (placed) return toPairing(placed.mate, order, likely, placed.triple);
  }
  return toPairing(mate, order, likely);
}
