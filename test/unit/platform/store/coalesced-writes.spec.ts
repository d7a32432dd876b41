import { coalesceWrites } from '../../../../bot/src/platform/store/coalesced-writes';

const settled = () => new Promise((r) => setImmediate(r));

describe('coalesced writes', () => {
  it('sends what arrives during a write to the same document together in the next write', async () => {
    const writes: { key: string; items: number[]; release: (err?: Error) => void }[] = [];
    const add = coalesceWrites<number>(
      (key, items) =>
        new Promise<void>((resolve, reject) =>
          writes.push({ key, items, release: (err) => (err ? reject(err) : resolve()) }),
        ),
    );

    const first = add('a', 1);
    await settled();
    const later = [add('a', 2), add('a', 3), add('b', 9)];
    await settled();
    expect(writes.map((w) => [w.key, w.items])).toEqual([
      ['a', [1]],
      ['b', [9]],
    ]);

    writes[0].release();
    await first;
    await settled();
    expect(writes[2]).toMatchObject({ key: 'a', items: [2, 3] });
    writes[1].release();
    writes[2].release(new Error('database unavailable'));
    const outcomes = await Promise.allSettled(later);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    const next = add('a', 4);
    await settled();
    writes[3].release();
    await expect(next).resolves.toBeUndefined();
    expect(writes[3].items).toEqual([4]);
  });
});
