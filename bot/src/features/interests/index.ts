import type { People } from '../../people/people';
import type { CheckinService } from '../checkins';
import type { Feature, FeatureContext } from '../../platform/feature';
import { serveWith } from '../../platform/http/route';
import { INTERESTS_STORED_DATA } from './domain/interests-stored-data';
import { INTERESTS_COLLECTIONS } from './interests-collections';
import { INTERESTS_ERROR_STATUSES } from './interests-errors';
import { interestsJobHandlers, scheduleTalkEnd } from './interests-jobs';
import { createInterestsPersonalData } from './interests-personal-data-repository';
import { createInterestsRepository } from './interests-repository';
import { interestsRoutes } from './interests-routes';
import { createInterestsService } from './interests-service';
import { createInterestsDelivery } from './teams/interests-delivery';
import { INTERESTS_HELP } from './teams/interests-help';

export { interestsCollections } from './interests-collections';

/** Interest circles: teammates who share an interest find each other, meet, and give talks. */
export function createInterestsFeature(deps: {
  platform: FeatureContext;
  people: People;
  /** The team's language, for cards to members Rapport has not heard from yet. */
  checkins: Pick<CheckinService, 'language'>;
}): Feature {
  const { platform, people } = deps;
  const repo = createInterestsRepository(platform.db);
  const service = createInterestsService({
    repo,
    roster: people.installations,
    delivery: createInterestsDelivery({
      installations: people.installations,
      enqueue: (m) => platform.outbox.enqueue(m),
      recipients: people.personalConversations.recipients,
      teamLanguage: (teamId) => deps.checkins.language(teamId),
      logger: platform.logger,
    }),
    onTalkProposed: (teamId, talk) => scheduleTalkEnd(platform.scheduler(), teamId, talk),
  });
  return {
    name: 'interests',
    collections: INTERESTS_COLLECTIONS,
    storedData: INTERESTS_STORED_DATA,
    personalData: createInterestsPersonalData(platform.db, repo),
    errors: INTERESTS_ERROR_STATUSES,
    help: INTERESTS_HELP,
    routes: serveWith(interestsRoutes, { interests: service }),
    jobs: interestsJobHandlers(service),
  };
}
