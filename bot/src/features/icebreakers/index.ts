import type { People } from '../../people/people';
import type { Feature, FeatureContext } from '../../platform/feature';
import { serveWith } from '../../platform/http/route';
import type { CheckinService } from '../checkins';
import { ICEBREAKER_STORED_DATA } from './domain/icebreaker-stored-data';
import { ICEBREAKER_COLLECTIONS } from './icebreaker-collections';
import { ICEBREAKER_ERROR_STATUSES } from './icebreaker-errors';
import { icebreakerJobHandlers, scheduleWeeklyQuestion } from './icebreaker-jobs';
import { createIcebreakerRepository } from './icebreaker-repository';
import { icebreakerRoutes } from './icebreaker-routes';
import { createIcebreakerService, type IcebreakerService } from './icebreaker-service';
import { createIcebreakerDelivery } from './teams/icebreaker-delivery';
import { createIcebreakerFlow } from './teams/icebreaker-flow';
import { ICEBREAKER_HELP } from './teams/icebreaker-help';

export { icebreakerCollections } from './icebreaker-collections';
import type { Prompt } from './domain/prompts';

export type { Prompt };

export interface IcebreakersFeature extends Feature {
  /**
   * The next prompt from a team's deck, for other features: it shares the team's cycle, so a
   * prompt drawn anywhere is not drawn again anywhere before the deck is used up.
   */
  readonly drawPrompt: (teamId: string) => Promise<Prompt>;
}

/** Icebreakers: the team's prompt deck, a prompt when a meeting starts, the question of the week. */
export function createIcebreakersFeature(deps: {
  platform: FeatureContext;
  people: People;
  checkins: CheckinService;
}): IcebreakersFeature {
  const { platform, people, checkins } = deps;
  const { installations } = people;
  const service: IcebreakerService = createIcebreakerService({
    repo: createIcebreakerRepository(platform.db),
    leadership: checkins,
    installations,
    delivery: createIcebreakerDelivery({
      installations,
      enqueue: (m) => platform.outbox.enqueue(m),
      teamLanguage: (teamId) => checkins.language(teamId),
      logger: platform.logger,
    }),
    onWeeklyChanged: (teamId) => scheduleWeeklyQuestion(platform.scheduler(), service, teamId),
  });
  const flow = createIcebreakerFlow({
    icebreakers: service,
    teamLanguage: (teamId) => checkins.language(teamId),
    logger: platform.logger,
  });
  return {
    name: 'icebreakers',
    collections: ICEBREAKER_COLLECTIONS,
    storedData: ICEBREAKER_STORED_DATA,
    errors: ICEBREAKER_ERROR_STATUSES,
    help: ICEBREAKER_HELP,
    routes: serveWith(icebreakerRoutes, { icebreakers: service }),
    chatCommands: [(context) => flow.command(context)],
    cardVerbs: flow.cardVerbs,
    teamsEvents: flow.teamsEvents,
    jobs: icebreakerJobHandlers(service),
    drawPrompt: service.draw,
  };
}
