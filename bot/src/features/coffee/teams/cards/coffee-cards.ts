import {
  adaptiveCard,
  textBlock,
  titleBlock,
  subtleBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { cardDate, cardDateTime } from '../../../../platform/teams/cards/card-time';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import type { CoffeeSettings, MeetingOutcome } from '../../domain/coffee';
import type { MyMatch, Partner } from '../../coffee-service';
import type { Translate } from '../../../../platform/i18n/messages';

export const COFFEE_VERBS = {
  join: 'coffee.join',
  decline: 'coffee.decline',
  pause: 'coffee.pause',
  leave: 'coffee.leave',
  outcome: 'coffee.outcome',
} as const;

/** How long "Pause" on a card pauses; the tab sets any date. */
export const CARD_PAUSE_WEEKS = 4;

const execute = (label: string, verb: string, data: Record<string, unknown>) => ({
  type: 'Action.Execute',
  title: label,
  verb,
  data,
});

/** "every 2 weeks on Tuesday at 10:00 (Europe/Berlin)". */
export function rhythmText(settings: CoffeeSettings, timeZone: string, t: Translate): string {
  return t('coffee.rhythm', {
    every: settings.every,
    day: t(`common.weekday.${settings.day}`),
    time: settings.time,
    zone: timeZone,
  });
}

/** "3 h", "5 h 30 min", "45 min". */
const duration = (minutes: number, t: Translate) => {
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return [
    hours ? t('common.duration.hours', { hours }) : '',
    rest ? t('common.duration.minutes', { minutes: rest }) : '',
  ]
    .filter(Boolean)
    .join(' ');
};

/** "3 h ahead of you; you both work 09:00–12:00 your time". */
export function partnerLine(p: Partner, t: Translate): string {
  const offset =
    p.aheadMinutes === 0
      ? t('coffee.partner.sameTime')
      : t(p.aheadMinutes > 0 ? 'coffee.partner.ahead' : 'coffee.partner.behind', {
          duration: duration(p.aheadMinutes, t),
        });
  const shared = p.shared
    ? t('coffee.partner.shared', { start: p.shared.start, end: p.shared.end })
    : t('coffee.partner.noOverlap');
  return t('coffee.partner.line', { name: escapeCardText(p.name), offset, shared });
}

const outcomeText = (outcome: MeetingOutcome, t: Translate) => t(`coffee.outcome.${outcome}`);

/** "Ana and Bo", "Ana, Bo and Chen", as the reader's language lists names. */
const listOf = (names: string[], t: Translate) =>
  new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(names);

/** The introduction each member gets privately: who, when they work, where to start. */
export function introCard(
  match: MyMatch,
  place: string,
  links: { starter: string; chatLink: string | null; meetingLink: string | null },
  t: Translate,
  note?: string,
): AdaptiveCard {
  const names = match.partners.map((p) => escapeCardText(p.name));
  const body: Record<string, unknown>[] = [
    titleBlock(t('coffee.card.title', { place })),
    textBlock(
      t('coffee.intro.paired', { names: listOf(names, t), date: cardDate(match.round.endsAt) }),
    ),
    ...match.partners.map((p) => textBlock(partnerLine(p, t))),
    textBlock(t('coffee.intro.starter', { starter: escapeCardText(links.starter) })),
  ];
  if (!links.chatLink) body.push(subtleBlock(t('coffee.intro.findThem')));
  const answer = note ?? (match.myAnswer ? outcomeText(match.myAnswer, t) : undefined);
  body.push(subtleBlock(answer ?? t('coffee.intro.askLater')));
  const data = { roundId: match.round.id };
  const actions: Record<string, unknown>[] = [];
  if (links.chatLink)
    actions.push({
      type: 'Action.OpenUrl',
      title: t('coffee.action.chatNow'),
      url: links.chatLink,
    });
  if (links.meetingLink)
    actions.push({
      type: 'Action.OpenUrl',
      title: t('coffee.action.schedule'),
      url: links.meetingLink,
    });
  actions.push(
    execute(t('coffee.action.met'), COFFEE_VERBS.outcome, { ...data, outcome: 'met' }),
    execute(t('coffee.action.notYet'), COFFEE_VERBS.outcome, { ...data, outcome: 'not-yet' }),
    execute(t('coffee.action.skip'), COFFEE_VERBS.outcome, { ...data, outcome: 'skip' }),
  );
  return adaptiveCard(body, { actions });
}

/** Asked once, when a lead switches virtual coffee on. */
export function inviteCard(
  teamId: string,
  place: string,
  rhythm: string,
  t: Translate,
): AdaptiveCard {
  return adaptiveCard(
    [
      titleBlock(t('coffee.invite.title', { place })),
      textBlock(t('coffee.invite.text', { rhythm })),
      subtleBlock(t('coffee.invite.freedom')),
    ],
    {
      actions: [
        execute(t('coffee.action.join'), COFFEE_VERBS.join, { teamId }),
        execute(t('coffee.action.notNow'), COFFEE_VERBS.decline, { teamId }),
      ],
    },
  );
}

export interface StatusCardState {
  teamId: string;
  place: string;
  enabled: boolean;
  rhythm: string;
  members: number;
  nextRoundAt?: Date;
  /** The person who pressed a button sees their own status; nobody else's is shown. */
  mine?: { status: 'in' | 'out' | 'paused'; pausedUntil?: string | null };
  note?: string;
}

/** "@Rapport coffee": the programme, and one-click join, pause and leave. */
export function statusCard(state: StatusCardState, t: Translate): AdaptiveCard {
  const title = titleBlock(t('coffee.card.title', { place: state.place }));
  if (!state.enabled) return adaptiveCard([title, textBlock(t('coffee.status.off'))]);
  const body: Record<string, unknown>[] = [
    title,
    textBlock(t('coffee.status.text', { rhythm: state.rhythm, members: state.members })),
  ];
  if (state.nextRoundAt)
    body.push(
      subtleBlock(t('coffee.status.nextRound', { when: cardDateTime(state.nextRoundAt, t) })),
    );
  if (state.note) body.push(textBlock(state.note, { weight: 'Bolder' }));
  const data = { teamId: state.teamId };
  const status = state.mine?.status;
  const join = t(status === 'paused' ? 'coffee.action.resume' : 'coffee.action.join');
  const pause = t('coffee.action.pause', { weeks: CARD_PAUSE_WEEKS });
  const actions = [
    ...(status === 'in' ? [] : [execute(join, COFFEE_VERBS.join, data)]),
    ...(status === 'in' || status === undefined ? [execute(pause, COFFEE_VERBS.pause, data)] : []),
    ...(status === 'out' ? [] : [execute(t('coffee.action.leave'), COFFEE_VERBS.leave, data)]),
  ];
  return adaptiveCard(body, { actions });
}

/** A short answer in place of a card, naming the team. */
export function coffeeNoticeCard(
  place: string,
  message: string,
  t: Translate,
  teamId?: string,
): AdaptiveCard {
  return adaptiveCard([titleBlock(t('coffee.card.title', { place })), textBlock(message)], {
    actions: teamId ? [execute(t('coffee.action.joinAgain'), COFFEE_VERBS.join, { teamId })] : [],
  });
}
