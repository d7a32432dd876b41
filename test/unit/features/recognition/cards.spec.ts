import type {
  Person,
  ValidRecognition,
} from '../../../../bot/src/features/recognition/domain/recognition';
import type { AdaptiveCard } from '../../../../bot/src/platform/teams/cards/adaptive-card';
import { expectValidCard, parseCard } from '../../../support/adaptive-card-check';
import { escapeCardText } from '../../../../bot/src/platform/teams/cards/escape';
import { recognitionCard } from '../../../../bot/src/features/recognition/teams/cards/recognition-card';
import {
  recognitionFormCard,
  type RecognitionFormOptions,
} from '../../../../bot/src/features/recognition/teams/cards/recognition-form-card';
import { translator } from '../../../../bot/src/platform/i18n/messages';

const en = translator('en');

const me: Person = { aadObjectId: 'aad-me', name: 'Mia' };
const ana: Person = { aadObjectId: 'aad-ana', name: 'Ana', teamsUserId: '29:ana' };
const bo: Person = { aadObjectId: 'aad-bo', name: 'Bo' };
const WALL = 'https://rapport.example.com/tab/wall?team=19%3Ateam';

function recognition(overrides: Partial<ValidRecognition> = {}): ValidRecognition {
  return {
    sender: me,
    recipients: [ana],
    tag: { kind: 'trait', id: 'dependability' },
    message: 'The release notes were ready a day early.',
    ...overrides,
  };
}

/** The characters Teams' Markdown would act on, where they are not escaped by a backslash. */
function unescapedSpecials(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    // Parentheses need no escape: without unescaped brackets they cannot make a link.
    else if ('[]*_`#<>'.includes(text[i])) found.push(text[i]);
  }
  return found;
}

function textBlocks(card: AdaptiveCard): string[] {
  return card.body.filter((e) => e.type === 'TextBlock').map((e) => String(e.text));
}

function mentionEntities(card: AdaptiveCard) {
  const msteams = card.msteams as {
    entities?: { type: string; text: string; mentioned: { id: string; name: string } }[];
  };
  return msteams.entities ?? [];
}

describe('the parser check itself', () => {
  it('notices a misspelt property and an invalid value', () => {
    const card = recognitionCard(recognition(), WALL, en);
    card.body[0] = { ...card.body[0], weight: 'Heavy', wieght: 'Bolder' };

    const report = parseCard(card);

    expect(report.problems).toEqual([expect.stringContaining('Invalid value "Heavy"')]);
    expect(report.dropped).toEqual(['body[0].weight', 'body[0].wieght', 'msteams']);
  });

  it('notices a date or time function that clients would show as typed', () => {
    const card = recognitionFormCard({ submit: 'task', t: en });
    const withTime = (text: string) => ({
      ...card,
      body: [{ type: 'Container', items: [{ type: 'TextBlock', text }] }, ...card.body],
    });

    expect(() =>
      expectValidCard(
        withTime('Until {{DATE(2026-12-03T07:52:00Z, SHORT)}} at {{TIME(2026-12-03T07:52:00Z)}}'),
      ),
    ).not.toThrow();
    // toISOString's milliseconds, a space inside the braces, lower case: all shown raw.
    for (const wrong of [
      '{{DATE(2026-12-03T07:52:00.000Z, SHORT)}}',
      '{{ TIME(2026-12-03T07:52:00Z) }}',
      '{{date(2026-12-03T07:52:00Z)}}',
    ]) {
      expect(() => expectValidCard(withTime(wrong))).toThrow();
    }
  });

  it('notices an empty list of choices that has no Teams data query', () => {
    const card = recognitionFormCard({ submit: 'task', t: en });
    card.body.push({ type: 'Input.ChoiceSet', id: 'empty', choices: [] });

    expect(parseCard(card).problems).toEqual([
      expect.stringMatching(/^CollectionCantBeEmpty: .*at least one choice/),
    ]);
  });
});

