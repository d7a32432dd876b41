/**
 * A refusal the domain means to give: a stable code, which the feature's `*-errors.ts` maps to an
 * HTTP status, and a message for the person, in plain words, that the API and the bot show as it is.
 * Each feature narrows `Code` to the codes it throws.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
