import { TRAITS, type TraitId } from '../../../platform/domain/traits';
import { DomainError } from '../../../platform/domain/domain-error';
import type { Person } from '../../../people/domain/person';

export const MAX_RECOGNITION_LENGTH = 1000;

/** A person as the recognition refers to them; ids come from Teams, never from typed text. */
export type { Person };

/** A team's own value, recognizable beside the five traits. */
export interface TeamValue {
  id: string;
  label: string;
}

/** What a recognition is "for": one of the five traits or one of the team's values. */
export type RecognitionTag =
  { kind: 'trait'; id: TraitId } | { kind: 'value'; id: string; label: string };

export interface RecognitionInput {
  sender: Person;
  recipients: Person[];
  tag: string;
  message: string;
  /** An active working agreement of the team that the recognition cites, if any. */
  agreementId?: string;
}

export interface ValidRecognition {
  sender: Person;
  recipients: Person[];
  tag: RecognitionTag;
  message: string;
  /** The cited agreement, with its title as it was then ("Living our agreement: …"). */
  agreement?: { id: string; title: string };
}

export interface Recognition extends ValidRecognition {
  id: string;
  teamId: string;
  week: string;
  createdAt: Date;
}

export type RecognitionErrorCode =
  | 'RECOGNITION_EMPTY_MESSAGE'
  | 'RECOGNITION_TOO_LONG'
  | 'RECOGNITION_SELF'
  | 'RECOGNITION_NO_RECIPIENT'
  | 'RECOGNITION_UNKNOWN_TAG'
  | 'RECOGNITION_UNKNOWN_AGREEMENT'
  | 'RECOGNITION_NOT_MEMBER'
  | 'RECOGNITION_NOT_YOURS'
  | 'RECOGNITION_NOT_FOUND';

export class RecognitionError extends DomainError<RecognitionErrorCode> {}

/**
 * Refuses recipients who are not in the team or chat the recognition is given in: it would be
 * posted and counted where they cannot see it. Names them where their name is known (an empty
 * name is someone chosen by id alone, whom Rapport has never seen).
 */
export function notInConversationError(
  names: readonly string[],
  place: 'team' | 'chat',
): RecognitionError {
  const known = names.filter(Boolean);
  return new RecognitionError('RECOGNITION_NOT_MEMBER', {
    named: known.length === 0 ? 'none' : known.length === 1 ? 'one' : 'many',
    names: known,
    others: names.length - known.length,
    place,
  });
}

/** The key a tag is counted under in weekly buckets: the trait id, or "value:<id>". */
export function tagKey(tag: RecognitionTag): string {
  return tag.kind === 'trait' ? tag.id : `value:${tag.id}`;
}

export function tagLabel(tag: RecognitionTag): string {
  return tag.kind === 'trait' ? TRAITS.find((t) => t.id === tag.id)!.label : tag.label;
}

/** Resolves a stored or submitted tag key ("dependability", "value:ownership"). */
export function resolveTag(key: string, values: readonly TeamValue[]): RecognitionTag | undefined {
  const trait = TRAITS.find((t) => t.id === key);
  if (trait) return { kind: 'trait', id: trait.id };
  const value = key.startsWith('value:') ? values.find((v) => `value:${v.id}` === key) : undefined;
  return value ? { kind: 'value', id: value.id, label: value.label } : undefined;
}

// Letters and digits of any script: a team's values may be named in its own language. Accents
// are dropped, so "securite" names "Sécurité psychologique".
const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Forgiving trait matching for typed commands: case-insensitive, by whole label, id or a prefix
 * of at least three letters ("dep", "Psych", "structure"). Returns how many words it consumed so
 * the rest of the text becomes the message.
 */
export function matchTag(
  words: readonly string[],
  values: readonly TeamValue[],
  traitNames: Partial<Record<TraitId, readonly string[]>> = {},
): { tag: RecognitionTag; consumed: number } | undefined {
  const candidates: { tag: RecognitionTag; names: string[] }[] = [
    ...TRAITS.map((t) => ({
      tag: { kind: 'trait', id: t.id } as RecognitionTag,
      names: [t.label, t.id, ...(traitNames[t.id] ?? [])].map(normalize),
    })),
    ...values.map((v) => ({
      tag: { kind: 'value', id: v.id, label: v.label } as RecognitionTag,
      names: [normalize(v.label), normalize(v.id)],
    })),
  ];
  // Longest phrase first, so "structure and clarity great work" consumes three words. A word
  // without a letter or digit ("🎉", "—") names nothing, so it starts the message instead.
  const named = words.slice(0, 4).findIndex((w) => !normalize(w));
  for (let n = named === -1 ? Math.min(4, words.length) : named; n >= 1; n--) {
    const phrase = normalize(words.slice(0, n).join(' '));
    const exact = candidates.filter((c) => c.names.includes(phrase));
    if (exact.length === 1) return { tag: exact[0].tag, consumed: n };
    if (n === 1 && phrase.length >= 3) {
      const prefixed = candidates.filter((c) => c.names.some((name) => name.startsWith(phrase)));
      if (prefixed.length === 1) return { tag: prefixed[0].tag, consumed: 1 };
    }
  }
  return undefined;
}

