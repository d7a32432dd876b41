import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { InstallationRepository } from '../../../people/domain/installation';
import type { PersonKey } from '../../../platform/domain/person-key';
import { addDays, isoDate, isValidTimeZone } from '../../../platform/domain/zoned-time';
import { cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import { commandText, startsWithCommand } from '../../../platform/teams/command-text';
import { refusalText } from '../../../platform/i18n/refusal-text';
import { turnTranslator } from '../../../platform/teams/turn-locale';
import type { MessageKey } from '../../../platform/i18n/catalogs';
import type { Translate } from '../../../platform/i18n/messages';
import { conversationIdentity } from '../../../platform/teams/conversation-identity';
import type { CardVerbHandler } from '../../../platform/teams/invoke-routing';
import { CoffeeError } from '../domain/coffee';
import type { CoffeeService, MeChange } from '../coffee-service';
import { matchLinks } from '../coffee-links';
import {
  CARD_PAUSE_WEEKS,
  coffeeNoticeCard,
  COFFEE_VERBS,
  introCard,
  rhythmText,
  statusCard,
} from './cards/coffee-cards';

const teamData = z.object({ teamId: z.string().min(1).max(400) });
const outcomeData = z.object({
  roundId: z.string().min(1).max(600),
  outcome: z.enum(['met', 'not-yet', 'skip']),
});

/** Who pressed a button: a person is an object id within a tenant. */
const personOf = (context: TurnContext): PersonKey => ({
  tenantId: context.activity.conversation?.tenantId ?? '',
  aadObjectId: context.activity.from.aadObjectId ?? context.activity.from.id,
});

/** Teams reports each sender's IANA zone with their messages (the clientInfo entity). */
export function reportedTimeZone(context: TurnContext): string | undefined {
  const info = (context.activity.entities ?? []).find((e) => e.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  const zone = info?.timezone;
  return typeof zone === 'string' && zone.length <= 100 && isValidTimeZone(zone) ? zone : undefined;
}

/** Virtual coffee in Teams: "@Rapport coffee", join/pause/leave buttons, "did you meet?". */
export function createCoffeeFlow(deps: {
  coffee: CoffeeService;
  installations: Pick<InstallationRepository, 'find' | 'isMember'>;
}) {
  const placeOf = async (teamId: string, t: Translate) =>
    conversationLabel(await deps.installations.find(teamId), t);

  const statusFor = async (
    teamId: string,
    person: PersonKey | undefined,
    t: Translate,
    note?: string,
  ) => {
    const view = await deps.coffee.view(teamId, person ?? { tenantId: '', aadObjectId: '' });
    return statusCard(
      {
        teamId,
        place: await placeOf(teamId, t),
        enabled: view.programme.settings.enabled,
        rhythm: rhythmText(view.programme.settings, view.timeZone, t),
        members: view.stats.members,
        nextRoundAt: view.nextRoundAt,
        mine: person
          ? { status: view.me.status, pausedUntil: view.me.entry?.pausedUntil }
          : undefined,
        note,
      },
      t,
    );
  };

  /** A join/pause/leave button: changes the presser's own place, answers with their own status. */
  const membershipVerb =
    (change: (today: Date) => MeChange, note: MessageKey): CardVerbHandler =>
    async (context, data) => {
      const t = turnTranslator(context);
      const parsed = teamData.safeParse(data);
      if (!parsed.success) return coffeeNoticeCard('Rapport', t('coffee.notice.unreadable'), t);
      const { teamId } = parsed.data;
      const person = personOf(context);
      if (!(await deps.installations.isMember(teamId, person.aadObjectId)))
        return coffeeNoticeCard(await placeOf(teamId, t), t('coffee.notice.notMember'), t);
      await deps.coffee.updateMe(teamId, person, change(new Date()));
      return statusFor(teamId, person, t, t(note, { weeks: CARD_PAUSE_WEEKS }));
    };

  const pauseUntil = (today: Date) => {
    const d = {
      year: today.getUTCFullYear(),
      month: today.getUTCMonth() + 1,
      day: today.getUTCDate(),
    };
    return isoDate(addDays(d, CARD_PAUSE_WEEKS * 7));
  };

  const outcome: CardVerbHandler = async (context, data) => {
    const t = turnTranslator(context);
    const parsed = outcomeData.safeParse(data);
    if (!parsed.success) return coffeeNoticeCard('Rapport', t('coffee.notice.unreadable'), t);
    const member = personOf(context).aadObjectId;
    try {
      const round = await deps.coffee.answer(parsed.data.roundId, member, parsed.data.outcome);
      const match = await deps.coffee.matchOf(round.teamId, member);
      const place = await placeOf(round.teamId, t);
      if (!match || match.round.id !== round.id)
        return coffeeNoticeCard(place, t('coffee.notice.noted'), t);
      const answered = { ...match, myAnswer: parsed.data.outcome };
      return introCard(answered, place, matchLinks(match, t), t);
    } catch (err) {
      if (!(err instanceof CoffeeError)) throw err;
      return coffeeNoticeCard('Rapport', refusalText(t, err), t);
    }
  };

  return {
    cardVerbs: {
      [COFFEE_VERBS.join]: membershipVerb(() => ({ status: 'in' }), 'coffee.note.joined'),
      [COFFEE_VERBS.decline]: membershipVerb(() => ({ status: 'out' }), 'coffee.note.declined'),
      [COFFEE_VERBS.pause]: membershipVerb(
        (today) => ({ status: 'paused', pausedUntil: pauseUntil(today) }),
        'coffee.note.paused',
      ),
      [COFFEE_VERBS.leave]: membershipVerb(() => ({ status: 'out' }), 'coffee.note.left'),
      [COFFEE_VERBS.outcome]: outcome,
    } satisfies Record<string, CardVerbHandler>,

    /** "coffee": the programme and its buttons, in the team or chat it belongs to. */
    async command(context: TurnContext): Promise<boolean> {
      if (!startsWithCommand(commandText(context.activity), 'commands.coffee.word')) return false;
      const t = turnTranslator(context);
      const identity = conversationIdentity(context.activity);
      if (!identity || identity.kind === 'personal') {
        await context.sendActivity(t('coffee.command.personal'));
        return true;
      }
      await context.sendActivity(
        MessageFactory.attachment(cardAttachment(await statusFor(identity.id, undefined, t))),
      );
      return true;
    },

    /** Keeps the zone Teams reports with a member's message (they may set their own instead). */
    async observe(context: TurnContext): Promise<void> {
      const zone = reportedTimeZone(context);
      if (zone) await deps.coffee.observeZone(personOf(context), zone);
    },
  };
}

export type CoffeeFlow = ReturnType<typeof createCoffeeFlow>;
