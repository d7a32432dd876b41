import type { People } from '../../people/people';
import type { Feature, FeatureContext } from '../../platform/feature';
import { serveWith } from '../../platform/http/route';
import type { CheckinService } from '../checkins';
import { COFFEE_COLLECTIONS } from './coffee-collections';
import { COFFEE_ERROR_STATUSES } from './coffee-errors';
import { coffeeJobHandlers, JOB_INVITE, scheduleRound, scheduleTeamCoffee } from './coffee-jobs';
import { createCoffeePersonalData } from './coffee-personal-data-repository';
import { createCoffeeRepository } from './coffee-repository';
import { coffeeRoutes } from './coffee-routes';
import { createCoffeeService, type CoffeeService } from './coffee-service';
import { COFFEE_STORED_DATA } from './domain/coffee-stored-data';
import { createCoffeeDelivery } from './teams/coffee-delivery';
import { createCoffeeFlow } from './teams/coffee-flow';
import { COFFEE_HELP } from './teams/coffee-help';

export { coffeeCollections } from './coffee-collections';

export interface CoffeeFeature extends Feature {
  readonly service: CoffeeService;
}

/** Virtual coffee: fair groups on the team's rhythm, introduced privately, counted kindly. */
export function createCoffeeFeature(deps: {
  platform: FeatureContext;
  people: People;
  checkins: CheckinService;
}): CoffeeFeature {
  const { platform, people, checkins } = deps;
  const { installations } = people;
  const repo = createCoffeeRepository(platform.db);
  const service: CoffeeService = createCoffeeService({
    repo,
    roster: installations,
    leadership: checkins,
    delivery: createCoffeeDelivery({
      installations,
      enqueue: (m) => platform.outbox.enqueue(m),
      recipients: people.personalConversations.recipients,
      teamLanguage: (teamId) => checkins.language(teamId),
      rhythmOf: async (teamId) => {
        const [programme, { timeZone }] = await Promise.all([
          repo.programme(teamId),
          checkins.leadsAndZone(teamId),
        ]);
        return programme ? { settings: programme.settings, timeZone } : null;
      },
      logger: platform.logger,
    }),
    onRhythmChanged: (teamId) => scheduleTeamCoffee(platform.scheduler(), service, teamId),
    onFirstEnabled: (teamId) => platform.scheduler().schedule(JOB_INVITE, teamId, new Date()),
    onRoundStarted: (round) => scheduleRound(platform.scheduler(), round, new Date()),
  });
  const flow = createCoffeeFlow({ coffee: service, installations });
  return {
    name: 'coffee',
    collections: COFFEE_COLLECTIONS,
    storedData: COFFEE_STORED_DATA,
    personalData: createCoffeePersonalData(platform.db),
    errors: COFFEE_ERROR_STATUSES,
    help: COFFEE_HELP,
    routes: serveWith(coffeeRoutes, { coffee: service }),
    chatCommands: [(context) => flow.command(context)],
    observeMessage: (context) => flow.observe(context),
    cardVerbs: flow.cardVerbs,
    jobs: coffeeJobHandlers(service),
    service,
  };
}
