/** One try of an optimistic write lost the race: pause a little, then try again on a fresh read. */
export const CONFLICT: unique symbol = Symbol('write conflict');
/** One try found the document moved on (by a write it made itself): try again at once. */
export const REREAD: unique symbol = Symbol('read again');

export type Attempt<T> = () => Promise<T | typeof CONFLICT | typeof REREAD>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Optimistic concurrency on one document: runs `attempt` (which reads, changes and writes only
 * if the revision it read is still current) until it returns a result, at most `tries` times.
 * The pause after a lost race grows with the tries and is random, so writers that collided do
 * not collide again in step.
 */
export async function retryOnConflict<T>(
  attempt: Attempt<T>,
  { tries, what }: { tries: number; what: string },
): Promise<T> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    if (result !== CONFLICT && result !== REREAD) return result as T;
    if (n >= tries) throw new Error(`${what}: too much contention`);
    if (result === CONFLICT) await pause(Math.random() * 5 * Math.min(n, 10));
  }
}