describe('recognitionCard', () => {
  it('is a valid version 1.5 card for a trait', () => {
    expectValidCard(recognitionCard(recognition(), WALL, en));
  });

  it('is a valid version 1.5 card for a team value', () => {
    const card = recognitionCard(
      recognition({ tag: { kind: 'value', id: 'ownership', label: 'Ownership [team]' } }),
      WALL,
      en,
    );

    expectValidCard(card);
    expect(textBlocks(card)[0]).toContain('Ownership \\[team\\]');
  });

  it('is a valid card for several recipients and with a draft for the preview', () => {
    const card = recognitionCard(recognition({ recipients: [ana, bo] }), WALL, en, {
      rapportDraft: { recipients: ['aad-ana', 'aad-bo'], tag: 'dependability' },
    });

    expectValidCard(card);
    expect(card.rapportDraft).toEqual({ recipients: ['aad-ana', 'aad-bo'], tag: 'dependability' });
  });

  it('links to the recognition wall', () => {
    expect(recognitionCard(recognition(), WALL, en).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'See the recognition wall', url: WALL },
    ]);
  });

  it('mentions each resolved recipient exactly once, by Teams id or else by AAD id', () => {
    const card = recognitionCard(recognition({ recipients: [ana, bo] }), WALL, en);

    expect(mentionEntities(card)).toEqual([
      { type: 'mention', text: '<at>Ana</at>', mentioned: { id: '29:ana', name: 'Ana' } },
      { type: 'mention', text: '<at>Bo</at>', mentioned: { id: 'aad-bo', name: 'Bo' } },
    ]);
    expect(textBlocks(card)[1]).toBe('Mia recognized <at>Ana</at>, <at>Bo</at>');
  });

  it('creates no mention from "<at>…</at>" typed in the message', () => {
    const card = recognitionCard(
      recognition({ message: 'Thanks, and <at>Boss</at> should see this' }),
      WALL,
      en,
    );
    const text = textBlocks(card).join('\n');

    expect(mentionEntities(card)).toHaveLength(1);
    expect(mentionEntities(card)[0].mentioned.id).toBe('29:ana');
    expect(text).not.toContain('<at>Boss');
    expect(text.match(/<at>/g)).toHaveLength(1);
  });

  it('keeps one mention per recipient even when a display name contains mention markup', () => {
    const tricky: Person = { aadObjectId: 'aad-x', name: 'Eve</at> <at>Boss', teamsUserId: '29:x' };
    const card = recognitionCard(recognition({ recipients: [tricky] }), WALL, en);
    const [entity] = mentionEntities(card);

    expect(mentionEntities(card)).toHaveLength(1);
    expect(entity.mentioned).toEqual({ id: '29:x', name: 'Eve</at> <at>Boss' });
    expect(entity.text.match(/<at>/g)).toHaveLength(1);
    expect(textBlocks(card)[1]).toContain(entity.text);
  });

  it('escapes the sender’s name and the message', () => {
    const card = recognitionCard(
      recognition({
        sender: { aadObjectId: 'aad-m', name: '**Mia**' },
        message: '[x](https://evil)',
      }),
      WALL,
      en,
    );

    for (const text of textBlocks(card).slice(1)) {
      expect(unescapedSpecials(text.replace(/<\/?at>/g, ''))).toEqual([]);
    }
    const all = textBlocks(card).join('\n');
    expect(all).toContain('\\*\\*Mia\\*\\*');
    expect(all).toContain('\\[x\\](https://evil)');
  });
});

