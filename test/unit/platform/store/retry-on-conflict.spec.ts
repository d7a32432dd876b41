import {
  CONFLICT,
  REREAD,
  retryOnConflict,
} from '../../../../bot/src/platform/store/retry-on-conflict';

/** An attempt that answers from `results` in turn, and counts its calls. */
const scripted = <T>(...results: (T | typeof CONFLICT | typeof REREAD)[]) => {
  const attempt = jest.fn(() => Promise.resolve(results.shift()!));
  return attempt;
};

describe('retrying an optimistic write', () => {
  afterEach(() => jest.restoreAllMocks());

  it('returns the first result that is not a conflict', async () => {
    const attempt = scripted(CONFLICT, CONFLICT, 'saved');

    await expect(retryOnConflict(attempt, { tries: 5, what: 'doc' })).resolves.toBe('saved');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('gives up after `tries` attempts, naming what was contended', async () => {
    const attempt = scripted<string>(...Array<typeof CONFLICT>(3).fill(CONFLICT));

    await expect(retryOnConflict(attempt, { tries: 3, what: 'agreement a1' })).rejects.toThrow(
      'agreement a1: too much contention',
    );
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('reads again at once after REREAD, and counts it as a try', async () => {
    // Were these 50 tries conflicts, their pauses would add up to over 2 s.
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const attempt = scripted<string>(...Array<typeof REREAD>(50).fill(REREAD), 'claimed');
    const started = Date.now();

    await expect(retryOnConflict(attempt, { tries: 60, what: 'slot' })).resolves.toBe('claimed');
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(
      retryOnConflict(scripted<string>(REREAD, REREAD), { tries: 2, what: 'slot' }),
    ).rejects.toThrow('too much contention');
  });

  it('pauses a little after a conflict, longer as the conflicts add up', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const started = Date.now();

    await retryOnConflict(scripted(CONFLICT, CONFLICT, CONFLICT, 'ok'), { tries: 5, what: 'x' });

    // 5 ms × (1 + 2 + 3) × 0.999: about 30 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('returns a falsy result as a result', async () => {
    await expect(retryOnConflict(scripted(0), { tries: 1, what: 'x' })).resolves.toBe(0);
  });
});
