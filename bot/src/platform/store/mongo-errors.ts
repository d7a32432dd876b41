import type { MongoBulkWriteError, WriteError } from 'mongodb';

/** True for MongoDB's duplicate-key error, which idempotent writes expect on a retry. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** The per-document errors of an unordered insertMany (the driver gives one or a list). */
export function writeErrorsOf(err: MongoBulkWriteError): WriteError[] {
  return [err.writeErrors].flat();
}
