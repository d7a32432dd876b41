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

const DAY_NAMES: Record<CoffeeSettings['day'], string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** "every 2 weeks on Tuesday at 10:00 (Europe/Berlin)". */
export function rhythmText(settings: CoffeeSettings, timeZone: string): string {
  const every = settings.every === 1 ? 'every week' : `every ${settings.every} weeks`;
  return `${every} on ${DAY_NAMES[settings.day]} at ${settings.time} (${timeZone})`;
}

/** "3 h", "5 h 30 min", "45 min". */
const duration = (minutes: number) => {
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
};

/** "3 h ahead of you; you both work 09:00–12:00 your time". */
export function partnerLine(p: Partner): string {
  const offset =
    p.aheadMinutes === 0
      ? 'same time as you'
      : `${duration(p.aheadMinutes)} ${p.aheadMinutes > 0 ? 'ahead of' : 'behind'} you`;
  const shared = p.shared
    ? `you both work ${p.shared.start}–${p.shared.end} your time`
    : 'your working hours do not overlap, so pick a time that is kind to both of you';
  return `**${escapeCardText(p.name)}**: ${offset}; ${shared}.`;
}

const OUTCOME_TEXT: Record<MeetingOutcome, string> = {
  met: 'You said you met. Lovely!',
  'not-yet': 'You said not yet. There is still time this round.',
  skip: 'You skipped this round. See you at the next one.',
};

/** The introduction each member gets privately: who, when they work, where to start. */
export function introCard(
  match: MyMatch,
  place: string,
  links: { starter: string; chatLink: string | null; meetingLink: string | null },
  note?: string,
): AdaptiveCard {
  const names = match.partners.map((p) => escapeCardText(p.name));
  const body: Record<string, unknown>[] = [
    titleBlock(`Virtual coffee in ${place}`),
    textBlock(
      `This round you are paired with ${names.join(' and ')}. Find 30 minutes for a chat about anything but work before ${cardDate(match.round.endsAt)}.`,
    ),
    ...match.partners.map((p) => textBlock(partnerLine(p))),
    textBlock(`Something to start with: _${escapeCardText(links.starter)}_`),
  ];
  if (!links.chatLink) body.push(subtleBlock('Find them in Teams to say hello.'));
  const answer = note ?? (match.myAnswer ? OUTCOME_TEXT[match.myAnswer] : undefined);
  body.push(
    subtleBlock(
      answer ??
        'Near the end of the round, tell us whether you met: only the team’s count is kept.',
    ),
  );
  const data = { roundId: match.round.id };
  const actions: Record<string, unknown>[] = [];
  if (links.chatLink)
    actions.push({ type: 'Action.OpenUrl', title: 'Chat now', url: links.chatLink });
  if (links.meetingLink)
    actions.push({ type: 'Action.OpenUrl', title: 'Schedule 30 minutes', url: links.meetingLink });
  actions.push(
    execute('We met', COFFEE_VERBS.outcome, { ...data, outcome: 'met' }),
    execute('Not yet', COFFEE_VERBS.outcome, { ...data, outcome: 'not-yet' }),
    execute('Skip', COFFEE_VERBS.outcome, { ...data, outcome: 'skip' }),
  );
  return adaptiveCard(body, { actions });
}

/** Asked once, when a lead switches virtual coffee on. */
export function inviteCard(teamId: string, place: string, rhythm: string): AdaptiveCard {
  return adaptiveCard(
    [
      titleBlock(`Virtual coffee is starting in ${place}`),
      textBlock(
        `Rapport will pair you with a teammate ${rhythm} for a short, casual chat: the breakroom, for a remote team. Would you like to join?`,
      ),
      subtleBlock('You can pause or leave at any time, and nobody is told why.'),
    ],
    {
      actions: [
        execute('Join', COFFEE_VERBS.join, { teamId }),
        execute('Not now', COFFEE_VERBS.decline, { teamId }),
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
export function statusCard(state: StatusCardState): AdaptiveCard {
  if (!state.enabled)
    return adaptiveCard([
      titleBlock(`Virtual coffee in ${state.place}`),
      textBlock('Virtual coffee is off here. A lead can switch it on in the Rapport tab.'),
    ]);
  const body: Record<string, unknown>[] = [
    titleBlock(`Virtual coffee in ${state.place}`),
    textBlock(
      `Rapport pairs teammates ${state.rhythm} for a casual chat. ${state.members} ${state.members === 1 ? 'person takes' : 'people take'} part.`,
    ),
  ];
  if (state.nextRoundAt) body.push(subtleBlock(`Next round: ${cardDateTime(state.nextRoundAt)}.`));
  if (state.note) body.push(textBlock(state.note, { weight: 'Bolder' }));
  const data = { teamId: state.teamId };
  const status = state.mine?.status;
  const actions = [
    ...(status === 'in'
      ? []
      : [execute(status === 'paused' ? 'Resume' : 'Join', COFFEE_VERBS.join, data)]),
    ...(status === 'in' || status === undefined
      ? [execute(`Pause ${CARD_PAUSE_WEEKS} weeks`, COFFEE_VERBS.pause, data)]
      : []),
    ...(status === 'out' ? [] : [execute('Leave', COFFEE_VERBS.leave, data)]),
  ];
  return adaptiveCard(body, { actions });
}

/** A short answer in place of a card, naming the team. */
export function coffeeNoticeCard(place: string, message: string, teamId?: string): AdaptiveCard {
  return adaptiveCard([titleBlock(`Virtual coffee in ${place}`), textBlock(message)], {
    actions: teamId ? [execute('Join again', COFFEE_VERBS.join, { teamId })] : [],
  });
}