describe('recognitionFormCard', () => {
  const forms: [string, RecognitionFormOptions][] = [
    ['submitting a task module', { submit: 'task', t: en }],
    ['submitting with Action.Execute', { submit: 'execute', t: en }],
    ['recognizing a message’s author', { submit: 'task', t: en, author: ana }],
    ['offering the team’s roster', { submit: 'execute', t: en, roster: [ana, bo] }],
    [
      'with the team’s values',
      { submit: 'task', t: en, values: [{ id: 'ownership', label: 'Ownership' }] },
    ],
    [
      'showing an error with what was entered',
      {
        submit: 'task',
        t: en,
        roster: [ana, bo],
        values: [{ id: 'ownership', label: 'Ownership' }],
        error: 'You can’t recognize yourself: choose a colleague.',
        prefill: {
          recipients: ['aad-ana', 'aad-bo'],
          tag: 'value:ownership',
          message: 'Fixed *the* build',
        },
      },
    ],
  ];

  it.each(forms)('is a valid version 1.5 card when %s', (_name, options) => {
    expectValidCard(recognitionFormCard(options));
  });

  const input = (card: AdaptiveCard, id: string) => card.body.find((e) => e.id === id);

  it('submits a task module with Action.Submit and a chat card with Action.Execute', () => {
    expect(recognitionFormCard({ submit: 'task', t: en }).actions).toEqual([
      { type: 'Action.Submit', title: 'Recognize', data: { rapport: 'recognize' } },
    ]);
    expect(recognitionFormCard({ submit: 'execute', t: en }).actions).toEqual([
      { type: 'Action.Execute', title: 'Recognize', verb: 'recognize', data: {} },
    ]);
  });

  it('names the author instead of offering a people picker', () => {
    const card = recognitionFormCard({ submit: 'task', t: en, author: { ...ana, name: 'Ana_B' } });

    expect(input(card, 'people')).toBeUndefined();
    expect(input(card, 'author')).toMatchObject({ isVisible: false, value: 'aad-ana' });
    expect(textBlocks(card)[0]).toBe('Recognize **Ana\\_B**');
  });

  it('offers a people picker backed by the directory, and the roster only when there is one', () => {
    const without = recognitionFormCard({ submit: 'task', t: en });
    const withRoster = recognitionFormCard({ submit: 'task', t: en, roster: [ana, bo] });

    expect(input(without, 'people')).toMatchObject({
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    expect(input(without, 'teammates')).toBeUndefined();
    expect(input(withRoster, 'teammates')).toMatchObject({
      choices: [
        { title: 'Ana', value: 'aad-ana' },
        { title: 'Bo', value: 'aad-bo' },
      ],
    });
  });

  it('offers the five traits and the team’s values', () => {
    const card = recognitionFormCard({
      submit: 'task',
      t: en,
      values: [{ id: 'ownership', label: 'Ownership' }],
    });

    expect((input(card, 'tag')?.choices as { value: string }[]).map((c) => c.value)).toEqual([
      'psychological-safety',
      'dependability',
      'structure-clarity',
      'meaning',
      'impact',
      'value:ownership',
    ]);
  });

  it('shows the error first, escaped, and keeps what was entered', () => {
    const card = recognitionFormCard({
      submit: 'task',
      t: en,
      error: 'Bad [link](https://evil)',
      prefill: { recipients: ['aad-ana', 'aad-bo'], tag: 'impact', message: 'Shipped it' },
    });

    expect(card.body[0]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(unescapedSpecials(String(card.body[0].text))).toEqual([]);
    expect(input(card, 'people')?.value).toBe('aad-ana,aad-bo');
    expect(input(card, 'tag')?.value).toBe('impact');
    expect(input(card, 'message')).toMatchObject({ value: 'Shipped it', maxLength: 1000 });
  });
});

describe('escapeCardText', () => {
  it('leaves plain punctuation as typed, so a sentence shows no backslashes', () => {
    const sentence = 'Keep the message to 1000 characters (it has 1001). Thanks!';

    expect(escapeCardText(sentence)).toBe(sentence);
  });

  it('neutralises a Markdown link', () => {
    const escaped = escapeCardText('[click](https://evil)');

    expect(unescapedSpecials(escaped)).toEqual([]);
    expect(escaped).not.toMatch(/(^|[^\\])\]\(/);
  });

  it('neutralises emphasis', () => {
    const escaped = escapeCardText('**bold** and _italic_');

    expect(unescapedSpecials(escaped)).toEqual([]);
  });

  it('neutralises typed mention markup', () => {
    const escaped = escapeCardText('<at>Boss</at>');

    expect(escaped).not.toContain('<at>');
    expect(escaped).not.toMatch(/(^|[^\\])</);
  });

  it('neutralises headings, lists and quotes at the start of a line', () => {
    const lines = ['# Heading', '- item', '+ item', '1. item', '> quote'];

    expect(lines.map(escapeCardText)).toEqual([
      '\\# Heading',
      '\\- item',
      '\\+ item',
      '1\\. item',
      '\\> quote',
    ]);
  });

  it('shows the characters that were typed once the escapes are read', () => {
    const typed = 'Fixed [the] *build* (again) <at>Boss</at> #1 - thanks!\\';
    const shown = escapeCardText(typed).replace(/\\(.)/g, '$1').replace(/&lt;/g, '<');

    expect(shown).toBe(typed);
  });

  it('keeps line breaks, normalising Windows ones', () => {
    expect(escapeCardText('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
  });

  it('leaves plain text alone', () => {
    expect(escapeCardText('Great work, Ana')).toBe('Great work, Ana');
  });
});
