import type { MyMatch } from '../../../../bot/src/features/coffee/coffee-service';
import {
  coffeeNoticeCard,
  introCard,
  inviteCard,
  partnerLine,
  rhythmText,
  statusCard,
} from '../../../../bot/src/features/coffee/teams/cards/coffee-cards';
import { expectValidCard, shownText, textBlockTexts } from '../../../support/adaptive-card-check';
import { translator } from '../../../../bot/src/platform/i18n/messages';

const en = translator('en');

const partner = (over: Partial<MyMatch['partners'][number]> = {}) => ({
  aadObjectId: 'b',
  teamsUserId: '29:b',
  name: 'Bo <script>',
  aheadMinutes: 330,
  shared: { start: '09:00', end: '11:30' },
  ...over,
});

const match: MyMatch = {
  member: { aadObjectId: 'a', teamsUserId: '29:a', name: 'Ana' },
  round: {
    id: 'team|3',
    teamId: 'team',
    seq: 3,
    startsAt: new Date('2027-01-05T09:00:00Z'),
    endsAt: new Date('2027-01-19T09:00:00Z'),
    groups: [['a', 'b']],
    answers: {},
    closed: false,
  },
  group: ['a', 'b'],
  partners: [partner()],
};

const links = {
  starter: 'Recommend a TV show you loved lately.',
  chatLink: 'https://teams.microsoft.com/l/chat/0/0?users=bo%40contoso.example',
  meetingLink: 'https://teams.microsoft.com/l/meeting/new?subject=Virtual%20coffee',
};

describe('virtual coffee cards', () => {
  it('introduce the partner with their clock, the shared hours, a starter and the links', () => {
    const card = introCard(match, 'Platform', links, en);
    expectValidCard(card);
    const texts = textBlockTexts(card).map((t) => shownText(t));
    expect(texts).toContain(
      '**Bo \\<script\\>**: 5 h 30 min ahead of you; you both work 09:00–11:30 your time.',
    );
    expect(texts.join('\n')).toContain('before Tue, Jan 19, 2027');
    expect(card.actions?.map((a) => a.title)).toEqual([
      'Chat now',
      'Schedule 30 minutes',
      'We met',
      'Not yet',
      'Skip',
    ]);
  });

  it('say so when working hours do not overlap, and when there is no link to offer', () => {
    expect(partnerLine(partner({ name: 'Bo', aheadMinutes: -540, shared: undefined }), en)).toBe(
      '**Bo**: 9 h behind you; your working hours do not overlap, so pick a time that is kind to both of you.',
    );
    const card = introCard(match, 'Platform', { ...links, chatLink: null, meetingLink: null }, en);
    expectValidCard(card);
    expect(textBlockTexts(card)).toContain('Find them in Teams to say hello.');
  });

  it('ask once, show the programme with buttons for the presser, and notice kindly', () => {
    const rhythm = rhythmText(
      { enabled: true, every: 2, day: 'tuesday', time: '10:00', groupSize: 2 },
      'Europe/Berlin',
      en,
    );
    expect(rhythm).toBe('every 2 weeks on Tuesday at 10:00 (Europe/Berlin)');
    const state = { teamId: 't', place: 'Platform', enabled: true, rhythm, members: 4 };
    for (const card of [
      inviteCard('t', 'Platform', rhythm, en),
      statusCard(state, en),
      statusCard({ ...state, enabled: false }, en),
      coffeeNoticeCard('Platform', 'Paused.', en, 't'),
    ])
      expectValidCard(card);
    const titles = (mine?: 'in' | 'out' | 'paused') =>
      statusCard({ ...state, mine: mine && { status: mine } }, en).actions?.map((a) => a.title);
    expect(titles()).toEqual(['Join', 'Pause 4 weeks', 'Leave']);
    expect(titles('in')).toEqual(['Pause 4 weeks', 'Leave']);
    expect(titles('paused')).toEqual(['Resume', 'Leave']);
    expect(titles('out')).toEqual(['Join']);
  });
});
