/** True for MongoDB's duplicate-key error, which idempotent writes expect on a retry. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
