import { formatText } from 'adaptivecards/lib/text-formatters';
import type { AdaptiveCard } from '../../bot/src/platform/teams/cards/adaptive-card';

// The package's CommonJS entry point imports files it does not ship; its bundle loads under Node
// and parses and validates cards without a DOM (only rendering needs one).
type AdaptiveCardsModule = typeof import('adaptivecards');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards: AdaptiveCardsModule = require('adaptivecards/dist/adaptivecards.min.js');

/**
 * Properties Teams understands but the `adaptivecards` package does not know, so drops: the
 * card's `msteams` (mentions, width), a preview's `rapportDraft`, and a people picker's
 * `choices.data` (Teams' Data.Query).
 */
const TEAMS_ONLY_PROPERTY = /^(msteams|rapportDraft|body\[\d+\]\.choices\.data)$/;

export interface ParseReport {
  /** Parse and validation errors, less the ones Teams-only properties cause by design. */
  problems: string[];
  /** Paths of properties the parser did not keep (unknown names are ignored silently). */
  dropped: string[];
}

function droppedPaths(input: unknown, output: unknown, path = ''): string[] {
  if (Array.isArray(input)) {
    const out = Array.isArray(output) ? output : [];
    return input.flatMap((item, i) => droppedPaths(item, out[i], `${path}[${i}]`));
  }
  if (input === null || typeof input !== 'object') return [];
  const out = (output ?? {}) as Record<string, unknown>;
  return Object.entries(input).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    // The serializer leaves out empty strings and lists, which mean the same as no value.
    const empty = value === '' || (Array.isArray(value) && value.length === 0);
    if (!(key in out)) return empty ? [] : [at];
    return droppedPaths(value, out[key], at);
  });
}

/** Parses a card with the real Adaptive Cards parser, validates it, and reports what it dropped. */
export function parseCard(json: AdaptiveCard): ParseReport {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  // A people picker fills its choices from `choices.data` (Teams' Data.Query), which the parser
  // does not know, so it sees an empty list of choices.
  const dynamic = new Set(
    json.body.filter((e) => e.type === 'Input.ChoiceSet' && 'choices.data' in e).map((e) => e.id),
  );
  return {
    problems: events
      .filter(
        (e) =>
          !(
            e.event === AdaptiveCards.ValidationEvent.CollectionCantBeEmpty &&
            dynamic.has((e.source as { id?: string } | undefined)?.id)
          ),
      )
      .map((e) => `${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`),
    dropped: droppedPaths(json, card.toJSON()),
  };
}

/**
 * A TextBlock's text as a client shows it: the card's {{DATE()}} and {{TIME()}} functions turned
 * into the viewer's date and time by the package's own formatter. A function written slightly
 * wrong (a space, milliseconds, lower case) is left as typed, as clients leave it.
 */
export function shownText(text: string, lang = 'en-US'): string {
  return formatText(lang, text) ?? '';
}

/** Every TextBlock text in a card, nested ones included. */
export function textBlockTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textBlockTexts);
  if (value === null || typeof value !== 'object') return [];
  const element = value as Record<string, unknown>;
  const own =
    element.type === 'TextBlock' && typeof element.text === 'string' ? [element.text] : [];
  return [...own, ...Object.values(element).flatMap(textBlockTexts)];
}

/** A valid version 1.5 card: no parse or validation problem, nothing unknown but Teams' own. */
export function expectValidCard(card: AdaptiveCard): void {
  const report = parseCard(card);
  expect(card.version).toBe('1.5');
  expect(report.problems).toEqual([]);
  expect(report.dropped.filter((path) => !TEAMS_ONLY_PROPERTY.test(path))).toEqual([]);
  // Stored in the outbox, where FerretDB refuses keys starting with "$".
  expect(JSON.stringify(card)).not.toMatch(/"\$/);
  // A date or time function clients cannot read would show as typed.
  expect(textBlockTexts(card.body).map((t) => shownText(t))).not.toContainEqual(
    expect.stringMatching(/\{\{\s*(date|time)\b/i),
  );
}
