import { coalesceIncrements, type FieldChanges } from '../../../bot/src/store/coalesced-increments';

/** A write the test releases by hand, so it can see what queues up behind it. */
function heldWrites() {
  const writes: { id: string; changes: Required<FieldChanges>; release: (err?: Error) => void }[] =
    [];
  const write = (id: string, changes: Required<FieldChanges>) =>
    new Promise<void>((resolve, reject) =>
      writes.push({ id, changes, release: (err) => (err ? reject(err) : resolve()) }),
    );
  return { writes, write };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('coalesced increments', () => {
  it('merges the changes made while a write is in flight into the next single write', async () => {
    const { writes, write } = heldWrites();
    const apply = coalesceIncrements(write);

    const first = apply('t|2026', { inc: { a: 1 } });
    const later = [
      apply('t|2026', { inc: { a: 1, b: 2 } }),
      apply('t|2026', { inc: { a: -1 }, max: { m: 3 } }),
      apply('t|2026', { max: { m: 5 } }),
      apply('t|2026', { max: { m: 4 } }),
    ];
    await settled();
    expect(writes.map((w) => w.changes)).toEqual([{ inc: { a: 1 }, max: {} }]);

    writes[0].release();
    await first;
    await settled();
    expect(writes).toHaveLength(2);
    expect(writes[1].changes).toEqual({ inc: { a: 0, b: 2 }, max: { m: 5 } });

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
    await expect(fourth).resolves.toBeUndefined();
  });

  it('settles its callers even when the write throws before returning a promise', async () => {
    let calls = 0;
    const apply = coalesceIncrements((): Promise<void> => {
      calls += 1;
      if (calls === 1) throw new Error('bad update document');
      return Promise.resolve();
    });

    await expect(apply('d', { inc: { n: 1 } })).rejects.toThrow('bad update document');
    await expect(apply('d', { inc: { n: 1 } })).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
