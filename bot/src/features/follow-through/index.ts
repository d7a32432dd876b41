import { randomUUID } from 'node:crypto';
import type { People } from '../../people/people';
import type { Feature, FeatureContext } from '../../platform/feature';
import { serveWith } from '../../platform/http/route';
import type { AgreementService } from '../agreements';
import type { CheckinService, RoundFollowUp } from '../checkins';
import { FOLLOW_STORED_DATA } from './domain/follow-stored-data';
import { FOLLOW_COLLECTIONS } from './follow-collections';
import { FOLLOW_ERROR_STATUSES } from './follow-errors';
import { followJobHandlers, scheduleResults } from './follow-jobs';
import { createFollowPersonalData } from './follow-personal-data-repository';
import { createFollowRepository } from './follow-repository';
import { followRoutes } from './follow-routes';
import { createFollowService, type FollowService } from './follow-service';
import { createFollowDelivery } from './teams/follow-delivery';
import { FOLLOW_HELP } from './teams/follow-help';

export { followCollections } from './follow-collections';

export interface FollowThroughFeature extends Feature {
  readonly service: FollowService;
  /** What the check-ins feature calls when a round opens and once it has closed. */
  readonly roundFollowUp: RoundFollowUp;
}

/** Follow-through: answer anonymous feedback in the open, act on it, and check back. */
export function createFollowThroughFeature(deps: {
  platform: FeatureContext;
  people: People;
  checkins: CheckinService;
  agreements: AgreementService;
}): FollowThroughFeature {
  const { platform } = deps;
  const service = createFollowService({
    repo: createFollowRepository(platform.db),
    checkins: deps.checkins,
    agreements: deps.agreements,
    delivery: createFollowDelivery({
      installations: deps.people.installations,
      enqueue: (m) => platform.outbox.enqueue(m),
      teamLanguage: (teamId) => deps.checkins.language(teamId),
      logger: platform.logger,
    }),
    scheduleResults: scheduleResults(platform.scheduler),
    newId: randomUUID,
  });
  return {
    name: 'follow-through',
    collections: FOLLOW_COLLECTIONS,
    storedData: FOLLOW_STORED_DATA,
    personalData: createFollowPersonalData(platform.db),
    errors: FOLLOW_ERROR_STATUSES,
    help: FOLLOW_HELP,
    routes: serveWith(followRoutes, { follow: service }),
    jobs: followJobHandlers(service),
    service,
    roundFollowUp: service.followUp,
  };
}
