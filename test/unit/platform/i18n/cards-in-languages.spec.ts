import {
  checkinCard,
  checkinDoneCard,
} from '../../../../bot/src/features/checkins/teams/cards/checkin-card';
import { defaultSettingsIn } from '../../../../bot/src/features/checkins/checkin-defaults';
import type { Round } from '../../../../bot/src/features/checkins/domain/checkin-ports';
import {
  coffeeNoticeCard,
  introCard,
  inviteCard,
  rhythmText,
  statusCard,
} from '../../../../bot/src/features/coffee/teams/cards/coffee-cards';
import type { MyMatch } from '../../../../bot/src/features/coffee/coffee-service';
import { promptCard } from '../../../../bot/src/features/icebreakers/teams/cards/icebreaker-cards';
import { BUILT_IN_PROMPTS } from '../../../../bot/src/features/icebreakers/domain/prompts';
import {
  introductionCard,
  talkWantedCard,
} from '../../../../bot/src/features/interests/teams/cards/interests-cards';
import { recognitionCard } from '../../../../bot/src/features/recognition/teams/cards/recognition-card';
import { recognitionFormCard } from '../../../../bot/src/features/recognition/teams/cards/recognition-form-card';
import {
  draftNotYoursCard,
  draftPlaceholderCard,
} from '../../../../bot/src/features/recognition/teams/cards/recognition-draft-card';
import type { AdaptiveCard } from '../../../../bot/src/platform/teams/cards/adaptive-card';
import { resultsCard } from '../../../../bot/src/features/follow-through/teams/cards/results-card';
import type {
  FollowRound,
  RoundSummary,
} from '../../../../bot/src/features/follow-through/domain/follow-ports';
import { traitTrends } from '../../../../bot/src/features/follow-through/domain/follow-through';
import { translator, type Translate } from '../../../../bot/src/platform/i18n/messages';
import { expectValidCard, textBlockTexts } from '../../../support/adaptive-card-check';

const settings = defaultSettingsIn('ja');
const round: Round = {
  id: 'team|2027-01-04',
  teamId: 'team',
  week: '2027-W01',
  opensAt: new Date('2027-01-04T10:00:00Z'),
  nudgeAt: new Date('2027-01-06T10:00:00Z'),
  closesAt: new Date('2027-01-07T10:00:00Z'),
  status: 'open',
  questions: settings.questions,
  freeText: settings.freeText,
  minGroupSize: 3,
  invited: 5,
};
const ana = { aadObjectId: 'aad-ana', name: 'Ana', teamsUserId: '29:ana' };
const bo = { aadObjectId: 'aad-bo', name: 'Bo', teamsUserId: '29:bo', userPrincipalName: 'bo@x' };
const match: MyMatch = {
  member: ana,
  round: {
    id: 'team|3',
    teamId: 'team',
    seq: 3,
    startsAt: new Date('2027-01-05T09:00:00Z'),
    endsAt: new Date('2027-01-19T09:00:00Z'),
    groups: [['aad-ana', 'aad-bo']],
    answers: {},
    closed: false,
  },
  group: ['aad-ana', 'aad-bo'],
  partners: [{ ...bo, aheadMinutes: 90, shared: { start: '09:00', end: '11:30' } }],
};
const links = {
  starter: 'Tee?',
  chatLink: 'https://teams.microsoft.com/l/chat/0/0',
  meetingLink: null,
};

const results: FollowRound & { summary: RoundSummary } = {
  id: round.id,
  teamId: 'team',
  week: '2027-W01',
  comments: {},
  themes: [],
  summary: {
    closedAt: new Date('2027-01-07T10:00:00Z'),
    answers: 4,
    invited: 5,
    minGroupSize: 3,
    met: true,
    traits: traitTrends({ dependability: 3.5 }, { dependability: 3 }),
    comments: 2,
    actionsDone: [{ id: 'a1', title: 'Review within a day' }],
  },
};

/** Every card builder of the bot, in the language of `t`. */
function everyCard(t: Translate): [string, AdaptiveCard][] {
  const rhythm = rhythmText(
    { enabled: true, every: 2, day: 'tuesday', time: '10:00', groupSize: 2 },
    'Asia/Tokyo',
    t,
  );
  const state = { teamId: 't', place: 'Platform', enabled: true, rhythm, members: 4 };
  return [
    ['check-in', checkinCard(round, 'Platform', t)],
    [
      'check-in asking whether an action helped',
      checkinCard({ ...round, checkBacks: [{ id: 'a1', title: 'Review within a day' }] }, 'P', t),
    ],
    ['follow-through results', resultsCard(results, t)],
    [
      'check-in nudge with an error',
      checkinCard(round, 'Platform', t, { nudge: true, error: 'x' }),
    ],
    [
      'check-in thanks',
      checkinDoneCard(t('checkins.done.thanks'), t, {
        place: 'P',
        participation: { answered: 1, invited: 5 },
      }),
    ],
    ['coffee intro', introCard(match, 'Platform', links, t)],
    ['coffee invitation', inviteCard('t', 'Platform', rhythm, t)],
    ['coffee status', statusCard({ ...state, nextRoundAt: new Date('2027-01-05T09:00:00Z') }, t)],
    ['coffee notice', coffeeNoticeCard('Platform', t('coffee.notice.paused'), t, 't')],
    ['icebreaker', promptCard(BUILT_IN_PROMPTS[3], 'meeting', t)],
    ['weekly question', promptCard(BUILT_IN_PROMPTS[40], 'weekly', t)],
    [
      'circle introduction',
      introductionCard('Platform', { key: 'k', label: 'Tee', members: [] }, [bo], null, t),
    ],
    [
      'talk wanted',
      talkWantedCard(
        'Platform',
        {
          id: 'x',
          circleKey: 'k',
          circleLabel: 'Tee',
          title: 'Matcha',
          proposedBy: ana,
          proposedAt: new Date(),
          wouldCome: [],
        } as never,
        [bo],
        'https://teams.microsoft.com/l/meeting/new',
        t,
      ),
    ],
    [
      'recognition',
      recognitionCard(
        {
          sender: ana,
          recipients: [bo],
          tag: { kind: 'trait', id: 'structure-clarity' },
          message: 'Danke!',
        },
        'https://teams.microsoft.com/l/entity/x',
        t,
      ),
    ],
    [
      'recognition form',
      recognitionFormCard({ submit: 'execute', t, roster: [bo], author: undefined }),
    ],
    [
      'recognition draft',
      draftPlaceholderCard(
        {
          draftId: 'd',
          ownerId: 'aad-ana',
          ownerName: 'Ana',
          recipients: [],
          tag: '',
          message: '',
        },
        '29:ana',
        t,
      ),
    ],
    [
      'someone else’s draft',
      draftNotYoursCard({ draftId: 'd', ownerId: 'aad-ana', ownerName: 'Ana' }, t),
    ],
  ];
}

const english = new Map(everyCard(translator('en')).map(([name, card]) => [name, card]));

describe.each(['ja', 'de'] as const)('cards built in %s', (tag) => {
  it.each(everyCard(translator(tag)))('%s passes the Adaptive Cards parser', (name, card) => {
    expectValidCard(card);
    // Its words are the language's, not English (the team's and people's own text aside).
    expect(JSON.stringify(card)).not.toBe(JSON.stringify(english.get(name)));
    for (const text of textBlockTexts(card)) expect(text).not.toMatch(/\b(the|you|your)\b/i);
  });
});
