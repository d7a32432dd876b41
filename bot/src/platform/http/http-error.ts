import type { Response } from 'restify';

/** The one error shape of every HTTP answer: a stable code and a message that says what to fix. */
export interface ErrorBody {
  code: string;
  message: string;
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message } satisfies ErrorBody);
}

/** A refusal a route decides itself, answered as it is with the shared error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
