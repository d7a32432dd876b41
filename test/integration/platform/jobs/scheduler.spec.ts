import { Collection } from 'mongodb';
import { createScheduler } from '../../../../bot/src/platform/jobs/scheduler';
import { createLogger } from '../../../../bot/src/logger';
import { collections, prepareSchema } from '../../../support/schema';
import { useTestDatabase } from '../../../support/test-database';

const logger = createLogger('error', (line) => process.stderr.write(line + '\n'));
const METHODS = ['find', 'findOne', 'findOneAndUpdate', 'updateOne', 'deleteOne'] as const;

/**
 * The scheduler finds due jobs with a read and claims each by `_id`: on the embedded database a
 * write whose filter names no `_id` runs alone, so a claim that searched by time held up every
 * request's write while it read all the jobs (20,000 teams, 1.3 s every five seconds).
 */
describe('the scheduler, on the database', () => {
  const db = useTestDatabase('scheduler');
  let calls: { method: string; filter: unknown }[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    await prepareSchema(db());
    for (const method of METHODS) {
      const original = Collection.prototype[method] as (...a: unknown[]) => unknown;
      const spy = jest.spyOn(Collection.prototype, method) as unknown as jest.SpyInstance;
      spy.mockImplementation(function (this: Collection, ...args: unknown[]) {
        if (this.collectionName === collections.schedules) calls.push({ method, filter: args[0] });
        return original.apply(this, args);
      });
      spies.push(spy);
    }
  });
  afterAll(() => spies.forEach((s) => s.mockRestore()));
  beforeEach(async () => {
    await db().collection(collections.schedules).deleteMany({});
    calls = [];
  });

  const searches = () =>
    calls.filter((c) => typeof (c.filter as { _id?: unknown })?._id !== 'string');

  it('runs every due job once, claiming each by key, more than a read’s batch of them', async () => {
    const ran: string[] = [];
    const scheduler = createScheduler({
      db: db(),
      logger,
      handlers: { ping: async (subject) => (ran.push(subject), null) },
    });
    const at = new Date();
    for (let i = 0; i < 150; i++)
      await scheduler.schedule('ping', `job-${i}`, new Date(at.getTime() - i));
    calls = [];

    expect(await scheduler.tick(at)).toBe(150);

    expect(ran.sort()).toEqual(Array.from({ length: 150 }, (_, i) => `job-${i}`).sort());
    expect(searches().map((c) => c.method)).not.toContain('findOneAndUpdate');
    expect(searches().every((c) => c.method === 'find')).toBe(true);
    expect(await db().collection(collections.schedules).countDocuments()).toBe(0);
  });

  it('while idle, reads the jobs when the next one is due, not at every poll', async () => {
    const ran: Date[] = [];
    const scheduler = createScheduler({
      db: db(),
      logger,
      pollMs: 20,
      handlers: { ping: async () => (ran.push(new Date()), null) },
    });
    const dueAt = new Date(Date.now() + 500);
    await scheduler.schedule('ping', 'later', dueAt);
    calls = [];
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await scheduler.stop();

    expect(ran).toHaveLength(1);
    expect(ran[0].getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    // One look at start, one when the job came due: two reads each (what is due, what is next),
    // where polling every 20 ms would have read the jobs some 60 times.
    expect(searches().length).toBeLessThanOrEqual(6);
  });
});
