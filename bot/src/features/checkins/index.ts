import { randomUUID } from 'node:crypto';
import type { People } from '../../people/people';
import type { Feature, FeatureContext } from '../../platform/feature';
import type { TrustWeekCounter } from '../trust-health';
import type { RoundFollowUp } from './domain/checkin-ports';
import { CHECKIN_COLLECTIONS } from './checkin-collections';
import { createCheckinDelivery } from './teams/checkin-delivery';
import { CHECKIN_ERROR_STATUSES } from './checkin-errors';
import { createCheckinPersonalData } from './checkin-personal-data-repository';
import { checkinJobHandlers, scheduleRoundEnd, scheduleTeamCheckins } from './checkin-jobs';
import { createCheckinRepository } from './checkin-repository';
import { serveWith } from '../../platform/http/route';
import { checkinRoutes } from './checkin-routes';
import { createCheckinService, type CheckinService } from './checkin-service';
import { CHECKIN_STORED_DATA } from './domain/checkin-stored-data';
import { createTeamSettingsRepository, type TeamValuesStore } from './team-settings-repository';
import { createCheckinFlow } from './teams/checkin-flow';
import { CHECKIN_HELP } from './teams/checkin-help';

export { checkinCollections } from './checkin-collections';
export {
  COMMENT_ID_PATTERN,
  MAX_QUESTIONS,
  MIN_GROUP_FLOOR,
  parseCommentId,
  type CheckBackQuestion,
  type RoundResult,
} from './domain/checkin';
export type {
  ClosedRound,
  Round,
  RoundComment,
  RoundFeedback,
  RoundFollowUp,
} from './domain/checkin-ports';
export { feedbackQuery, roundId as roundIdParam } from './checkin-schemas';
export { questionView } from './checkin-schemas';
export { isLeadOf } from './checkin-service';
export type { CheckinService, RosterReader } from './checkin-service';
export type { TeamValuesStore } from './team-settings-repository';

export interface CheckinsFeature extends Feature {
  readonly service: CheckinService;
  /** The team's settings, which hold its own values too. */
  readonly settings: TeamValuesStore;
}

/** Check-ins the team designs: the rhythm, the anonymous answers, the leads' proposals. */
export function createCheckinsFeature(deps: {
  platform: FeatureContext;
  people: People;
  trustWeeks: TrustWeekCounter;
  /** Follow-through, built after check-ins (it reads them), so read when a round opens or closes. */
  followUp?: () => RoundFollowUp | undefined;
}): CheckinsFeature {
  const { platform, people } = deps;
  const { installations } = people;
  const repo = createCheckinRepository(platform.db, deps.trustWeeks);
  const service: CheckinService = createCheckinService({
    repo,
    roster: installations,
    delivery: createCheckinDelivery({
      installations,
      enqueue: (m) => platform.outbox.enqueue(m),
      recipients: people.personalConversations.recipients,
      teamLanguage: async (teamId) => (await repo.config(teamId)).settings.language,
      logger: platform.logger,
    }),
    newId: randomUUID,
    onRhythmChanged: (teamId) => scheduleTeamCheckins(platform.scheduler(), service, teamId),
    onRoundOpened: (round) => scheduleRoundEnd(platform.scheduler(), round),
    followUp: deps.followUp,
  });
  const flow = createCheckinFlow({ checkins: service, installations });
  return {
    name: 'checkins',
    collections: CHECKIN_COLLECTIONS,
    storedData: CHECKIN_STORED_DATA,
    personalData: createCheckinPersonalData(platform.db),
    errors: CHECKIN_ERROR_STATUSES,
    help: CHECKIN_HELP,
    routes: serveWith(checkinRoutes, { checkins: service }),
    chatCommands: [(context) => flow.command(context)],
    cardVerbs: flow.cardVerbs,
    jobs: checkinJobHandlers({ checkins: service, installations, logger: platform.logger }),
    onInstalled: (teamId, installer, installerLocale) =>
      service.installed(teamId, installer, installerLocale),
    service,
    settings: createTeamSettingsRepository(platform.db),
  };
}
