import {
  addOwn,
  cycleProgress,
  drawFor,
  drawFrom,
  emptyDeck,
  entriesOf,
  hide,
  IcebreakerError,
  MAX_TEAM_PROMPTS,
  restore,
  type Deck,
} from '../../../../bot/src/features/icebreakers/domain/deck';
import {
  nextQuestionAt,
  promptsAtStart,
} from '../../../../bot/src/features/icebreakers/domain/icebreaker-settings';
import { CATEGORIES } from '../../../../bot/src/features/icebreakers/domain/categories';
import { BUILT_IN_PROMPTS } from '../../../../bot/src/features/icebreakers/domain/prompts';
import { PROMPT_ID } from '../../../../bot/src/features/icebreakers/icebreaker-schemas';
import { refusalOf } from '../../../support/refusal';

/** Draws `n` prompts in a row, as one caller after another would. */
function drawMany(deck: Deck, n: number, random: () => number = Math.random) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const next = drawFrom(deck, random);
    ids.push(next.prompt.id);
    deck = next.deck;
  }
  return { ids, deck };
}

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof IcebreakerError) return err.code;
    throw err;
  }
  return undefined;
};

describe('the built-in prompt deck', () => {
  it('holds at least 80 prompts in every category, with the two the issue asks for', () => {
    expect(BUILT_IN_PROMPTS.length).toBeGreaterThanOrEqual(80);
    for (const category of CATEGORIES)
      expect(BUILT_IN_PROMPTS.filter((p) => p.category === category).length).toBeGreaterThan(10);
    const texts = BUILT_IN_PROMPTS.map((p) => p.text);
    expect(texts).toContain('Recommend a TV show you loved lately.');
    expect(texts).toContain('What did you have for dinner last night?');
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(BUILT_IN_PROMPTS.map((p) => p.id)).size).toBe(BUILT_IN_PROMPTS.length);
    for (const p of BUILT_IN_PROMPTS) expect(p.id).toMatch(new RegExp(`^${PROMPT_ID}$`));
  });

  it('asks nothing about health, religion, politics, money or family status', () => {
    const unsafe =
      /\b(health|ill(ness)?|sick|doctors?|hospital|diet|weight|religio\w*|church|pray\w*|god|faith|politic\w*|vot(e|ing)|elections?|money|salary|paid|pay|income|debt|rich|lottery|afford|married|marriage|wedding|divorce\w*|spouse|husband|wife|partner|kids?|children|pregnan\w*|family|parents?|dating)\b/i;
    expect(BUILT_IN_PROMPTS.filter((p) => unsafe.test(p.text)).map((p) => p.text)).toEqual([]);
  });
});

describe('drawing from a deck', () => {
  const N = BUILT_IN_PROMPTS.length;

  it('shows every prompt once before any comes again, then starts a new cycle', () => {
    const first = drawMany(emptyDeck(), N);
    expect(new Set(first.ids).size).toBe(N);
    expect(first.deck.cycle).toBe(1);
    expect(cycleProgress(first.deck)).toEqual({ drawn: N, left: 0 });

    // The lowest draw every time: the new cycle would open with what closed the last one.
    const second = drawMany(first.deck, N, () => 0);
    expect(new Set(second.ids).size).toBe(N);
    expect(second.ids[0]).not.toBe(first.ids[N - 1]);
    expect(second.deck.cycle).toBe(2);
    expect(second.deck.last).toBe(second.ids[N - 1]);
  });

  it('never draws a hidden prompt, and a shorter cycle comes round sooner', () => {
    const hidden = BUILT_IN_PROMPTS.slice(0, 10).map((p) => p.id);
    const deck = hidden.reduce((d, id) => hide(d, id), emptyDeck());
    const { ids, deck: after } = drawMany(deck, 2 * (N - 10) + 5);
    expect(ids.filter((id) => hidden.includes(id))).toEqual([]);
    expect(new Set(ids.slice(0, N - 10)).size).toBe(N - 10);
    expect(after.cycle).toBe(3);
  });

  it('draws once per key: asked again for a meeting start, it answers the same prompt', () => {
    const first = drawFor(emptyDeck(), 'meeting|m1|10:00', Math.random);
    const again = drawFor(first.deck, 'meeting|m1|10:00', Math.random);
    const other = drawFor(first.deck, 'meeting|m1|11:00', Math.random);
    expect(again.prompt).toEqual(first.prompt);
    expect(again.deck).toBe(first.deck);
    expect(other.prompt.id).not.toBe(first.prompt.id);
    expect(other.deck.keyed.map((k) => k.key)).toEqual(['meeting|m1|10:00', 'meeting|m1|11:00']);
  });

  it('refuses to draw when every prompt is hidden', () => {
    const deck = BUILT_IN_PROMPTS.reduce((d, p) => hide(d, p.id), emptyDeck());
    expect(codeOf(() => drawFrom(deck, Math.random))).toBe('PROMPT_DECK_EMPTY');
    expect(drawFrom(restore(deck, 'light-1'), Math.random).prompt.id).toBe('light-1');
  });

  it('draws the team’s own prompts too, in the same cycle', () => {
    const { deck } = addOwn(emptyDeck(), 'What is your favourite word?', 'light');
    const { ids } = drawMany(deck, N + 1);
    expect(ids).toContain('team-1');
    expect(new Set(ids).size).toBe(N + 1);
  });
});

