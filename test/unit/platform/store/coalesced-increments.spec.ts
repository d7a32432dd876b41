import {
  coalesceIncrements,
  type MergedChanges,
  type WriteResult,
} from '../../../../bot/src/platform/store/coalesced-increments';

/** A write the test releases by hand, so it can see what queues up behind it. */
function heldWrites() {
  const writes: {
    id: string;
    changes: MergedChanges;
    release: (err?: Error, result?: WriteResult) => void;
  }[] = [];
  const write = (id: string, changes: MergedChanges) =>
    new Promise<WriteResult>((resolve, reject) =>
      writes.push({
        id,
        changes,
        release: (err, result = 'applied') => (err ? reject(err) : resolve(result)),
      }),
    );
  return { writes, write };
}

/** A store of counters and applied names that behaves as the database's conditional update. */
function namedCounter() {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const writes: MergedChanges[] = [];
  const write = async (_id: string, changes: MergedChanges): Promise<WriteResult> => {
    writes.push(changes);
    await new Promise((r) => setImmediate(r));
    if (changes.once.some((n) => names.has(n))) return 'refused';
    for (const [f, by] of Object.entries(changes.inc)) counts.set(f, (counts.get(f) ?? 0) + by);
    for (const n of changes.once) names.add(n);
    for (const n of changes.forget) names.delete(n);
    return 'applied';
  };
  return { counts, names, writes, write };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('coalesced increments', () => {
  it('merges the changes made while a write is in flight into the next single write', async () => {
    const { writes, write } = heldWrites();
    const apply = coalesceIncrements(write);

    const first = apply('t|2026', { inc: { a: 1 } });
    await settled();
    const later = [
      apply('t|2026', { inc: { a: 1, b: 2 }, once: 'r1' }),
      apply('t|2026', { inc: { a: -1 }, once: 'r2' }),
      apply('t|2026', { forget: ['r0'] }),
      apply('t|2026', { inc: { c: 4 } }),
    ];
    await settled();
    expect(writes.map((w) => w.changes)).toEqual([{ inc: { a: 1 }, once: [], forget: [] }]);

    writes[0].release();
    await first;
    await settled();
    expect(writes).toHaveLength(2);
    expect(writes[1].changes).toEqual({
      inc: { a: 0, b: 2, c: 4 },
      once: ['r1', 'r2'],
      forget: ['r0'],
    });

    writes[1].release();
    await Promise.all(later);
    expect(writes).toHaveLength(2);
  });

  it('writes different documents independently', async () => {
    const { writes, write } = heldWrites();
    const apply = coalesceIncrements(write);

    void apply('x', { inc: { n: 1 } });
    void apply('y', { inc: { n: 1 } });
    await settled();

    expect(writes.map((w) => w.id)).toEqual(['x', 'y']);
  });

  it('fails every caller whose change rode on a failed write, and goes on with the next', async () => {
    const { writes, write } = heldWrites();
    const apply = coalesceIncrements(write);

    const first = apply('d', { inc: { n: 1 } });
    await settled();
    const second = apply('d', { inc: { n: 1 } });
    const third = apply('d', { inc: { n: 1 } });
    await settled();
    writes[0].release();
    await first;
    await settled();
    const fourth = apply('d', { inc: { n: 5 } });
    writes[1].release(new Error('database unavailable'));

    await expect(second).rejects.toThrow('database unavailable');
    await expect(third).rejects.toThrow('database unavailable');
    await settled();
    expect(writes[2].changes.inc).toEqual({ n: 5 });
    writes[2].release();
    await expect(fourth).resolves.toBe('applied');
  });

  it('settles its callers even when the write throws before returning a promise', async () => {
    let calls = 0;
    const apply = coalesceIncrements((): Promise<void> => {
      calls += 1;
      if (calls === 1) throw new Error('bad update document');
      return Promise.resolve();
    });

    await expect(apply('d', { inc: { n: 1 } })).rejects.toThrow('bad update document');
    await expect(apply('d', { inc: { n: 1 } })).resolves.toBe('applied');
    expect(calls).toBe(2);
  });

  it('applies a named change once however often it is retried, even inside merged writes', async () => {
    const store = namedCounter();
    const apply = coalesceIncrements(store.write);

    const outcomes = await Promise.all([
      apply('d', { inc: { n: 1 }, once: 'a' }),
      apply('d', { inc: { n: 1 }, once: 'b' }),
      apply('d', { inc: { n: 1 }, once: 'a' }), // a retry racing its first try
      apply('d', { inc: { n: 1 }, once: 'c' }),
    ]);
    const retried = await Promise.all([
      apply('d', { inc: { n: 1 }, once: 'b' }),
      apply('d', { inc: { n: 1 }, once: 'd' }),
    ]);

    expect(store.counts.get('n')).toBe(4);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(3);
    expect(outcomes[2]).toBe('already-applied');
    expect(retried).toEqual(['already-applied', 'applied']);
    expect(store.writes.every((w) => new Set(w.once).size === w.once.length)).toBe(true);
  });

  it('never sets and forgets one name in the same write', async () => {
    const store = namedCounter();
    const apply = coalesceIncrements(store.write);

    await Promise.all([
      apply('d', { inc: { n: 1 } }),
      apply('d', { inc: { n: 1 }, once: 'x' }),
      apply('d', { forget: ['x'] }),
      apply('d', { inc: { n: 1 }, once: 'x' }),
    ]);

    for (const w of store.writes) expect(w.once.filter((n) => w.forget.includes(n))).toEqual([]);
    expect(store.counts.get('n')).toBe(3);
  });
});
