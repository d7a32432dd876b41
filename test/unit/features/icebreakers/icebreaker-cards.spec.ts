import {
  icebreakerNoticeCard,
  promptCard,
} from '../../../../bot/src/features/icebreakers/teams/cards/icebreaker-cards';
import { BUILT_IN_PROMPTS } from '../../../../bot/src/features/icebreakers/domain/prompts';
import { expectValidCard } from '../../../support/adaptive-card-check';
import { CATALOGS } from '../../../../bot/src/platform/i18n/catalogs';
import { translator } from '../../../../bot/src/platform/i18n/messages';

const en = translator('en');

const own = {
  id: 'team-1',
  text: 'Which *link* [here](https://evil.example) do you <at>trust</at>?',
  category: 'light' as const,
  source: 'team' as const,
};

describe('icebreaker cards', () => {
  it.each(['meeting', 'chat', 'weekly'] as const)('a %s prompt card passes the parser', (kind) => {
    expectValidCard(promptCard(BUILT_IN_PROMPTS[0], kind, en));
    expectValidCard(promptCard(own, kind, en, { note: 'Hidden.', hideable: false }));
  });

  it('offers "Another one" and "Hide this prompt", but a weekly question keeps its prompt', () => {
    const titles = (kind: 'meeting' | 'weekly') =>
      (promptCard(BUILT_IN_PROMPTS[0], kind, en).actions ?? []).map((a) => a.title);
    expect(titles('meeting')).toEqual(['Another one', 'Hide this prompt']);
    expect(titles('weekly')).toEqual([]);
    const action = promptCard(own, 'chat', en).actions?.[1];
    expect(action).toMatchObject({ verb: 'icebreaker.hide', data: { promptId: 'team-1' } });
  });

  it('shows a team’s prompt as typed, never as Markdown or a mention', () => {
    const shown = JSON.stringify(promptCard(own, 'chat', en).body[1]);
    expect(shown).toContain('\\\\*link\\\\* \\\\[here\\\\](https://evil.example)');
    expect(shown).toContain('\\\\<at\\\\>trust\\\\</at\\\\>');
  });

  it('a notice card passes the parser', () => {
    expectValidCard(icebreakerNoticeCard('Every prompt in this deck is hidden.', en));
  });

  it('reads the built-in deck from the catalog, whose English is the deck’s own words', () => {
    const catalog: Record<string, string> = CATALOGS.en;
    for (const prompt of BUILT_IN_PROMPTS)
      expect(catalog[`icebreakers.prompt.${prompt.id}`]).toBe(prompt.text);
    const german = promptCard(BUILT_IN_PROMPTS[0], 'chat', translator('de'));
    expect(german.body[1].text).toBe(
      'Empfehlen Sie eine Serie, die Ihnen zuletzt richtig gefallen hat.',
    );
  });
});