/** Applies the rules every recognition must meet, whichever way it was entered. */
export function validateRecognition(
  input: RecognitionInput,
  values: readonly TeamValue[],
): ValidRecognition {
  const message = input.message.trim();
  if (!message) {
    throw new RecognitionError('RECOGNITION_EMPTY_MESSAGE');
  }
  if (message.length > MAX_RECOGNITION_LENGTH) {
    throw new RecognitionError('RECOGNITION_TOO_LONG', {
      max: MAX_RECOGNITION_LENGTH,
      length: message.length,
    });
  }
  const unique = new Map<string, Person>();
  for (const r of input.recipients) unique.set(r.aadObjectId, r);
  if (unique.size === 0) {
    throw new RecognitionError('RECOGNITION_NO_RECIPIENT');
  }
  if (unique.has(input.sender.aadObjectId)) {
    throw new RecognitionError('RECOGNITION_SELF');
  }
  const tag = resolveTag(input.tag, values);
  if (!tag) {
    throw new RecognitionError('RECOGNITION_UNKNOWN_TAG', { values: values.length ? 'yes' : 'no' });
  }
  return { sender: input.sender, recipients: [...unique.values()], tag, message };
}

export interface ParsedCommand {
  recipients: Person[];
  tagWords: string[];
  rest: string;
  /** Began with "thank(s)": with nobody named, it may be thanks to Rapport itself. */
  thanks: boolean;
}

/**
 * The words of the recognize command in the languages Rapport speaks, beside the English ones
 * it always reads: verbs ("anerkennen"), the word before the trait ("für"), each trait's names.
 */
export interface CommandWords {
  verbs: readonly string[];
  before: readonly string[];
  traitNames: Partial<Record<TraitId, readonly string[]>>;
}

const ENGLISH: CommandWords = { verbs: [], before: [], traitNames: {} };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One of the words at the start of a text (the longest), ending where letters and digits end. */
const leadingWord = (words: readonly string[]) => {
  const longestFirst = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`^\\s*(${longestFirst.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
};

const recognizeVerbs = (words: CommandWords) =>
  leadingWord(['recognize', 'recognise', 'kudos', 'thanks', 'thank', ...words.verbs]);

/** How the text asks for a recognition, if it does, before anyone in it is looked up. */
export function recognizeVerb(
  text: string,
  words: CommandWords = ENGLISH,
): 'recognize' | 'thanks' | undefined {
  const verb = recognizeVerbs(words).exec(text.trim());
  if (!verb) return undefined;
  return /^thank/i.test(verb[1]) ? 'thanks' : 'recognize';
}

/**
 * Reads "recognize @Ana @Bo for dependability great release" once Teams' mention markup has
 * been replaced by the mentioned people. Returns undefined when it isn't a recognize command.
 */
export function parseRecognizeText(
  text: string,
  mentioned: readonly { marker: string; person: Person }[],
  words: CommandWords = ENGLISH,
): ParsedCommand | undefined {
  let rest = text.trim();
  const verb = recognizeVerbs(words).exec(rest);
  if (!verb) return undefined;
  rest = rest.slice(verb[0].length);
  const recipients: Person[] = [];
  for (const m of mentioned) {
    if (rest.includes(m.marker)) {
      recipients.push(m.person);
      rest = rest.replace(m.marker, ' ');
    }
  }
  rest = rest
    .replace(/^\s*to\b/i, '')
    .replace(/^[\s,]*(and[\s,]+)*/i, '')
    .replace(leadingWord(['for', ...words.before]), '')
    .trim();
  const tagWords = rest.split(/\s+/).filter(Boolean);
  return { recipients, tagWords, rest, thanks: recognizeVerb(verb[1]) === 'thanks' };
}

/** Completes a parsed command with its tag and message, or says what is missing. */
export function completeCommand(
  parsed: ParsedCommand,
  values: readonly TeamValue[],
  words: CommandWords = ENGLISH,
): { tag?: RecognitionTag; message: string } {
  const match = matchTag(parsed.tagWords, values, words.traitNames);
  if (!match) return { message: parsed.rest };
  // Drop only the words naming the trait, keeping the message's own line breaks.
  const message = parsed.rest.replace(new RegExp(`^(\\S+\\s*){${match.consumed}}`), '');
  return { tag: match.tag, message };
}

/** The port the recognition service needs from storage. */
export interface RecognitionRepository {
  /**
   * Stores the recognition once per key; a second call with the same key returns the first
   * recognition and `created: false`, and counts nothing again.
   */
  record(
    key: string,
    recognition: Omit<Recognition, 'id'>,
  ): Promise<{ recognition: Recognition; created: boolean }>;
  list(
    teamId: string,
    query: {
      tag?: string;
      recipient?: string;
      before?: { createdAt: Date; id: string };
      limit: number;
    },
  ): Promise<Recognition[]>;
  find(teamId: string, id: string): Promise<Recognition | undefined>;
  /** Deletes and uncounts it; false when it did not exist. */
  remove(teamId: string, id: string): Promise<boolean>;
  recognizedSince(teamId: string, since: Date): Promise<Set<string>>;
}
