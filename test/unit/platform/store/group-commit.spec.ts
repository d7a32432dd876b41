import { groupCommit } from '../../../../bot/src/platform/store/group-commit';

const settled = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('carries at most maxBatch items a write, in arrival order, each settled with its own outcome', async () => {
    const writes: { items: number[]; done: () => void }[] = [];
    const commit = groupCommit<number, string>(
      (batch) =>
        new Promise<void>((done) => {
          writes.push({ items: batch.map((p) => p.item), done });
          batch.forEach((p) => p.resolve(`stored ${p.item}`));
        }),
      2,
    );

    const outcomes = [1, 2, 3, 4, 5].map((n) => commit(n));
    await settled();
    expect(writes.map((w) => w.items)).toEqual([[1]]);
    writes[0].done();
    await settled();
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3]]);
    writes[1].done();
    await settled();
    writes[2].done();
    await settled();
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3], [4, 5]]);
    await expect(Promise.all(outcomes)).resolves.toEqual([1, 2, 3, 4, 5].map((n) => `stored ${n}`));
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
    const next = commit(2);
    await expect(failed).rejects.toThrow('connection closed');
    await expect(next).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
