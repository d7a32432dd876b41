import type { Category } from './categories';
import { BUILT_IN_PROMPTS, type Prompt } from './prompts';
import { DomainError } from '../../../platform/domain/domain-error';

/** A team may add this many prompts of its own (hidden ones count too). */
export const MAX_TEAM_PROMPTS = 200;
export const MAX_PROMPT_LENGTH = 200;
/** Draws made for a key (a meeting start, a week's question) are remembered this many deep. */
export const KEYED_DRAWS_KEPT = 50;

export class IcebreakerError extends DomainError {}

/**
 * A team's deck: its own prompts, the ones it hid, and where it stands in the current cycle.
 * `drawn` lists what the cycle has shown so far; when every visible prompt is in it, the next
 * draw starts a new cycle. `revision` orders concurrent changes (see the service).
 */
export interface Deck {
  revision: number;
  cycle: number;
  drawn: string[];
  /** The prompt drawn last: what a meeting's side panel shows. */
  last?: string;
  /**
   * The latest draws made for a key (`<meeting id>|<start time>`), newest last: a start Teams
   * delivers twice, even at the same moment, gets the prompt the first delivery drew.
   */
  keyed: { key: string; promptId: string }[];
  own: { id: string; text: string; category: Category }[];
  hidden: string[];
  /** The number of the team's latest own prompt: its ids are `team-<n>`. */
  ownSeq: number;
}

export const emptyDeck = (): Deck => ({
  revision: 0,
  cycle: 1,
  drawn: [],
  keyed: [],
  own: [],
  hidden: [],
  ownSeq: 0,
});

export type DeckEntry = Prompt & { hidden: boolean };

/** The whole deck: built-in prompts first, then the team's own, hidden ones marked. */
export function entriesOf(deck: Deck): DeckEntry[] {
  const hidden = new Set(deck.hidden);
  return [...BUILT_IN_PROMPTS, ...deck.own.map((p) => ({ ...p, source: 'team' as const }))].map(
    (p) => ({ ...p, hidden: hidden.has(p.id) }),
  );
}

const asPrompt = ({ id, text, category, source }: DeckEntry): Prompt => ({
  id,
  text,
  category,
  source,
});

export function entryOf(deck: Deck, id: string): DeckEntry {
  const entry = entriesOf(deck).find((p) => p.id === id);
  if (!entry) throw new IcebreakerError('PROMPT_NOT_FOUND');
  return entry;
}

/** How far the team is in the current cycle, counting only prompts it can still draw. */
export function cycleProgress(deck: Deck): { drawn: number; left: number } {
  const visible = entriesOf(deck).filter((p) => !p.hidden);
  const drawn = new Set(deck.drawn);
  const shown = visible.filter((p) => drawn.has(p.id)).length;
  return { drawn: shown, left: visible.length - shown };
}

/**
 * The prompt drawn for `key`: the one drawn for it before, else the next one, remembered with
 * the key (see `keyed`).
 */
export function drawFor(
  deck: Deck,
  key: string,
  random: () => number,
): { deck: Deck; prompt: Prompt } {
  const earlier = deck.keyed.find((k) => k.key === key);
  if (earlier) {
    return { deck, prompt: asPrompt(entryOf(deck, earlier.promptId)) };
  }
  const next = drawFrom(deck, random);
  const keyed = [...deck.keyed, { key, promptId: next.prompt.id }].slice(-KEYED_DRAWS_KEPT);
  return { prompt: next.prompt, deck: { ...next.deck, keyed } };
}

/**
 * The next prompt: one at random among the visible prompts this cycle has not shown; when none
 * is left, a new cycle starts with all of them. `random` is in [0, 1).
 */
export function drawFrom(deck: Deck, random: () => number): { deck: Deck; prompt: Prompt } {
  const visible = entriesOf(deck).filter((p) => !p.hidden);
  if (visible.length === 0) throw new IcebreakerError('PROMPT_DECK_EMPTY');
  const drawn = new Set(deck.drawn);
  const fresh = visible.filter((p) => !drawn.has(p.id));
  const newCycle = fresh.length === 0;
  // A new cycle does not open with the prompt that closed the last one.
  const pool = !newCycle
    ? fresh
    : visible.length > 1
      ? visible.filter((p) => p.id !== deck.last)
      : visible;
  const prompt = asPrompt(pool[Math.floor(random() * pool.length)]);
  return {
    prompt,
    deck: {
      ...deck,
      cycle: newCycle ? deck.cycle + 1 : deck.cycle,
      drawn: newCycle ? [prompt.id] : [...deck.drawn, prompt.id],
      last: prompt.id,
    },
  };
}

/** Letters and digits only, in lower case: "What's up?" and "whats up" are the same prompt. */
const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Adds a prompt of the team's own; one already in the deck (hidden or not) is refused. */
export function addOwn(
  deck: Deck,
  text: string,
  category: Category,
): { deck: Deck; prompt: Prompt } {
  const clean = text.trim().replace(/\s+/g, ' ');
  const key = comparable(clean);
  const twin = entriesOf(deck).find((p) => comparable(p.text) === key);
  if (twin)
    throw new IcebreakerError('PROMPT_DUPLICATE', {
      prompt: twin.text,
      hidden: twin.hidden ? 'yes' : 'no',
    });
  if (deck.own.length >= MAX_TEAM_PROMPTS)
    throw new IcebreakerError('PROMPT_DECK_FULL', { max: MAX_TEAM_PROMPTS });
  const prompt = { id: `team-${deck.ownSeq + 1}`, text: clean, category };
  return {
    prompt: { ...prompt, source: 'team' },
    deck: { ...deck, own: [...deck.own, prompt], ownSeq: deck.ownSeq + 1 },
  };
}

/** Hides a prompt for the whole team; hiding it again changes nothing. */
export function hide(deck: Deck, id: string): Deck {
  entryOf(deck, id);
  return deck.hidden.includes(id) ? deck : { ...deck, hidden: [...deck.hidden, id] };
}

/** Brings a hidden prompt back; one that is not hidden stays as it is. */
export function restore(deck: Deck, id: string): Deck {
  entryOf(deck, id);
  return deck.hidden.includes(id) ? { ...deck, hidden: deck.hidden.filter((h) => h !== id) } : deck;
}
