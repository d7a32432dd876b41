import { Signals } from '../../../../../bot/src/platform/jobs/outbox-worker/signals';

const elapsed = async (wait: Promise<void>) => {
  const started = Date.now();
  await wait;
  return Date.now() - started;
};

describe('the worker’s waits', () => {
  it('ends the dispatcher’s nap when woken', async () => {
    const signals = new Signals();
    const nap = elapsed(signals.nap(10_000));
    signals.wake();
    expect(await nap).toBeLessThan(1_000);
  });

  it('skips the next nap when woken while not napping, once', async () => {
    const signals = new Signals();
    signals.wake();
    expect(await elapsed(signals.nap(10_000))).toBeLessThan(1_000);
    expect(await elapsed(signals.nap(30))).toBeGreaterThanOrEqual(25);
  });

  it('does not end a sleep inside a send on wake, only on stop, and sleeps no more after', async () => {
    const signals = new Signals();
    let slept = false;
    const sleep = signals.sleep(10_000).then(() => (slept = true));
    signals.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(slept).toBe(false);

    signals.stop();
    await sleep;
    expect(await elapsed(signals.sleep(10_000))).toBeLessThan(1_000);
    expect(await elapsed(signals.nap(10_000))).toBeLessThan(1_000);
  });
});
