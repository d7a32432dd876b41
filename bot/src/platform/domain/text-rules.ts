import { z } from 'zod';

/**
 * Length rules for strings from people and API clients, kept exact enough that the OpenAPI
 * document (built from these schemas) says precisely what is accepted. Characters are counted
 * as people and JSON Schema count them, by code point (an emoji is one), not in UTF-16 units.
 */
export const characters = (s: string) => [...s].length;

// What String.prototype.trim removes, less \v and \f, which are refused with the other controls.
const SPACE = '\\t\\n\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const CONTROL = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f';
const CONTROL_CHARACTER = new RegExp(`[${CONTROL}]`);
const SPACE_CHARACTER = new RegExp(`^[${SPACE}]$`);

/** Characters that are neither spaces nor line breaks: what trimming and normalizing keep. */
const visibleCharacters = (s: string) => [...s].filter((c) => !SPACE_CHARACTER.test(c)).length;

/**
 * "At least `min` visible characters, no control characters", as the document states it; with
 * `notOnly`, also "not only those characters" (an interest is more than "#").
 */
export function visibleCharactersPattern(min: number, notOnly = ''): string {
  const more = notOnly ? `(?![${SPACE}${notOnly}]*$)` : '';
  return `^${more}[${SPACE}]*(?:[^${CONTROL}${SPACE}][${SPACE}]*){${min},}$`;
}

/**
 * Text a person writes: no control characters but tabs and line breaks, at least `min`
 * characters that are not spaces, and at most `max` characters in all. Both bounds hold for the
 * text as typed and as callers then trim or normalize it (which only drops spaces), so a value
 * accepted once is accepted again, and the document can state the rule (a pattern and a
 * maxLength) exactly.
 */
export function plainText(
  min: number,
  max: number,
  messages: { short: string; long: string },
  base: z.ZodString = z.string(),
) {
  return base
    .refine((s) => !CONTROL_CHARACTER.test(s), 'must not contain control characters')
    .refine((s) => visibleCharacters(s) >= min, messages.short)
    .refine((s) => characters(s) <= max, messages.long)
    .meta({ pattern: visibleCharactersPattern(min), maxLength: max });
}

/** An identifier or other string taken as it is: min–max characters, nothing trimmed. */
export function boundedString(
  min: number,
  max: number,
  message = `must be ${min}–${max} characters`,
) {
  return z
    .string()
    .refine((s) => characters(s) >= min && characters(s) <= max, message)
    .meta({ minLength: min, maxLength: max });
}

/**
 * A list whose items are keyed by `id`: a repeated id replaces the earlier item in its place,
 * as a repeated key does in a JSON object. (JSON Schema cannot say "ids are unique", so the
 * API does not refuse what its document allows.)
 */
export const lastById = <T extends { id: string }>(items: T[]): T[] => [
  ...new Map(items.map((item) => [item.id, item])).values(),
];
