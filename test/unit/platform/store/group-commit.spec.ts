import { groupCommit } from '../../../../bot/src/platform/store/group-commit';

const settled = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('carries at most maxBatch items a write, the first one those of its turn, each settled with its own outcome', async () => {
    const writes: { items: number[]; done: () => void }[] = [];
    const commit = groupCommit<number, string>(
      (batch) =>
        new Promise<void>((done) => {
          writes.push({ items: batch.map((p) => p.item), done });
          batch.forEach((p) => p.resolve(`stored ${p.item}`));
        }),
      2,
    );

    const first = commit(1);
    await settled();
    const outcomes = [first, ...[2, 3, 4, 5, 6].map((n) => commit(n))];
    await settled();
    expect(writes.map((w) => w.items)).toEqual([[1]]);
    writes[0].done();
    await settled();
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3]]);
    writes[1].done();
    await settled();
    writes[2].done();
    await settled();
    writes[3].done();
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3], [4, 5], [6]]);
    await expect(Promise.all(outcomes)).resolves.toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `stored ${n}`),
    );
  });

  it('waits for the rest of the turn before the first write, so callers woken together share it', async () => {
    const writes: number[][] = [];
    const commit = groupCommit<number, void>(async (batch) => {
      writes.push(batch.map((p) => p.item));
      batch.forEach((p) => p.resolve());
    }, 10);

    // Three callers resumed by one answer, each a few awaits deep.
    const woken = Promise.resolve();
    await Promise.all(
      [1, 2, 3].map(async (n) => {
        await woken;
        await Promise.resolve();
        await commit(n);
      }),
    );

    expect(writes).toEqual([[1, 2, 3]]);
  });

  it('fails every item of a write that throws at once, and goes on with the next', async () => {
    let calls = 0;
    const commit = groupCommit<number, void>((batch) => {
      calls += 1;
      if (calls === 1) throw new Error('connection closed');
      batch.forEach((p) => p.resolve());
      return Promise.resolve();
    }, 10);

    const failed = commit(1);
    await settled();
    const next = commit(2);
    await expect(failed).rejects.toThrow('connection closed');
    await expect(next).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
