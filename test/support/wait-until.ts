export interface WaitOptions {
  /** What the test waits for, as the failure names it; a function to describe the state then. */
  what: string | (() => string | Promise<string>);
  timeoutMs?: number;
  stepMs?: number;
}

/**
 * Polls `condition` until it holds, failing with what was awaited once `timeoutMs` passes: work
 * the app does after answering (the outbox, the scheduler, a child process) is only seen this way.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { what, timeoutMs = 15_000, stepMs = 50 }: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const described = typeof what === 'string' ? what : await what();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}`);
    }
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
