/** Calls `visit` with each neighbour of `v` until it returns true. */
export type ForEachNeighbour = (v: number, visit: (w: number) => boolean) => void;

/**
 * Edmonds' blossom algorithm for maximum-cardinality matching in a general graph, one augmenting
 * path at a time from a matching it is given (a greedy one, usually nearly complete).
 *
 * The graph is a function, so the same matching can be grown first on a sparse graph of likely
 * partners and then on the full graph of allowed pairs without building the full graph's edges.
 * A search touches only the vertices it reaches, so a short augmenting path in a graph of
 * 10,000 vertices costs a few dozen steps, not 10,000.
 */
export class BlossomMatcher {
  readonly mate: Int32Array;
  private readonly parent: Int32Array;
  private readonly base: Int32Array;
  private readonly outer: Uint8Array;
  private readonly touchedIn: Int32Array;
  private readonly pathMark: Int32Array;
  private readonly blossomMark: Int32Array;
  private touched: number[] = [];
  private queue: number[] = [];
  private search = 0;
  private stamp = 0;

  constructor(n: number, mate?: Int32Array) {
    this.mate = mate ? Int32Array.from(mate) : new Int32Array(n).fill(-1);
    this.parent = new Int32Array(n).fill(-1);
    this.base = Int32Array.from({ length: n }, (_, i) => i);
    this.outer = new Uint8Array(n);
    this.touchedIn = new Int32Array(n);
    this.pathMark = new Int32Array(n);
    this.blossomMark = new Int32Array(n);
  }

  /**
   * Finds an augmenting path from the exposed vertex `root` and flips it (one more matched
   * pair); false when there is none. Edmonds: a vertex with no augmenting path now gets none
   * from later augmentations either, so it need not be tried again.
   */
  augmentFrom(root: number, neighbours: ForEachNeighbour): boolean {
    if (this.mate[root] !== -1) return false;
    const end = this.findPath(root, neighbours);
    if (end === -1) return false;
    for (let v = end; v !== -1;) {
      const previous = this.parent[v];
      const next = this.mate[previous];
      this.mate[v] = previous;
      this.mate[previous] = v;
      v = next;
    }
    return true;
  }

  /**
   * After a failed `augmentFrom(root)`: the vertices an even alternating path reaches from root,
   * that is those some maximum matching leaves exposed (Gallai–Edmonds).
   */
  evenReachable(): number[] {
    return this.touched.filter((v) => this.outer[v] === 1);
  }

  private touch(v: number): void {
    if (this.touchedIn[v] === this.search) return;
    this.touchedIn[v] = this.search;
    this.touched.push(v);
  }

  private reset(): void {
    for (const v of this.touched) {
      this.parent[v] = -1;
      this.base[v] = v;
      this.outer[v] = 0;
    }
    this.touched = [];
    this.queue = [];
    this.search++;
  }

  private isOuter(v: number, root: number): boolean {
    return v === root || (this.mate[v] !== -1 && this.parent[this.mate[v]] !== -1);
  }

  private findPath(root: number, neighbours: ForEachNeighbour): number {
    this.reset();
    this.touch(root);
    this.outer[root] = 1;
    this.queue.push(root);
    let found = -1;
    for (let head = 0; head < this.queue.length && found === -1; head++) {
      const v = this.queue[head];
      neighbours(v, (to) => {
        if (this.base[v] === this.base[to] || this.mate[v] === to) return false;
        if (this.isOuter(to, root)) {
          this.contract(v, to);
          return false;
        }
        if (this.parent[to] !== -1) return false;
        this.touch(to);
        this.parent[to] = v;
        if (this.mate[to] === -1) {
          found = to;
          return true;
        }
        const next = this.mate[to];
        this.touch(next);
        this.outer[next] = 1;
        this.queue.push(next);
        return false;
      });
    }
    return found;
  }

  private commonBase(a: number, b: number): number {
    this.stamp++;
    for (;;) {
      a = this.base[a];
      this.pathMark[a] = this.stamp;
      if (this.mate[a] === -1) break;
      a = this.parent[this.mate[a]];
    }
    for (;;) {
      b = this.base[b];
      if (this.pathMark[b] === this.stamp) return b;
      b = this.parent[this.mate[b]];
    }
  }

  private markPath(v: number, blossomBase: number, child: number): void {
    while (this.base[v] !== blossomBase) {
      this.blossomMark[this.base[v]] = this.stamp;
      this.blossomMark[this.base[this.mate[v]]] = this.stamp;
      this.parent[v] = child;
      child = this.mate[v];
      v = this.parent[this.mate[v]];
    }
  }

  private contract(v: number, to: number): void {
    const blossomBase = this.commonBase(v, to);
    this.stamp++;
    this.markPath(v, blossomBase, to);
    this.markPath(to, blossomBase, v);
    for (const u of this.touched) {
      if (this.blossomMark[this.base[u]] !== this.stamp) continue;
      this.base[u] = blossomBase;
      if (this.outer[u] === 0) {
        this.outer[u] = 1;
        this.queue.push(u);
      }
    }
  }
}
