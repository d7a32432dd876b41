import { translator } from '../../../../bot/src/platform/i18n/messages';
import {
  commentId,
  parseCommentId,
  validateAnswer,
} from '../../../../bot/src/features/checkins/domain/checkin';
import { checkinCard } from '../../../../bot/src/features/checkins/teams/cards/checkin-card';
import {
  assertStatusChange,
  heardShare,
  quarterOf,
  traitTrends,
} from '../../../../bot/src/features/follow-through/domain/follow-through';
import type {
  FollowRound,
  RoundSummary,
} from '../../../../bot/src/features/follow-through/domain/follow-ports';
import { resultsCard } from '../../../../bot/src/features/follow-through/teams/cards/results-card';
import { expectValidCard, shownText, textBlockTexts } from '../../../support/adaptive-card-check';
import { refusalOf } from '../../../support/refusal';

const DAY = 86_400_000;

describe('comment ids', () => {
  it('name the round and the place, and read back; anything else is no comment id', () => {
    expect(commentId('2026-11-30-1015', 2)).toBe('2026-11-30-1015.c3');
    expect(parseCommentId('2026-11-30-1015.c3')).toEqual({ roundKey: '2026-11-30-1015', index: 2 });
    expect(parseCommentId('2026-11-30.c1')).toEqual({ roundKey: '2026-11-30', index: 0 });
    for (const bad of ['2026-11-30.c0', 'team|2026-11-30.c1', '2026-11-30.c1x', 'c1'])
      expect(parseCommentId(bad)).toBeUndefined();
  });
});

describe('trait trends against the previous round', () => {
  it('says up, down, about the same or first reading, and gives a trait below the minimum neither number nor direction', () => {
    const trends = traitTrends(
      { dependability: 4, impact: 3.05, meaning: 2.5, 'psychological-safety': 4.2 },
      { dependability: 3.5, impact: 3, meaning: 3, 'structure-clarity': 4 },
    );
    expect(trends).toEqual([
      { trait: 'psychological-safety', status: 'shown', average: 4.2, trend: 'new' },
      { trait: 'dependability', status: 'shown', average: 4, trend: 'up' },
      { trait: 'structure-clarity', status: 'not-enough' },
      { trait: 'meaning', status: 'shown', average: 2.5, trend: 'down' },
      { trait: 'impact', status: 'shown', average: 3.05, trend: 'same' },
    ]);
  });
});

describe('actions move forward only', () => {
  it('allows planned → in progress → done, and dropping with a reason', () => {
    expect(() => assertStatusChange('planned', 'in-progress')).not.toThrow();
    expect(() => assertStatusChange('in-progress', 'done')).not.toThrow();
    expect(() => assertStatusChange('planned', 'dropped', 'no longer needed')).not.toThrow();
    expect(() => assertStatusChange('done', 'done')).not.toThrow();
  });

  it('refuses going back, changing a finished action, and dropping without a reason', () => {
    expect(refusalOf(() => assertStatusChange('done', 'planned'))).toMatch(
      /does not change any more/,
    );
    expect(refusalOf(() => assertStatusChange('in-progress', 'planned'))).toMatch(
      /not back to planned/,
    );
    expect(refusalOf(() => assertStatusChange('planned', 'dropped'))).toMatch(/say why/);
  });
});

describe('the share of comments heard within 7 days', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('counts a comment heard in time, late or never once its week is over, and leaves pending ones out', () => {
    const old = new Date(now.getTime() - 20 * DAY);
    const recent = new Date(now.getTime() - 2 * DAY);
    const share = heardShare(
      [
        {
          closedAt: old,
          comments: 4,
          firstAnswers: [new Date(old.getTime() + DAY), new Date(old.getTime() + 9 * DAY)],
        },
        { closedAt: recent, comments: 3, firstAnswers: [new Date(recent.getTime() + DAY)] },
      ],
      now,
    );
    expect(share).toEqual({ heard: 2, comments: 5, share: 0.4 });
    expect(heardShare([], now)).toEqual({ heard: 0, comments: 0, share: null });
  });

  it('reads quarters from dates', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
  });
});

describe('check-back questions', () => {
  const round = {
    id: 'team|2026-11-30',
    teamId: 'team',
    week: '2026-W49',
    opensAt: new Date('2026-11-30T10:00:00Z'),
    nudgeAt: new Date('2026-12-02T10:00:00Z'),
    closesAt: new Date('2026-12-03T10:00:00Z'),
    status: 'open' as const,
    questions: [
      {
        id: 'dependability',
        trait: 'dependability' as const,
        text: 'I can count on my teammates.',
      },
    ],
    freeText: { enabled: true, prompt: 'Anything else?' },
    minGroupSize: 3,
    invited: 4,
    checkBacks: [{ id: 'a1b2', title: 'Review *within* a day' }],
  };

  it('ask “did it help?” on the check-in card, with the title’s markdown escaped, on a 1–5 scale', () => {
    const card = checkinCard(round, 'Platform', translator('en'));
    expectValidCard(card);
    const input = card.body.find((b) => b.id === 'checkback_a1b2')!;
    expect(shownText(String(input.label))).toBe('Did “Review \\*within\\* a day” help?');
    expect((input.choices as unknown[]).length).toBe(5);
  });

  it('are answered apart from the traits, and alone they count as an answer', () => {
    expect(
      validateAnswer(round.questions, { checkback_a1b2: '4' }, true, round.checkBacks),
    ).toEqual({
      scores: [],
      checkBacks: [{ id: 'a1b2', score: 4 }],
      freeText: undefined,
    });
    expect(
      refusalOf(() =>
        validateAnswer(round.questions, { checkback_a1b2: '7' }, true, round.checkBacks),
      ),
    ).toMatch(/Answer “Did “Review \*within\* a day” help\?” with a number from 1 to 5/);
  });
});

describe('the results card', () => {
  const summary: RoundSummary = {
    closedAt: new Date('2026-12-03T10:00:00Z'),
    answers: 4,
    invited: 5,
    minGroupSize: 3,
    met: true,
    traits: traitTrends({ dependability: 3.5 }, { dependability: 3 }),
    comments: 2,
    actionsDone: [{ id: 'a1', title: 'Review [within](https://evil.example) a day' }],
  };
  const round: FollowRound & { summary: RoundSummary } = {
    id: 'team|2026-11-30',
    teamId: 'team',
    week: '2026-W49',
    summary,
    note: 'Thank you, **all**',
    comments: {},
    themes: [],
  };

  it('shows participation, trends without numbers below the minimum, comments and actions done, escaping members’ words', () => {
    const card = resultsCard(round, translator('en'));
    expectValidCard(card);
    const texts = textBlockTexts(card).map((t) => shownText(t));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Thank you, \\*\\*all\\*\\*',
        '4 of 5 teammates answered. Answers are anonymous.',
        'There were 2 comments. Read them, reply in the open or turn them into actions in the Rapport tab.',
        // A member's title cannot become a link: the brackets are escaped.
        '- Review \\[within\\](https://evil.example) a day',
      ]),
    );
    const facts = JSON.stringify(card.body.find((b) => b.type === 'FactSet'));
    expect(facts).toContain('3.5 of 5, ↑ up');
    expect(facts).toContain('too few answers to show');
  });
});
