import {
  checkRoomForTalk,
  seenBy,
  tagChanges,
  talkThreshold,
  wantedTags,
  type Talk,
  type TeamInterests,
} from '../../../../bot/src/features/interests/domain/interests';
import {
  introductionCard,
  talkWantedCard,
} from '../../../../bot/src/features/interests/teams/cards/interests-cards';
import type { RosterMember } from '../../../../bot/src/people/domain/installation';
import { expectValidCard } from '../../../support/adaptive-card-check';
import { translator } from '../../../../bot/src/platform/i18n/messages';

const en = translator('en');

const member = (name: string, upn = true): RosterMember => ({
  aadObjectId: `aad-${name}`,
  teamsUserId: `29:${name}`,
  name,
  ...(upn ? { userPrincipalName: `${name.toLowerCase()}@contoso.example` } : {}),
});
const [ana, bo, chen] = [member('Ana'), member('Bo'), member('Chen', false)];
const roster = new Map([ana, bo, chen].map((m) => [m.aadObjectId, m]));
const NOW = new Date('2026-03-02T10:00:00Z');
const talk = (over: Partial<Talk> = {}): Talk => ({
  id: '0123456789ab',
  circle: 'dog',
  circleLabel: 'Dogs',
  title: 'Training a *puppy*',
  summary: 'Ten minutes on sit, stay and [treats](https://example.com).',
  proposer: ana.aadObjectId,
  proposedAt: new Date('2026-03-01T10:00:00Z'),
  wanted: [],
  ...over,
});

describe('how many “I’d come” a talk needs', () => {
  it('is three, or half a circle of fewer than six, rounded up, and never none', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 40].map(talkThreshold)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 3]);
  });
});

describe('circles as a member sees them', () => {
  const state: TeamInterests = {
    circles: [
      { key: 'cat', label: 'Cats', members: [bo.aadObjectId] },
      { key: 'dog', label: 'Dogs', members: [chen.aadObjectId, 'aad-gone', ana.aadObjectId] },
      { key: 'pet', label: 'Pets', members: ['aad-gone'] },
    ],
    talks: [
      talk({ wanted: [bo.aadObjectId, 'aad-gone'] }),
      talk({ id: 'old', proposedAt: new Date('2026-01-30T10:00:00Z') }),
    ],
  };

  it('lists people still in the team, largest circle first, and hides circles of former members', () => {
    const { circles } = seenBy(state, roster, bo.aadObjectId, NOW);
    expect(circles.map((c) => [c.circle.label, c.members.map((m) => m.name), c.mine])).toEqual([
      ['Dogs', ['Ana', 'Chen'], false],
      ['Cats', ['Bo'], true],
    ]);
  });

  it('lists talks for 30 days and counts only team members who would come', () => {
    const { talks } = seenBy(state, roster, bo.aadObjectId, NOW);
    expect(talks).toHaveLength(1);
    expect(talks[0]).toMatchObject({ audience: [bo], needed: 1, iWouldCome: true, mine: false });
  });

  it('keeps a member’s first spelling of each interest, and changes only what changed', () => {
    const wanted = wantedTags(['Cats', 'Board games', 'cat']);
    expect([...wanted]).toEqual([
      ['cat', 'Cats'],
      ['board game', 'Board games'],
    ]);
    expect(tagChanges(state.circles, bo.aadObjectId, wanted)).toEqual({
      join: [{ key: 'board game', label: 'Board games' }],
      leave: [],
    });
    expect(tagChanges(state.circles, ana.aadObjectId, new Map())).toEqual({
      join: [],
      leave: ['dog'],
    });
  });

  it('refuses a sixth talk while five are listed in the circle', () => {
    const five = Array.from({ length: 5 }, (_, i) => talk({ id: `t${i}` }));
    const full = { circles: state.circles, talks: five };
    expect(() => checkRoomForTalk(full, state.circles[1], NOW)).toThrow(
      expect.objectContaining({ code: 'INTERESTS_TOO_MANY_TALKS' }),
    );
    expect(() => checkRoomForTalk(full, state.circles[0], NOW)).not.toThrow();
  });
});

describe('the circles’ cards', () => {
  it('introduce a member to the others, names escaped, with the chat link', () => {
    const card = introductionCard(
      'Platform',
      { key: 'dog', label: 'Dogs *and* cats', members: [] },
      [bo, member('[Eve](https://evil.example)')],
      'https://teams.microsoft.com/l/chat/0/0?users=bo%40contoso.example&topicName=Dogs',
      en,
    );
    expectValidCard(card);
    const text = JSON.stringify(card.body);
    expect(text).toContain('Your “Dogs \\\\*and\\\\* cats” circle in Platform');
    expect(text).toContain('**Bo** and **\\\\[Eve\\\\](https://evil.example)** share this');
    expect(card.actions).toHaveLength(1);
  });

  it('say where to find people when Teams gave no sign-in names', () => {
    const card = introductionCard(
      'Platform',
      { key: 'dog', label: 'Dogs', members: [] },
      [chen],
      null,
      en,
    );
    expectValidCard(card);
    expect(JSON.stringify(card.body)).toContain('**Chen** shares this interest with you');
    expect(JSON.stringify(card.body)).toContain('find them in Teams');
    expect(card.actions).toEqual([]);
  });

  it('invite the proposer’s audience with a meeting link, the talk’s text escaped', () => {
    const card = talkWantedCard(
      'Platform',
      talk(),
      [bo, chen],
      'https://teams.microsoft.com/l/meeting/new',
      en,
    );
    expectValidCard(card);
    expect(JSON.stringify(card.body)).toContain('Training a \\\\*puppy\\\\*');
    expect(JSON.stringify(card.body)).toContain('**Bo** and **Chen** said they would come');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Schedule 10 minutes',
        url: 'https://teams.microsoft.com/l/meeting/new',
      },
    ]);
  });
});
