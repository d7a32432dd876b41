import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Zod's own wording ("Too small: expected string to have >=3 characters"), as opposed to ours. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)\b/;

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

/** The field a person would name: the last named part of the path, words apart. */
function fieldOf(issue: Issue, fallback: string): string {
  const named = issue.path.filter((p): p is string => typeof p === 'string');
  const last = named[named.length - 1] ?? fallback;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Zod's default wording, said the way a person would, about the named field. */
function defaultWording(issue: Issue, field: string): string {
  const size =
    (issue as { minimum?: unknown; maximum?: unknown }).minimum ??
    (issue as { maximum?: unknown }).maximum;
  const origin = (issue as { origin?: string }).origin;
  const unit = origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
  switch (issue.code) {
    case 'invalid_type':
      return `The ${field} must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return origin === 'number'
        ? `The ${field} must be at least ${String(size)}`
        : `The ${field} needs at least ${String(size)}${unit}`;
    case 'too_big':
      return origin === 'number'
        ? `The ${field} must be at most ${String(size)}`
        : `The ${field} can have at most ${String(size)}${unit}`;
    case 'invalid_value':
      return `The ${field} must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `Leave out ${issue.keys.join(', ')}: ${issue.keys.length === 1 ? 'it is' : 'they are'} not used here`;
    default:
      return `The ${field} is not valid`;
  }
}

/**
 * What was wrong with some input, in plain sentences for the people who typed it: no field
 * paths, no code words. Our own messages are written as clauses; a clause that needs its subject
 * ("must be 1–52", "is not a proposal id") gets the field's name in front.
 */
export function plainIssues(issues: readonly Issue[], fallbackField = 'value'): string {
  const sentences = issues.map((issue) => {
    const field = fieldOf(issue, fallbackField);
    if (ZOD_DEFAULT.test(issue.message)) return sentence(defaultWording(issue, field));
    const named = issue.path[issue.path.length - 1];
    // A message that starts with the field's code name ("timeZone must be …") says its name.
    if (typeof named === 'string' && issue.message.startsWith(`${named} `))
      return sentence(`The ${field}${issue.message.slice(named.length)}`);
    if (/^(must|is|are|can|needs?|has)\b/.test(issue.message))
      return sentence(`The ${field} ${issue.message}`);
    return sentence(issue.message);
  });
  return [...new Set(sentences)].join(' ');
}