describe('a team’s own prompts', () => {
  it('are stored tidied, numbered, and marked as the team’s', () => {
    const first = addOwn(emptyDeck(), '  What is  your favourite\nword? ', 'light');
    const second = addOwn(first.deck, 'Which tool surprised you?', 'work-style');
    expect(first.prompt).toEqual({
      id: 'team-1',
      text: 'What is your favourite word?',
      category: 'light',
      source: 'team',
    });
    expect(second.prompt.id).toBe('team-2');
    expect(
      entriesOf(second.deck)
        .slice(-2)
        .map((p) => p.source),
    ).toEqual(['team', 'team']);
  });

  it('refuses one already in the deck, whatever its case, spacing or punctuation', () => {
    const { deck } = addOwn(emptyDeck(), 'What is your favourite word?', 'light');
    expect(codeOf(() => addOwn(deck, 'what is your FAVOURITE word', 'gratitude'))).toBe(
      'PROMPT_DUPLICATE',
    );
    expect(codeOf(() => addOwn(deck, 'Recommend a TV show you loved lately!', 'light'))).toBe(
      'PROMPT_DUPLICATE',
    );
    const hidden = hide(deck, 'light-2');
    expect(
      refusalOf(() => addOwn(hidden, 'What did you have for dinner last night', 'light')),
    ).toMatch(/hidden: ask a lead to restore it/);
  });

  it(`stops at ${MAX_TEAM_PROMPTS}`, () => {
    let deck = emptyDeck();
    for (let i = 0; i < MAX_TEAM_PROMPTS; i++) deck = addOwn(deck, `Question ${i}?`, 'light').deck;
    expect(codeOf(() => addOwn(deck, 'One more?', 'light'))).toBe('PROMPT_DECK_FULL');
  });

  it('are hidden and restored by id; hiding twice changes nothing; unknown ids are refused', () => {
    const deck = hide(emptyDeck(), 'gratitude-3');
    expect(hide(deck, 'gratitude-3')).toBe(deck);
    expect(entriesOf(deck).find((p) => p.id === 'gratitude-3')?.hidden).toBe(true);
    expect(restore(deck, 'gratitude-3').hidden).toEqual([]);
    expect(codeOf(() => hide(deck, 'team-9'))).toBe('PROMPT_NOT_FOUND');
  });
});

describe('icebreaker settings', () => {
  it('prompts at a meeting’s start unless off, or only for recurring meetings', () => {
    expect(promptsAtStart({ enabled: true, recurringOnly: false }, 'Scheduled')).toBe(true);
    expect(promptsAtStart({ enabled: false, recurringOnly: false }, 'Recurring')).toBe(false);
    expect(promptsAtStart({ enabled: true, recurringOnly: true }, 'Scheduled')).toBe(false);
    expect(promptsAtStart({ enabled: true, recurringOnly: true }, 'Recurring')).toBe(true);
  });

  it('posts the question of the week at the local time across a daylight-saving change', () => {
    const weekly = { enabled: true, day: 'monday' as const, time: '09:00' };
    // Berlin: UTC+1 before 29 March 2026, UTC+2 after.
    const before = nextQuestionAt(weekly, 'Europe/Berlin', new Date('2026-03-20T00:00:00Z'));
    const after = nextQuestionAt(weekly, 'Europe/Berlin', before);
    expect(before.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(after.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});
