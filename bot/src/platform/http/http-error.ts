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
