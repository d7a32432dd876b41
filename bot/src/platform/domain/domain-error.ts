/**
 * What a refusal's message names: a field, a limit, a count, a title someone wrote, or a list of
 * names (joined as the reader's language joins a list).
 */
export type RefusalValues = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * A refusal the domain means to give: a stable code, which the feature's `*-errors.ts` maps to an
 * HTTP status, and the values its message names. The words are the catalog's `errors.<CODE>`, in
 * the reader's language (English included), so each refusal has one wording; the error's own
 * message is only its code, for logs, and never carries what a person wrote.
 * Each feature narrows `Code` to the codes it throws.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly values: RefusalValues = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}
